import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cspMetaPolicies } from '../lib/csp.ts';
import { DEFAULT_REVALIDATE } from '../lib/header-policy.ts';
import { buildHeaders, type PageCsp } from '../lib/headers-file.ts';
import { pagePath } from '../lib/page-path.ts';
import { htmlFiles } from './dist-files.ts';
import type { StepContext } from './post-build.ts';

/**
 * Post-build step: writes dist/_headers for Netlify and Cloudflare Pages: each page's own CSP
 * (read from its meta tag) plus `frame-ancestors 'none'`, site-wide security headers, and caching
 * rules. Runs last (see post-build.ts), after every other step that writes into dist/. The text
 * itself is built in src/lib/headers-file.ts, from the policy in src/lib/header-policy.ts.
 */
export function writeHeaders({ site, logger }: StepContext): void {
  const pages: PageCsp[] = htmlFiles(site).map((file) => {
    const policies = cspMetaPolicies(readFileSync(join(site, file), 'utf8'));
    if (policies.length !== 1) {
      throw new Error(`${file}: expected one Content-Security-Policy meta tag, found ${policies.length}`);
    }
    return { path: pagePath(file), csp: policies[0]! };
  });
  // Pagefind's top-level files keep their names from build to build (only the index and
  // fragment folders are content-addressed), so they are revalidated like the pages.
  const pagefind = join(site, 'pagefind');
  const pagefindFiles = existsSync(pagefind)
    ? readdirSync(pagefind, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/pagefind/${entry.name}`)
    : [];
  writeFileSync(join(site, '_headers'), buildHeaders(pages, { revalidate: [...DEFAULT_REVALIDATE, ...pagefindFiles] }));
  logger.info(`_headers: Content-Security-Policy with frame-ancestors for ${pages.length} pages`);
}
