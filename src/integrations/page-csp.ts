import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withOwnHashes } from '../lib/csp.ts';
import { htmlFiles } from './dist-files.ts';
import type { StepContext } from './post-build.ts';

/** `'sha256-…'` of one inline script's or style's text, as a CSP source expression. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Post-build step: each page's CSP meta tag allows exactly its own inline scripts and styles, by
 * hash (src/lib/csp.ts, withOwnHashes): Astro's list holds those of every page of the build, and
 * the scripts step adds an inline loader Astro never saw. The headers step copies the result.
 */
export function hashPageCsp({ site, logger }: StepContext): void {
  let changed = 0;
  for (const file of htmlFiles(site)) {
    const path = join(site, file);
    const html = readFileSync(path, 'utf8');
    const next = withOwnHashes(html, cspHash);
    if (next !== html) {
      writeFileSync(path, next);
      changed++;
    }
  }
  logger.info(`CSP hashes narrowed to each page's own inline code on ${changed} pages`);
}
