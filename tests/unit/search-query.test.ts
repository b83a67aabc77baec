import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isParticle } from '../../src/lib/hebrew-morphology.ts';
import { KIND_WEIGHT, MAX_FORMS_PER_WORD, MAX_QUERY_CHARS, MAX_QUERY_WORDS, parseQuery, planForms, planQuery, type FormKind, type QueryPlan } from '../../src/lib/search-query.ts';
import { lexiconOf, page } from './search-fixtures.ts';

const site = [
  page('/guide/a/', 'שירות הלקוחות', 'העובדים והעובדים לעובדים עובדים פנימיים מותג המותג מותאמת', [
    ['x', 'ארגון', 'הארגונים נציגים תוכניות תוכנה ניהול בטיפול איכות המנהל מנה שיר'],
    ['y', 'מוטיבציה', 'ולמוטיבציה התאמה חוקי בחוק הציות רב-לשוניים'],
  ]),
];
const lexicon = lexiconOf(site);
const plan = (q: string, vocabulary: Parameters<typeof planQuery>[2] = []) => planQuery(parseQuery(q), lexicon, vocabulary);
const forms = (p: QueryPlan, i = 0): Array<[string, FormKind]> => p.terms[i]!.alternatives[0]!.slots.flatMap((s) => s.forms.map((f) => [f.form, f.kind] as [string, FormKind]));
const formNames = (p: QueryPlan, i = 0) => forms(p, i).map(([f]) => f);

describe('reading the query', () => {
  it.each([
    ['', 'empty'],
    ['   !?', 'empty'],
    ['ו', 'only-particles'],
    ['ו - ה ; של', 'only-particles'],
    ['מה איך האם', 'only-stopwords'],
    ['איך עובדים', 'ok'],
    ['א'.repeat(300), 'too-long'],
  ])('%j is %s', (raw, status) => {
    expect(parseQuery(raw).status).toBe(status);
  });

  it('sets stop words and lone particles apart, dedupes after folding finals and caps at 8 words', () => {
    const q = parseQuery('האם ו עובדים עובדים ארגון ארגונ');
    expect(q.words).toEqual(['עובדים', 'ארגון']);
    expect(q.ignored).toEqual(['האם']);
    expect(q.text).toBe('האם ו עובדים ארגון');
    const many = parseQuery('א1 א2 א3 א4 א5 א6 א7 א8 א9 א10');
    expect(many.words).toHaveLength(MAX_QUERY_WORDS);
    expect(many.truncated).toBe(true);
  });

  it('cuts raw input over 200 characters, dropping the word cut in half', () => {
    const q = parseQuery(`${'עובדים '.repeat(40)}סוף`);
    expect(q.truncated).toBe(true);
    expect(q.words).toEqual(['עובדים']);
    expect(parseQuery(`${'!'.repeat(250)} עובדים`).status).toBe('too-long');
  });

  it('knows when the last word may still be half typed', () => {
    expect(parseQuery('מוטיב').open).toBe(true);
    expect(parseQuery('מוטיב ').open).toBe(false);
    expect(parseQuery('מוטיב מה').open).toBe(false); // the last word is a stop word
  });
});

