import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTICLES, inflects, isParticle, keyPrefixOf, keysOf, sameSpelling, skeleton, stems } from '../../src/lib/hebrew-morphology.ts';
import { foldFinals, MAX_MARK_CHARS, MAX_MARKED_FORMS, markedForms, markRanges, normalizeText, words } from '../../src/lib/hebrew-words.ts';
import { isStopWord } from '../../src/lib/search-stopwords.ts';

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

describe('inflection', () => {
  it.each<[string, string]>([
    ['ארגון', 'הארגונים'],
    ['נציג', 'נציגים'],
    ['תוכנית', 'תוכניות'],
    ['התאמת', 'התאמה'],
    ['עסק', 'עסקים'],
    ['חוק', 'חוקי'],
    ['תמיכה', 'תמיכת'],
    ['הדרכה', 'הדרכות'],
    ['צוות', 'צוותי'],
    ['עסקאות', 'עסקאיות'],
  ])('%s and %s are one base with different endings', (a, b) => {
    const fa = foldFinals(a);
    const fb = foldFinals(stems(b).at(-1)!);
    expect(inflects(fa, fb) || inflects(fa, foldFinals(b))).toBe(true);
  });

  it.each<[string, string]>([
    ['מותג', 'מותאמת'],
    ['מנה', 'מנהל'],
    ['שירות', 'שיר'],
    ['ספק', 'ספקטרום'],
  ])('%s and %s are not', (a, b) => {
    expect(inflects(foldFinals(a), foldFinals(b))).toBe(false);
  });

  it('every inflection of a stem is filed under the stem\'s key prefix', () => {
    for (const [a, b] of [['ארגון', 'ארגונים'], ['תוכנית', 'תוכניות'], ['עסק', 'עסקים'], ['התאמה', 'התאמת'], ['נציג', 'נציגים']] as const) {
      expect(keysOf(b).some((k) => k.startsWith(keyPrefixOf(a)))).toBe(true);
    }
  });
});

describe('spelling with and without ו/י', () => {
  it.each<[string, string]>([
    ['תכנה', 'תוכנה'],
    ['נהול', 'ניהול'],
    ['טפול', 'טיפול'],
    ['מסויימות', 'מסוימות'],
    ['ריאיון', 'ראיון'],
    ['חווית', 'חוויית'],
  ])('%s and %s are spellings of one word', (a, b) => {
    expect(sameSpelling(foldFinals(a), foldFinals(b))).toBe(true);
    expect(skeleton(foldFinals(a))).toBe(skeleton(foldFinals(b)));
  });

  it.each<[string, string]>([
    ['קורה', 'קריירה'], // different consonants once ו/י are gone
    ['קורה', 'יוקרה'], // a first י is a consonant
    ['שרת', 'שרותים'], // too far apart in length
    ['שירות', 'שירות'], // the same word is not a variant
  ])('%s and %s are not', (a, b) => {
    expect(sameSpelling(foldFinals(a), foldFinals(b))).toBe(false);
  });
});

describe('the stop list', () => {
  it.each(['מה', 'איך', 'האם', 'את', 'של', 'ואיך', 'שאם', 'כשאין', 'בכל', 'what', 'how'])('%s never drives ranking', (w) => {
    expect(isStopWord(w)).toBe(true);
  });
  it.each(['איכות', 'שירות', 'לקוחות', 'עלות', 'שכר', 'מיקור', 'חוץ', 'onboarding'])('%s is a word worth searching', (w) => {
    expect(isStopWord(w)).toBe(false);
  });
});

describe('markRanges', () => {
  it('marks the given forms in the original text, niqqud included', () => {
    const text = 'על שֵׁירוּת הַלָּקוֹחוֹת ועל הַמּוּתָג.';
    const got = markRanges(text, ['שירות', 'הלקוחות', 'המותג']).map(([s, e]) => text.slice(s, e));
    expect(got).toEqual(['שֵׁירוּת', 'הַלָּקוֹחוֹת', 'הַמּוּתָג']);
  });

  it('handles gershayim, bidi controls and maqaf', () => {
    // the RLM inside בצה"ל does not split the word, so only the standalone צה"ל matches
    const text = 'ב\u200Fצה"ל \u200Fצה"ל\u200E, רב־לשוני';
    const got = markRanges(text, ['צהל', 'לשוני']).map(([s, e]) => text.slice(s, e));
    expect(got).toEqual(['צה"ל', 'לשוני']);
    expect(markRanges(text, ['צהל'])[0]).toEqual([text.indexOf(' ') + 2, text.indexOf(' ') + 6]);
  });

  it('compares with final letters folded and marks nothing for no forms', () => {
    expect(markRanges('ארגון וארגונים', ['ארגונ'])).toEqual([[0, 5]]);
    expect(markRanges('שירות', [])).toEqual([]);
  });
});

describe('properties (fast-check)', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 300 });
  const hebrewish = fc.string({
    unit: fc.constantFrom(...'אבגדהוזחטיכךלמםנןסעפףצץקרשת ּׁ ְ"\'־-\u200F\u200B<>׳״ 1a'.split('')),
    maxLength: 260,
  });
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

  it('markRanges delimits words exactly as words() does', () => {
    fc.assert(
      fc.property(input, (s) => {
        const ws = words(s);
        expect(markRanges(s, ws).flatMap(([a, b]) => words(s.slice(a, b)))).toEqual(ws);
      }),
      { numRuns: 500 },
    );
  });

  it('markRanges returns ordered, in-bounds, non-overlapping ranges', () => {
    fc.assert(
      fc.property(input, (s) => {
        let prev = 0;
        for (const [a, b] of markRanges(s, ['עובדים', 'שירות', 'מותג'])) {
          expect(a).toBeGreaterThanOrEqual(prev);
          expect(b).toBeGreaterThan(a);
          expect(b).toBeLessThanOrEqual(s.length);
          prev = b;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a word always reaches itself: one of its keys starts with the key prefix of each of its stems', () => {
    const hebrewWord = fc.string({ unit: fc.constantFrom(...'אבגדהוזחטיכךלמםנןסעפףצץקרשת'.split('')), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(hebrewWord, (w) => {
        const keys = keysOf(w);
        for (const s of stems(w)) expect(keys.some((k) => k.startsWith(keyPrefixOf(s)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the mark parameter a search result leads with', () => {
  it('reads the forms separated by spaces, skipping empty ones', () => {
    expect(markedForms('עובדים  והעובדים ')).toEqual(['עובדים', 'והעובדים']);
    expect(markedForms(null)).toEqual([]);
  });

  it('reads no more forms and no more text than a result ever writes, whatever the address says', () => {
    const many = Array.from({ length: MAX_MARKED_FORMS + 10 }, (_, i) => `מילה${i}`).join(' ');
    expect(markedForms(many)).toHaveLength(MAX_MARKED_FORMS);
    const long = `${'א'.repeat(MAX_MARK_CHARS - 1)} ב`;
    expect(markedForms(long)).toEqual(['א'.repeat(MAX_MARK_CHARS - 1)]);
  });
});
