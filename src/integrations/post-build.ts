import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { hashPageCsp } from './page-csp.ts';
import { loadScriptsAfterPaint } from './page-scripts.ts';
import { indexSearch } from './pagefind.ts';
import { writeServiceWorker } from './service-worker.ts';
import { writeHeaders } from './static-headers.ts';

/** What every post-build step gets: the built site's folder on disk and a logger named after the step. */
export interface StepContext {
  /** dist/ (or the `--outDir` of this build) as a file-system path. */
  readonly site: string;
  readonly logger: AstroIntegrationLogger;
}

/** One named job over the finished dist/. It throws to fail the build. */
export interface BuildStep {
  readonly name: string;
  readonly run: (context: StepContext) => Promise<void> | void;
}

/**
 * The steps, in the order they run. Each one reads what the ones before it wrote:
 * 1. page scripts: each page's module scripts become one inline loader that runs after its first
 *    paint (changes the HTML, so it comes before anything hashes it);
 * 2. page CSP: each page's CSP meta tag lists the hashes of exactly its own inline code, the
 *    loader included: the last change to the pages' HTML;
 * 3. search index: Pagefind reads the built pages and writes dist/pagefind/;
 * 4. service worker: lists the pages and Pagefind's files, with their hashes, in dist/sw.js;
 * 5. headers: reads every page's CSP and Pagefind's file names into dist/_headers.
 */
export const POST_BUILD_STEPS: readonly BuildStep[] = [
  { name: 'page-scripts', run: loadScriptsAfterPaint },
  { name: 'page-csp', run: hashPageCsp },
  { name: 'search-index', run: indexSearch },
  { name: 'service-worker', run: writeServiceWorker },
  { name: 'headers', run: writeHeaders },
];

/**
 * The one integration that works on dist/ after Astro has written it. Listed last in
 * astro.config.mjs; the order of its steps is the list above, not the order of integrations.
 */
export function postBuild(steps: readonly BuildStep[] = POST_BUILD_STEPS): AstroIntegration {
  return {
    name: 'post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        for (const step of steps) {
          const started = performance.now();
          const stepLogger = logger.fork(step.name);
          await step.run({ site, logger: stepLogger });
          stepLogger.info(`done in ${Math.round(performance.now() - started)} ms`);
        }
      },
    },
  };
}
