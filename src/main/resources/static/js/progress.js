/* Sanimap construction progress on the map: sign-in state, and (later) project filter, status
 * colours, date replay and timelines. Kept apart from app.js; hooks into the page only through
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
    if (token && method !== 'GET' && method !== 'HEAD') { headers.set('X-XSRF-TOKEN', token); }
    init.headers = headers;
    init.credentials = 'same-origin';
    return originalFetch(input, init);
  };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function lang() {
    return document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
  }

  var TEXT = {
    'zh-CN': { signIn: '登录', signOut: '退出', anonymous: '访客（只读）' },
    en: { signIn: 'Sign in', signOut: 'Sign out', anonymous: 'Visitor (read only)' }
  };
  function t(key) { return (TEXT[lang()] || TEXT.en)[key]; }

  function renderUser(me) {
    var actions = document.querySelector('#topbar .actions');
    if (!actions) { return; }
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
      box.appendChild(el('span', { id: 'user-name' }, t('anonymous')));
      box.appendChild(el('a', { href: '/login.html', id: 'link-sign-in' }, t('signIn')));
    }
    actions.appendChild(box);
  }

  window.SanimapProgress = { me: null };
  function loadMe() {
    return fetch('/api/users/me', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (me) { window.SanimapProgress.me = me; renderUser(me); return me; })
      .catch(function () { renderUser(null); });
  }

  document.addEventListener('DOMContentLoaded', loadMe);
  if (document.readyState !== 'loading') { loadMe(); }
})();
