// Verification page: each aspect and each data-check table row is saved as it is given (one PUT per item), with a
// visible state, a retry on a network failure and the server's refusal in words (409 when someone else changed it).
(function () {
  'use strict';
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; };
  var csrfHeader = meta('_csrf_header');
  var csrfToken = meta('_csrf');
  var texts = document.documentElement.lang && document.documentElement.lang.indexOf('en') === 0
    ? { saving: 'saving…', saved: 'saved', failed: 'not saved (network)', refused: 'not saved' }
    : { saving: '保存中…', saved: '已保存', failed: '未保存（网络故障）', refused: '未保存' };

  function headers() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfHeader && csrfToken) { h[csrfHeader] = csrfToken; }
    return h;
  }

  function errorText(body) {
    try {
      var b = JSON.parse(body);
      return (b.errors || []).map(function (e) { return e.message || e.code; }).join('; ');
    } catch (e) { return body; }
  }

  function version(box) {
    var v = box.getAttribute('data-version');
    return v === '' || v === null ? null : Number(v);
  }

  function put(box, body) {
    var state = box.querySelector('.state');
    var retry = box.querySelector('.retry');
    var error = box.querySelector('.answer-error');
    state.textContent = texts.saving;
    state.className = 'state saving';
    retry.hidden = true;
    error.textContent = '';
    fetch(box.getAttribute('data-url'), { method: 'PUT', headers: headers(), body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (r) {
        return r.text().then(function (t) {
          if (r.ok) {
            box.setAttribute('data-version', JSON.parse(t).version);
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

  function saveAspect(box) {
    var checked = box.querySelector('input[type=radio]:checked');
    if (!checked) { return; }
    put(box, { conclusion: checked.value, note: box.querySelector('.note').value, version: version(box) });
  }

  function checked(box, cls) {
    var c = box.querySelector('.' + cls);
    return c ? c.checked : false;
  }

  function saveRow(box) {
    var cells = {};
    box.querySelectorAll('input.cell').forEach(function (i) { cells[i.getAttribute('data-col')] = i.value; });
    var conclusion = box.querySelector('.conclusion');
    var note = box.querySelector('.foreign-note');
    put(box, {
      stage: box.getAttribute('data-stage'),
      key: box.getAttribute('data-key'),
      cells: cells,
      conclusion: conclusion && conclusion.value ? conclusion.value : null,
      supplierData: checked(box, 'supplier'),
      thirdPartyVerified: checked(box, 'verified'),
      foreignData: checked(box, 'foreign'),
      foreignDataNote: note ? note.value : null,
      version: version(box)
    });
  }

  document.querySelectorAll('.aspect[data-url]').forEach(function (box) {
    box.querySelectorAll('input[type=radio]').forEach(function (r) {
      r.addEventListener('change', function () { saveAspect(box); });
    });
    box.querySelector('.note').addEventListener('change', function () { saveAspect(box); });
    box.querySelector('.retry').addEventListener('click', function () { saveAspect(box); });
  });
  document.querySelectorAll('.data-row[data-url]').forEach(function (box) {
    box.querySelectorAll('input, select').forEach(function (i) {
      i.addEventListener('change', function () { saveRow(box); });
    });
    box.querySelector('.retry').addEventListener('click', function () { saveRow(box); });
  });
}());
