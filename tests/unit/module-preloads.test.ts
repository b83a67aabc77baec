import { describe, expect, it } from 'vitest';
import { moduleScripts, resolveImport, staticClosure, withModulePreloads } from '../../src/lib/module-preloads.ts';

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

describe('adding the preload links', () => {
  it('puts them just before the first module script, so they are found as early as it is', () => {
    const html = withModulePreloads(PAGE, ['/_astro/announce.C.js']);
    expect(html).toContain('<script>inline()</script><link rel="modulepreload" href="/_astro/announce.C.js"><script type="module" src="/_astro/site.A.js">');
  });

  it('changes nothing when there is nothing to add, no module script, or the link is already there', () => {
    expect(withModulePreloads(PAGE, [])).toBe(PAGE);
    expect(withModulePreloads('<p>no scripts</p>', ['/x.js'])).toBe('<p>no scripts</p>');
    const once = withModulePreloads(PAGE, ['/_astro/announce.C.js']);
    expect(withModulePreloads(once, ['/_astro/announce.C.js'])).toBe(once);
  });

  it('never lets a URL break out of its attribute', () => {
    expect(withModulePreloads(PAGE, ['/x".js'])).toContain('href="/x&quot;.js"');
  });
});
