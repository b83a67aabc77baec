import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { resolveImport, withScriptsAfterPaint, type ModuleGraph } from '../lib/page-scripts.ts';
import { htmlFiles } from './dist-files.ts';
import type { StepContext } from './post-build.ts';

/**
 * Post-build step: every page's module scripts start after its first contentful paint, through
 * one inline loader that also fetches every module they import statically, at once (the text work
 * and the reasons are in src/lib/page-scripts.ts). Runs first: the next step hashes the loader
 * into the page's CSP, and later ones hash the final HTML.
 */
export async function loadScriptsAfterPaint({ site, logger }: StepContext): Promise<void> {
  await init;
  const modules = new Map<string, { imports: readonly string[]; onlyImports: boolean }>();
  const moduleAt = (url: string) => {
    let found = modules.get(url);
    if (!found) {
      let code = '';
      try {
        code = readFileSync(join(site, decodeURI(url)), 'utf8');
      } catch {
        // Not a file of this build (another origin, a typo): nothing to preload for it.
      }
      const [imports] = code ? parse(code) : [[]];
      // `d === -1`: a static import (or re-export); dynamic imports load on use and are left alone.
      const statics = imports.filter((entry) => entry.d === -1);
      let rest = code;
      for (const entry of [...statics].reverse()) rest = rest.slice(0, entry.ss) + rest.slice(entry.se);
      found = {
        imports: statics.flatMap((entry) => (entry.n ? [resolveImport(entry.n, url)] : [])).filter((dep): dep is string => dep !== null),
        onlyImports: code !== '' && statics.length > 0 && /^[\s;]*$/.test(rest),
      };
      modules.set(url, found);
    }
    return found;
  };
  const graph: ModuleGraph = { importsOf: (url) => moduleAt(url).imports, onlyImports: (url) => moduleAt(url).onlyImports };

  let changed = 0;
  for (const file of htmlFiles(site)) {
    const path = join(site, file);
    const html = readFileSync(path, 'utf8');
    const next = withScriptsAfterPaint(html, graph);
    if (next !== html) {
      writeFileSync(path, next);
      changed++;
    }
  }
  logger.info(`scripts after the first paint on ${changed} pages`);
}
