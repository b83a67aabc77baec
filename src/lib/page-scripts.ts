/**
 * How a built page loads its module scripts, as text work on built HTML: no file system. The
 * build step (src/integrations/page-scripts.ts) reads the scripts' imports.
 *
 * A page script that imports a shared chunk (`site.js` → `shared.js`) is a chain the browser
 * discovers one level per round trip, so the loader fetches every statically imported module at
 * once, with the scripts, and only after the page's first paint (afterPaintLoader below).
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
 * The loader that takes a page's module scripts' place: a few hundred bytes of inline module
 * script that, once the page has painted its first content, imports `preloads` (every module the
 * scripts import statically, so nothing waits for a chain of imports) and then each entry in
 * document order, as the `<script type="module" src>` tags it replaces would have run.
 *
 * Why after the first paint: nothing on these pages needs a script to be read (every control is
 * server-rendered and works, or stays hidden, until its script upgrades it), yet scripts requested
 * at parse time share a slow connection with the page's first paint. Lighthouse's mobile LCP
 * counts every request started before that paint (1.05 s on a guide page with them, 0.90 s
 * without, README "Performance").
 *
 * When: on the `first-contentful-paint` entry, or after 3 s at the latest: the way in for a tab
 * opened in the background (it paints only once shown) and for a browser without paint timing
 * (Safari before 14.1). `go` runs once. Failed imports are dropped here: each feature's own
 * fallbacks apply.
 *
 * The code, unminified (written out per page: one call per module, which is shorter than a loop
 * for the one to five modules a page has):
 *   let done = 0;
 *   const load = (url) => import(url).catch(() => {});
 *   const go = async () => {
 *     if (done++) return;
 *     load(PRELOAD_1); load(PRELOAD_2); …
 *     await load(ENTRY_1); await load(ENTRY_2); …
 *   };
 *   new PerformanceObserver((list) => list.getEntriesByName('first-contentful-paint')[0] && go())
 *     .observe({ type: 'paint', buffered: true });
 *   setTimeout(go, 3000);
 */
export function afterPaintLoader(entries: readonly string[], preloads: readonly string[]): string {
  // Budget: this text counts as JavaScript before interaction (3 KiB brotli on a guide page), so
  // it is written small, in single quotes like the theme script it is compressed with.
  const calls = [...preloads.map((url) => `i(${quoted(url)})`), ...entries.map((url) => `await i(${quoted(url)})`)].join(';');
  return (
    `{let d=0;const i=u=>import(u).catch(()=>{}),g=async()=>{if(!d++){${calls}}};` +
    `new PerformanceObserver(l=>l.getEntriesByName('first-contentful-paint')[0]&&g()).observe({type:'paint',buffered:!0});setTimeout(g,3e3)}`
  );
}

/**
 * The modules a built page's after-paint loader fetches (preloads and entries), read back from
 * the text `afterPaintLoader()` wrote: what runs before the reader interacts, for the JavaScript
 * budget (tests/dist/check-dist.mjs). Empty for a page without a loader.
 */
export function loaderModules(html: string): string[] {
  const loader = /<script type="module">(\{let d=0;const i=u=>import\(u\)[\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  return [...loader.matchAll(/\bi\('((?:[^'\\]|\\u[0-9a-f]{4})*)'\)/g)].map((m) =>
    m[1]!.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

/** A JavaScript string literal in single quotes that no URL can break out of (nor close the <script>). */
function quoted(url: string): string {
  return `'${url.replace(/[\\'<>\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

const MODULE_PRELOAD = /<link\b(?=[^>]*\brel=["']?modulepreload["']?)[^>]*>/gi;
const MODULE_SCRIPT_TAG = /<script\b(?=[^>]*\btype=["']?module["']?)(?=[^>]*\bsrc=)[^>]*>\s*<\/script\s*>/gi;

/** What the build knows about the site's modules, by URL path. */
export interface ModuleGraph {
  /** A module's static imports, as URL paths, in source order. */
  importsOf(url: string): readonly string[];
  /** True when the module is nothing but static imports (Astro writes one per component script, e.g. `import"./site-address.js"`). */
  onlyImports(url: string): boolean;
}

/**
 * The modules to run, in order, for a page's `entries`: an entry that is nothing but imports is
 * replaced by what it imports (running it would run exactly those, in that order), each module
 * once. Three components that each import the same module become that one module.
 */
export function runOrder(entries: readonly string[], graph: ModuleGraph): string[] {
  const out: string[] = [];
  const visit = (url: string, depth: number): void => {
    if (depth < 8 && graph.onlyImports(url)) for (const dep of graph.importsOf(url)) visit(dep, depth + 1);
    else if (!out.includes(url)) out.push(url);
  };
  for (const url of entries) visit(url, 0);
  return out;
}

/**
 * The page with its `<script type="module" src>` tags and `<link rel="modulepreload">` links
 * replaced by one inline module script, `afterPaintLoader()`, where the first script was: the
 * scripts in `runOrder()`, and every module they import statically (`staticClosure()`) fetched
 * with them. A page without module scripts is returned unchanged. The caller hashes the result
 * into the page's CSP (src/integrations/page-csp.ts).
 */
export function withScriptsAfterPaint(html: string, graph: ModuleGraph): string {
  const scripts = moduleScripts(html);
  if (scripts.length === 0) return html;
  const entries = runOrder(scripts, graph);
  const present = [...html.matchAll(/<link\b(?=[^>]*\brel=["']?modulepreload["']?)[^>]*\bhref=["']?([^"'\s>]+)["']?[^>]*>/gi)].map((m) => m[1]!);
  const preloads = [...new Set([...present, ...staticClosure(entries, graph.importsOf)])].filter((url) => !entries.includes(url));
  let placed = false;
  return html.replace(MODULE_PRELOAD, '').replace(MODULE_SCRIPT_TAG, () => {
    if (placed) return '';
    placed = true;
    return `<script type="module">${afterPaintLoader(entries, preloads)}</script>`;
  });
}
