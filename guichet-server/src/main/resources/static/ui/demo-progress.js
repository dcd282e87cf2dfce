/*
 * Refreshes the demo preparation panel of the sign-in page every 3 seconds from GET /demo/progress.
 * Progressive enhancement: without this script the panel shows the state at page load and the page works the same.
 */
(function () {
  'use strict';

  var PERIOD_MS = 3000;
  var panel = document.getElementById('demo-progress');
  if (!panel || !window.fetch) {
    return;
  }
  var url = panel.getAttribute('data-url');
  var stateLabels = {
    PENDING: panel.getAttribute('data-state-pending'),
    RUNNING: panel.getAttribute('data-state-running'),
    DONE: panel.getAttribute('data-state-done'),
    FAILED: panel.getAttribute('data-state-failed')
  };

  function itemOf(step) {
    var items = panel.querySelectorAll('[data-step]');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-step') === step.name) {
        return items[i];
      }
    }
    return null;
  }

  function show(progress) {
    var steps = progress.steps || [];
    for (var i = 0; i < steps.length; i++) {
      var item = itemOf(steps[i]);
      if (!item) {
        window.location.reload(); // a step the page does not know yet: let the server render it
        return false;
      }
      item.querySelector('.guichet-progress__state').textContent = stateLabels[steps[i].state] || steps[i].state;
      item.querySelector('progress').value = Math.round((steps[i].fraction || 0) * 100);
    }
    var ready = steps.every(function (s) { return s.state === 'DONE'; });
    if (ready) {
      panel.querySelector('.guichet-progress__ready').hidden = false;
    }
    var failed = steps.some(function (s) { return s.state === 'FAILED'; });
    return !ready && !failed;
  }

  function refresh() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        if (show(progress)) {
          schedule();
        }
      })
      .catch(schedule);
  }

  function schedule() {
    window.setTimeout(refresh, PERIOD_MS);
  }

  schedule();
}());
