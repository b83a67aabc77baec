/**
 * Offline support, loaded by site.ts on every page.
 *
 * - The service worker (dist/sw.js: src/service-worker/sw.ts, written by the service-worker build
 *   step) is registered only after the page's `load` event, so neither its download nor the
 *   shell it precaches competes with the page's first paint.
 * - When a new deploy's worker takes over a page that an older worker served, the page reloads
 *   once into the new version.
 * - A page whose lazily loaded code is gone (a deploy removed the files while it was open)
 *   reloads itself once, so the next click works; never twice in a row for the same address.
 * - After load, the page asks the worker to bring what this device saved up to date, and, on an
 *   unmetered connection only, to save the rest of the site in the background.
 * - The offline note (OfflineNote.astro) says, while the device is offline, exactly what is
 *   available: all of the site, the pages opened so far, or only this page.
 */
import { mayPrefetchInBackground, mayReloadForMissingCode, parseReloadMark, type ConnectionHints } from '../lib/offline-policy.ts';
import { fillWithBdi } from './bidi-fill.ts';
import { activeWorker, ask } from './offline-worker.ts';

const RELOAD_KEY = 'bifnim:code-reload';

if ('serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  if (import.meta.env.PROD) {
    // Present before registration only when an earlier visit's worker served this page.
    const servedByOldWorker = Boolean(sw.controller);
    let reloading = false;
    sw.addEventListener('controllerchange', () => {
      // First install: the worker just starts controlling the page, nothing to refresh.
      if (!servedByOldWorker || reloading) return;
      reloading = true;
      location.reload();
    });

    const afterLoad = () => {
      sw.register('/sw.js', { scope: '/' })
        .then(() => activeWorker(60_000))
        .then((worker) => {
          if (!worker) return;
          void ask(worker, { type: 'refresh' }, 1_000);
          const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
          if (mayPrefetchInBackground(connection)) void ask(worker, { type: 'save' }, 60_000, (reply) => reply.type !== 'progress');
        })
        .catch(() => {
          // No worker (private mode, blocked storage): the site still works online.
        });
    };
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
  try {
    if (!mayReloadForMissingCode(parseReloadMark(sessionStorage.getItem(RELOAD_KEY)), location.pathname, now)) return;
    sessionStorage.setItem(RELOAD_KEY, JSON.stringify({ path: location.pathname, at: now }));
  } catch {
    return; // without storage there is no way to know this is not a loop: do not reload
  }
  location.reload();
});

const note = document.querySelector<HTMLElement>('[data-offline-note]');
if (note) {
  const text = note.querySelector('[data-offline-text]');
  const link = note.querySelector<HTMLElement>('[data-offline-link]');
  let asked = 0;
  const sync = async () => {
    if (navigator.onLine) {
      note.hidden = true;
      return;
    }
    const turn = ++asked;
    const worker = await activeWorker(0);
    const reply = worker ? await ask(worker, { type: 'status' }, 2_000) : null;
    if (turn !== asked || navigator.onLine) return;
    const status = reply?.type === 'status' ? reply.status : null;
    const state = !status || status.pages.saved === 0 ? 'none' : status.complete ? 'complete' : 'partial';
    if (text) fillWithBdi(text, note.dataset[state], { saved: status?.pages.saved ?? 0, total: status?.pages.total ?? 0 });
    if (link) link.hidden = state !== 'partial';
    note.hidden = false;
  };
  addEventListener('online', () => void sync());
  addEventListener('offline', () => void sync());
  void sync();
}
