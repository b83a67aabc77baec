import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';
import type { StepContext } from './post-build.ts';

/**
 * Post-build step: writes dist/sw.js with Workbox's `generateSW` once the site, and Pagefind's
 * index, are in dist/ (it runs after the search-index step, see post-build.ts).
 *
 * What is precached: every page, the page scripts, styles and the web font, the search lexicon,
 * the icons and manifest, and the part of Pagefind that its JavaScript API loads. Pagefind's own UI
 * bundles are left out: this site draws its own search UI. After the first visit (the worker
 * installs after the page's `load` event, see src/scripts/offline.ts), every page, search and the
 * checklist work with the network off.
 *
 * Matching: pages are directories (`/guide/in-house/` is `guide/in-house/index.html`), and every URL
 * parameter is ignored, so `/checklist/?complexity=2…`, `/search/?q=…`, `/guide/x/?mark=…#id` and
 * Pagefind's `pagefind-entry.json?ts=…` are all answered from the precache.
 *
 * Unknown paths: no `navigateFallback`. It would answer every navigation the precache does not
 * know with a cached page even when online, so a page added by a newer deploy (or a real file
 * such as /sitemap-index.xml) would wrongly show "not found" until the worker updated. Instead, a
 * navigation to an unknown path goes to the network (online: the host's real answer, with its real
 * status) and only when the network fails does Workbox's `PrecacheFallbackPlugin` answer with the
 * precached 404 page, which then also shows the offline note.
 *
 * New versions, and why no stale page lingers: each deploy changes the revisions in sw.js, so the
 * browser's update check on the next visit installs the new worker. `skipWaiting` activates it at
 * once instead of waiting for every old tab to close, `clientsClaim` makes it take over the open
 * pages, and `cleanupOutdatedCaches` plus Workbox's precache clean-up on activation delete the old
 * entries, so no old page can be served again. The page that was open while this happened was
 * served by the old worker; offline.ts reloads it once when the new worker takes control, so it
 * is replaced by the new version instead of lingering (and its lazily loaded code can never point
 * at files the deploy removed). Hosts should serve sw.js with `Cache-Control: no-cache`.
 */
export async function writeServiceWorker({ site, logger }: StepContext): Promise<void> {
  const swDest = join(site, 'sw.js');
  const optional = ['qr/**/*.svg', 'pagefind/filter/**'];
  const { count, size, warnings } = await generateSW({
    globDirectory: site,
    swDest,
    globPatterns: [
      '**/*.html',
      '_astro/**/*.{js,css,woff2}',
      'search/lexicon.json',
      'search/lexicon/*.json',
      'favicon.svg',
      'manifest.webmanifest',
      'icons/*.png',
      // Pagefind: only what its JavaScript API loads (engine, WebAssembly, index). Search runs
      // it on the main thread (noWorker, see src/scripts/search/engine.ts), so no worker file.
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/*.pf_meta',
      'pagefind/wasm.*.pagefind',
      'pagefind/index/**',
      'pagefind/fragment/**',
      // Only when the build has them (Workbox warns about a pattern that matches nothing).
      ...optional.filter((pattern) => existsSync(join(site, pattern.split('/*')[0]!))),
    ],
    globIgnores: ['sw.js', 'pagefind/pagefind-ui.*', 'pagefind/pagefind-modular-ui.*', 'pagefind/pagefind-component-ui.*', 'pagefind/pagefind-highlight.js'],
    // Content-hashed file names (Astro's _astro/, Pagefind's index and fragments): the URL is
    // the version, so installing may reuse what the first visit already put in the HTTP cache.
    dontCacheBustURLsMatching: /^(?:_astro|pagefind\/(?:index|fragment|filter))\//,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    cacheId: 'bifnim',
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Pages the precache does not know: the network, or the precached 404 page offline.
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '/404.html' } },
      },
    ],
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
  });
  for (const warning of warnings) logger.warn(warning);

  // One self-contained file: the Workbox runtime is inlined, nothing is imported at run time.
  const sw = readFileSync(swDest, 'utf8');
  if (/importScripts\s*\(|https?:\/\/[^\s'"`]*(googleapis|unpkg|jsdelivr|cdn)/i.test(sw)) {
    throw new Error('dist/sw.js must not import code from another file or origin');
  }
  logger.info(`Service worker precaches ${count} files, ${(size / 1024).toFixed(1)} KB`);
}
