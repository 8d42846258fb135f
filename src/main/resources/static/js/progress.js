/* Sanimap construction progress on the map: sign-in state, a progress panel (project filter, a date
 * slider that replays progress, the dashboard by district and status, completions per month, the
 * overdue list, ledger downloads and import) and a facility's timeline on click. Kept apart from
 * app.js: it works on the markers app.js draws (.facility-marker with .dot[data-facility-id]) and on
 * elements it creates itself. Text from the API goes in with textContent only. */
(function () {
  'use strict';

  // Calls of the page to its own API: mark them (no Basic dialog on 401) and send the CSRF token
  // of the signed-in session back, as the server asks for writes.
  var originalFetch = window.fetch.bind(window);
  function cookie(name) {
    var match = document.cookie.split('; ').filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
    return match ? decodeURIComponent(match.substring(name.length + 1)) : null;
  }
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : (input && input.url) || '';
    var sameOrigin = url.indexOf('/') === 0 || url.indexOf(window.location.origin) === 0;
    if (!sameOrigin) { return originalFetch(input, init); }
    init = Object.assign({}, init || {});
    var headers = new Headers(init.headers || (typeof input !== 'string' && input.headers) || {});
    headers.set('X-Requested-With', 'XMLHttpRequest');
    var method = (init.method || (typeof input !== 'string' && input.method) || 'GET').toUpperCase();
    var token = cookie('XSRF-TOKEN');
    var write = method !== 'GET' && method !== 'HEAD';
    if (token && write) { headers.set('X-XSRF-TOKEN', token); }
    // any write of the page (transition, ledger, registry edit, accepted siting) may add a completion
    if (write && P) { P.completions = null; }
    init.headers = headers;
    init.credentials = 'same-origin';
    return originalFetch(input, init);
  };

  var STATUSES = ['planned', 'site_selected', 'approved', 'under_construction', 'completed', 'in_service',
    'suspended', 'cancelled', 'decommissioned'];

  var TEXT = {
    'zh-CN': {
      signIn: '登录', signOut: '退出', anonymous: '访客（只读）', title: '施工进度', project: '项目',
      allProjects: '全部设施', date: '日期', today: '今天', district: '所属区', total: '合计', noDistrict: '（无）',
      completions: '每月建成数', overdue: '逾期', overdueNone: '无逾期设施', downloads: '导出', ledgerXlsx: '台账 XLSX',
      ledgerCsv: '台账 CSV', reportXlsx: '进度报表 XLSX', overdueCsv: '逾期清单 CSV', importLedger: '导入台账',
      imported: '已导入：新增 {c} 座，{t} 项状态变更，{p} 项进度，{r} 项登记信息，{u} 行未变', timeline: '时间线', facility: '设施',
      progress: '进度', moveTo: '变更为', note: '备注', save: '保存', milestoneStart: '开工逾期', milestoneCompletion: '完工逾期',
      history: '变更记录',
      'status.planned': '规划', 'status.site_selected': '已选址', 'status.approved': '已批复',
      'status.under_construction': '在建', 'status.completed': '已建成', 'status.in_service': '已投用',
      'status.suspended': '暂停', 'status.cancelled': '已取消', 'status.decommissioned': '已停用'
    },
    en: {
      signIn: 'Sign in', signOut: 'Sign out', anonymous: 'Visitor (read only)', title: 'Construction progress',
      project: 'Project', allProjects: 'All facilities', date: 'Date', today: 'Today', district: 'District', total: 'Total',
      noDistrict: '(none)', completions: 'Completions per month', overdue: 'Overdue', overdueNone: 'Nothing overdue',
      downloads: 'Export', ledgerXlsx: 'Ledger XLSX', ledgerCsv: 'Ledger CSV', reportXlsx: 'Progress report XLSX',
      overdueCsv: 'Overdue list CSV', importLedger: 'Import ledger',
      imported: 'Imported: {c} new, {t} status changes, {p} progress, {r} registry, {u} rows unchanged', timeline: 'Timeline',
      facility: 'Facility', progress: 'Progress', moveTo: 'Move to', note: 'Note', save: 'Save',
      milestoneStart: 'start overdue', milestoneCompletion: 'completion overdue', history: 'Changes',
      'status.planned': 'Planned', 'status.site_selected': 'Site selected', 'status.approved': 'Approved',
      'status.under_construction': 'Under construction', 'status.completed': 'Completed', 'status.in_service': 'In service',
      'status.suspended': 'Suspended', 'status.cancelled': 'Cancelled', 'status.decommissioned': 'Decommissioned'
    }
  };

  function lang() { return document.documentElement.lang === 'en' ? 'en' : 'zh-CN'; }
  function t(key, vars) {
    var text = (TEXT[lang()] || TEXT.en)[key];
    if (text === undefined) { text = TEXT.en[key] || key; }
    if (vars) { Object.keys(vars).forEach(function (k) { text = text.split('{' + k + '}').join(String(vars[k])); }); }
    return text;
  }

  // the page's shared helpers from app.js (loaded before this file)
  var el = window.sanimap.el;
  function getJson(url) {
    return window.sanimap.api('GET', url).then(function (r) { return r.body; });
  }

  /* ---------- sign-in state ---------- */

  var P = { me: null, projects: [], states: null, colors: {}, minDate: null, today: null, facility: null };
  window.SanimapProgress = P;

  function renderUser() {
    var actions = document.querySelector('#topbar .actions');
    if (!actions) { return; }
    var me = P.me;
    var box = document.getElementById('user-box') || el('span', { id: 'user-box' });
    box.textContent = '';
    if (me && me.authenticated) {
      box.setAttribute('data-user', me.userName);
      box.setAttribute('data-role', me.role);
      box.appendChild(el('span', { id: 'user-name' }, me.userName + ' (' + me.role + ')'));
      var form = el('form', { method: 'post', action: '/logout', id: 'logout-form' });
      var csrf = el('input', { type: 'hidden', name: '_csrf' });
      csrf.value = cookie('XSRF-TOKEN') || '';
      form.appendChild(csrf);
      form.appendChild(el('button', { type: 'submit', id: 'btn-sign-out' }, t('signOut')));
      box.appendChild(form);
    } else {
      box.removeAttribute('data-user');
      box.removeAttribute('data-role');
      box.appendChild(el('span', { id: 'user-name' }, t('anonymous')));
      box.appendChild(el('a', { href: '/login.html', id: 'link-sign-in' }, t('signIn')));
    }
    actions.appendChild(box);
  }

  function mayManage() {
    return !!(P.me && P.me.authenticated && ['manager', 'planner', 'admin'].indexOf(P.me.role) >= 0);
  }

  /* ---------- the panel ---------- */

  function isoDate(d) { return d.toISOString().substring(0, 10); }
  function addDays(iso, n) {
    var d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return isoDate(d);
  }
  function daysBetween(a, b) {
    return Math.round((new Date(b + 'T00:00:00Z') - new Date(a + 'T00:00:00Z')) / 86400000);
  }

  function buildPanel() {
    var sidebar = document.getElementById('sidebar');
    if (!sidebar || document.getElementById('progress-panel')) { return; }
    var section = el('section', { id: 'progress-panel' });
    section.appendChild(el('h2', { 'data-p': 'title' }));
    var projectLabel = el('label');
    projectLabel.appendChild(el('span', { 'data-p': 'project' }));
    var select = el('select', { id: 'progress-project' });
    projectLabel.appendChild(select);
    section.appendChild(projectLabel);
    var dateLabel = el('label', { 'class': 'progress-date' });
    dateLabel.appendChild(el('span', { 'data-p': 'date' }));
    dateLabel.appendChild(el('input', { id: 'progress-date', type: 'range', min: '0', max: '0', step: '1', value: '0' }));
    dateLabel.appendChild(el('output', { id: 'progress-date-label' }));
    section.appendChild(dateLabel);
    section.appendChild(el('button', { type: 'button', id: 'btn-progress-today', 'data-p': 'today' }));
    section.appendChild(el('div', { id: 'progress-dashboard' }));
    section.appendChild(el('h3', { 'data-p': 'completions' }));
    section.appendChild(el('div', { id: 'progress-chart' }));
    section.appendChild(el('h3', { 'data-p': 'overdue' }));
    section.appendChild(el('div', { id: 'progress-overdue' }));
    section.appendChild(el('h3', { 'data-p': 'downloads' }));
    section.appendChild(el('div', { id: 'progress-downloads' }));
    var form = el('form', { id: 'ledger-form' });
    form.appendChild(el('input', { type: 'file', id: 'ledger-file', name: 'file', accept: '.xlsx,.csv' }));
    form.appendChild(el('button', { type: 'submit', id: 'btn-ledger-import', 'data-p': 'importLedger' }));
    form.appendChild(el('div', { id: 'ledger-result' }));
    section.appendChild(form);
    section.appendChild(el('div', { id: 'progress-timeline', hidden: 'hidden' }));
    var coverage = document.getElementById('coverage-panel');
    if (coverage && coverage.parentNode === sidebar) { sidebar.insertBefore(section, coverage); } else { sidebar.appendChild(section); }

    select.addEventListener('change', refresh);
    var slider = document.getElementById('progress-date');
    slider.addEventListener('input', renderDateLabel);
    slider.addEventListener('change', refresh);
    document.getElementById('btn-progress-today').addEventListener('click', function () {
      slider.value = slider.max;
      renderDateLabel();
      refresh();
    });
    form.addEventListener('submit', importLedger);
  }

  function renderTexts() {
    document.querySelectorAll('#progress-panel [data-p]').forEach(function (n) { n.textContent = t(n.getAttribute('data-p')); });
    var select = document.getElementById('progress-project');
    if (select) {
      var current = select.value;
      select.textContent = '';
      select.appendChild(el('option', { value: '' }, t('allProjects')));
      P.projects.forEach(function (p) { select.appendChild(el('option', { value: String(p.id) }, p.name)); });
      select.value = current;
    }
    renderUser();
    var form = document.getElementById('ledger-form');
    if (form) { form.hidden = !mayManage(); }
  }

  function selectedDate() {
    var slider = document.getElementById('progress-date');
    if (!slider || !P.minDate) { return null; }
    return addDays(P.minDate, Number(slider.value));
  }

  function renderDateLabel() {
    var out = document.getElementById('progress-date-label');
    var d = selectedDate();
    out.textContent = d || '';
    out.setAttribute('data-date', d || '');
  }

  function query() {
    var q = new URLSearchParams();
    var project = document.getElementById('progress-project').value;
    if (project) { q.set('project', project); }
    var d = selectedDate();
    if (d && d !== P.today) { q.set('asOf', d); }
    return q;
  }

  function refresh() {
    var q = query();
    var s = q.toString();
    var projectOnly = new URLSearchParams();
    if (q.get('project')) { projectOnly.set('project', q.get('project')); }
    renderDownloads(q);
    // completions per month do not depend on the date: asked again only when the project changes or
    // after a write (see the fetch wrapper above)
    var completionsUrl = '/api/dashboard/completions' + (projectOnly.toString() ? '?' + projectOnly : '');
    var completions = P.completions && P.completions.url === completionsUrl ? Promise.resolve(P.completions.body)
      : getJson(completionsUrl).then(function (body) { P.completions = { url: completionsUrl, body: body }; return body; });
    return Promise.all([
      getJson('/api/dashboard?groupBy=district,status' + (s ? '&' + s : '')),
      getJson('/api/dashboard/facilities' + (s ? '?' + s : '')),
      getJson('/api/dashboard/overdue' + (s ? '?' + s : '')),
      completions
    ]).then(function (r) {
      renderDashboard(r[0]);
      P.states = {};
      r[1].forEach(function (st) { P.states[st.facilityId] = st; });
      P.filtering = !!(q.get('project') || q.get('asOf'));
      applyMarkers();
      renderOverdue(r[2]);
      renderChart(r[3]);
      var panel = document.getElementById('progress-panel');
      panel.setAttribute('data-as-of', r[0].asOf);
      panel.setAttribute('data-ready', 'true');
    }).catch(function (e) { showError(e.message); });
  }

  function showError(text) {
    window.sanimap.showMessage(text);
  }

  function renderDashboard(d) {
    var box = document.getElementById('progress-dashboard');
    box.textContent = '';
    box.setAttribute('data-total', String(d.total));
    var statuses = STATUSES.filter(function (s) { return d.totals.status && d.totals.status[s]; });
    var table = el('table', { id: 'progress-dashboard-table' });
    var head = el('tr');
    head.appendChild(el('th', null, t('district')));
    statuses.forEach(function (s) {
      var th = el('th', { title: t('status.' + s) });
      var sw = el('span', { 'class': 'swatch' });
      sw.style.background = P.colors[s] || '#777';
      th.appendChild(sw);
      th.appendChild(document.createTextNode(t('status.' + s)));
      head.appendChild(th);
    });
    head.appendChild(el('th', null, t('total')));
    table.appendChild(head);
    var byDistrict = {};
    var order = [];
    d.rows.forEach(function (r) {
      var key = r.district === null || r.district === undefined ? '' : r.district;
      if (!byDistrict[key]) { byDistrict[key] = {}; order.push(key); }
      byDistrict[key][r.status] = r.count;
    });
    order.forEach(function (district) {
      var tr = el('tr', { 'data-district': district });
      tr.appendChild(el('td', null, district || t('noDistrict')));
      var sum = 0;
      statuses.forEach(function (s) {
        var n = byDistrict[district][s] || 0;
        sum += n;
        tr.appendChild(el('td', { 'data-status': s }, n));
      });
      tr.appendChild(el('td', { 'data-status': 'total' }, sum));
      table.appendChild(tr);
    });
    var total = el('tr', { 'class': 'total', 'data-district': '*' });
    total.appendChild(el('td', null, t('total')));
    statuses.forEach(function (s) { total.appendChild(el('td', { 'data-status': s }, d.totals.status[s])); });
    total.appendChild(el('td', { 'data-status': 'total' }, d.total));
    table.appendChild(total);
    box.appendChild(table);
  }

  function renderChart(months) {
    var box = document.getElementById('progress-chart');
    box.textContent = '';
    var max = months.reduce(function (m, x) { return Math.max(m, x.completed); }, 0);
    months.forEach(function (m) {
      var row = el('div', { 'class': 'bar-row', 'data-month': m.month, 'data-completed': String(m.completed) });
      row.appendChild(el('span', { 'class': 'bar-label' }, m.month));
      var bar = el('span', { 'class': 'bar' });
      bar.style.width = (max ? Math.round(100 * m.completed / max) : 0) + '%';
      row.appendChild(bar);
      row.appendChild(el('span', { 'class': 'bar-value' }, m.completed));
      box.appendChild(row);
    });
  }

  function renderOverdue(list) {
    var box = document.getElementById('progress-overdue');
    box.textContent = '';
    box.setAttribute('data-count', String(list.length));
    if (list.length === 0) { box.appendChild(el('div', null, t('overdueNone'))); return; }
    var ul = el('ul');
    list.slice(0, 50).forEach(function (o) {
      ul.appendChild(el('li', { 'data-facility-id': String(o.facilityId) },
        (o.name || ('#' + o.facilityId)) + ' · ' + (o.district || '') + ' · '
        + t(o.overdueMilestone === 'start' ? 'milestoneStart' : 'milestoneCompletion') + ' ' + o.daysOverdue + 'd'));
    });
    box.appendChild(ul);
  }

  function renderDownloads(q) {
    var box = document.getElementById('progress-downloads');
    box.textContent = '';
    var project = q.get('project');
    var asOf = q.get('asOf');
    function link(id, key, href) { box.appendChild(el('a', { id: id, href: href, download: '' }, t(key))); }
    link('link-ledger-xlsx', 'ledgerXlsx', '/api/ledger?format=xlsx' + (project ? '&project=' + project : ''));
    link('link-ledger-csv', 'ledgerCsv', '/api/ledger?format=csv' + (project ? '&project=' + project : ''));
    var rq = new URLSearchParams(q).toString();
    link('link-report-xlsx', 'reportXlsx', '/api/dashboard/report.xlsx' + (rq ? '?' + rq : ''));
    link('link-overdue-csv', 'overdueCsv', '/api/dashboard/overdue.csv' + (rq ? '?' + rq : ''));
    if (asOf) { box.setAttribute('data-as-of', asOf); } else { box.removeAttribute('data-as-of'); }
  }

  /* ---------- markers: status colour on the date, project filter, overdue ---------- */

  function applyMarkers() {
    if (!P.states) { return; }
    document.querySelectorAll('.facility-marker').forEach(function (marker) {
      var dot = marker.querySelector('.dot');
      if (!dot) { return; }
      var st = P.states[dot.getAttribute('data-facility-id')];
      marker.classList.toggle('progress-hidden', P.filtering && !st);
      marker.classList.toggle('progress-overdue', !!(st && st.overdue));
      if (st) {
        marker.setAttribute('data-status-on-date', st.status);
        if (P.colors[st.status]) { dot.style.background = P.colors[st.status]; }
      } else {
        marker.removeAttribute('data-status-on-date');
      }
    });
  }

  var pending = null;
  function watchMarkers() {
    var mapNode = document.getElementById('map');
    if (!mapNode || !window.MutationObserver) { return; }
    new MutationObserver(function () {
      if (pending) { return; }
      pending = setTimeout(function () { pending = null; applyMarkers(); }, 50);
    }).observe(mapNode, { childList: true, subtree: true });
  }

  /* ---------- a facility's timeline ---------- */

  function showTimeline(id) {
    return Promise.all([getJson('/api/facilities/' + id + '/transitions'), getJson('/api/facilities/' + id + '/history')])
      .then(function (r) { renderTimeline(id, r[0], r[1]); })
      .catch(function (e) { showError(e.message); });
  }

  function renderTimeline(id, tl, history) {
    var box = document.getElementById('progress-timeline');
    box.textContent = '';
    box.hidden = false;
    box.setAttribute('data-facility-id', String(id));
    box.appendChild(el('h3', null, t('timeline') + ' · ' + t('facility') + ' #' + id));
    box.appendChild(el('div', { 'class': 'timeline-progress' }, t('progress') + ' ' + tl.progress.progressPercent + '%'));
    var ol = el('ol', { 'class': 'timeline' });
    tl.transitions.forEach(function (x) {
      var li = el('li', { 'data-to': x.to, 'data-user': x.user, 'data-date': x.effectiveOn });
      li.appendChild(el('span', { 'class': 'timeline-date' }, x.effectiveOn));
      li.appendChild(document.createTextNode(' ' + (x.from ? t('status.' + x.from) + ' → ' : '') + t('status.' + x.to) + ' · '));
      li.appendChild(el('span', { 'class': 'timeline-user' }, x.user));
      if (x.note) { li.appendChild(el('div', { 'class': 'timeline-note' }, x.note)); }
      (x.photos || []).forEach(function (ph) {
        li.appendChild(el('a', { 'class': 'timeline-photo', href: ph.url, target: '_blank', rel: 'noopener' }, ph.fileName));
      });
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var details = el('details', { 'class': 'timeline-history' });
    details.appendChild(el('summary', null, t('history') + ' (' + history.length + ')'));
    var ul = el('ul');
    history.forEach(function (h) {
      ul.appendChild(el('li', { 'data-field': h.field },
        h.at.substring(0, 10) + ' ' + h.user + ': ' + h.field + ' ' + (h.oldValue === null ? '' : h.oldValue + ' → ')
        + (h.newValue === null ? '' : h.newValue) + (h.note ? ' (' + h.note + ')' : '')));
    });
    details.appendChild(ul);
    box.appendChild(details);
    if (mayManage() && tl.next.length > 0) {
      var form = el('form', { id: 'transition-form' });
      var label = el('label', null, t('moveTo') + ' ');
      var select = el('select', { name: 'to' });
      tl.next.forEach(function (s) { select.appendChild(el('option', { value: s }, t('status.' + s))); });
      label.appendChild(select);
      form.appendChild(label);
      var date = el('input', { type: 'date', name: 'date' });
      date.value = P.today || '';
      form.appendChild(date);
      form.appendChild(el('input', { type: 'text', name: 'note', placeholder: t('note') }));
      form.appendChild(el('input', { type: 'file', name: 'photos', multiple: 'multiple', accept: 'image/jpeg,image/png,image/webp' }));
      form.appendChild(el('button', { type: 'submit', id: 'btn-transition' }, t('save')));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var data = new FormData();
        data.append('to', select.value);
        if (date.value) { data.append('date', date.value); }
        if (form.elements.note.value) { data.append('note', form.elements.note.value); }
        Array.prototype.forEach.call(form.elements.photos.files, function (f) { data.append('photos', f); });
        fetch('/api/facilities/' + id + '/transitions', {
          method: 'POST', headers: { Accept: 'application/json' }, body: data
        }).then(function (r) {
          return r.json().then(function (b) {
            if (!r.ok) { throw new Error(b && b.detail ? b.detail : 'HTTP ' + r.status); }
            return Promise.all([refresh(), showTimeline(id)]);
          });
        }).catch(function (err) { showError(err.message); });
      });
      box.appendChild(form);
    }
  }

  document.addEventListener('click', function (e) {
    var marker = e.target.closest ? e.target.closest('.facility-marker') : null;
    if (!marker) { return; }
    var dot = marker.querySelector('.dot');
    if (dot && dot.getAttribute('data-facility-id')) { showTimeline(dot.getAttribute('data-facility-id')); }
  }, true);

  /* ---------- ledger import ---------- */

  function importLedger(e) {
    e.preventDefault();
    var input = document.getElementById('ledger-file');
    var result = document.getElementById('ledger-result');
    if (!input.files || input.files.length === 0) { return; }
    var data = new FormData();
    data.append('file', input.files[0]);
    result.textContent = '';
    result.removeAttribute('data-status');
    fetch('/api/ledger', { method: 'POST', body: data, headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (b) {
        result.setAttribute('data-status', String(r.status));
        if (!r.ok) {
          result.className = 'error';
          result.textContent = (b && b.detail) || ('HTTP ' + r.status);
          if (b && Array.isArray(b.errors) && b.errors.length > 1) {
            var ul = el('ul');
            b.errors.forEach(function (x) { ul.appendChild(el('li', null, x)); });
            result.appendChild(ul);
          }
          return null;
        }
        result.className = 'info';
        result.textContent = t('imported', { c: b.created, t: b.transitions, p: b.progressChanges, r: b.registryChanges, u: b.unchanged });
        return refresh();
      });
    }).catch(function (err) { showError(err.message); });
  }

  /* ---------- start ---------- */

  /** After a registry edit or an accepted siting run on this page: projects and figures afresh. */
  function registryChanged() {
    return getJson('/api/projects').then(function (projects) {
      P.projects = projects;
      renderTexts();
      return refresh();
    }).catch(function (e) { showError(e.message); });
  }

  function start() {
    buildPanel();
    watchMarkers();
    window.sanimap.onRegistryChange.push(registryChanged);
    var lt = document.getElementById('lang-toggle');
    if (lt) { lt.addEventListener('click', function () { setTimeout(renderTexts, 0); }); }
    Promise.all([
      getJson('/api/users/me').catch(function () { return null; }),
      getJson('/api/projects'),
      getJson('/maps/styles/facility-styles.json')
    ]).then(function (r) {
      P.me = r[0];
      P.projects = r[1];
      P.colors = r[2].statusColors || {};
      P.today = isoDate(new Date(Date.now() - new Date().getTimezoneOffset() * 60000));
      var earliest = P.projects.reduce(function (m, p) { return p.decidedOn && p.decidedOn < m ? p.decidedOn : m; },
        addDays(P.today, -365));
      P.minDate = addDays(earliest, -1);
      var slider = document.getElementById('progress-date');
      slider.max = String(daysBetween(P.minDate, P.today));
      slider.value = slider.max;
      renderTexts();
      renderDateLabel();
      return refresh();
    }).catch(function (e) { showError(e.message); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
