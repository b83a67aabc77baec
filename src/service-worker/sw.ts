/**
 * The service worker (dist/sw.js), built from this file with Workbox by the service-worker build
 * step (src/integrations/service-worker.ts), which puts this build's `OfflineManifest` in front of
 * it as `self.__OFFLINE_MANIFEST`. What goes where is decided in src/lib/offline-copy.ts.
 *
 * - Shell (scripts, font, offline and not-found pages, search engine): Workbox precaches it on
 *   install, so a first visit downloads what every page needs and nothing more.
 * - Pages and data: kept in one cache as they are read or used, each stamped with its revision;
 *   a saved copy in the current revision answers at once, an older one only when the network
 *   fails. The reader can save everything at once ("save" message, with progress), and the
 *   page asks for that on its own only on an unmetered connection (src/scripts/offline.ts).
 * - `/guide/x` without its slash resolves like on the host: a redirect to `/guide/x/`.
 * - Offline, a page of the site that is not saved gets the offline page (which lists what is);
 *   an address the site does not have gets the not-found page.
 * - Every fetch has a timeout, so a hanging network never hangs the reader or a save.
 *
 * New versions: a deploy changes the manifest, so the browser installs the new worker, which
 * takes over at once (skipWaiting, clientsClaim) and drops the old precache. When a page then
 * says it is open ("visit"), it drops saved pages the deploy removed and brings the pages and
 * data this device had saved up to the new revision.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { copyStatus, NOT_FOUND_PAGE, OFFLINE_PAGE, resolvePath, type CopyStatus, type OfflineEntry, type OfflineManifest } from '../lib/offline-copy.ts';
import { saveFailure, type SaveFailure, type WorkerReply, type WorkerRequest } from '../lib/offline-messages.ts';

declare const self: ServiceWorkerGlobalScope & { readonly __OFFLINE_MANIFEST: OfflineManifest };

const manifest = self.__OFFLINE_MANIFEST;

/** Pages and data, across versions: an entry's revision travels with it in this header. */
const CONTENT_CACHE = 'bifnim-content';
const REVISION_HEADER = 'x-bifnim-revision';

/** A fetch that has not answered by then is given up (a hall's Wi-Fi is slow, not that slow). */
const FETCH_TIMEOUT_MS = 20_000;
/** With an older saved copy to fall back on, the network gets less time. */
const STALE_FALLBACK_TIMEOUT_MS = 4_000;
/** Files fetched at once while saving the whole copy. */
const SAVE_CONCURRENCY = 3;

const content = new Map<string, OfflineEntry>([...manifest.pages, ...manifest.data].map((entry) => [entry.url, entry]));
const known = new Set([...content.keys(), ...manifest.shell.map((entry) => entry.url)]);

const timeout = (ms: number): AbortSignal => AbortSignal.timeout(ms);

// --- Shell ------------------------------------------------------------------------------------

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
addPlugins([
  {
    // Precaching gets the same timeout as everything else: a hanging request fails the install,
    // which the browser retries on a later visit, instead of leaving it pending.
    requestWillFetch: async ({ request }) => new Request(request, { signal: timeout(FETCH_TIMEOUT_MS) }),
  },
]);
precacheAndRoute(
  manifest.shell.map(({ url, revision }) => ({ url, revision })),
  // Every parameter is ignored: `pagefind-entry.json?ts=…` is the precached file.
  { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/], cleanURLs: false },
);

// --- Pages and data ---------------------------------------------------------------------------

/** The saved copy of an entry, if any, and whether it is in this build's revision. */
async function savedCopy(entry: OfflineEntry): Promise<{ response: Response; current: boolean } | null> {
  const cache = await caches.open(CONTENT_CACHE);
  const response = await cache.match(entry.url);
  if (!response) return null;
  return { response, current: entry.revision === null || response.headers.get(REVISION_HEADER) === entry.revision };
}

/** Fetches an entry from the network and keeps it, stamped with its revision. Throws on failure. */
async function fetchAndSave(entry: OfflineEntry, request: Request | string = entry.url, ms = FETCH_TIMEOUT_MS): Promise<Response> {
  const response = await fetch(request, typeof request === 'string' ? { signal: timeout(ms), credentials: 'same-origin' } : { signal: timeout(ms) });
  if (!response.ok || response.type !== 'basic' || response.redirected) return response;
  const body = await response.clone().arrayBuffer();
  const headers = new Headers(response.headers);
  if (entry.revision !== null) headers.set(REVISION_HEADER, entry.revision);
  const cache = await caches.open(CONTENT_CACHE);
  await cache.put(entry.url, new Response(body, { status: response.status, statusText: response.statusText, headers }));
  return response;
}

/** The answer for a page of the site the network could not give. */
async function offlineAnswer(navigate: boolean): Promise<Response> {
  if (!navigate) return Response.error();
  return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error();
}

registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET' && (request.mode === 'navigate' || resolvePath(url.pathname, known) !== null),
  async ({ url, request }) => {
    const navigate = request.mode === 'navigate';
    const resolved = resolvePath(url.pathname, known);
    const entry = resolved ? content.get(resolved.url) : undefined;

    if (resolved?.redirect && navigate) {
      // What a static host does for a folder asked for without its slash, online or not.
      return Response.redirect(new URL(resolved.url + url.search, self.location.origin).href, 301);
    }
    if (!entry) {
      // An address the site does not have (or a shell file the precache did not answer):
      // the network, with its real status; offline, the saved not-found page.
      try {
        return await fetch(request, { signal: timeout(FETCH_TIMEOUT_MS) });
      } catch {
        return (navigate ? await matchPrecache(NOT_FOUND_PAGE) : undefined) ?? Response.error();
      }
    }

    const saved = await savedCopy(entry);
    if (saved?.current) return saved.response;
    try {
      return await fetchAndSave(entry, navigate ? request : entry.url, saved ? STALE_FALLBACK_TIMEOUT_MS : FETCH_TIMEOUT_MS);
    } catch {
      return saved?.response ?? (await offlineAnswer(navigate));
    }
  },
);

// --- Status and saving everything -------------------------------------------------------------

/** Which content entries this device holds in their current revision. */
async function status(): Promise<CopyStatus> {
  const cache = await caches.open(CONTENT_CACHE);
  const saved = new Set<string>();
  await Promise.all(
    [...content.values()].map(async (entry) => {
      const response = await cache.match(entry.url);
      if (response && (entry.revision === null || response.headers.get(REVISION_HEADER) === entry.revision)) saved.add(entry.url);
    }),
  );
  return copyStatus(manifest, saved);
}

/** Ports listening to the save in progress (the button on several tabs, and a background save). */
const listeners = new Set<MessagePort>();
let saving: Promise<void> | null = null;

const tell = (reply: WorkerReply): void => {
  for (const port of listeners) port.postMessage(reply);
};

/** Runs `job` over `entries`, `limit` at a time, until `stop()` says so. */
async function eachLimited<T>(entries: readonly T[], limit: number, job: (entry: T) => Promise<void>, stop = () => false): Promise<void> {
  const queue = [...entries];
  const lane = async (): Promise<void> => {
    for (let entry = queue.shift(); entry !== undefined && !stop(); entry = queue.shift()) await job(entry);
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

/** Fetches every page and piece of data this device does not hold yet, telling listeners how far it got. */
async function saveEverything(): Promise<void> {
  const before = await status();
  const missing: OfflineEntry[] = [];
  for (const entry of content.values()) {
    const saved = await savedCopy(entry);
    if (!saved?.current) missing.push(entry);
  }
  const bytesTotal = missing.reduce((sum, entry) => sum + entry.bytes, 0);
  let done = 0;
  let bytesDone = 0;
  let failure: SaveFailure | null = null;
  tell({ type: 'progress', done, total: missing.length, bytesDone, bytesTotal, status: before });
  await eachLimited(
    missing,
    SAVE_CONCURRENCY,
    async (entry) => {
      try {
        const response = await fetchAndSave(entry);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        done++;
        bytesDone += entry.bytes;
        tell({ type: 'progress', done, total: missing.length, bytesDone, bytesTotal, status: null });
      } catch (error) {
        failure ??= saveFailure(error);
      }
    },
    () => failure !== null,
  );
  const after = await status();
  tell(failure && !after.complete ? { type: 'failed', reason: failure, status: after } : { type: 'saved', status: after });
}

/** Starts saving everything, or joins the save already running; `port` hears how it goes. */
function save(port: MessagePort | undefined): Promise<void> {
  if (port) listeners.add(port);
  saving ??= saveEverything().finally(() => {
    saving = null;
    listeners.clear();
  });
  return saving;
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const port = event.ports[0];
  const message = event.data as WorkerRequest | null;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'status' && port) {
    event.waitUntil(status().then((current) => port.postMessage({ type: 'status', status: current } satisfies WorkerReply)));
  } else if (message.type === 'save') {
    event.waitUntil(save(port));
  } else if (message.type === 'visit') {
    // Sent by every page once the worker is ready (not done on activation: fetches wait for that).
    event.waitUntil(refresh().then(() => (message.saveAll ? save(undefined) : undefined)));
  }
});

// --- Install and activate ---------------------------------------------------------------------

/** The pages open in this browser's tabs (the one that registered the worker, on a first visit). */
async function openPages(): Promise<OfflineEntry[]> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  return windows.flatMap((client) => {
    const resolved = resolvePath(new URL(client.url).pathname, known);
    const entry = resolved ? content.get(resolved.url) : undefined;
    return entry && manifest.pages.includes(entry) ? [entry] : [];
  });
}

self.addEventListener('install', (event) => {
  // The page being read is kept too (it was loaded before any worker ran). Best effort: a failure
  // here must not fail the install.
  event.waitUntil(
    openPages()
      .then((pages) => Promise.allSettled(pages.map((entry) => fetchAndSave(entry))))
      .catch(() => undefined),
  );
});

/** Keeps what this device saved in the current revision: pages a deploy removed go, changed ones are fetched again. */
async function refresh(): Promise<void> {
  const cache = await caches.open(CONTENT_CACHE);
  const outdated: OfflineEntry[] = [];
  for (const request of await cache.keys()) {
    const entry = content.get(new URL(request.url).pathname);
    if (!entry) {
      await cache.delete(request);
      continue;
    }
    const response = await cache.match(request);
    if (entry.revision !== null && response?.headers.get(REVISION_HEADER) !== entry.revision) outdated.push(entry);
  }
  // The old copy stays until the new one has arrived, so a failure leaves it readable.
  await eachLimited(outdated, SAVE_CONCURRENCY, (entry) => fetchAndSave(entry).then(() => undefined, () => undefined));
}
