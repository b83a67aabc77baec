import { describe, expect, it } from 'vitest';
import { afterPaintLoader, loaderModules, moduleScripts, resolveImport, runOrder, staticClosure, withScriptsAfterPaint, type ModuleGraph } from '../../src/lib/page-scripts.ts';

const PAGE = '<html><head><meta charset="utf-8"><script>inline()</script><script type="module" src="/_astro/site.A.js"></script></head><body><script type="module" src="/_astro/talk.B.js"></script></body></html>';

describe('the module scripts of a page', () => {
  it('are the src of every module script, in order; classic and inline scripts are not', () => {
    expect(moduleScripts(PAGE)).toEqual(['/_astro/site.A.js', '/_astro/talk.B.js']);
    expect(moduleScripts('<script src="/classic.js"></script><script type=module src=/x.js></script>')).toEqual(['/x.js']);
  });
});

describe('what a page script imports statically', () => {
  const graph: Record<string, string[]> = {
    '/_astro/site.A.js': ['/_astro/announce.C.js'],
    '/_astro/talk.B.js': ['/_astro/announce.C.js', '/_astro/nav.D.js'],
    '/_astro/nav.D.js': ['/_astro/util.E.js', '/_astro/site.A.js'],
  };
  const importsOf = (url: string) => graph[url] ?? [];

  it('is every module reached through static imports, each once, nearest first, without the entries', () => {
    expect(staticClosure(['/_astro/site.A.js', '/_astro/talk.B.js'], importsOf)).toEqual(['/_astro/announce.C.js', '/_astro/nav.D.js', '/_astro/util.E.js']);
    expect(staticClosure(['/_astro/util.E.js'], importsOf)).toEqual([]);
  });

  it('resolves relative and absolute specifiers and ignores bare and remote ones', () => {
    expect(resolveImport('./announce.C.js', '/_astro/site.A.js')).toBe('/_astro/announce.C.js');
    expect(resolveImport('../x.js', '/_astro/deep/site.js')).toBe('/_astro/x.js');
    expect(resolveImport('/pagefind/pagefind.js', '/_astro/site.A.js')).toBe('/pagefind/pagefind.js');
    expect(resolveImport('workbox-core', '/_astro/site.A.js')).toBeNull();
    expect(resolveImport('https://cdn.example/x.js', '/_astro/site.A.js')).toBeNull();
  });
});

function graphOf(imports: Record<string, string[]>, onlyImports: string[] = []): ModuleGraph {
  return { importsOf: (url) => imports[url] ?? [], onlyImports: (url) => onlyImports.includes(url) };
}

describe('the order a page runs its scripts in', () => {
  it('keeps document order, and a script that only imports becomes what it imports, each module once', () => {
    const graph = graphOf({ '/a.js': ['/shared.js'], '/only.js': ['/addr.js'], '/only2.js': ['/addr.js'] }, ['/only.js', '/only2.js']);
    expect(runOrder(['/only.js', '/only2.js', '/talk.js', '/a.js'], graph)).toEqual(['/addr.js', '/talk.js', '/a.js']);
    expect(runOrder(['/a.js'], graph)).toEqual(['/a.js']);
  });

  it('stops following a chain of import-only modules that loops', () => {
    const graph = graphOf({ '/x.js': ['/y.js'], '/y.js': ['/x.js'] }, ['/x.js', '/y.js']);
    expect(() => runOrder(['/x.js'], graph)).not.toThrow();
  });
});

