import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { moduleScripts, resolveImport, staticClosure, withModulePreloads } from '../lib/module-preloads.ts';
import { htmlFiles } from './dist-files.ts';
import type { StepContext } from './post-build.ts';

/**
 * Post-build step: every page lists, as `<link rel="modulepreload">`, the modules its scripts
 * import statically, so no script waits for another to be fetched before its imports are
 * (the text work is in src/lib/module-preloads.ts). Runs first: later steps hash the final HTML.
 */
export async function preloadModules({ site, logger }: StepContext): Promise<void> {
  await init;
  const imports = new Map<string, readonly string[]>();
  const importsOf = (url: string): readonly string[] => {
    let found = imports.get(url);
    if (!found) {
      let code = '';
      try {
        code = readFileSync(join(site, decodeURI(url)), 'utf8');
      } catch {
        // Not a file of this build (another origin, a typo): nothing to preload for it.
      }
      // `d === -1`: a static import (or re-export); dynamic imports load on use and are left alone.
      found = code
        ? parse(code)[0].flatMap((entry) => (entry.d === -1 && entry.n ? [resolveImport(entry.n, url)] : [])).filter((dep): dep is string => dep !== null)
        : [];
      imports.set(url, found);
    }
    return found;
  };

  let changed = 0;
  for (const file of htmlFiles(site)) {
    const path = join(site, file);
    const html = readFileSync(path, 'utf8');
    const scripts = moduleScripts(html).filter((src) => src.startsWith('/'));
    const next = withModulePreloads(html, staticClosure(scripts, importsOf));
    if (next !== html) {
      writeFileSync(path, next);
      changed++;
    }
  }
  logger.info(`modulepreload links added to ${changed} pages`);
}
