/*
 * Loads a server-rendered fragment into every element with data-fragment-url (e.g. the extract evidence on the permit
 * page), and loads it again every 3 seconds while the fragment says it is in progress (data-refresh on its root).
 * Progressive enhancement: without this script the element keeps its link to the fragment.
 */
(function () {
  'use strict';

  var PERIOD_MS = 3000;

  function load(element) {
    var url = element.getAttribute('data-fragment-url');
    window.fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        element.innerHTML = html;
        if (element.querySelector('[data-refresh]')) {
          window.setTimeout(function () { load(element); }, PERIOD_MS);
        }
      })
      .catch(function () {
        // the link to the fragment stays
      });
  }

  if (!window.fetch) {
    return;
  }
  var elements = document.querySelectorAll('[data-fragment-url]');
  for (var i = 0; i < elements.length; i++) {
    load(elements[i]);
  }
})();
