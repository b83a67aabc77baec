import { describe, expect, it } from 'vitest';
import { expandQuery, loadLexicon } from '../../src/lib/hebrew-search.ts';
import { excerptRuns, mergeResults, type PageHit } from '../../src/lib/search-merge.ts';

const lexicon = loadLexicon({ v: 1, forms: ['עובדים', 'והעובדים', 'פנימיים', 'שירות', 'השירות'] });
const page = (url: string, sections: Array<[string, number]>): PageHit => ({
  url,
  title: `עמוד ${url}`,
  score: 1,
  excerpt: '',
  sections: sections.map(([id, score]) => ({ url: `${url}#${id}`, title: `סעיף ${id}`, excerpt: `<mark>${id}</mark>`, score })),
});

describe('merging Pagefind searches into ranked sections', () => {
  it('ranks an exact form above an expanded one with the same Pagefind score', () => {
    const plan = expandQuery('עובדים', lexicon);
    const hits = new Map([
      ['עובדים', [page('/guide/a/', [['exact', 1]])]],
      ['והעובדים', [page('/guide/b/', [['expanded', 1]])]],
    ]);
    expect(mergeResults(plan, hits).map((r) => r.href)).toEqual(['/guide/a/#exact', '/guide/b/#expanded']);
  });

  it('puts sections that contain every query word before sections that contain one', () => {
    const plan = expandQuery('עובדים פנימיים', lexicon);
    const hits = new Map([
      ['עובדים', [page('/guide/a/', [['both', 1], ['one', 9]])]],
      ['פנימיים', [page('/guide/a/', [['both', 1]])]],
    ]);
    const results = mergeResults(plan, hits);
    expect(results.map((r) => [r.href, r.matched])).toEqual([
      ['/guide/a/#both', 2],
      ['/guide/a/#one', 1],
    ]);
  });

  it('keeps the forms found in each section so the landing page can mark them', () => {
    const plan = expandQuery('עובדים', lexicon);
    const hits = new Map([
      ['עובדים', [page('/guide/a/', [['s', 1]])]],
      ['והעובדים', [page('/guide/a/', [['s', 2]])]],
    ]);
    expect(mergeResults(plan, hits)[0]?.forms).toEqual(['והעובדים', 'עובדים']);
  });

  it('returns nothing for a plan that searched nothing', () => {
    expect(mergeResults(expandQuery('ו', lexicon), new Map())).toEqual([]);
  });

  it('treats a page without sections as one result at the page address', () => {
    const plan = expandQuery('שירות', lexicon);
    const hits = new Map([['שירות', [{ url: '/guide/a/', title: 'א', score: 2, excerpt: 'x', sections: [] }]]]);
    expect(mergeResults(plan, hits)).toMatchObject([{ href: '/guide/a/', sectionTitle: null }]);
  });
});

describe('excerpt runs', () => {
  it('splits marked words from text and decodes entities without keeping any tag', () => {
    expect(excerptRuns('שמירה על &lt;b&gt; <mark>העובדים</mark> &amp; עוד')).toEqual([
      { text: 'שמירה על <b> ', mark: false },
      { text: 'העובדים', mark: true },
      { text: ' & עוד', mark: false },
    ]);
  });
});

describe('a plan for the forms a search found', () => {
  it('marks exactly those forms in the page text, with niqqud, and nothing else', async () => {
    const { highlightRanges, planForForms } = await import('../../src/lib/hebrew-search.ts');
    const text = 'החברה מקבלת שביעות רצון ושביעות רָצוֹן, לא שביעה.';
    const plan = planForForms(['ושביעות', 'רצון', '<b>', 'two words']);
    expect(highlightRanges(text, plan).map(([a, b]) => text.slice(a, b))).toEqual(['רצון', 'ושביעות', 'רָצוֹן']);
  });
  it('is empty when no usable form is given', async () => {
    const { planForForms } = await import('../../src/lib/hebrew-search.ts');
    expect(planForForms(['', ' ', 'a b']).status).toBe('empty');
  });
});