describe('expanding a word into the forms the site has', () => {
  it('ranks the exact form first, then particles, then other endings', () => {
    const f = forms(plan('עובדים'));
    expect(f[0]).toEqual(['עובדים', 'exact']);
    expect(f).toEqual(expect.arrayContaining([['העובדים', 'particle'], ['והעובדים', 'particle'], ['לעובדים', 'particle']]));
    const weights = plan('עובדים').terms[0]!.alternatives[0]!.slots[0]!.forms.map((x) => x.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('strips particles from the query only through a stem the site has as a word', () => {
    expect(formNames(plan('והעובדים'))).toEqual(expect.arrayContaining(['עובדים', 'לעובדים']));
    expect(formNames(plan('שירות'))).not.toContain('ירות');
  });

  it('meets singular and plural, construct and absolute, also on short bases', () => {
    expect(formNames(plan('ארגון'))).toContain('הארגונים');
    expect(formNames(plan('נציג'))).toContain('נציגים');
    expect(formNames(plan('תוכנית'))).toContain('תוכניות');
    expect(formNames(plan('התאמת'))).toContain('התאמה');
    expect(formNames(plan('לחוק'))).toEqual(expect.arrayContaining(['בחוק', 'חוקי']));
  });

  it('keeps unrelated words apart', () => {
    expect(formNames(plan('מותג'))).not.toContain('מותאמת');
    expect(formNames(plan('מנה'))).not.toContain('המנהל');
    expect(formNames(plan('שירות'))).not.toContain('שיר');
  });

  it('tries other spellings (with or without ו/י) only for a word the site does not have', () => {
    expect(forms(plan('תכנה'))).toEqual([['תוכנה', 'spelling']]);
    expect(formNames(plan('נהול'))).toContain('ניהול');
    expect(formNames(plan('טפול'))).toContain('בטיפול');
    expect(forms(plan('תוכנה')).every(([, k]) => k !== 'spelling')).toBe(true);
  });

  it('completes the last word while it is typed, when nothing else matches', () => {
    expect(forms(plan('מוטיב'))).toEqual(expect.arrayContaining([['ולמוטיבציה', 'completion']]));
    expect(forms(plan('מוטיב '))).toEqual([]);
    expect(forms(plan('מוטיבציה')).some(([, k]) => k === 'completion')).toBe(false);
  });

  it('never searches a stop word: a question is planned by its meaningful words', () => {
    const p = plan('איך שומרים על איכות');
    expect(p.terms.map((t) => t.text)).toEqual(['שומרים', 'איכות']);
    expect(planForms(plan('איך'))).toEqual([]);
  });
});

describe('the vocabulary', () => {
  const vocabulary = [
    { id: 'agents', guide: ['נציגים'], terms: ['מוקדנים', 'agents'] },
    { id: 'compliance', guide: ['הציות'], terms: ['compliance', 'ציות לחוק'] },
    { id: 'multilingual', guide: ['רב-לשוניים'], terms: ['שפות'] },
  ];

  it('adds the guide\'s words as an alternative, and says which guide words they are', () => {
    const p = plan('למוקדנים', vocabulary);
    expect(p.terms).toHaveLength(1);
    const [own, guide] = p.terms[0]!.alternatives;
    expect(own!.via).toBeNull();
    expect(guide!.via).toBe('נציגים');
    expect(guide!.slots[0]!.forms.map((f) => f.form)).toContain('נציגים');
    expect(guide!.weight).toBeLessThan(own!.weight);
  });

  it('matches a term of several words as one, behind particles, and a guide phrase word by word', () => {
    const p = plan('מה עם הציות לחוק', vocabulary);
    expect(p.terms.map((t) => [t.text, t.span])).toEqual([['הציות לחוק', 2]]);
    const multi = plan('שירות בכמה שפות', vocabulary);
    expect(multi.terms.map((t) => t.text)).toEqual(['שירות', 'שפות']);
    expect(multi.terms[1]!.alternatives[1]!.slots.map((s) => s.word)).toEqual(['רב', 'לשוניים']);
  });

  it('matches English terms in any case, with a plural s', () => {
    expect(plan('Agent', vocabulary).terms[0]!.alternatives[1]?.via).toBe('נציגים');
    expect(plan('COMPLIANCE', vocabulary).terms[0]!.alternatives[1]?.via).toBe('הציות');
  });
});

describe('properties (fast-check)', () => {
  const input = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...'אבגדהוזחטיכךלמםנןסעפףצץקרשת ּׁ"\'־-\u200F<>׳ 1a'.split('')), maxLength: 260 }),
  );
  it('planning never throws and respects its caps', () => {
    fc.assert(
      fc.property(input, (s) => {
        const p = plan(s);
        expect(p.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(p.text).not.toMatch(/[<>]/);
        expect(p.terms.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
        expect(p.status === 'ok').toBe(p.terms.length > 0);
        for (const t of p.terms) {
          expect(isParticle(t.text)).toBe(false);
          for (const a of t.alternatives)
            for (const slot of a.slots) {
              expect(slot.forms.length).toBeLessThanOrEqual(MAX_FORMS_PER_WORD);
              for (const f of slot.forms) {
                expect(f.form).not.toMatch(/[<>\s]/);
                expect(lexicon.count(f.form)).toBeGreaterThan(0); // only words the site has
                expect(f.weight).toBe(KIND_WEIGHT[f.kind]);
              }
            }
        }
      }),
      { numRuns: 400 },
    );
  });
});
