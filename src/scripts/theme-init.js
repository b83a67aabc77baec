// Runs before first paint (inline, render-blocking on purpose): applies the reader's saved theme
// so the page never flashes the wrong one. Its SHA-256 is allowed by the CSP in astro.config.mjs.
(function () {
  try {
    var t = localStorage.getItem('theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch (e) {}
})();
