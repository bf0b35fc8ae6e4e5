// Competence table of the staff profile (personnel/profile.html): "add a row" where scripts run. Progressive
// enhancement only — without this file the form still works (the empty rows it ships with, saving brings new ones).
// External file: the pages' Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  function init() {
    var table = document.getElementById('competence-table');
    var button = document.getElementById('add-competence-row');
    if (!table || !button) {
      return;
    }
    var body = table.tBodies[0];
    button.hidden = false;
    button.addEventListener('click', function () {
      var rows = body.querySelectorAll('tr.competence-row');
      if (rows.length === 0) {
        return;
      }
      var row = rows[rows.length - 1].cloneNode(true);
      var index = String(rows.length);
      row.querySelectorAll('select').forEach(function (s) { s.selectedIndex = 0; });
      row.querySelectorAll('input').forEach(function (input) {
        if (input.type === 'checkbox') {
          // a box's value is its row's index (the server pairs it with the row's field)
          input.checked = false;
          input.value = index;
        } else {
          input.value = '';
        }
      });
      body.appendChild(row);
      var first = row.querySelector('select');
      if (first) {
        first.focus();
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
