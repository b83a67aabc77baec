/**
 * Offline support, loaded by site.ts on every page. Kept small: it runs before interaction.
 *
 * - The service worker (dist/sw.js: src/service-worker/sw.ts, written by the service-worker build
 *   step) is registered only after the page's `load` event; like every page script, this one
 *   runs only after the first contentful paint, so neither the worker's download nor the shell
 *   it precaches competes with that paint.
 * - Once it is ready, the page tells it that it is open ("visit"): the worker brings what this
 *   device saved up to date, and saves the rest of the site too when the connection is unmetered.
 * - When a new deploy's worker takes over a page that an older worker served, the page reloads
 *   once into the new version.
 * - A page whose lazily loaded code is gone (a deploy removed the files while it was open)
 *   reloads itself once, so the next click works; never twice in a row for the same address.
 * - The offline note (OfflineNote.astro) shows while the device is offline; its text, which says
 *   exactly what is available, comes from offline-note.ts, loaded only then.
 */
import { readStored, writeStored } from './browser.ts';
import { mayPrefetchInBackground, mayReloadForMissingCode, type ConnectionHints } from '../lib/offline-policy.ts';

if ('serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  if (import.meta.env.PROD) {
    // Present before registration only when an earlier visit's worker served this page.
    const servedByOldWorker = Boolean(sw.controller);
    let reloading = false;
    sw.addEventListener('controllerchange', () => {
      // First install: the worker just starts controlling the page, nothing to reload for.
      if (!servedByOldWorker || reloading) return;
      reloading = true;
      location.reload();
    });

    const afterLoad = () => {
      sw.register('/sw.js', { scope: '/' })
        .then(() => sw.ready)
        .then(({ active }) => {
          const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
          active?.postMessage({ type: 'visit', saveAll: mayPrefetchInBackground(connection) });
        })
        .catch(() => {
          // No worker (private mode, blocked storage): the site still works online.
        });
    };
    // After the load event: this script itself starts only after the page's first contentful
    // paint (src/lib/page-scripts.ts), so the worker's downloads never compete with that paint.
    if (document.readyState === 'complete') afterLoad();
    else addEventListener('load', afterLoad, { once: true });
  } else {
    // `astro dev` shares the preview's origin: never let a built site's worker answer for it.
    void sw.getRegistrations().then((registrations) => registrations.forEach((r) => void r.unregister()));
  }
}

// Code a new deploy removed (Vite reports a failed lazy import as `vite:preloadError`).
addEventListener('vite:preloadError', () => {
  if (!navigator.onLine) return; // offline, reloading cannot bring the code back
  const now = Date.now();
  const key = `bifnim:code-reload:${location.pathname}`; // per address: when it last reloaded for missing code
  if (!mayReloadForMissingCode(readStored(key, 'sessionStorage'), now)) return;
  // Without storage there is no way to know this is not a loop: do not reload.
  if (writeStored(key, String(now), 'sessionStorage')) location.reload();
});

const note = document.querySelector<HTMLElement>('[data-offline-note]');
if (note) {
  let turn = 0;
  const sync = () => {
    const mine = ++turn;
    if (navigator.onLine) {
      note.hidden = true;
      return;
    }
    // Served by the worker's precache when there is one; without it, the plainest true sentence.
    import('./offline-note.ts')
      .then(({ fillOfflineNote }) => fillOfflineNote(note, () => mine === turn))
      .catch(() => {
        const text = note.querySelector('[data-offline-text]');
        if (mine !== turn || !text) return;
        text.textContent = note.dataset['none'] ?? '';
        note.hidden = false;
      });
  };
  addEventListener('online', sync);
  addEventListener('offline', sync);
  if (!navigator.onLine) sync();
}
