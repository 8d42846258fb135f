/* Sanimap web map. Data from the API is only ever put into the page with textContent (never
 * innerHTML), so names like <img src=x onerror=alert(1)> show as text. */
(function () {
  'use strict';

  var TYPES = ['public_toilet', 'mobile_toilet', 'collection_point', 'collection_station', 'transfer_station'];
  var STATUSES = ['planned', 'site_selected', 'approved', 'under_construction', 'completed', 'in_service',
    'suspended', 'cancelled', 'decommissioned'];
  var PAGE_SIZE = 5000;
  var params = new URLSearchParams(window.location.search);
  var clustering = params.get('cluster') !== 'off';

  var state = {
    lang: pickLanguage(),
    styles: null,
    adding: false,
    moving: false,
    facilities: [],
    loadToken: 0
  };

  function pickLanguage() {
    var saved = localStorage.getItem('sanimap.lang');
    if (saved === 'zh-CN' || saved === 'en') { return saved; }
    return (navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en';
  }

  function t(key, vars) {
    var text = (window.SANIMAP_I18N[state.lang] || {})[key];
    if (text === undefined) { text = window.SANIMAP_I18N.en[key] || key; }
    if (vars) {
      Object.keys(vars).forEach(function (k) { text = text.split('{' + k + '}').join(String(vars[k])); });
    }
    return text;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function showMessage(text, kind) {
    var box = document.getElementById('message');
    box.textContent = text;
    box.className = kind === 'info' ? 'info' : '';
    box.hidden = false;
    clearTimeout(showMessage.timer);
    showMessage.timer = setTimeout(function () { box.hidden = true; }, kind === 'info' ? 2500 : 8000);
  }

  function problemText(body, status) {
    if (body && typeof body === 'object') {
      var text = body.detail || body.title || ('HTTP ' + status);
      if (Array.isArray(body.errors) && body.errors.length > 1) { text += '\n' + body.errors.join('\n'); }
      return text;
    }
    return 'HTTP ' + status;
  }

  function api(method, url, body) {
    var options = { method: method, headers: { 'Accept': 'application/json, application/geo+json, application/problem+json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      if (response.status === 204) { return { status: 204, body: null }; }
      return response.json().catch(function () { return null; }).then(function (json) {
        if (!response.ok) {
          var error = new Error(problemText(json, response.status));
          error.status = response.status;
          throw error;
        }
        return { status: response.status, body: json };
      });
    });
  }

  /* ---------- map and layers ---------- */

  var map = L.map('map', { zoomControl: true, maxZoom: 19, minZoom: 2 });
  map.setView([20, 0], 2);
  var typeLayers = {};
  TYPES.forEach(function (type) {
    typeLayers[type] = clustering ? L.markerClusterGroup({ disableClusteringAtZoom: 17, chunkedLoading: true })
      : L.layerGroup();
    typeLayers[type].addTo(map);
  });
  var demandLayer = L.layerGroup();
  var uncoveredLayer = L.layerGroup();
  var gapLayer = L.layerGroup();
  var gapAreaLayer = L.geoJSON(null, { style: function (f) {
    return f.properties.kind === 'gap' ? { color: '#b71c1c', weight: 1, fillOpacity: 0.15 }
      : { color: '#2e7d32', weight: 1, fillOpacity: 0.25 };
  } });
  var districtLayer = L.geoJSON(null, { style: function () { return state.styles ? state.styles.districts : {}; } });
  var layerControl = null;
  var baseLayers = {};

  function buildLayerControl(basemaps) {
    if (layerControl) { map.removeControl(layerControl); }
    var overlays = {};
    TYPES.forEach(function (type) { overlays[t('type.' + type)] = typeLayers[type]; });
    overlays[t('layer.demand')] = demandLayer;
    overlays[t('layer.districts')] = districtLayer;
    overlays[t('layer.uncovered')] = uncoveredLayer;
    overlays[t('layer.gaps')] = gapLayer;
    overlays[t('layer.gapAreas')] = gapAreaLayer;
    var bases = {};
    basemaps.forEach(function (b) { bases[b.label[state.lang] || b.label.en || b.id] = baseLayers[b.id]; });
    layerControl = L.control.layers(bases, overlays, { collapsed: true }).addTo(map);
  }

  function loadBasemaps() {
    return api('GET', '/api/maps/basemaps').catch(function () {
      return api('GET', '/maps/basemaps.json');
    }).then(function (r) {
      var config = r.body;
      var usable = config.basemaps.filter(function (b) { return b.available !== false; });
      usable.forEach(function (b) {
        var group = L.layerGroup();
        b.layers.forEach(function (layer) {
          if (layer.url.indexOf('{key}') >= 0) { return; }
          group.addLayer(L.tileLayer(layer.url, {
            maxZoom: layer.maxZoom || 19, subdomains: layer.subdomains || 'abc', attribution: layer.attribution || ''
          }));
        });
        baseLayers[b.id] = group;
      });
      var chosen = localStorage.getItem('sanimap.basemap');
      if (!baseLayers[chosen]) { chosen = baseLayers[config['default']] ? config['default'] : usable[0].id; }
      baseLayers[chosen].addTo(map);
      map.on('baselayerchange', function (e) {
        Object.keys(baseLayers).forEach(function (id) {
          if (baseLayers[id] === e.layer) { localStorage.setItem('sanimap.basemap', id); }
        });
      });
      state.basemaps = usable;
      buildLayerControl(usable);
    });
  }

  /* ---------- filters, legend, texts ---------- */

  function checkboxes(containerId, codes, prefix, labelPrefix) {
    var box = document.getElementById(containerId);
    var checked = {};
    box.querySelectorAll('input').forEach(function (i) { checked[i.value] = i.checked; });
    box.textContent = '';
    codes.forEach(function (code) {
      var label = el('label');
      var input = el('input', { type: 'checkbox', id: prefix + code, value: code });
      input.checked = checked[code] !== false;
      input.addEventListener('change', loadFacilities);
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + t(labelPrefix + code)));
      box.appendChild(label);
    });
  }

  function renderLegend() {
    var legend = document.getElementById('legend');
    legend.textContent = '';
    STATUSES.forEach(function (s) {
      var row = el('div', { 'class': 'legend-row' });
      var swatch = el('span', { 'class': 'swatch' });
      swatch.style.background = state.styles.statusColors[s];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(t('status.' + s)));
      legend.appendChild(row);
    });
    TYPES.forEach(function (type) {
      var row = el('div', { 'class': 'legend-row' });
      row.appendChild(el('span', { 'class': 'symbol' }, state.styles.typeSymbols[type]));
      row.appendChild(document.createTextNode(t('type.' + type)));
      legend.appendChild(row);
    });
  }

  function renderTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('app.title');
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    document.getElementById('lang-toggle').textContent = t('lang.other');
    checkboxes('filter-types', TYPES, 'filter-type-', 'type.');
    checkboxes('filter-statuses', STATUSES, 'filter-status-', 'status.');
    fillFormSelects();
    fillCoverageTypes();
    renderCoverage();
    if (state.styles) { renderStandard(); }
    renderLegend();
    renderCount();
    if (state.basemaps) { buildLayerControl(state.basemaps); }
  }

  function renderCount() {
    var node = document.getElementById('facility-count');
    node.setAttribute('data-count', String(state.facilities.length));
    node.textContent = t('count', { n: state.facilities.length });
  }

  function selected(containerId) {
    var all = document.querySelectorAll('#' + containerId + ' input');
    var on = [];
    all.forEach(function (i) { if (i.checked) { on.push(i.value); } });
    return { values: on, all: on.length === all.length };
  }

  function loadDistricts() {
    return api('GET', '/api/facilities/districts').then(function (r) {
      var select = document.getElementById('filter-district');
      var current = select.value;
      while (select.options.length > 1) { select.remove(1); }
      r.body.forEach(function (d) { select.appendChild(el('option', { value: d }, d)); });
      select.value = r.body.indexOf(current) >= 0 ? current : '';
    });
  }

  /* ---------- facilities ---------- */

  function query() {
    var types = selected('filter-types');
    var statuses = selected('filter-statuses');
    if (types.values.length === 0 || statuses.values.length === 0) { return null; }
    var q = new URLSearchParams();
    if (!types.all) { q.set('type', types.values.join(',')); }
    if (!statuses.all) { q.set('status', statuses.values.join(',')); }
    var district = document.getElementById('filter-district').value;
    if (district) { q.set('district', district); }
    q.set('size', String(PAGE_SIZE));
    return q;
  }

  function loadFacilities() {
    var token = ++state.loadToken;
    var q = query();
    if (q === null) { return showFacilities([], token); }
    var collected = [];
    function page(n) {
      q.set('page', String(n));
      return api('GET', '/api/facilities?' + q.toString()).then(function (r) {
        collected = collected.concat(r.body.features);
        if (collected.length < r.body.totalCount && r.body.features.length > 0) { return page(n + 1); }
        return collected;
      });
    }
    return page(0).then(function (features) { showFacilities(features, token); })
      .catch(function (e) { showMessage(e.message); });
  }

  function icon(feature) {
    var p = feature.properties;
    var dot = el('div', { 'class': 'dot', 'data-facility-id': String(feature.id) }, state.styles.typeSymbols[p.type] || '?');
    dot.style.background = state.styles.statusColors[p.status] || '#777';
    return L.divIcon({
      className: 'facility-marker type-' + p.type + ' status-' + p.status,
      html: dot, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10]
    });
  }

  function showFacilities(features, token) {
    if (token !== state.loadToken) { return; }
    TYPES.forEach(function (type) { typeLayers[type].clearLayers(); });
    var byType = {};
    features.forEach(function (f) {
      var c = f.geometry.coordinates;
      var marker = L.marker([c[1], c[0]], { icon: icon(f), draggable: state.moving, title: f.properties.name || '' });
      marker.feature = f;
      marker.bindPopup(function () { return popup(marker); }, { maxWidth: 360 });
      marker.on('dragend', function () { moved(marker); });
      (byType[f.properties.type] = byType[f.properties.type] || []).push(marker);
    });
    Object.keys(byType).forEach(function (type) {
      if (typeLayers[type].addLayers) { typeLayers[type].addLayers(byType[type]); }
      else { byType[type].forEach(function (m) { typeLayers[type].addLayer(m); }); }
    });
    state.facilities = features;
    renderCount();
  }

  function popup(marker) {
    var f = marker.feature;
    var p = f.properties;
    var box = el('div', { 'class': 'facility-popup' });
    box.appendChild(el('strong', { 'class': 'popup-name' }, p.name || t('type.' + p.type)));
    var table = el('table', { 'class': 'popup-table' });
    function row(key, value) {
      if (value === null || value === undefined || value === '') { return; }
      var tr = el('tr');
      tr.appendChild(el('th', null, t(key)));
      tr.appendChild(el('td', null, value));
      table.appendChild(tr);
    }
    row('field.id', p.id);
    row('field.type', t('type.' + p.type));
    row('field.status', t('status.' + p.status));
    row('field.name', p.name);
    row('field.address', p.address);
    row('field.district', p.district);
    row('field.capacity', p.capacity);
    row('field.sizeClass', p.sizeClass ? t('size.' + p.sizeClass) : null);
    row('field.toiletGrade', p.toiletGrade);
    row('field.openingHours', p.openingHours);
    row('field.barrierFree', p.barrierFree === null || p.barrierFree === undefined ? null : t(p.barrierFree ? 'value.yes' : 'value.no'));
    row('field.operator', p.operator);
    row('field.source', p.sourceDetail || p.sourceKind);
    row('field.updatedAt', p.updatedAt);
    row('field.version', p.version);
    // after a coverage run: whom it serves, and whom only it serves (what closing it would uncover)
    var catchment = state.catchments && state.catchments[p.id];
    if (catchment) {
      row('field.catchment', t('catchment.text', { within: Math.round(catchment.residentsWithin).toLocaleString(),
        only: Math.round(catchment.residentsOnlyHere).toLocaleString() }));
      table.lastChild.setAttribute('class', 'popup-catchment');
      table.lastChild.setAttribute('data-only', String(catchment.residentsOnlyHere));
    }
    box.appendChild(table);
    var actions = el('div', { 'class': 'popup-actions' });
    var edit = el('button', { type: 'button', 'class': 'btn-edit' }, t('action.edit'));
    edit.addEventListener('click', function () { map.closePopup(); openForm(f, null); });
    var del = el('button', { type: 'button', 'class': 'btn-delete' }, t('action.delete'));
    del.addEventListener('click', function () { remove(f); });
    actions.appendChild(edit);
    actions.appendChild(del);
    box.appendChild(actions);
    return box;
  }

  function afterChange(message) {
    showMessage(message, 'info');
    return Promise.all([loadFacilities(), loadDistricts()]).then(registryChanged);
  }

  /** After an import from this page: the map reads afresh what the file may have changed. */
  function dataImported(target) {
    if (target === 'facilities') {
      return Promise.all([loadFacilities(), loadDistricts()]).then(registryChanged);
    }
    resetOverlays();
    if (target === 'demand') { return loadDemandLayers(); }
    return loadDistrictLayers().then(function () {
      window.sanimap.onDistrictsChange.forEach(function (f) { f(); });
    });
  }

  /** Tells the other scripts of the page (progress.js) that the registry was written from this page. */
  function registryChanged() {
    window.sanimap.onRegistryChange.forEach(function (f) { f(); });
  }

  function failed(e) {
    if (e.status === 409 || e.status === 412) {
      showMessage(t('msg.stale') + e.message);
      loadFacilities();
    } else {
      showMessage(e.message);
    }
  }

  function moved(marker) {
    var f = marker.feature;
    var ll = marker.getLatLng();
    var body = featureBody(f.properties, ll.lng, ll.lat);
    body.properties.version = f.properties.version;
    api('PUT', '/api/facilities/' + f.id, body).then(function () { return afterChange(t('msg.saved')); }).catch(failed);
  }

  function remove(f) {
    if (!window.confirm(t('msg.confirmDelete'))) { return; }
    map.closePopup();
    api('DELETE', '/api/facilities/' + f.id + '?version=' + f.properties.version)
      .then(function () { return afterChange(t('msg.deleted')); }).catch(failed);
  }

  function featureBody(p, lon, lat) {
    var props = {};
    ['type', 'status', 'name', 'address', 'district', 'capacity', 'toiletGrade', 'openingHours', 'barrierFree', 'operator']
      .forEach(function (k) { props[k] = p[k] === undefined ? null : p[k]; });
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props };
  }

  /* ---------- form ---------- */

  function fillFormSelects() {
    var form = document.getElementById('facility-form');
    [['type', TYPES, 'type.'], ['status', STATUSES, 'status.']].forEach(function (spec) {
      var select = form.elements[spec[0]];
      var value = select.value;
      select.textContent = '';
      spec[1].forEach(function (code) { select.appendChild(el('option', { value: code }, t(spec[2] + code))); });
      if (value) { select.value = value; }
    });
  }

  function openForm(feature, latlng) {
    var form = document.getElementById('facility-form');
    form.reset();
    var p = feature ? feature.properties : { type: 'public_toilet', status: 'in_service' };
    var lon = feature ? feature.geometry.coordinates[0] : latlng.lng;
    var lat = feature ? feature.geometry.coordinates[1] : latlng.lat;
    form.elements.id.value = feature ? feature.id : '';
    form.elements.version.value = feature ? p.version : '';
    form.elements.lon.value = lon;
    form.elements.lat.value = lat;
    ['type', 'status', 'name', 'address', 'district', 'capacity', 'toiletGrade', 'openingHours', 'operator'].forEach(function (k) {
      form.elements[k].value = p[k] === null || p[k] === undefined ? '' : p[k];
    });
    form.elements.barrierFree.value = p.barrierFree === true ? 'true' : p.barrierFree === false ? 'false' : '';
    document.getElementById('form-title').textContent = t(feature ? 'form.edit' : 'form.new');
    document.getElementById('form-coords').textContent = t('form.coords', { lon: lon.toFixed(6), lat: lat.toFixed(6) });
    document.getElementById('form-backdrop').hidden = false;
    form.elements.name.focus();
    if (!feature) { suggestDistrict(form, lon, lat); }
  }

  /** A new facility's district: the planning area it lies in, unless one was typed meanwhile. */
  function suggestDistrict(form, lon, lat) {
    var q = new URLSearchParams({ lon: String(lon), lat: String(lat) });
    if (districtLayerName()) { q.set('layer', districtLayerName()); }
    api('GET', '/api/districts/at?' + q.toString()).then(function (r) {
      if (r.body && r.body.district && form.elements.district.value === '' && !form.elements.id.value) {
        form.elements.district.value = r.body.district;
      }
    }).catch(function () { /* no suggestion: the field stays as the user leaves it */ });
  }

  function closeForm() {
    document.getElementById('form-backdrop').hidden = true;
  }

  function submitForm(event) {
    event.preventDefault();
    var form = event.target;
    var v = function (name) { var x = form.elements[name].value.trim(); return x === '' ? null : x; };
    var props = {
      type: v('type'), status: v('status'), name: v('name'), address: v('address'), district: v('district'),
      capacity: v('capacity') === null ? null : Number(v('capacity')), toiletGrade: v('toiletGrade'),
      openingHours: v('openingHours'), barrierFree: v('barrierFree') === null ? null : v('barrierFree') === 'true',
      operator: v('operator')
    };
    var body = featureBody(props, Number(form.elements.lon.value), Number(form.elements.lat.value));
    var id = form.elements.id.value;
    var request;
    if (id) {
      body.properties.version = Number(form.elements.version.value);
      request = api('PUT', '/api/facilities/' + id, body);
    } else {
      request = api('POST', '/api/facilities', body);
    }
    request.then(function () { closeForm(); return afterChange(t('msg.saved')); }).catch(failed);
  }

  /* ---------- modes ---------- */

  function setAdding(on) {
    state.adding = on;
    document.getElementById('btn-add').classList.toggle('active', on);
    document.getElementById('map').classList.toggle('adding', on);
    if (on) { showMessage(t('hint.add'), 'info'); }
  }

  function setMoving(on) {
    state.moving = on;
    document.getElementById('btn-edit-mode').classList.toggle('active', on);
    TYPES.forEach(function (type) {
      typeLayers[type].eachLayer(function (m) {
        if (m.dragging) { if (on) { m.dragging.enable(); } else { m.dragging.disable(); } }
      });
    });
    if (on) { showMessage(t('hint.editMode'), 'info'); }
  }

  /* ---------- optional overlays ---------- */

  /** The population layer the panels work on: the one chosen, or null for the only one (or none). */
  function demandLayerName() {
    var select = document.getElementById('coverage-layer');
    return select && select.value ? select.value : null;
  }

  /**
   * Fills a layer choice from the stored layers, keeping the current choice while it exists; the choice is shown
   * from {@code shownFrom} layers on. allKey: the text of an option for every layer (or none), or null.
   */
  function fillLayerChoice(layers, selectId, allKey, shownFrom) {
    var select = document.getElementById(selectId);
    var current = select.value;
    select.textContent = '';
    if (allKey) { select.appendChild(el('option', { value: '' }, t(allKey))); }
    var names = layers.map(function (l) { return l.name; });
    names.forEach(function (name) { select.appendChild(el('option', { value: name }, name)); });
    select.value = names.indexOf(current) >= 0 ? current : (allKey ? '' : (names[0] || ''));
    document.getElementById(selectId + '-label').hidden = names.length < shownFrom;
  }

  /** The stored population layers. */
  function loadDemandLayers() {
    return api('GET', '/api/demand/layers').then(function (r) { fillLayerChoice(r.body, 'coverage-layer', null, 2); });
  }

  /** The layer of planning areas that splits the figures, or null for every stored one. */
  function districtLayerName() {
    var select = document.getElementById('coverage-district-layer');
    return select && select.value ? select.value : null;
  }

  /** The layer of radius zones, or null for one radius everywhere. */
  function zoneLayerName() {
    var select = document.getElementById('coverage-zone-layer');
    return select && select.value ? select.value : null;
  }

  /** The stored layers of planning areas, as the districts' choice and the radius zones' (shown from one layer). */
  function loadDistrictLayers() {
    return api('GET', '/api/districts/layers').then(function (r) {
      fillLayerChoice(r.body, 'coverage-district-layer', 'coverage.allDistrictLayers', 2);
      fillLayerChoice(r.body, 'coverage-zone-layer', 'coverage.noZones', 1);
    });
  }

  /** Drops what the optional overlays hold, so they are read afresh (now if they are on). */
  function resetOverlays() {
    [demandLayer, districtLayer].forEach(function (layer) {
      layer.clearLayers();
      if (map.hasLayer(layer)) { map.removeLayer(layer); map.addLayer(layer); }
    });
  }

  map.on('overlayadd', function (e) {
    if (e.layer === demandLayer && demandLayer.getLayers().length === 0) {
      var name = demandLayerName();
      api('GET', '/api/demand' + (name ? '?layer=' + encodeURIComponent(name) : '')).then(function (r) {
        var max = 1;
        r.body.features.forEach(function (f) { max = Math.max(max, f.properties.population); });
        r.body.features.forEach(function (f) {
          var c = f.geometry.coordinates;
          var radius = 2 + state.styles.demand.maxRadiusPixels * Math.sqrt(f.properties.population / max);
          var circle = L.circleMarker([c[1], c[0]], { radius: radius, color: state.styles.demand.color, weight: 1, fillOpacity: 0.3 });
          circle.bindTooltip(function () { return el('span', null, String(f.properties.population)); });
          demandLayer.addLayer(circle);
        });
      }).catch(function (err) { showMessage(err.message); });
    }
    if (e.layer === districtLayer && districtLayer.getLayers().length === 0) {
      var layerName = districtLayerName();
      api('GET', '/api/districts' + (layerName ? '?layer=' + encodeURIComponent(layerName) : '')).then(function (r) {
        districtLayer.addData(r.body);
        districtLayer.eachLayer(function (layer) {
          layer.bindTooltip(function () { return el('span', null, layer.feature.properties.name); });
        });
      }).catch(function (err) { showMessage(err.message); });
    }
  });

  /* ---------- coverage ---------- */

  /* ---------- standards catalogue ---------- */

  function ruleBody(rule) {
    var body = {};
    ['code', 'facilityType', 'kind', 'areaClass', 'minValue', 'maxValue', 'source', 'confidence', 'active', 'note', 'version']
      .forEach(function (k) { body[k] = rule[k] === undefined ? null : rule[k]; });
    return body;
  }

  function loadStandards() {
    var type = document.getElementById('coverage-type').value || 'public_toilet';
    return api('GET', '/api/standards?type=' + encodeURIComponent(type)).then(function (r) {
      var table = document.getElementById('standards-table');
      table.textContent = '';
      r.body.forEach(function (rule) {
        var tr = el('tr', { 'data-rule': rule.code });
        var activeCell = el('td');
        var active = el('input', { type: 'checkbox', title: t('standards.active'), 'class': 'rule-active' });
        active.checked = rule.active;
        active.addEventListener('change', function () {
          var body = ruleBody(rule);
          body.active = active.checked;
          saveRule(rule.id, body);
        });
        activeCell.appendChild(active);
        tr.appendChild(activeCell);
        var text = el('td');
        text.appendChild(el('div', null, rule.kind + ' · ' + rule.areaClass));
        text.appendChild(el('div', { 'class': 'coords' }, rule.source + ' (' + rule.confidence + ')'));
        tr.appendChild(text);
        var valueCell = el('td');
        var max = el('input', { type: 'number', step: 'any', min: '0', 'class': 'rule-max' });
        max.value = rule.maxValue === null ? '' : rule.maxValue;
        max.addEventListener('change', function () {
          var body = ruleBody(rule);
          body.maxValue = max.value === '' ? null : Number(max.value);
          saveRule(rule.id, body);
        });
        valueCell.appendChild(max);
        valueCell.appendChild(el('span', { 'class': 'coords' }, ' ' + rule.unit));
        tr.appendChild(valueCell);
        table.appendChild(tr);
      });
    }).catch(function (e) { showMessage(e.message); });
  }

  function saveRule(id, body) {
    api('PUT', '/api/standards/' + id, body).then(function () {
      showMessage(t('msg.saved'), 'info');
      return applyActiveStandard();
    }).catch(function (e) { showMessage(e.message); loadStandards(); });
  }

  document.getElementById('standard-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var num = function (n) { return form.elements[n].value === '' ? null : Number(form.elements[n].value); };
    api('POST', '/api/standards', {
      code: form.elements.code.value.trim(), facilityType: document.getElementById('coverage-type').value,
      kind: form.elements.kind.value, areaClass: form.elements.areaClass.value.trim(), minValue: num('minValue'),
      maxValue: num('maxValue'), source: form.elements.source.value.trim(), confidence: form.elements.confidence.value,
      active: false
    }).then(function () { form.reset(); showMessage(t('msg.saved'), 'info'); return loadStandards(); })
      .catch(function (e) { showMessage(e.message); });
  });

  /* The radius field follows the type's active radius rule in the standards catalogue. */
  function applyActiveStandard() {
    loadStandards();
    var type = document.getElementById('coverage-type').value;
    return api('GET', '/api/standards?kind=radius&active=true&type=' + encodeURIComponent(type)).then(function (r) {
      var rule = r.body[0];
      state.standard = rule || null;
      if (rule) { document.getElementById('coverage-radius').value = rule.maxValue; }
      renderStandard();
    }).catch(function (e) { showMessage(e.message); });
  }

  function renderStandard() {
    var node = document.getElementById('coverage-standard');
    node.textContent = state.standard ? t('coverage.standard', { source: state.standard.source, value: state.standard.maxValue })
      : t('coverage.noStandard');
  }

  function fillCoverageTypes() {
    var select = document.getElementById('coverage-type');
    var value = select.value || 'public_toilet';
    select.textContent = '';
    TYPES.forEach(function (code) { select.appendChild(el('option', { value: code }, t('type.' + code))); });
    select.value = value;
  }

  function coverageQuery() {
    var q = new URLSearchParams();
    q.set('type', document.getElementById('coverage-type').value);
    q.set('radiusMeters', document.getElementById('coverage-radius').value);
    q.set('metric', document.getElementById('coverage-metric').value);
    var include = [];
    if (document.getElementById('coverage-include-construction').checked) { include.push('under_construction', 'completed'); }
    if (document.getElementById('coverage-include-planned').checked) { include.push('planned', 'site_selected', 'approved'); }
    if (include.length) { q.set('include', include.join(',')); }
    var asOf = document.getElementById('coverage-asof').value;
    if (asOf) { q.set('asOf', asOf); }
    if (demandLayerName()) { q.set('layer', demandLayerName()); }
    if (districtLayerName()) { q.set('districtLayer', districtLayerName()); }
    if (zoneLayerName()) { q.set('zoneLayer', zoneLayerName()); }
    return q;
  }

  function runCoverage() {
    var q = coverageQuery();
    return Promise.all([api('GET', '/api/coverage?' + q.toString()), api('GET', '/api/coverage/uncovered?' + q.toString()),
      api('GET', '/api/coverage/gap-areas?' + q.toString()), api('GET', '/api/coverage/catchments?' + q.toString())])
      .then(function (r) {
        state.coverage = r[0].body;
        state.catchments = {};
        r[3].body.forEach(function (c) { state.catchments[c.facilityId] = c; });
        renderCoverage();
        ['csv', 'xlsx', 'html'].forEach(function (ext) {
          document.getElementById('download-' + ext).setAttribute('href', '/api/coverage/report.' + ext + '?' + q.toString());
        });
        ['csv', 'xlsx'].forEach(function (ext) {
          document.getElementById('download-catchments-' + ext).setAttribute('href', '/api/coverage/catchments.' + ext + '?'
            + q.toString());
        });
        // the printable report carries the month-by-month line (from the day to compare with, else a year back)
        var since = document.getElementById('coverage-since').value;
        document.getElementById('download-html').setAttribute('href', '/api/coverage/report.html?' + q.toString()
          + '&trend=month' + (since ? '&since=' + encodeURIComponent(since) : ''));
        document.getElementById('coverage-downloads').hidden = false;
        var metricOnly = new URLSearchParams();
        metricOnly.set('metric', q.get('metric'));
        if (q.get('include')) { metricOnly.set('include', q.get('include')); }
        if (q.get('asOf')) { metricOnly.set('asOf', q.get('asOf')); }
        if (q.get('layer')) { metricOnly.set('layer', q.get('layer')); }
        if (q.get('districtLayer')) { metricOnly.set('districtLayer', q.get('districtLayer')); }
        if (q.get('zoneLayer')) { metricOnly.set('zoneLayer', q.get('zoneLayer')); }
        document.getElementById('download-by-type-csv').setAttribute('href', '/api/coverage/by-type.csv?' + metricOnly.toString());
        document.getElementById('download-by-type-xlsx').setAttribute('href', '/api/coverage/by-type.xlsx?' + metricOnly.toString());
        uncoveredLayer.clearLayers();
        r[1].body.features.forEach(function (f) {
          var c = f.geometry.coordinates;
          var circle = L.circleMarker([c[1], c[0]], { radius: 4, color: '#c62828', weight: 1, fillOpacity: 0.5,
            className: 'uncovered-cell' });
          circle.bindTooltip(function () { return el('span', null, String(f.properties.population)); });
          uncoveredLayer.addLayer(circle);
        });
        gapLayer.clearLayers();
        state.coverage.gaps.forEach(function (g) {
          var marker = L.marker([g.lat, g.lon], { icon: L.divIcon({ className: 'gap-label', html: el('div', null, String(g.rank)),
            iconSize: [20, 20] }) });
          marker.bindTooltip(function () {
            return el('span', null, t('coverage.gap', { rank: g.rank, population: Math.round(g.population), cells: g.cells })
              + (g.district ? ' · ' + g.district : ''));
          });
          gapLayer.addLayer(marker);
        });
        gapAreaLayer.clearLayers();
        gapAreaLayer.addData(r[2].body);
        if (!map.hasLayer(gapAreaLayer)) { gapAreaLayer.addTo(map); }
        if (!map.hasLayer(uncoveredLayer)) { uncoveredLayer.addTo(map); }
        if (!map.hasLayer(gapLayer)) { gapLayer.addTo(map); }
      }).catch(function (e) { showMessage(e.message); });
  }

  /** Coverage at the end of each of the last 12 months (the facilities as they stood then), as a table. */
  function runCoverageTrend() {
    var q = coverageQuery();
    q.delete('asOf');
    q.set('step', 'month');
    return api('GET', '/api/coverage/trend?' + q.toString()).then(function (r) {
      var table = document.getElementById('coverage-trend');
      table.textContent = '';
      var head = el('tr');
      ['coverage.day', 'coverage.facilities', 'coverage.percent'].forEach(function (k) { head.appendChild(el('th', null, t(k))); });
      table.appendChild(head);
      r.body.points.forEach(function (p) {
        var tr = el('tr', { 'class': 'trend-row', 'data-covered': String(p.coveredPopulation) });
        tr.appendChild(el('td', null, p.asOf + (p.projected ? ' *' : '')));
        tr.appendChild(el('td', null, String(p.facilityCount)));
        tr.appendChild(el('td', null, p.coveredPercent.toFixed(1) + '%'));
        table.appendChild(tr);
      });
      ['csv', 'xlsx'].forEach(function (ext) {
        var link = document.getElementById('download-trend-' + ext);
        link.setAttribute('href', '/api/coverage/trend.' + ext + '?' + q.toString());
        link.hidden = false;
      });
    }).catch(function (e) { showMessage(e.message); });
  }

  function renderCoverage() {
    var report = state.coverage;
    var summary = document.getElementById('coverage-summary');
    var table = document.getElementById('coverage-table');
    table.textContent = '';
    if (!report) { summary.textContent = ''; return; }
    summary.setAttribute('data-covered', String(report.coveredPopulation));
    summary.textContent = t('coverage.summary', { covered: Math.round(report.coveredPopulation).toLocaleString(),
      total: Math.round(report.totalPopulation).toLocaleString(), percent: report.coveredPercent.toFixed(1),
      facilities: report.facilityCount, radius: report.radiusMeters })
      + (report.asOf ? ' · ' + t(report.projected ? 'coverage.summaryProjected' : 'coverage.summaryAsOf', { date: report.asOf }) : '')
      + (report.zoning ? ' · ' + t('coverage.summaryZoned', { layer: report.zoning.layer }) : '');
    if (report.asOf) { summary.setAttribute('data-as-of', report.asOf); } else { summary.removeAttribute('data-as-of'); }
    var head = el('tr');
    ['coverage.district', 'coverage.percent', 'coverage.uncovered'].forEach(function (k) { head.appendChild(el('th', null, t(k))); });
    table.appendChild(head);
    report.perDistrict.forEach(function (d) {
      var tr = el('tr', { 'class': 'district-row', 'data-district': d.name, 'data-total': String(d.total),
        'data-covered': String(d.covered) });
      tr.appendChild(el('td', null, d.name));
      tr.appendChild(el('td', null, d.coveredPercent.toFixed(1) + '%'));
      tr.appendChild(el('td', null, Math.round(d.total - d.covered).toLocaleString()));
      table.appendChild(tr);
    });
    if (report.zoning) {
      // each zone's radius, from the rule named after it; the rest of the city at the radius field's
      var zoneHead = el('tr');
      ['coverage.zone', 'coverage.percent', 'coverage.uncovered'].forEach(function (k) { zoneHead.appendChild(el('th', null, t(k))); });
      table.appendChild(zoneHead);
      report.zoning.zones.forEach(function (z) {
        var tr = el('tr', { 'class': 'zone-row', 'data-zone': z.name, 'data-radius': String(z.radiusMeters),
          'data-total': String(z.total), 'data-covered': String(z.covered) });
        tr.appendChild(el('td', null, t('coverage.zoneName', { zone: z.name === '(outside zones)' ? t('coverage.outsideZones')
          : z.name, radius: z.radiusMeters })));
        tr.appendChild(el('td', null, z.coveredPercent.toFixed(1) + '%'));
        tr.appendChild(el('td', null, Math.round(z.total - z.covered).toLocaleString()));
        table.appendChild(tr);
      });
      if (report.zoning.zonesWithoutRule.length) {
        var none = el('tr');
        none.appendChild(el('td', { colspan: '3', 'class': 'coords' },
          t('coverage.zonesWithoutRule', { zones: report.zoning.zonesWithoutRule.join(', ') })));
        table.appendChild(none);
      }
    }
  }

  document.getElementById('btn-coverage').addEventListener('click', runCoverage);
  document.getElementById('btn-coverage-trend').addEventListener('click', runCoverageTrend);
  document.getElementById('coverage-type').addEventListener('change', applyActiveStandard);

  /* ---------- start ---------- */

  document.getElementById('lang-toggle').addEventListener('click', function () {
    state.lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN';
    localStorage.setItem('sanimap.lang', state.lang);
    renderTexts();
  });
  document.getElementById('btn-add').addEventListener('click', function () { setAdding(!state.adding); });
  document.getElementById('btn-edit-mode').addEventListener('click', function () { setMoving(!state.moving); });
  document.getElementById('filter-district').addEventListener('change', loadFacilities);
  document.getElementById('coverage-layer').addEventListener('change', resetOverlays);
  document.getElementById('coverage-district-layer').addEventListener('change', function () {
    resetOverlays();
    window.sanimap.onDistrictsChange.forEach(function (f) { f(); });
  });
  document.getElementById('facility-form').addEventListener('submit', submitForm);
  document.getElementById('btn-cancel').addEventListener('click', closeForm);
  map.on('click', function (e) {
    if (state.adding) { setAdding(false); openForm(null, e.latlng); }
  });

  /* what the other scripts of the page (siting.js) use */
  window.sanimap = {
    map: map,
    api: api,
    t: t,
    el: el,
    showMessage: showMessage,
    types: TYPES,
    reloadFacilities: loadFacilities,
    registryChanged: registryChanged,
    demandLayerName: demandLayerName,
    districtLayerName: districtLayerName,
    zoneLayerName: zoneLayerName,
    dataImported: dataImported,
    onDistrictsChange: [],
    onLanguage: [],
    onRegistryChange: []
  };
  document.getElementById('lang-toggle').addEventListener('click', function () {
    window.sanimap.onLanguage.forEach(function (f) { f(); });
  });

  api('GET', '/maps/styles/facility-styles.json').then(function (r) {
    state.styles = r.body;
    renderTexts();
    return Promise.all([loadBasemaps(), loadDistricts(), api('GET', '/api/facilities/extent'), applyActiveStandard(),
      loadDemandLayers(), loadDistrictLayers()]);
  }).then(function (results) {
    var extent = results[2].body;
    if (extent) {
      map.fitBounds([[extent.minLat, extent.minLon], [extent.maxLat, extent.maxLon]], { padding: [30, 30], maxZoom: 16 });
    }
    return loadFacilities();
  }).then(function () {
    document.body.setAttribute('data-ready', 'true');
  }).catch(function (e) { showMessage(e.message); });
})();
