/**
 * Addresses that are right wherever the site is served. QR codes and printed addresses are built
 * for SITE_URL (src/components/QrCode.astro, SiteAddress.astro), but the same dist/ is also served
 * by `npm start`, preview deploys and hosts whose address differs. Here, in the reader's browser,
 * every such address is rebased on `location.origin`: the printed text at once, and each QR code
 * redrawn (encoder loaded only when an origin differs and a code is about to be seen or printed).
 * Until this module has run, the server-rendered build-time addresses stay (AddressNote warns a
 * reader without JavaScript when SITE_URL was not set).
 */
const here = location.origin;
const rebased = (path: string) => new URL(path, here).href;

for (const el of document.querySelectorAll<HTMLElement>('[data-site-path]')) {
  el.textContent = rebased(el.dataset['sitePath'] ?? '/');
}

const stale = [...document.querySelectorAll<HTMLImageElement>('img[data-qr-path]')].filter(
  (img) => img.dataset['qrTarget'] !== rebased(img.dataset['qrPath'] ?? '/'),
);

if (stale.length > 0) {
  // The encoder loads only when a stale code is about to be seen or printed; once loaded, every
  // code of the page is redrawn at once (a few milliseconds), so a later print is already right.
  let redrawn: Promise<void> | undefined;
  const redrawAll = () =>
    // The import alone first (see site.ts), so a failed load raises `vite:preloadError`.
    (redrawn ??= (() => import('../lib/qr.ts'))().then(({ qrSvg }) => {
      for (const img of stale) {
        const target = rebased(img.dataset['qrPath'] ?? '/');
        img.src = `data:image/svg+xml,${encodeURIComponent(qrSvg(target))}`;
        img.dataset['qrTarget'] = target;
      }
    }));
  const watcher = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      watcher.disconnect();
      void redrawAll();
    },
    { rootMargin: '50%' },
  );
  for (const img of stale) watcher.observe(img);
  addEventListener('beforeprint', () => void redrawAll());
}
