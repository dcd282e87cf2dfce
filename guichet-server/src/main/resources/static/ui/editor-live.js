// Live validation in the dataset editor: shortly after the holder stops typing, the form is checked against the
// HealthDCAT-AP shapes without saving, and each field's messages are updated. Saving still checks everything.
(function () {
  var form = document.getElementById('description-form');
  var status = document.getElementById('live-check');
  if (!form || !form.dataset.check || !window.fetch) {
    return;
  }
  var timer = null;
  var sent = 0;

  function show(container, text) {
    var old = container.querySelector('.fr-message--error');
    if (old) {
      old.remove();
    }
    var group = container.closest('.fr-input-group, .fr-fieldset');
    if (group) {
      group.classList.toggle(group.classList.contains('fr-fieldset') ? 'fr-fieldset--error' : 'fr-input-group--error',
          Boolean(text));
    }
    if (text) {
      var p = document.createElement('p');
      p.className = 'fr-message fr-message--error';
      p.textContent = text;
      container.appendChild(p);
    }
  }

  function check() {
    var body = new URLSearchParams(new FormData(form));
    if (form.dataset.dataset) {
      body.set('dataset', form.dataset.dataset);
    }
    var mine = ++sent;
    fetch(form.dataset.check, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
      body: body
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (result) {
      if (!result || mine !== sent) {
        return;
      }
      form.querySelectorAll('[data-field]').forEach(function (container) {
        show(container, result.messages[container.dataset.field] || result.messages[container.dataset.name] || '');
      });
      if (status) {
        status.textContent = result.blocking === 0 ? form.dataset.ok
            : form.dataset.broken.replace('{0}', String(result.blocking));
      }
    }).catch(function () {
      // Offline or refused: the next save checks everything anyway.
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  }

  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
