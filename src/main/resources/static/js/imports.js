/* Import panel of the web map: sends one file to POST /api/imports (facilities, a population layer or
 * districts, an OSM extract's boundaries among them), shows the import report or every problem that
 * refused the file, and has the map read afresh what the file changed. API data goes into the page
 * with textContent only. */
(function () {
  'use strict';

  var s = window.sanimap;

  function node(id) { return document.getElementById(id); }

  function targetChanged() {
    var target = node('import-target').value;
    node('import-layer-label').hidden = target === 'facilities';
    node('import-admin-level-label').hidden = target !== 'districts';
    node('import-name-property-label').hidden = target !== 'districts';
    node('import-crs-label').hidden = target !== 'facilities';
    node('import-type-label').hidden = target !== 'facilities';
  }

  function fillTypes() {
    var select = node('import-default-type');
    var current = select.value;
    select.textContent = '';
    select.appendChild(s.el('option', { value: '' }, s.t('import.typeFromFile')));
    s.types.forEach(function (code) { select.appendChild(s.el('option', { value: code }, s.t('type.' + code))); });
    select.value = current;
  }

  function query(target) {
    var q = new URLSearchParams();
    q.set('target', target);
    var layer = node('import-layer').value.trim();
    if (target !== 'facilities' && layer) { q.set('layer', layer); }
    var table = node('import-table').value.trim();
    if (table) { q.set('table', table); }
    var level = node('import-admin-level').value.trim();
    if (target === 'districts' && level) { q.set('adminLevel', level); }
    var nameProperty = node('import-name-property').value.trim();
    if (target === 'districts' && nameProperty) { q.set('nameProperty', nameProperty); }
    if (target === 'facilities') {
      q.set('crs', node('import-crs').value);
      if (s.districtLayerName()) { q.set('districtLayer', s.districtLayerName()); }
      if (node('import-default-type').value) { q.set('defaultType', node('import-default-type').value); }
    }
    return q;
  }

  function showReport(result, report) {
    result.className = 'info';
    var line = s.t('import.done', { file: report.fileName, created: report.created, updated: report.updated,
      unchanged: report.unchanged, skipped: report.skipped, seconds: (report.durationMillis / 1000).toFixed(1) });
    if (report.layer) { line += ' · ' + s.t('import.doneLayer', { layer: report.layer }); }
    if (report.removed > 0) { line += ' · ' + s.t('import.removed', { removed: report.removed }); }
    if (report.polygonsJoined > 0) { line += ' · ' + s.t('import.joined', { n: report.polygonsJoined }); }
    if (report.notInFile > 0) { line += ' · ' + s.t('import.notInFile', { n: report.notInFile }); }
    if (report.districtsFromLocation > 0) {
      line += ' · ' + s.t('import.located', { n: report.districtsFromLocation });
    }
    result.appendChild(s.el('p', { 'class': 'import-summary' }, line));
    if (report.skips && report.skips.length) {
      result.appendChild(s.el('p', null, s.t('import.skips', { n: report.skips.length })));
      var ul = s.el('ul', { 'class': 'import-skips' });
      report.skips.forEach(function (k) { ul.appendChild(s.el('li', null, k.location + ': ' + k.reason)); });
      result.appendChild(ul);
    }
  }

  function showRefusal(result, status, body) {
    result.className = 'error';
    result.appendChild(s.el('p', { 'class': 'import-error' }, (body && body.detail) || ('HTTP ' + status)));
    if (body && Array.isArray(body.errors) && body.errors.length > 1) {
      var ul = s.el('ul');
      body.errors.forEach(function (x) { ul.appendChild(s.el('li', null, x)); });
      result.appendChild(ul);
    }
  }

  function submit(e) {
    e.preventDefault();
    var input = node('import-file');
    var result = node('import-result');
    result.textContent = '';
    result.removeAttribute('data-status');
    if (!input.files || input.files.length === 0) { s.showMessage(s.t('import.noFile')); return; }
    var file = input.files[0];
    var target = node('import-target').value;
    var data = new FormData();
    data.append('file', file);
    result.className = 'info';
    result.appendChild(s.el('p', null, s.t('import.running', { file: file.name })));
    node('btn-import').disabled = true;
    fetch('/api/imports?' + query(target).toString(), { method: 'POST', body: data, headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (body) {
          result.textContent = '';
          if (!r.ok) { showRefusal(result, r.status, body); result.setAttribute('data-status', String(r.status)); return null; }
          showReport(result, body);
          return s.dataImported(target).then(renderLayers)
            .then(function () { result.setAttribute('data-status', String(r.status)); });
        });
      })
      .catch(function (err) { result.textContent = ''; showRefusal(result, 0, { detail: err.message }); })
      .then(function () { node('btn-import').disabled = false; });
  }

  /* ---------- stored layers ---------- */

  function renderLayers() {
    return Promise.all([s.api('GET', '/api/demand/layers'), s.api('GET', '/api/districts/layers')]).then(function (r) {
      var list = node('import-layers');
      list.textContent = '';
      r[0].body.forEach(function (l) {
        list.appendChild(layerItem('demand', l.name, s.t('import.demandLayer', { name: l.name, cells: l.cellCount,
          people: Math.round(l.totalPopulation).toLocaleString() })));
      });
      r[1].body.forEach(function (l) {
        list.appendChild(layerItem('districts', l.name, s.t('import.districtLayer', { name: l.name, areas: l.areaCount })));
      });
      if (!list.children.length) { list.appendChild(s.el('li', null, s.t('import.noLayers'))); }
    }).catch(function (e) { s.showMessage(e.message); });
  }

  function layerItem(target, name, text) {
    var li = s.el('li', { 'class': 'stored-layer', 'data-target': target, 'data-layer': name });
    li.appendChild(s.el('span', null, text + ' '));
    var del = s.el('button', { type: 'button', 'class': 'btn-delete-layer' }, s.t('import.delete'));
    del.addEventListener('click', function () {
      if (!window.confirm(s.t('import.confirmDelete', { name: name }))) { return; }
      var path = target === 'demand' ? '/api/demand/layers/' : '/api/districts/layers/';
      s.api('DELETE', path + encodeURIComponent(name)).then(function () {
        s.showMessage(s.t('import.deleted', { name: name }), 'info');
        return s.dataImported(target);
      }).then(renderLayers).catch(function (e) { s.showMessage(e.message); });
    });
    li.appendChild(del);
    if (target === 'districts') {
      var fill = s.el('button', { type: 'button', 'class': 'btn-assign-districts' }, s.t('import.assign'));
      fill.addEventListener('click', function () {
        s.api('POST', '/api/districts/layers/' + encodeURIComponent(name) + '/assign-facilities').then(function (r) {
          li.setAttribute('data-filled', String(r.body.filled));
          s.showMessage(s.t('import.assigned', { layer: name, filled: r.body.filled, outside: r.body.outside }), 'info');
          return s.dataImported('facilities');
        }).catch(function (e) { s.showMessage(e.message); });
      });
      li.appendChild(fill);
    }
    return li;
  }

  /** Imports and layer edits are for planners and admins: others do not see the panel. */
  function showForRole() {
    return s.api('GET', '/api/users/me').then(function (r) {
      var me = r.body;
      node('import-panel').hidden = !(me && me.authenticated && ['planner', 'admin'].indexOf(me.role) >= 0);
    }).catch(function () { node('import-panel').hidden = true; });
  }

  node('import-target').addEventListener('change', targetChanged);
  node('import-form').addEventListener('submit', submit);
  showForRole();
  s.onLanguage.push(fillTypes);
  s.onLanguage.push(renderLayers);
  fillTypes();
  renderLayers();
  targetChanged();
})();
