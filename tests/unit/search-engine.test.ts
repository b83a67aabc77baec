import { describe, expect, it } from 'vitest';
import { buildLexicon, loadLexicon } from '../../src/lib/hebrew-search.ts';
import { createSearcher, type PagefindApi } from '../../src/scripts/search/engine.ts';

/**
 * A stand-in for Pagefind 1.6 that behaves the way the real one does where it matters here: it
 * keeps ONE fragment object per page and every `data()` call overwrites that object's
 * `sub_results` with the sections of the search that called it, after an asynchronous load.
 */
function fakePagefind(pages: Array<{ url: string; title: string; sections: Array<{ id: string; text: string }> }>): PagefindApi {
  const fragments = new Map<string, Record<string, unknown>>();
  const loads = new Map<string, Promise<void>>();
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  // Like Pagefind's cachedLoad: every caller waits on the same load of the page's fragment file.
  const load = (url: string) => loads.get(url) ?? (loads.set(url, tick()), loads.get(url)!);
  return {
    async search(term) {
      await tick();
      const results = pages
        .filter((page) => page.sections.some((s) => s.text.split(' ').includes(term)))
        .map((page) => ({
          score: 1,
          async data() {
            await load(page.url);
            let fragment = fragments.get(page.url);
            if (!fragment) fragments.set(page.url, (fragment = { url: page.url, meta: { title: page.title } }));
            const hits = page.sections.filter((s) => s.text.split(' ').includes(term));
            fragment['excerpt'] = `<mark>${term}</mark>`;
            fragment['sub_results'] = hits.map((s) => ({
              url: `${page.url}#${s.id}`,
              title: s.id,
              excerpt: `<mark>${term}</mark>`,
              weighted_locations: s.text
                .split(' ')
                .filter((w) => w === term)
                .map(() => ({ balanced_score: 1 })),
            }));
            await Promise.resolve();
            return fragment as never;
          },
        }));
      return { results };
    },
  };
}

const pages = [
  {
    url: '/guide/bottom-line/',
    title: 'לסיכום',
    sections: [
      { id: 'bottom-line', text: 'מעורבות במיוחד בהדרכה ובהבטחת איכות' },
      { id: 'conference', text: 'כנס הלמידה ההדרכה והפיתוח הארגוני' },
    ],
  },
  {
    url: '/guide/hr-control/',
    title: 'מה מאבד',
    sections: [
      { id: 'service-quality', text: 'מנותק ממחזורי הדרכה וניהול ביצועים' },
      { id: 'engagement-retention', text: 'מחוברות ושימור עובדים פנימיים' },
    ],
  },
];
const lexicon = loadLexicon(buildLexicon(pages.flatMap((p) => p.sections.map((s) => s.text))));
const queries = ['הדרכה', 'עובדים', 'בהדרכה', 'ההדרכה וניהול'];

describe('searching with Pagefind', () => {
  it('gives the same sections whether queries run in parallel or one at a time', async () => {
    const parallel = createSearcher(fakePagefind(pages), lexicon, 4);
    const together = await Promise.all(queries.map((q) => parallel(q)));
    const sequential = createSearcher(fakePagefind(pages), lexicon, 4);
    const alone = [];
    for (const q of queries) alone.push(await sequential(q));
    expect(together).toEqual(alone);
  });

  it('credits a section only with the forms its own text contains', async () => {
    const search = createSearcher(fakePagefind(pages), lexicon, 4);
    const { results } = await search('הדרכה');
    const text = new Map<string, string[]>(pages.flatMap((p) => p.sections.map((s) => [`${p.url}#${s.id}`, s.text.split(' ')] as const)));
    expect(results.map((r) => r.href).sort()).toEqual([
      '/guide/bottom-line/#bottom-line',
      '/guide/bottom-line/#conference',
      '/guide/hr-control/#service-quality',
    ]);
    for (const r of results) for (const form of r.forms) expect(text.get(r.href)).toContain(form);
  });
});
