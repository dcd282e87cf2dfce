// The delivery form with a progress bar: each file goes through the resumable upload protocol (create a session,
// PUT chunks with Content-Range, ask the received offset and go on after a failed chunk, complete), then the form is
// submitted with the upload ids instead of the files. Without JavaScript the form is a plain multipart POST.
(function () {
  var form = document.getElementById('delivery-form');
  if (!form || !window.fetch || !window.Blob) {
    return;
  }
  var CHUNK = 8 * 1024 * 1024;
  var RETRIES = 5;
  var input = document.getElementById('files');
  var box = document.getElementById('upload-progress');
  var bar = document.getElementById('upload-bar');
  var status = document.getElementById('upload-status');
  var error = document.getElementById('upload-error');
  var token = form.querySelector('input[name="_csrf"]');
  // the upload sessions live beside the form's target: /holder/deliveries -> /holder/uploads
  var base = form.getAttribute('action').replace(/deliveries$/, 'uploads');

  function headers(extra) {
    var h = { 'Accept': 'application/json' };
    if (token) {
      h['X-CSRF-TOKEN'] = token.value;
    }
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return h;
  }

  function json(response) {
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    return response.json();
  }

  function offsetOf(id) {
    return fetch(base + '/' + id, { credentials: 'same-origin', headers: headers() })
      .then(json).then(function (u) { return u.offset; });
  }

  function sendFrom(file, id, offset, done, total, retries) {
    if (offset >= file.size) {
      return Promise.resolve();
    }
    var end = Math.min(offset + CHUNK, file.size);
    return fetch(base + '/' + id, {
      method: 'PUT', credentials: 'same-origin',
      headers: headers({ 'Content-Type': 'application/octet-stream',
        'Content-Range': 'bytes ' + offset + '-' + (end - 1) + '/' + file.size }),
      body: file.slice(offset, end)
    }).then(json).then(function (u) {
      show(done + u.offset, total);
      return sendFrom(file, id, u.offset, done, total, RETRIES);
    }, function (failure) {
      if (retries <= 0) {
        throw failure;
      }
      return offsetOf(id).then(function (received) {
        return sendFrom(file, id, received, done, total, retries - 1);
      });
    });
  }

  function show(sent, total) {
    var percent = total === 0 ? 100 : Math.floor(sent * 100 / total);
    bar.value = percent;
    status.textContent = percent + ' %';
  }

  function upload(file, done, total) {
    return fetch(base, {
      method: 'POST', credentials: 'same-origin', headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ fileName: file.name, size: file.size })
    }).then(json).then(function (u) {
      return sendFrom(file, u.id, 0, done, total, RETRIES).then(function () {
        return fetch(base + '/' + u.id + '/complete', {
          method: 'POST', credentials: 'same-origin', headers: headers({ 'Content-Type': 'application/json' }),
          body: '{}'
        }).then(json);
      });
    });
  }

  form.addEventListener('submit', function (event) {
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0 || form.dataset.sending) {
      return;
    }
    event.preventDefault();
    form.dataset.sending = 'true';
    error.hidden = true;
    box.hidden = false;
    var total = files.reduce(function (sum, f) { return sum + f.size; }, 0);
    var done = 0;
    var ids = [];
    files.reduce(function (chain, file) {
      return chain.then(function () {
        return upload(file, done, total).then(function (u) {
          ids.push(u.id);
          done += file.size;
        });
      });
    }, Promise.resolve()).then(function () {
      ids.forEach(function (id) {
        var hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = 'uploads';
        hidden.value = id;
        form.appendChild(hidden);
      });
      input.removeAttribute('name');
      input.required = false;
      form.submit();
    }, function () {
      delete form.dataset.sending;
      error.hidden = false;
    });
  });
})();