/** Runs a loader in a fake browser; returns what it imported, in order, and the paint trigger. */
function runLoader(code: string, options: { failing?: string[] } = {}) {
  const imported: string[] = [];
  let observer: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  let timer: (() => void) | undefined;
  const fakeImport = (url: string) => {
    imported.push(url);
    return options.failing?.includes(url) ? Promise.reject(new Error('gone')) : Promise.resolve({});
  };
  class FakeObserver {
    constructor(callback: typeof observer) {
      observer = callback;
    }
    observe(): void {}
  }
  // `import(u)` is syntax, not a function: the test gives the code a stand-in under another name.
  const run = new Function('__import', 'PerformanceObserver', 'setTimeout', code.replaceAll('import(', '__import('));
  run(fakeImport, FakeObserver, (fn: () => void) => (timer = fn));
  const paint = (name: string) => observer?.({ getEntriesByName: (n: string) => (n === name ? [{}] : []) });
  return { imported, paint, timeout: () => timer?.() };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the loader that runs a page's scripts after its first paint", () => {
  const code = afterPaintLoader(['/_astro/site.A.js', '/_astro/talk.B.js'], ['/_astro/shared.C.js']);

  it('imports nothing before the first contentful paint, then the preloads and each script in order', async () => {
    const { imported, paint } = runLoader(code);
    paint('first-paint');
    await settle();
    expect(imported).toEqual([]);
    paint('first-contentful-paint');
    await settle();
    expect(imported).toEqual(['/_astro/shared.C.js', '/_astro/site.A.js', '/_astro/talk.B.js']);
  });

  it('runs once, from the paint or from the 3 s fallback (a background tab, no paint timing), whichever comes first', async () => {
    const { imported, paint, timeout } = runLoader(code);
    timeout();
    paint('first-contentful-paint');
    await settle();
    expect(imported).toEqual(['/_astro/shared.C.js', '/_astro/site.A.js', '/_astro/talk.B.js']);
  });

  it('goes on with the next script when one fails to load', async () => {
    const { imported, paint } = runLoader(code, { failing: ['/_astro/site.A.js'] });
    paint('first-contentful-paint');
    await settle();
    expect(imported).toContain('/_astro/talk.B.js');
  });

  it('never lets a URL end the string or the script element', () => {
    const hostile = afterPaintLoader(["/x'.js", '/y</script><script>alert(1)//.js'], []);
    expect(hostile).not.toContain("x'.js");
    expect(hostile).not.toMatch(/<\/script/i);
    expect(() => new Function(hostile.replaceAll('import(', 'String('))).not.toThrow();
  });

  it('can be read back from a built page: the modules it fetches, preloads first, hostile URLs included', () => {
    const urls = ['/_astro/site.A.js', "/x'.js", '/y</script><script>alert(1)//.js'];
    const page = (loader: string) => `<html><body><script>theme()</script><script type="module">${loader}</script></body></html>`;
    expect(loaderModules(page(afterPaintLoader(urls, ['/_astro/shared.C.js'])))).toEqual(['/_astro/shared.C.js', ...urls]);
    expect(loaderModules(page('import("/_astro/other.js")'))).toEqual([]);
  });
});

describe('a page with its scripts after the first paint', () => {
  const graph = graphOf({ '/_astro/site.A.js': ['/_astro/announce.C.js'], '/_astro/talk.B.js': ['/_astro/announce.C.js', '/_astro/nav.D.js'] });

  it('has one inline loader where its first module script was, and no module script or preload link left', () => {
    const html = withScriptsAfterPaint(PAGE.replace('<script>inline()</script>', '<script>inline()</script><link rel="modulepreload" href="/_astro/x.E.js">'), graph);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toContain('modulepreload');
    expect(html.match(/<script type="module">/g)).toHaveLength(1);
    expect(html).toContain("<script>inline()</script><script type=\"module\">{let d=0;");
    for (const url of ['/_astro/site.A.js', '/_astro/talk.B.js', '/_astro/announce.C.js', '/_astro/nav.D.js', '/_astro/x.E.js']) expect(html).toContain(`'${url}'`);
  });

  it('is unchanged without module scripts', () => {
    expect(withScriptsAfterPaint('<p>no scripts</p><script>inline()</script>', graph)).toBe('<p>no scripts</p><script>inline()</script>');
  });
});
