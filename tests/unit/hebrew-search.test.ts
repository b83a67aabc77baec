import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_FORMS_PER_WORD,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  PARTICLES,
  buildLexicon,
  expandQuery,
  foldFinals,
  highlightRanges,
  isParticle,
  loadLexicon,
  normalizeText,
  stems,
  words,
  type Lexicon,
  type QueryPlan,
} from '../../src/lib/hebrew-search';

const formsOf = (plan: QueryPlan, word: string): string[] =>
  plan.terms.find((t) => t.word === word)?.forms.map((f) => f.form) ?? [];

describe('normalizeText', () => {
  it.each([
    ['שֵׁירוּת', 'שירות'], // niqqud incl. shin dot
    ['בְּרֵאשִׁ֖ית', 'בראשית'], // cantillation
    ['\uFB2Aלום', 'שלום'], // presentation form shin+shin dot (NFC decomposes)
    ['צה"ל', 'צהל'],
    ['צה״ל', 'צהל'], // gershayim U+05F4
    ["ג'ירפה", 'גירפה'],
    ['ג׳ירפה', 'גירפה'], // geresh U+05F3
    ['וכו’', 'וכו'], // quote at the end of a Hebrew word
    ['"שירות"', 'שירות'], // opening quote separates, closing quote removed
    ['רב־לשוני', 'רב לשוני'], // maqaf
    ['רב-לשוני', 'רב לשוני'], // hyphen
    ['\u200Fשירות\u200E \u202Bלקוחות\u202C', 'שירות לקוחות'], // bidi controls
    ['שי\u200Bרות\uFEFF', 'שירות'], // zero-width inside a word
    ['CRM ו-SLA', 'crm ו sla'],
    ['24/7', '24 7'],
    ['  <b>שלום</b>  &amp; ', 'b שלום b amp'],
    ["don't", 'don t'], // quotes after Latin letters separate
    ['', ''],
    ['\u200F\u200E…!?', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('foldFinals folds all five final letters anywhere in the word', () => {
    expect(foldFinals('ךםןףץ')).toBe('כמנפצ');
    expect(foldFinals('ארגון')).toBe('ארגונ');
    expect(foldFinals('abc')).toBe('abc');
  });

  it('words keeps Hebrew, Latin and digit tokens', () => {
    expect(words('תמיכה 24/7 ב-CRM, רב־לשונית!')).toEqual(['תמיכה', '24', '7', 'ב', 'crm', 'רב', 'לשונית']);
    expect(words('  ')).toEqual([]);
  });
});

describe('particles and stems', () => {
  it('PARTICLES are sorted longest first and include the common combinations', () => {
    for (let i = 1; i < PARTICLES.length; i++) {
      expect(PARTICLES[i - 1]!.length).toBeGreaterThanOrEqual(PARTICLES[i]!.length);
    }
    for (const p of ['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ', 'וה', 'וב', 'ול', 'ומ', 'וש', 'וכ', 'שה', 'שב', 'של', 'שמ', 'מה', 'בה', 'לה', 'כש', 'לכש', 'ושה', 'וכש']) {
      expect(PARTICLES).toContain(p);
    }
    expect(isParticle('וה')).toBe(true);
    expect(isParticle('בית')).toBe(false);
  });

  // raw word → stems of its normalised form (original first, then increasing amount stripped)
  it.each<[string, string[]]>([
    // single particles
    ['ועובדים', ['ועובדים', 'עובדים']],
    ['העובדים', ['העובדים', 'עובדים']],
    ['בבית', ['בבית', 'בית']],
    ['לעובדים', ['לעובדים', 'עובדים']],
    ['מארגון', ['מארגון', 'ארגון']],
    ['שמספקים', ['שמספקים', 'מספקים', 'ספקים']],
    ['כמוצר', ['כמוצר', 'מוצר']],
    ['לבית', ['לבית', 'בית']],
    // combinations
    ['והעובדים', ['והעובדים', 'העובדים', 'עובדים']],
    ['ובמוצר', ['ובמוצר', 'במוצר', 'מוצר']],
    ['ולקוחות', ['ולקוחות', 'לקוחות', 'קוחות']], // junk stem קוחות: only used if it occurs as a word
    ['ומהארגון', ['ומהארגון', 'מהארגון', 'הארגון', 'ארגון']],
    ['ושהצוות', ['ושהצוות', 'שהצוות', 'הצוות', 'צוות']],
    ['שהמותג', ['שהמותג', 'המותג', 'מותג']],
    ['מהמוצר', ['מהמוצר', 'המוצר', 'מוצר']],
    ['מהבית', ['מהבית', 'הבית', 'בית']],
    ['שבבית', ['שבבית', 'בבית', 'בית']],
    ['כשהעובדים', ['כשהעובדים', 'שהעובדים', 'העובדים', 'עובדים']],
    ['לכשיגיע', ['לכשיגיע', 'כשיגיע', 'יגיע']],
    ['וכשהארגון', ['וכשהארגון', 'כשהארגון', 'שהארגון', 'הארגון', 'ארגון']],
    ['ההחלטה', ['ההחלטה', 'החלטה']], // ה only once
    // final letters, all five
    ['לארגונים', ['לארגונים', 'ארגונים']],
    ['הסיכון', ['הסיכון', 'סיכון']],
    ['בדרך', ['בדרך', 'דרך']],
    ['והכסף', ['והכסף', 'הכסף', 'כסף']],
    ['מהמרץ', ['מהמרץ', 'המרץ', 'מרץ']],
    // niqqud, geresh/gershayim, bidi controls
    ['שֵׁירוּת', ['שירות', 'ירות']],
    ['הַמּוּתָג', ['המותג', 'מותג']],
    ["וצ'יפס", ['וציפס', 'ציפס']],
    ['בצה״ל', ['בצהל', 'צהל']],
    ['\u200Fהלקוחות\u200E', ['הלקוחות', 'לקוחות']],
    // junk stems are produced but guarded at match time
    ['שמירה', ['שמירה', 'מירה', 'ירה']],
    ['שלום', ['שלום', 'לום']],
    // too little would remain: never stripped
    ['בית', ['בית']],
    ['של', ['של']],
    ['מה', ['מה']],
    ['כן', ['כן']],
    ['לא', ['לא']],
    ['מהם', ['מהם']],
    ['ו', ['ו']],
    ['וה', ['וה']],
    ['לכש', ['לכש']],
    // not Hebrew: never stripped
    ['CRM', ['crm']],
    ['B2B', ['b2b']],
    ['2024', ['2024']],
    ['ב24', ['ב24']],
  ])('%s → %j', (raw, expected) => {
    const ws = words(raw);
    expect(ws).toHaveLength(1);
    expect(stems(ws[0]!)).toEqual(expected);
  });
});

describe('lexicon', () => {
  it('buildLexicon collects distinct normalised words, sorted, JSON-safe', () => {
    const data = buildLexicon(['שירות הלקוחות', 'שֵׁירוּת, ו-CRM!']);
    expect(data).toEqual({ v: 1, forms: ['crm', 'הלקוחות', 'ו', 'שירות'].sort() });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('loadLexicon ignores malformed or unnormalised data', () => {
    expect(loadLexicon(null).forms.size).toBe(0);
    expect(loadLexicon({ v: 2, forms: ['a'] }).forms.size).toBe(0);
    const lex = loadLexicon({ v: 1, forms: ['שירות', '<script>', 'two words', 'שֵׁירוּת', 42, ''] });
    expect([...lex.forms]).toEqual(['שירות']);
  });
});

describe('expandQuery', () => {
  const lex = loadLexicon(
    buildLexicon(['והעובדים עובדים לעובדים העובדים', 'המותג מותג מותאמת', 'הארגונים ארגון', 'שירות בירות לירות']),
  );

  it('ranks exact > stem > prefix and sorts alphabetically within a weight', () => {
    const plan = expandQuery('עובדים', lex);
    expect(plan.status).toBe('ok');
    expect(plan.terms[0]!.forms).toEqual([
      { form: 'עובדים', kind: 'exact', weight: 1 },
      { form: 'העובדים', kind: 'stem', weight: 0.75 },
      { form: 'והעובדים', kind: 'stem', weight: 0.75 },
      { form: 'לעובדים', kind: 'stem', weight: 0.75 },
    ]);
  });

  it('strips particles from the query too, and matches siblings through an attested stem', () => {
    expect(formsOf(expandQuery('המותג', lex), 'המותג')).toEqual(['המותג', 'מותג']);
    // ולעובדים is not on the site: itself first (weight 1), then every form sharing an attested stem
    expect(formsOf(expandQuery('ולעובדים', lex), 'ולעובדים')).toEqual([
      'ולעובדים', 'העובדים', 'והעובדים', 'לעובדים', 'עובדים',
    ]);
  });

  it('precision guard: junk stems and non-inflectional extensions do not match', () => {
    expect(formsOf(expandQuery('מותג', lex), 'מותג')).not.toContain('מותאמת');
    const shirut = formsOf(expandQuery('שירות', lex), 'שירות');
    expect(shirut).not.toContain('בירות'); // stem ירות is not a word on the site
    expect(shirut).not.toContain('לירות');
  });

  it('prefix/inflection: ארגון → הארגונים; folded finals', () => {
    const plan = expandQuery('ארגון', lex);
    expect(plan.terms[0]!.forms).toContainEqual({ form: 'הארגונים', kind: 'prefix', weight: 0.5 });
    expect(formsOf(expandQuery('ארגונ', lex), 'ארגונ')).toContain('ארגון');
    expect(expandQuery('ארגונ', lex).terms[0]!.forms).toContainEqual({ form: 'ארגון', kind: 'folded', weight: 0.9 });
  });

  it('keeps an unknown word as its own form so Pagefind prefix search still runs', () => {
    expect(expandQuery('קריירה', lex).terms[0]!.forms).toEqual([{ form: 'קריירה', kind: 'exact', weight: 1 }]);
    expect(expandQuery('קריירה', null).terms[0]!.forms).toEqual([{ form: 'קריירה', kind: 'exact', weight: 1 }]);
  });

  it.each<[string, QueryPlan['status']]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u200F\u200E\u202B?!…—', 'empty'],
    ['ו', 'only-particles'],
    ['וה', 'only-particles'],
    ['ו - ה ; של', 'only-particles'],
    ['ו עובדים', 'ok'],
  ])('status of %j is %s', (raw, status) => {
    const plan = expandQuery(raw, lex);
    expect(plan.status).toBe(status);
    if (status !== 'ok') expect(plan.terms).toEqual([]);
  });

  it('drops particle words, dedupes (after folding), caps at 8 words', () => {
    const plan = expandQuery('ו עובדים עובדים ארגון ארגונ', lex);
    expect(plan.terms.map((t) => t.word)).toEqual(['עובדים', 'ארגון']);
    expect(plan.text).toBe('עובדים ארגון');
    expect(plan.truncated).toBe(false);
    const many = expandQuery('א1 א2 א3 א4 א5 א6 א7 א8 א9 א10', lex);
    expect(many.terms).toHaveLength(MAX_QUERY_WORDS);
    expect(many.truncated).toBe(true);
  });

  it('truncates raw input over 200 characters', () => {
    const long = `${'עובדים '.repeat(40)}סוף`;
    const plan = expandQuery(long, lex);
    expect(plan.status).toBe('ok');
    expect(plan.truncated).toBe(true);
    expect(plan.terms.map((t) => t.word)).toEqual(['עובדים']); // the word cut at 200 chars is dropped
    const oneHugeWord = expandQuery('א'.repeat(300), lex);
    expect(oneHugeWord.status).toBe('too-long');
    const onlyJunk = expandQuery(`${'!'.repeat(250)} עובדים`, lex);
    expect(onlyJunk.status).toBe('too-long');
    expect(onlyJunk.terms).toEqual([]);
  });
});

describe('highlightRanges', () => {
  const lex = loadLexicon(buildLexicon(['שירות הלקוחות מותג המותג']));

  it('marks matched words in the original text, niqqud included', () => {
    const text = 'על שֵׁירוּת הַלָּקוֹחוֹת ועל הַמּוּתָג.';
    const plan = expandQuery('שירות לקוחות מותג', lex);
    const got = highlightRanges(text, plan).map(([s, e]) => text.slice(s, e));
    expect(got).toEqual(['שֵׁירוּת', 'הַלָּקוֹחוֹת', 'הַמּוּתָג']);
  });

  it('handles gershayim, bidi controls and maqaf', () => {
    const l = loadLexicon(buildLexicon(['צהל רב לשוני']));
    // the RLM inside בצה"ל does not split the word, so only the standalone צה"ל matches
    const text = 'ב\u200Fצה"ל \u200Fצה"ל\u200E, רב־לשוני';
    const plan = expandQuery('צה״ל לשוני', l);
    const got = highlightRanges(text, plan).map(([s, e]) => text.slice(s, e));
    expect(got).toEqual(['צה"ל', 'לשוני']);
    expect(highlightRanges(text, plan)[0]).toEqual([text.indexOf(' ') + 2, text.indexOf(' ') + 6]);
  });

  it('returns nothing for an empty plan', () => {
    expect(highlightRanges('שירות', expandQuery('', lex))).toEqual([]);
  });
});

// The shared seed beside the repo wins; the committed copy keeps a lone clone's tests complete.
const SHARED_ARTICLE = new URL('../../../shared/seed/article.he.txt', import.meta.url);
const ARTICLE = existsSync(SHARED_ARTICLE) ? SHARED_ARTICLE : new URL('../fixtures/article.he.txt', import.meta.url);
const hasArticle = existsSync(fileURLToPath(ARTICLE));

describe.skipIf(!hasArticle)('against the real article (skipped: /work/shared/seed/article.he.txt not found)', () => {
  let lexicon: Lexicon;
  const lex = (): Lexicon => (lexicon ??= loadLexicon(buildLexicon([readFileSync(ARTICLE, 'utf8')])));

  it.each<[string, string, string[]]>([
    ['שירות לקוחות', 'לקוחות', ['לקוחות', 'הלקוחות']],
    ['ספק שירות', 'שירות', ['שירות', 'השירות']],
    ['ספק שירות', 'ספק', ['ספק', 'לספק']],
    ['צוות מוצר', 'צוות', ['צוות', 'צוותי']],
    ['צוות מוצר', 'מוצר', ['מוצר', 'המוצר']],
    ['ערכי מותג', 'מותג', ['מותג', 'המותג']],
    ['ערכי מותג', 'ערכי', ['ערכי']],
    ['ארגון', 'ארגון', ['הארגון', 'הארגונית']],
    ['שֵׁירוּת', 'שירות', ['שירות', 'השירות']],
    ['עובדים', 'עובדים', ['עובדים', 'העובדים']],
    ['תמיכה', 'תמיכה', ['תמיכת']],
    ['הדרכה', 'הדרכה', ['הדרכה', 'ההדרכה', 'בהדרכה']],
  ])('%s: %s expands to include %j', (query, word, expected) => {
    const forms = formsOf(expandQuery(query, lex()), word);
    for (const f of expected) expect(forms).toContain(f);
  });

  it('precision: מותג does not include מותאמת; שירות does not include unrelated junk', () => {
    expect(formsOf(expandQuery('מותג', lex()), 'מותג')).not.toContain('מותאמת');
    expect(formsOf(expandQuery('מותג', lex()), 'מותג')).not.toContain('מותאמים');
  });
});

describe('properties (fast-check)', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 300 });
  const hebrewish = fc.string({
    unit: fc.constantFrom(...'אבגדהוזחטיכךלמםנןסעפףצץקרשת ּׁ ְ"\'־-\u200F\u200B<>׳״ 1a'.split('')),
    maxLength: 260,
  });
  const lex = loadLexicon(buildLexicon(['והעובדים עובדים שירות הלקוחות ארגון הארגונים מותג המותג']));
  const input = fc.oneof(anyText, hebrewish);

  it('normalizeText never throws, is idempotent, has no markup characters', () => {
    fc.assert(
      fc.property(input, (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(n).not.toMatch(/[<>]/);
        expect(n).not.toMatch(/^\s|\s$|\s\s/);
      }),
      { numRuns: 500 },
    );
  });

  it('expandQuery never throws and respects its caps', () => {
    fc.assert(
      fc.property(input, (s) => {
        const plan = expandQuery(s, lex);
        expect(plan.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(plan.text).not.toMatch(/[<>]/);
        expect(plan.terms.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
        expect(plan.status === 'ok').toBe(plan.terms.length > 0);
        for (const t of plan.terms) {
          expect(t.forms.length).toBeGreaterThan(0);
          expect(t.forms.length).toBeLessThanOrEqual(MAX_FORMS_PER_WORD);
          expect(isParticle(t.word)).toBe(false);
          for (const f of t.forms) {
            expect(f.form).not.toMatch(/[<>\s]/);
            expect(f.weight).toBeGreaterThan(0);
            expect(f.weight).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('highlightRanges delimits words exactly as words() does', () => {
    fc.assert(
      fc.property(input, (s) => {
        const ws = words(s);
        const plan: QueryPlan = {
          status: 'ok',
          text: '',
          truncated: false,
          terms: [{ word: 'x', forms: ws.map((form) => ({ form, weight: 1, kind: 'exact' as const })) }],
        };
        expect(highlightRanges(s, plan).flatMap(([a, b]) => words(s.slice(a, b)))).toEqual(ws);
      }),
      { numRuns: 500 },
    );
  });

  it('highlightRanges returns ordered, in-bounds, non-overlapping ranges', () => {
    const plan = expandQuery('עובדים שירות מותג', lex);
    fc.assert(
      fc.property(input, (s) => {
        let prev = 0;
        for (const [a, b] of highlightRanges(s, plan)) {
          expect(a).toBeGreaterThanOrEqual(prev);
          expect(b).toBeGreaterThan(a);
          expect(b).toBeLessThanOrEqual(s.length);
          prev = b;
        }
      }),
      { numRuns: 300 },
    );
  });
});
