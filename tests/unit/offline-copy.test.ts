import { describe, expect, it } from 'vitest';
import { copyStatus, fileGroup, fileUrl, pageTitle, resolvePath, roundedSize, type OfflineEntry } from '../../src/lib/offline-copy.ts';

describe('which group a built file belongs to', () => {
  it('puts what every page needs into the shell: scripts, the font, the fallback pages and the search engine', () => {
    for (const file of [
      '_astro/site.BOFdAbBg.js',
      '_astro/fonts/dfd9b9744b242810.woff2',
      '_astro/page.Cd1.css',
      'offline/index.html',
      '404.html',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.he_2e1a61ffee.pf_meta',
      'pagefind/wasm.unknown.pagefind',
      'search/lexicon.json',
      'search/lexicon/3f9a1c2b7d4e.json',
      'favicon.svg',
      'manifest.webmanifest',
    ]) {
      expect(fileGroup(file), file).toBe('shell');
    }
  });

  it('keeps every other page, and the search index and images, for when they are read or saved', () => {
    expect(fileGroup('index.html')).toBe('page');
    expect(fileGroup('guide/in-house/index.html')).toBe('page');
    expect(fileGroup('pagefind/index/he_138e65f.pf_index')).toBe('data');
    expect(fileGroup('pagefind/fragment/he_e65fbdd.pf_fragment')).toBe('data');
    expect(fileGroup('qr/talk-9.svg')).toBe('data');
  });

  it('leaves out the worker, host and crawler files, install-only icons and Pagefind UI bundles the site does not use', () => {
    for (const file of ['sw.js', '_headers', 'robots.txt', 'sitemap-index.xml', 'sitemap-0.xml', 'og.png', 'icons/icon-512.png', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-highlight.js', '.nojekyll']) {
      expect(fileGroup(file), file).toBeNull();
    }
  });

  it('accepts Windows separators and a leading ./', () => {
    expect(fileGroup('.\\guide\\x\\index.html')).toBe('page');
    expect(fileUrl('guide\\x\\index.html')).toBe('/guide/x/');
  });
});

describe('the URL of a built file', () => {
  it('is the folder for an index page and percent-encoded like URL.pathname', () => {
    expect(fileUrl('index.html')).toBe('/');
    expect(fileUrl('guide/in-house/index.html')).toBe('/guide/in-house/');
    expect(fileUrl('404.html')).toBe('/404.html');
    expect(fileUrl('guide/מדריך/index.html')).toBe(new URL('https://x.invalid/guide/מדריך/').pathname);
  });
});

describe('resolving a request path like a static host', () => {
  const known = new Set(['/', '/guide/in-house/', '/search/lexicon.json']);

  it('finds exact paths and folders asked for as index.html', () => {
    expect(resolvePath('/guide/in-house/', known)).toEqual({ url: '/guide/in-house/', redirect: false });
    expect(resolvePath('/guide/in-house/index.html', known)).toEqual({ url: '/guide/in-house/', redirect: false });
    expect(resolvePath('/index.html', known)).toEqual({ url: '/', redirect: false });
    expect(resolvePath('/search/lexicon.json', known)).toEqual({ url: '/search/lexicon.json', redirect: false });
  });

  it('redirects a folder asked for without its trailing slash', () => {
    expect(resolvePath('/guide/in-house', known)).toEqual({ url: '/guide/in-house/', redirect: true });
  });

  it('knows nothing of other paths, and does not add a slash to files', () => {
    expect(resolvePath('/guide/outsource/', known)).toBeNull();
    expect(resolvePath('/guide', known)).toBeNull();
    expect(resolvePath('/search/lexicon.json/', known)).toBeNull();
    expect(resolvePath('/guide/in-house//', known)).toBeNull();
  });
});

describe('the status of a saved copy', () => {
  const page = (url: string, bytes: number, title?: string): OfflineEntry => ({ url, revision: 'r', bytes, ...(title ? { title } : {}) });
  const manifest = {
    pages: [page('/', 100, 'בית'), page('/guide/a/', 200, 'א'), page('/guide/b/', 300)],
    data: [{ url: '/pagefind/index/x.pf_index', revision: null, bytes: 50 }],
  };

  it('is complete only when every page and every piece of data is saved', () => {
    const all = copyStatus(manifest, new Set(['/', '/guide/a/', '/guide/b/', '/pagefind/index/x.pf_index']));
    expect(all).toMatchObject({ complete: true, missingBytes: 0, totalBytes: 650, pages: { saved: 3, total: 3 } });
    expect(copyStatus(manifest, new Set(['/', '/guide/a/', '/guide/b/'])).complete).toBe(false);
    expect(copyStatus(manifest, new Set(['/pagefind/index/x.pf_index'])).complete).toBe(false);
  });

  it('counts the saved pages, lists them by title in order, and says how much is left to download', () => {
    const some = copyStatus(manifest, new Set(['/guide/b/', '/', '/unknown/']));
    expect(some.pages).toEqual({ saved: 2, total: 3 });
    expect(some.missingBytes).toBe(250);
    expect(some.savedPages).toEqual([
      { url: '/', title: 'בית' },
      { url: '/guide/b/', title: '/guide/b/' },
    ]);
  });

  it('is never complete for an empty device', () => {
    expect(copyStatus(manifest, new Set()).complete).toBe(false);
  });
});

describe('page titles and sizes for people', () => {
  it('drops the site name from a page title and decodes entities', () => {
    expect(pageTitle('<title>שירות לקוחות בתוך הארגון | בפנים או בחוץ?</title>', 'בפנים או בחוץ?')).toBe('שירות לקוחות בתוך הארגון');
    expect(pageTitle('<title>&quot;ציטוט&quot; &amp; עוד | בפנים או בחוץ?</title>', 'בפנים או בחוץ?')).toBe('"ציטוט" & עוד');
    expect(pageTitle('<title>בפנים או בחוץ? — מדריך</title>', 'בפנים או בחוץ?')).toBe('בפנים או בחוץ? — מדריך');
    expect(pageTitle('<p>no title</p>', 'x')).toBe('');
  });

  it('rounds to kilobytes below a megabyte and to one decimal above', () => {
    expect(roundedSize(0)).toEqual({ unit: 'kilobytes', n: '1' });
    expect(roundedSize(150 * 1024)).toEqual({ unit: 'kilobytes', n: '150' });
    expect(roundedSize(999 * 1024)).toEqual({ unit: 'kilobytes', n: '999' });
    expect(roundedSize(1.5 * 1024 * 1024)).toEqual({ unit: 'megabytes', n: '1.5' });
    expect(roundedSize(2 * 1024 * 1024)).toEqual({ unit: 'megabytes', n: '2' });
  });
});
