// On-site inspection page: every answer is saved as it is given (one PUT per item), with a visible state, a retry on a
// network failure, and the server's refusal in words (a 409 when someone else changed the item meanwhile).
(function () {
  'use strict';
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; };
  var csrfHeader = meta('_csrf_header');
  var csrfToken = meta('_csrf');
  var texts = document.documentElement.lang && document.documentElement.lang.indexOf('en') === 0
    ? { saving: 'saving…', saved: 'saved', failed: 'not saved (network)', refused: 'not saved' }
    : { saving: '保存中…', saved: '已保存', failed: '未保存（网络故障）', refused: '未保存' };

  function headers(json) {
    var h = {};
    if (json) { h['Content-Type'] = 'application/json'; }
    h['Accept'] = 'application/json';
    if (csrfHeader && csrfToken) { h[csrfHeader] = csrfToken; }
    return h;
  }

  function errorText(body) {
    try {
      var b = JSON.parse(body);
      return (b.errors || []).map(function (e) { return e.message || e.code; }).join('; ');
    } catch (e) { return body; }
  }

  function evidenceIds(box) {
    var s = box.getAttribute('data-evidence');
    return s ? s.split(',').filter(Boolean).map(Number) : [];
  }

  function save(box) {
    var checked = box.querySelector('input[type=radio]:checked');
    if (!checked) { return; }
    var state = box.querySelector('.state');
    var retry = box.querySelector('.retry');
    var error = box.querySelector('.answer-error');
    var version = box.getAttribute('data-version');
    var cls = box.querySelector('.nc-class');
    var effect = box.querySelector('.effect');
    var body = {
      result: checked.value,
      note: box.querySelector('.note').value,
      evidenceIds: evidenceIds(box),
      ncClass: cls && cls.value ? cls.value : null,
      effectPercent: effect && effect.value ? effect.value : null,
      version: version === '' ? null : Number(version)
    };
    state.textContent = texts.saving;
    state.className = 'state saving';
    retry.hidden = true;
    error.textContent = '';
    fetch(box.getAttribute('data-url'), { method: 'PUT', headers: headers(true), body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (r) {
        return r.text().then(function (t) {
          if (r.ok) {
            var a = JSON.parse(t);
            box.setAttribute('data-version', a.version);
            state.textContent = texts.saved;
            state.className = 'state saved';
          } else {
            state.textContent = texts.refused;
            state.className = 'state refused';
            error.textContent = errorText(t);
          }
        });
      })
      .catch(function () {
        state.textContent = texts.failed;
        state.className = 'state failed';
        retry.hidden = false;
      });
  }

  function upload(box, input) {
    if (!input.files || !input.files.length) { return; }
    var form = new FormData();
    form.append('file', input.files[0]);
    form.append('name', box.getAttribute('data-item') + '@' + box.getAttribute('data-target'));
    var url = box.getAttribute('data-url').replace(/\/(checklist|consistency)\/.*$/, '/evidence');
    var state = box.querySelector('.state');
    state.textContent = texts.saving;
    fetch(url, { method: 'POST', headers: headers(false), body: form, credentials: 'same-origin' })
      .then(function (r) {
        return r.text().then(function (t) {
          if (r.ok) {
            var ids = evidenceIds(box);
            ids.push(JSON.parse(t).id);
            box.setAttribute('data-evidence', ids.join(','));
            save(box);
          } else {
            state.textContent = texts.refused;
            box.querySelector('.answer-error').textContent = errorText(t);
          }
        });
      })
      .catch(function () {
        state.textContent = texts.failed;
      });
  }

  document.querySelectorAll('.answer[data-url]').forEach(function (box) {
    box.querySelectorAll('input[type=radio]').forEach(function (r) {
      r.addEventListener('change', function () { save(box); });
    });
    var note = box.querySelector('.note');
    if (note) { note.addEventListener('change', function () { save(box); }); }
    var cls = box.querySelector('.nc-class');
    if (cls) { cls.addEventListener('change', function () { save(box); }); }
    var file = box.querySelector('.file');
    if (file) { file.addEventListener('change', function () { upload(box, file); }); }
    box.querySelector('.retry').addEventListener('click', function () { save(box); });
  });
}());
