/* Siting panel of the web map: asks POST /api/siting, follows the run, draws the proposals with the
 * residents each adds, and accepts the ticked ones as the planned facilities of a new project; earlier
 * runs (GET /api/siting, stored) can be opened again and their proposals accepted.
 * API data is only ever put into the page with textContent. */
(function () {
  'use strict';

  var s = window.sanimap;
  var layer = L.layerGroup().addTo(s.map);
  var current = null;
  var timer = null;

  function value(id) { return document.getElementById(id).value; }
  function fmt(x) { return x === null || x === undefined ? '–' : Math.round(x).toLocaleString(); }

  function readJsonFile(id) {
    var input = document.getElementById(id);
    if (!input.files || input.files.length === 0) { return Promise.resolve(null); }
    return input.files[0].text().then(function (text) {
      try { return JSON.parse(text); } catch (e) { throw new Error(input.files[0].name + ': ' + e.message); }
    });
  }

  function sourceChanged() {
    var source = value('siting-source');
    document.getElementById('siting-spacing-label').hidden = source !== 'grid';
    document.getElementById('siting-layer-label').hidden = source !== 'layer';
  }

  function modelChanged() {
    var lscp = value('siting-model') === 'lscp';
    document.getElementById('siting-p-label').hidden = lscp;
    document.getElementById('siting-spacing-min-label').hidden = lscp;
    document.getElementById('siting-target-label').hidden = !lscp;
    // quotas share the p sites of an MCLP run among the districts
    document.getElementById('siting-quotas').hidden = lscp
      || document.querySelectorAll('#siting-quota-table tr').length === 0;
  }

  function request() {
    var body = {
      type: value('coverage-type'),
      model: value('siting-model'),
      radiusMeters: Number(value('coverage-radius')),
      metric: value('coverage-metric'),
      candidates: { source: value('siting-source'), spacingMeters: Number(value('siting-spacing')) },
      include: ['under_construction', 'completed'],
      timeLimitSeconds: Number(value('siting-time'))
    };
    if (document.getElementById('coverage-include-planned').checked) { body.include.push('planned'); }
    if (value('siting-district')) { body.district = value('siting-district'); }
    if (s.demandLayerName()) { body.layer = s.demandLayerName(); }
    if (s.districtLayerName()) { body.districtLayer = s.districtLayerName(); }
    if (s.zoneLayerName()) { body.zoneLayer = s.zoneLayerName(); }
    if (body.model === 'mclp') {
      body.p = Number(value('siting-p'));
      // each district's share of the p sites, for a whole-city run
      var quotas = {};
      var any = false;
      document.querySelectorAll('#siting-quota-table input').forEach(function (input) {
        if (input.value !== '') { quotas[input.getAttribute('data-district')] = Number(input.value); any = true; }
      });
      if (any && !body.district) { body.districtQuotas = quotas; }
      if (value('siting-min-spacing')) { body.minSpacingMeters = Number(value('siting-min-spacing')); }
    }
    else { body.targetCoverage = Number(value('siting-target')) / 100; }
    return body;
  }

  function run() {
    layer.clearLayers();
    document.getElementById('siting-table').textContent = '';
    document.getElementById('siting-accept').hidden = true;
    document.getElementById('siting-downloads').hidden = true;
    document.getElementById('siting-status').textContent = '';
    var body = request();
    Promise.all([readJsonFile('siting-layer'), readJsonFile('siting-exclusions')]).then(function (files) {
      if (body.candidates.source === 'layer') { body.candidates.points = files[0]; }
      if (files[1]) { body.exclusions = files[1]; }
      return s.api('POST', '/api/siting', body);
    }).then(function (r) {
      current = r.body;
      document.getElementById('btn-siting').disabled = true;
      document.getElementById('btn-siting-cancel').hidden = false;
      poll();
    }).catch(function (e) { s.showMessage(e.message); });
  }

  function poll() {
    s.api('GET', '/api/siting/' + current.id).then(function (r) {
      current = r.body;
      var job = current;
      if (job.state === 'queued' || job.state === 'running') {
        document.getElementById('siting-status').textContent = s.t('siting.progress', {
          phase: job.phase, objective: fmt(job.objective), bound: fmt(job.bound), seconds: (job.elapsedMillis / 1000).toFixed(1)
        });
        timer = setTimeout(poll, 500);
        return;
      }
      finished(job);
    }).catch(function (e) { finished(null); s.showMessage(e.message); });
  }

  /* the planning areas, if any are loaded: a run may serve one district only */
  function loadDistricts() {
    var layer = s.districtLayerName();
    return s.api('GET', '/api/districts/names' + (layer ? '?layer=' + encodeURIComponent(layer) : '')).then(function (r) {
      var select = document.getElementById('siting-district');
      var current = select.value;
      var names = r.body;
      while (select.options.length > 1) { select.remove(1); }
      names.forEach(function (n) { select.appendChild(s.el('option', { value: n }, n)); });
      select.value = names.indexOf(current) >= 0 ? current : '';
      document.getElementById('siting-district-label').hidden = names.length === 0;
      var table = document.getElementById('siting-quota-table');
      var kept = {};
      table.querySelectorAll('input').forEach(function (input) { kept[input.getAttribute('data-district')] = input.value; });
      table.textContent = '';
      names.forEach(function (n) {
        var input = s.el('input', { type: 'number', min: '0', max: '5000', step: '1', 'data-district': n });
        input.value = kept[n] || '';
        var tr = s.el('tr');
        tr.appendChild(s.el('td', null, n));
        var td = s.el('td');
        td.appendChild(input);
        tr.appendChild(td);
        table.appendChild(tr);
      });
      modelChanged();
    }).catch(function (e) { s.showMessage(e.message); });
  }

  function loadHistory() {
    return s.api('GET', '/api/siting?limit=20').then(function (r) {
      var select = document.getElementById('siting-history');
      while (select.options.length > 1) { select.remove(1); }
      r.body.forEach(function (h) {
        var what = h.model === 'mclp' ? 'MCLP' : 'LSCP';
        var text = h.submittedAt.substring(0, 16).replace('T', ' ') + ' · ' + s.t('type.' + h.type) + ' · ' + what + ' · '
          + s.t('siting.historyLine', { state: h.status ? s.t('siting.status.' + h.status) : h.state, proposals: h.proposals,
            accepted: h.accepted, by: h.submittedBy });
        select.appendChild(s.el('option', { value: h.id }, text));
      });
    }).catch(function (e) { s.showMessage(e.message); });
  }

  function reopen() {
    var id = value('siting-history');
    if (!id) { return; }
    layer.clearLayers();
    document.getElementById('siting-table').textContent = '';
    document.getElementById('siting-accept').hidden = true;
    s.api('GET', '/api/siting/' + id).then(function (r) {
      current = r.body;
      if (current.state === 'queued' || current.state === 'running') { poll(); } else { finished(current); }
    }).catch(function (e) { s.showMessage(e.message); });
  }

  function finished(job) {
    document.getElementById('btn-siting').disabled = false;
    document.getElementById('btn-siting-cancel').hidden = true;
    loadHistory();
    if (!job) { return; }
    if (job.state === 'failed') { s.showMessage(job.error); return; }
    var a = job.result;
    if (!a) { document.getElementById('siting-status').textContent = job.state; return; }
    var added = a.proposals.reduce(function (sum, p) { return sum + p.populationAdded; }, 0);
    var status = document.getElementById('siting-status');
    status.setAttribute('data-status', a.status);
    status.textContent = s.t('siting.done', {
      status: s.t('siting.status.' + a.status) + (a.reason ? ' (' + a.reason + ')' : ''),
      count: a.proposals.length, added: fmt(added),
      before: (100 * a.existingCoveredPopulation / a.totalPopulation).toFixed(1),
      after: (100 * a.coveredPopulationAfter / a.totalPopulation).toFixed(1),
      bound: fmt(a.bound), seconds: (job.elapsedMillis / 1000).toFixed(1)
    });
    document.getElementById('siting-csv').href = '/api/siting/' + job.id + '/proposals.csv';
    document.getElementById('siting-xlsx').href = '/api/siting/' + job.id + '/proposals.xlsx';
    document.getElementById('siting-downloads').hidden = a.proposals.length === 0;
    if (a.districtQuotas) {
      // each capped district: new sites proposed there against its quota
      var count = {};
      a.proposals.forEach(function (p) { if (p.district) { count[p.district] = (count[p.district] || 0) + 1; } });
      var parts = Object.keys(a.districtQuotas).map(function (d) { return d + ' ' + (count[d] || 0) + '/' + a.districtQuotas[d]; });
      status.appendChild(s.el('span', { 'class': 'siting-quota-use' }, ' · ' + s.t('siting.quotaUse', { parts: parts.join(', ') })));
    }
    draw(a);
  }

  function draw(a) {
    var table = document.getElementById('siting-table');
    table.textContent = '';
    var head = s.el('tr');
    ['', 'siting.rank', 'siting.added', 'siting.district'].forEach(function (k) { head.appendChild(s.el('th', null, k ? s.t(k) : '')); });
    table.appendChild(head);
    a.proposals.forEach(function (p) {
      var marker = L.circleMarker([p.latWgs84, p.lonWgs84], { radius: 9, color: '#6a1b9a', weight: 2, fillColor: '#ce93d8', fillOpacity: 0.9 });
      marker.bindTooltip('#' + p.rank + ' +' + fmt(p.populationAdded), { permanent: true, direction: 'right', className: 'siting-label' });
      marker.addTo(layer);
      var circle = L.circle([p.latWgs84, p.lonWgs84], { radius: a.radiusMeters, color: '#6a1b9a', weight: 1, fill: false, dashArray: '4 4' });
      circle.addTo(layer);
      var tr = s.el('tr', { 'class': 'siting-row', 'data-rank': String(p.rank) });
      var tick = s.el('input', { type: 'checkbox', value: String(p.rank) });
      tick.checked = true;
      var td = s.el('td');
      td.appendChild(tick);
      tr.appendChild(td);
      tr.appendChild(s.el('td', null, '#' + p.rank));
      tr.appendChild(s.el('td', null, fmt(p.populationAdded)));
      tr.appendChild(s.el('td', null, p.district || ''));
      tr.addEventListener('click', function (e) { if (e.target !== tick) { s.map.setView([p.latWgs84, p.lonWgs84], 16); } });
      table.appendChild(tr);
    });
    if (a.proposals.length > 0) {
      document.getElementById('siting-accept').hidden = !canPlan;
      s.map.fitBounds(L.featureGroup(layer.getLayers().filter(function (l) { return l instanceof L.CircleMarker; })).getBounds(),
        { padding: [40, 40], maxZoom: 15 });
    }
  }

  function accept() {
    var project = value('siting-batch').trim();
    if (!project) { s.showMessage(s.t('siting.batchRequired')); return; }
    var ranks = [];
    document.querySelectorAll('#siting-table input[type=checkbox]').forEach(function (i) { if (i.checked) { ranks.push(Number(i.value)); } });
    s.api('POST', '/api/siting/' + current.id + '/accept', { projectName: project, ranks: ranks }).then(function (r) {
      var count = r.body.facilityIds.length;
      s.showMessage(s.t('siting.accepted', { count: count, batch: project }), 'info');
      document.getElementById('siting-accept').hidden = true;
      document.getElementById('siting-status').setAttribute('data-accepted', String(count));
      document.getElementById('siting-status').setAttribute('data-project', String(r.body.projectId));
      layer.clearLayers();
      loadHistory();
      return s.reloadFacilities().then(s.registryChanged);
    }).catch(function (e) { s.showMessage(e.message); });
  }

  /** Whether the signed-in user may run siting and accept proposals (planner or admin); others only read runs. */
  var canPlan = false;

  function loadRole() {
    return s.api('GET', '/api/users/me').then(function (r) {
      var me = r.body;
      canPlan = !!(me && me.authenticated && ['planner', 'admin'].indexOf(me.role) >= 0);
    }).catch(function () { canPlan = false; }).then(function () {
      document.getElementById('btn-siting').hidden = !canPlan;
      document.getElementById('siting-viewer-note').hidden = canPlan;
      if (!canPlan) { document.getElementById('siting-accept').hidden = true; }
    });
  }

  document.getElementById('siting-model').addEventListener('change', modelChanged);
  document.getElementById('siting-source').addEventListener('change', sourceChanged);
  document.getElementById('btn-siting').addEventListener('click', run);
  document.getElementById('btn-siting-cancel').addEventListener('click', function () {
    if (current) { s.api('DELETE', '/api/siting/' + current.id).catch(function (e) { s.showMessage(e.message); }); }
  });
  document.getElementById('btn-siting-accept').addEventListener('click', accept);
  document.getElementById('siting-history').addEventListener('change', reopen);
  s.onLanguage.push(function () { if (current && current.result) { finished(current); } else { loadHistory(); } });
  s.onDistrictsChange.push(loadDistricts);
  modelChanged();
  sourceChanged();
  loadHistory();
  loadDistricts();
  loadRole();
})();
