/**
 * `<link rel="modulepreload">` for the modules a page's scripts import, as text work on built
 * HTML: no file system. The build step (src/integrations/module-preloads.ts) reads the scripts.
 *
 * Why: a page script that imports a shared chunk (`site.js` → `announce.js`) is a chain the
 * browser discovers one level per round trip. Listing every statically imported module in the
 * HTML lets the browser fetch them all at once, in parallel with the first script.
 */

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype=["']?module["']?)[^>]*\bsrc=["']?([^"'\s>]+)["']?[^>]*>/gi;

/** The `src` of every `<script type="module" src>` of a page, in document order. */
export function moduleScripts(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
}

/**
 * Every module the `entries` import statically, directly or through one another, each once, in
 * the order they are met (breadth first), without the entries themselves. `importsOf(url)` gives
 * one module's static imports as URL paths.
 */
export function staticClosure(entries: readonly string[], importsOf: (url: string) => readonly string[]): string[] {
  const seen = new Set(entries);
  const found: string[] = [];
  const queue = [...entries];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    for (const dep of importsOf(url)) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      found.push(dep);
      queue.push(dep);
    }
  }
  return found;
}

/** Resolves an import specifier of the module at `from` (`./x.js`, `../x.js`, `/x.js`) to a URL path; null for bare or remote ones. */
export function resolveImport(specifier: string, from: string): string | null {
  if (!/^(?:\.{1,2})?\//.test(specifier)) return null;
  return new URL(specifier, `https://site.invalid${from}`).pathname;
}

/**
 * The page with one `<link rel="modulepreload" href>` per URL inserted just before its first
 * module script (so they are discovered as early as the script itself). URLs the page already
 * preloads are skipped; the page is returned unchanged when nothing is left to add.
 */
export function withModulePreloads(html: string, urls: readonly string[]): string {
  const present = new Set(
    [...html.matchAll(/<link\b(?=[^>]*\brel=["']?modulepreload["']?)[^>]*\bhref=["']?([^"'\s>]+)["']?[^>]*>/gi)].map((m) => m[1]!),
  );
  const missing = urls.filter((url) => !present.has(url));
  MODULE_SCRIPT.lastIndex = 0;
  const first = MODULE_SCRIPT.exec(html);
  MODULE_SCRIPT.lastIndex = 0;
  if (!first || missing.length === 0) return html;
  const links = missing.map((url) => `<link rel="modulepreload" href="${url.replaceAll('"', '&quot;')}">`).join('');
  return html.slice(0, first.index) + links + html.slice(first.index);
}
