import { describe, expect, it } from 'vitest';
import type { IndexedDoc } from '../../src/lib/search-doc.ts';
import { excerptOf, rankPages, rankSections, sitePart, type FormHit } from '../../src/lib/search-merge.ts';
import { parseQuery, planForms, planQuery } from '../../src/lib/search-query.ts';
import type { VocabularyData } from '../../src/lib/search-vocabulary.ts';
import { fakePagefind, lexiconOf, page, record } from './search-fixtures.ts';

/** Runs a query against documents the way the engine does, with the fake Pagefind. */
async function search(docs: IndexedDoc[], q: string, vocabulary: VocabularyData = []) {
  const lexicon = lexiconOf(docs);
  const plan = planQuery(parseQuery(q), lexicon, vocabulary);
  const pagefind = fakePagefind(docs);
  const hits = new Map<string, FormHit[]>();
  for (const form of planForms(plan)) {
    const r = await pagefind.search(form);
    hits.set(form, (r?.results ?? []).map((x) => ({ page: x.id, score: x.score, locations: [...x.words] })));
  }
  const stats = { sections: docs.reduce((n, d) => n + d.anchors.length + 1, 0), count: (f: string) => lexicon.count(f) };
  const byPage = new Map(docs.map((d, i) => [`page${i}`, d] as const));
  return { plan, hits, stats, results: rankSections(plan, byPage, hits, stats) };
}

describe('ranking sections', () => {
  it('credits a section only with words it really contains, not with longer words Pagefind matched by prefix', async () => {
    const docs = [page('/guide/a/', 'א', '', [['one', 'ראשון', 'עובדים פנימיים'], ['two', 'שני', 'פנימי בלבד']])];
    const { results } = await search(docs, 'פנימי ');
    expect(results.map((r) => [r.href, r.forms])).toEqual([['/guide/a/#two', ['פנימי']], ['/guide/a/#one', ['פנימיים']]]);
  });

  it('never credits a longer word that merely starts with the form', async () => {
    const docs = [page('/guide/a/', 'א', '', [['vendor', 'ספק', 'ספק השירות'], ['other', 'אחר', 'ספקטרום רחב']])];
    const { results } = await search(docs, 'ספק');
    expect(results.map((r) => r.href)).toEqual(['/guide/a/#vendor']);
  });

  it('puts the section with more of the meaningful words first, whatever a single word scores', async () => {
    const docs = [
      page('/guide/a/', 'א', '', [
        ['both', 'שניים', 'הדרכה ואיכות'],
        ['many', 'הרבה', 'הדרכה הדרכה הדרכה בהדרכה'],
      ]),
    ];
    const { results } = await search(docs, 'הדרכה איכות');
    expect(results[0]!.href).toBe('/guide/a/#both');
    expect(results[0]!.coverage).toBe(2);
  });

  it('ranks an exact form above an expansion found in the same way', async () => {
    const docs = [page('/guide/a/', 'א', '', [['exp', 'אחד', 'והעובדים כאן'], ['exact', 'שניים', 'עובדים כאן']])];
    const { results } = await search(docs, 'עובדים');
    expect(results.map((r) => r.href)).toEqual(['/guide/a/#exact', '/guide/a/#exp']);
  });

  it('ranks a rare word above a word found everywhere', async () => {
    const docs = [
      page('/guide/a/', 'א', '', [
        ['s1', 'אחד', 'שירות רגיל'],
        ['s2', 'שניים', 'שירות רגיל'],
        ['s3', 'שלושה', 'שירות רגיל'],
        ['rare', 'ארבעה', 'תגמול רגיל'],
      ]),
    ];
    const { results } = await search(docs, 'שירות תגמול');
    expect(results[0]!.href).toBe('/guide/a/#rare');
  });

  it('prefers words that stand side by side as the reader typed them', async () => {
    const docs = [page('/guide/a/', 'א', '', [['apart', 'אחד', 'עסק גדול מאוד וגם קטן'], ['near', 'שניים', 'עסק קטן מאוד וגם גדול']])];
    const { results } = await search(docs, 'עסק קטן');
    expect(results[0]!.href).toBe('/guide/a/#near');
  });

  it('says through which guide words a vocabulary term was found, and needs all of them', async () => {
    const docs = [page('/guide/a/', 'א', '', [['full', 'אחד', 'קליטת עובדים חדשים'], ['part', 'שניים', 'עובדים חדשים בלבד']])];
    const vocabulary = [{ id: 'onboarding', guide: ['קליטת עובדים חדשים'], terms: ['onboarding'] }];
    const { results } = await search(docs, 'onboarding', vocabulary);
    expect(results.map((r) => [r.href, r.via])).toEqual([['/guide/a/#full', ['קליטת עובדים חדשים']]]);
  });

  it('tells which part of the site a result is in, the guide before the parts that retell it', async () => {
    const docs = [record('/talk/#2', 'מסך 2', 'נציגים רב-לשוניים'), page('/guide/a/', 'א', '', [['s', 'סעיף', 'נציגים רב-לשוניים']])];
    const { results } = await search(docs, 'נציגים');
    expect(results.map((r) => [r.href, r.part])).toEqual([['/guide/a/#s', 'guide'], ['/talk/#2', 'talk']]);
    expect(sitePart('/checklist/')).toBe('checklist');
  });

  it('gives the same results in the same order whatever order the answers arrived in', async () => {
    const docs = [page('/guide/a/', 'א', 'שירות', [['x', 'אחד', 'שירות לקוחות'], ['y', 'שניים', 'לקוחות שירות']]), page('/guide/b/', 'ב', 'שירות לקוחות')];
    const { plan, hits, stats, results } = await search(docs, 'שירות לקוחות');
    const reversed = new Map([...hits].reverse().map(([f, list]) => [f, [...list].reverse()] as const));
    const byPage = new Map([...docs.map((d, i) => [`page${i}`, d] as const)].reverse());
    expect(rankSections(plan, byPage, reversed, stats)).toEqual(results);
    expect(rankPages(plan, reversed, stats)).toEqual(rankPages(plan, hits, stats));
  });

  it('chooses the pages to load by how many query words they hold', async () => {
    const docs = [page('/guide/a/', 'א', 'הדרכה'), page('/guide/b/', 'ב', 'הדרכה ואיכות'), page('/guide/c/', 'ג', 'שום דבר')];
    const { plan, hits, stats } = await search(docs, 'הדרכה איכות');
    expect(rankPages(plan, hits, stats)).toEqual(['page1', 'page0']);
  });
});

describe('excerpts', () => {
  it('shows the section\'s own text after its heading, around the found words, and marks them', () => {
    const toks = 'כותרת הסעיף. א ב ג ד ה ו ז ח ט י כ ל מ נ ס ע פ צ ק ר ש ת אחת שתיים שלוש עובדים ארבע חמש'.split(' ');
    const at = toks.indexOf('עובדים');
    const ex = excerptOf(toks, { start: 0, body: 2, end: toks.length }, [at], ['עובדים']);
    expect(ex.text.startsWith('… ')).toBe(true);
    expect(ex.text).not.toContain('כותרת');
    expect(ex.marks.map(([a, b]) => ex.text.slice(a, b))).toEqual(['עובדים']);
  });

  it('shows the heading when the words are only there', () => {
    const toks = 'תגמול והכרה. טקסט אחר לגמרי'.split(' ');
    const ex = excerptOf(toks, { start: 0, body: 2, end: toks.length }, [0], ['תגמול']);
    expect(ex.text).toBe('תגמול והכרה. טקסט אחר לגמרי');
    expect(ex.marks).toEqual([[0, 5]]);
  });
});
