/* Sign-in page: shows the error after a failed attempt and sends the session's CSRF token along. */
(function () {
  'use strict';
  if (new URLSearchParams(window.location.search).has('error')) {
    document.getElementById('login-error').hidden = false;
  }
  var match = document.cookie.split('; ').filter(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; })[0];
  if (match) {
    document.getElementById('login-csrf').value = decodeURIComponent(match.substring('XSRF-TOKEN='.length));
  }
})();
