// Filters a dataset page's variables table as one types; the filter form still works without JavaScript.
(function () {
  var input = document.getElementById('vq');
  var none = document.getElementById('variables-none');
  if (!input) {
    return;
  }
  function apply() {
    var words = input.value.trim().toLowerCase();
    var shown = 0;
    document.querySelectorAll('tr.guichet-variable').forEach(function (row) {
      var match = words === '' || (row.getAttribute('data-search') || '').indexOf(words) >= 0;
      row.style.display = match ? '' : 'none';
      if (match) {
        shown++;
      }
    });
    document.querySelectorAll('.guichet-variable-table').forEach(function (table) {
      var visible = Array.prototype.some.call(table.querySelectorAll('tr.guichet-variable'), function (row) {
        return row.style.display !== 'none';
      });
      table.style.display = visible ? '' : 'none';
    });
    if (none) {
      none.classList.toggle('fr-hidden', shown > 0);
    }
  }
  input.addEventListener('input', apply);
})();
