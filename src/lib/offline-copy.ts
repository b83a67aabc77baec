/**
 * The offline copy of the site: what the service worker keeps, in which group, and how a request's
 * address maps onto it. Pure: no file system, no Cache API. The build step
 * (src/integrations/service-worker.ts) turns dist/ into an `OfflineManifest`; the worker
 * (src/service-worker/sw.ts) and the pages' scripts read it.
 *
 * Three groups, so that a first visit costs what the reader reads:
 * - `shell`: what every page needs to work offline (scripts, the web font, the offline and
 *   not-found pages, the search engine). Precached when the worker installs.
 * - `page`: every page of the site. Kept when it is read, or all at once when the reader saves
 *   the guide (or, on an unmetered connection, in the background).
 * - `data`: what pages and search load on demand (Pagefind's index and excerpts, QR images).
 *   Kept when used, or with the rest when the guide is saved.
 */

import { pagePath } from './page-path.ts';

export type FileGroup = 'shell' | 'page' | 'data';

/** One file of the offline copy. */
export interface OfflineEntry {
  /** The URL path the site serves it at, percent-encoded: `/guide/in-house/`, `/_astro/x.js`. */
  readonly url: string;
  /** A hash of its content, or null when the file name already carries one (`/_astro/…`). */
  readonly revision: string | null;
  /** Bytes a reader downloads for it (brotli where a host would compress it): for sizes shown. */
  readonly bytes: number;
  /** A page's title, to list saved pages by name. */
  readonly title?: string;
}

/** Everything the service worker of one build knows about the site. */
export interface OfflineManifest {
  /** Changes whenever any entry changes: names the worker's caches. */
  readonly version: string;
  readonly shell: readonly OfflineEntry[];
  readonly pages: readonly OfflineEntry[];
  readonly data: readonly OfflineEntry[];
}

/** Shown, from the precache, for a page of the site that is not saved while the network is down. */
export const OFFLINE_PAGE = '/offline/';
/** Shown, from the precache, for an address the site does not have while the network is down. */
export const NOT_FOUND_PAGE = '/404.html';

/** Pagefind files that its JavaScript API loads to start a search: the engine itself. */
const SEARCH_ENGINE = [/^pagefind\/pagefind\.js$/, /^pagefind\/pagefind-entry\.json$/, /^pagefind\/[^/]+\.pf_meta$/, /^pagefind\/wasm\.[^/]+\.pagefind$/];

/**
 * Which group a built file belongs to, from its path relative to dist/ (`guide/x/index.html`),
 * or null for files a reader never needs offline: the worker itself, host and crawler files
 * (`_headers`, sitemaps, robots.txt, the link-preview image), install-only icons, and Pagefind's
 * UI bundles, which this site does not use (it draws its own search UI).
 */
export function fileGroup(file: string): FileGroup | null {
  const path = file.replaceAll('\\', '/').replace(/^\.?\/+/, '');
  if (path === 'offline/index.html' || path === '404.html') return 'shell';
  if (/^_astro\/.+\.(?:js|css|woff2)$/.test(path)) return 'shell';
  if (SEARCH_ENGINE.some((re) => re.test(path))) return 'shell';
  if (path === 'search/lexicon.json' || path === 'favicon.svg' || path === 'manifest.webmanifest') return 'shell';
  // The lexicon's chunks (content-hashed names): every search needs them, like the engine.
  if (/^search\/lexicon\/[^/]+\.json$/.test(path)) return 'shell';
  if (path.endsWith('.html')) return 'page';
  if (/^pagefind\/(?:index|fragment|filter)\//.test(path)) return 'data';
  if (path.startsWith('pagefind/') || path.startsWith('icons/') || path === 'og.png') return null;
  if (/\.(?:svg|png|jpe?g|webp|avif|gif)$/.test(path)) return 'data';
  return null;
}

/** The URL a static host serves a built file at (`guide/x/index.html` → `/guide/x/`), percent-encoded as in `URL.pathname`. */
export const fileUrl = (file: string): string => encodeURI(pagePath(file));

/** Where a request path lands in the offline copy. */
export interface Resolved {
  /** The entry's URL. */
  readonly url: string;
  /** True when the reader asked for `/guide/x` and a host would redirect to `/guide/x/`. */
  readonly redirect: boolean;
}

/**
 * Maps a request's path (`URL.pathname`, percent-encoded, query and hash already dropped) onto a
 * known entry URL, the way a static host does: the exact path, `…/index.html` for its folder,
 * and a folder asked for without its trailing slash, which hosts redirect. Null when the site has
 * no such file.
 */
export function resolvePath(pathname: string, known: ReadonlySet<string>): Resolved | null {
  if (known.has(pathname)) return { url: pathname, redirect: false };
  if (pathname.endsWith('/index.html')) {
    const folder = pathname.slice(0, -'index.html'.length);
    if (known.has(folder)) return { url: folder, redirect: false };
  }
  if (!pathname.endsWith('/') && known.has(`${pathname}/`)) return { url: `${pathname}/`, redirect: true };
  return null;
}

/** How much of the copy a device holds: the counts a page shows, and the bytes still to download. */
export interface CopyStatus {
  readonly pages: { readonly saved: number; readonly total: number };
  readonly data: { readonly saved: number; readonly total: number };
  /** Bytes of the pages and data that are not saved yet. */
  readonly missingBytes: number;
  /** Bytes of all pages and data. */
  readonly totalBytes: number;
  /** Every page and every piece of data is saved, in this build's revision. */
  readonly complete: boolean;
  /** The saved pages, in the manifest's order. */
  readonly savedPages: ReadonlyArray<{ readonly url: string; readonly title: string }>;
}

/** The status of a copy, given which entry URLs are saved in their current revision. */
export function copyStatus(manifest: Pick<OfflineManifest, 'pages' | 'data'>, saved: ReadonlySet<string>): CopyStatus {
  const pages = manifest.pages.filter((entry) => saved.has(entry.url));
  const data = manifest.data.filter((entry) => saved.has(entry.url));
  const all = [...manifest.pages, ...manifest.data];
  const totalBytes = all.reduce((sum, entry) => sum + entry.bytes, 0);
  const savedBytes = [...pages, ...data].reduce((sum, entry) => sum + entry.bytes, 0);
  return {
    pages: { saved: pages.length, total: manifest.pages.length },
    data: { saved: data.length, total: manifest.data.length },
    missingBytes: totalBytes - savedBytes,
    totalBytes,
    complete: pages.length === manifest.pages.length && data.length === manifest.data.length,
    savedPages: pages.map((entry) => ({ url: entry.url, title: entry.title ?? entry.url })),
  };
}

/**
 * The page title without the site's name (`שירות לקוחות בתוך הארגון | בפנים או בחוץ?` →
 * `שירות לקוחות בתוך הארגון`), from the `<title>` of a built page.
 */
export function pageTitle(html: string, siteName: string): string {
  const raw = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  const text = raw
    .replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[name] ?? '')
    .trim();
  const suffix = ` | ${siteName}`;
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

/** A download size for people: kilobytes up to 1 MB (at least 1), then megabytes with one decimal. */
export function roundedSize(bytes: number): { readonly unit: 'kilobytes' | 'megabytes'; readonly n: string } {
  const kb = bytes / 1024;
  if (kb < 1000) return { unit: 'kilobytes', n: String(Math.max(1, Math.round(kb))) };
  return { unit: 'megabytes', n: (kb / 1024).toFixed(1).replace(/\.0$/, '') };
}
