import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysOf } from '../../src/lib/hebrew-morphology.ts';
import { docSections, docFromFragment, sectionAt } from '../../src/lib/search-doc.ts';
import { chunkForms, chunksFor, countForms, createLexicon, parseRoot, type LexiconRoot } from '../../src/lib/search-lexicon.ts';
import { lexiconRanges, parseQuery, planQuery } from '../../src/lib/search-query.ts';
import { page, record } from './search-fixtures.ts';

const docs = [
  page('/guide/a/', 'עמוד א', 'פתיחה על שירות הלקוחות', [
    ['one', 'עובדים פנימיים', 'והעובדים הפנימיים שומרים על המותג'],
    ['two', 'הדרכה', 'במיוחד בהדרכה ובהבטחת איכות'],
  ]),
  record('/talk/#3', 'מסך 3', 'תוכנה ארגונית ושירותים פיננסיים'),
];

describe('documents and sections', () => {
  it('divides a page at its headings, keeps the opening text apart, and makes a record one section', () => {
    const sections = docSections(docs[0]!);
    expect(sections.map((s) => [s.url, s.title])).toEqual([
      ['/guide/a/', null],
      ['/guide/a/#one', 'עובדים פנימיים'],
      ['/guide/a/#two', 'הדרכה'],
    ]);
    expect(sections[1]!.body - sections[1]!.start).toBe(2); // the heading's two words
    expect(sectionAt(sections, sections[2]!.start)).toBe(2);
    expect(sectionAt(sections, sections[2]!.start - 1)).toBe(1);
    expect(docSections(docs[1]!).map((s) => [s.url, s.title])).toEqual([['/talk/#3', null]]);
  });

  it('reads only what it needs from a fragment, and rejects one that is not a fragment', () => {
    expect(docFromFragment({ url: '/x/?h=1', raw_url: '/x/', content: 'א ב', meta: { title: 'ת' }, anchors: [{ element: 'h2', id: 'a', text: 'ב', location: 1 }] })).toEqual({
      url: '/x/',
      title: 'ת',
      content: 'א ב',
      anchors: [{ element: 'h2', id: 'a', text: 'ב', location: 1 }],
    });
    expect(docFromFragment({ url: '/checklist/#q', meta: { title: 'ש', url: '/checklist/' }, content: '' })?.url).toBe('/checklist/');
    expect(docFromFragment({ url: 'javascript:alert(1)', content: '' })).toBeNull();
    expect(docFromFragment('x')).toBeNull();
  });
});

describe('the lexicon', () => {
  it('counts, for each word, the sections that contain it', () => {
    const { forms, pages, sections } = countForms(docs);
    expect(pages).toBe(2);
    expect(sections).toBe(4);
    expect(forms.get('שירות')).toBe(1);
    expect(forms.get('והעובדים')).toBe(1);
    expect(forms.get('הדרכה')).toBe(1); // its heading, in its own section
  });

  it('splits into chunks by key, and a query fetches only the chunks its words can reach', () => {
    const { forms } = countForms(docs);
    const chunks = chunkForms(forms, 60);
    expect(chunks.length).toBeGreaterThan(3);
    const root: LexiconRoot = { v: 2, pages: 2, sections: 4, vocabulary: [], tag: '', chunks: chunks.map((c, i) => ({ from: c.from, to: c.to, file: `lexicon/c${i}.json` })) };
    const files = chunksFor(root, lexiconRanges(parseQuery('עובדים'), []));
    expect(files.length).toBeLessThan(chunks.length);
    // Everything the full lexicon would find, the fetched chunks find too.
    const full = createLexicon();
    for (const c of chunks) full.add(c.chunk);
    const part = createLexicon();
    for (const f of files) part.add(chunks[Number(f.match(/c(\d+)/)![1])]!.chunk);
    const formsOf = (lex: ReturnType<typeof createLexicon>) => planQuery(parseQuery('עובדים'), lex, []).terms[0]!.alternatives[0]!.slots[0]!.forms.map((f) => f.form);
    expect(formsOf(part)).toEqual(formsOf(full));
    expect(formsOf(part)).toEqual(expect.arrayContaining(['והעובדים']));
  });

  it('files every form under all of its keys, so any query reaching it loads its chunk (property)', () => {
    const hebrew = fc.string({ unit: fc.constantFrom(...'אבגדהוזחטיכלמנסעפצקרשתםןךףץ'.split('')), minLength: 2, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(hebrew, { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 400 }), (ws, size) => {
        const forms = new Map(ws.map((w) => [w, 1]));
        const chunks = chunkForms(forms, size);
        for (const w of ws) {
          for (const key of keysOf(w)) {
            expect(chunks.some((c) => c.from <= key && key <= c.to && c.chunk.entries.some(([f]) => f === w))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('accepts exactly the words normalisation leaves whole (property)', async () => {
    const { normalizeText } = await import('../../src/lib/hebrew-words.ts');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'אבגםןaBİ1 ּ\u200F"\'-'.split('')), minLength: 1, maxLength: 8 }), (w) => {
        const lex = createLexicon();
        lex.add({ v: 2, entries: [[w, 1]] });
        expect(lex.count(w) > 0).toBe(normalizeText(w) === w && !w.includes(' '));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores malformed chunks and entries, and a root that would send the browser elsewhere', () => {
    const lex = createLexicon();
    lex.add({ v: 2, entries: [['שירות', 3], ['<b>', 1], ['שתי מילים', 1], [7, 1], 'x', ['ש'.repeat(80), 1]] });
    lex.add({ v: 1, forms: ['ארגון'] });
    lex.add(null);
    expect([...lex.forms()]).toEqual([['שירות', 3]]);
    expect(parseRoot({ v: 2, pages: 1, sections: 1, vocabulary: [], chunks: [{ from: 'a', to: 'b', file: 'https://evil.example/x.json' }, { from: 'a', to: 'b', file: 'lexicon/ok.json' }] })?.chunks).toEqual([
      { from: 'a', to: 'b', file: 'lexicon/ok.json' },
    ]);
    expect(parseRoot({ v: 1, forms: [] })).toBeNull();
  });
});

describe('stems in the index', async () => {
  const { withStems, withoutStems } = await import('../../src/lib/search-stems.ts');
  const known = (w: string) => ['הדרכה', 'עובדים', 'העובדים', 'שירות'].includes(w);

  it('adds the stems the site knows inside each word, keeping every space, and takes them out again', () => {
    const text = 'מעורבות, במיוחד בהדרכה; והעובדים (ו/או השירות) 24/7 רב-לשוניים';
    const encoded = withStems(text, known);
    expect(encoded).toBe('מעורבות, במיוחד בהדרכה/הדרכה; והעובדים/העובדים/עובדים (ו/או השירות/שירות) 24/7 רב-לשוניים');
    expect(encoded.split(/\s+/)).toHaveLength(text.split(/\s+/).length);
    expect(withoutStems(encoded)).toBe(text);
  });

  it('decodes any text back to itself when nothing was added (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'אבגדהוזחטיכלמנסעפצקרשתםן /-,.'.split('')), maxLength: 80 }), (s) => {
        const encoded = withStems(s, (w) => w.length >= 3);
        expect(encoded.split(/\s+/).length).toBe(s.split(/\s+/).length);
        expect(withoutStems(encoded)).toBe(withoutStems(s));
      }),
      { numRuns: 300 },
    );
  });
});
