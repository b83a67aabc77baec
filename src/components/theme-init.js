(function () {
  var r = document.documentElement;
  try {
    var t = localStorage.getItem('theme');
    if (t === 'light' || t === 'dark') r.dataset.theme = t;
  } catch (e) {}
})();
