import { describe, expect, it } from 'vitest';
import { readSectionMarker } from '../../src/lib/section-marker.ts';
import { guideProblems } from '../../src/lib/guide-rules.ts';
import { SECTION_IDS } from '../../src/lib/contract.ts';

describe('the [#id] heading marker', () => {
  it.each([
    ['מוצרים מורכבים או מיוחדים [#complex-products]', 'complex-products', 'מוצרים מורכבים או מיוחדים'],
    ['תמיכה 24/7 או רב-לשונית [#round-the-clock]  ', 'round-the-clock', 'תמיכה 24/7 או רב-לשונית'],
    ['1. שחיקת התרבות [#culture-brand-voice]', 'culture-brand-voice', '1. שחיקת התרבות'],
    ['[#only-id]', 'only-id', ''],
  ])('reads the id from "%s"', (text, id, rest) => {
    expect(readSectionMarker(text)).toEqual({ kind: 'ok', id, text: rest });
  });

  it.each(['כותרת בלי מזהה', 'כותרת [#a] באמצע', 'כותרת [קישור]'])('leaves "%s" alone', (text) => {
    expect(readSectionMarker(text)).toEqual({ kind: 'none' });
  });

  it.each(['[#Bad_Id]', '[#מזהה]', '[#]', '[#-lead]', '[#two--hyphens]'])('rejects the malformed marker %s', (marker) => {
    expect(readSectionMarker(`כותרת ${marker}`).kind).toBe('invalid');
  });
});

describe('the guide rules', () => {
  const all = (ids: readonly string[]) => [{ file: 'content/guide/a.mdx', order: 1, ids }];

  it('accepts a guide where every contract id stands once', () => {
    expect(guideProblems(all(SECTION_IDS))).toEqual([]);
  });

  it('names the missing contract id', () => {
    expect(guideProblems(all(SECTION_IDS.filter((id) => id !== 'feedback-loop')))).toEqual([
      'content/guide: no page has a heading with the contract id "[#feedback-loop]"',
    ]);
  });

  it('names both files when two pages claim the same id', () => {
    const pages = [
      { file: 'content/guide/a.mdx', order: 1, ids: [...SECTION_IDS] },
      { file: 'content/guide/b.mdx', order: 2, ids: ['premium-brand'] },
    ];
    expect(guideProblems(pages)).toEqual([
      'content/guide/b.mdx: heading id "premium-brand" is already used in content/guide/a.mdx; each id stands on one page',
    ]);
  });

  it('reports an id repeated on one page and two pages with the same order', () => {
    const pages = [
      { file: 'content/guide/a.mdx', order: 1, ids: [...SECTION_IDS, 'in-house'] },
      { file: 'content/guide/b.mdx', order: 1, ids: [] },
    ];
    expect(guideProblems(pages)).toEqual([
      'content/guide/a.mdx: heading id "in-house" appears twice on the page',
      'content/guide/b.mdx: field "order" 1 is also used by content/guide/a.mdx',
    ]);
  });
});
