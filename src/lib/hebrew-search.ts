/**
 * Hebrew-aware query expansion for the site search (pure, DOM-free).
 *
 * Pagefind indexes words exactly as written, so `עובדים` never finds `והעובדים`
 * and `תמיכה` never finds `תמיכת`. Instead of teaching Pagefind Hebrew, we
 * collect the site's whole vocabulary at build time (`buildLexicon`: every
 * distinct normalised word of the indexed text) and, at query time, expand each
 * query word through that lexicon into the real surface forms that occur on the
 * site (`expandQuery`: `עובדים` → `עובדים`, `והעובדים`, `לעובדים`, each with a
 * weight). The UI runs one Pagefind search per surface form and merges, so
 * excerpts always show the page's real text. Precision guard: a leading particle
 * sequence (ו ה ב ל מ ש כ and their combinations, see `PARTICLES`) is stripped
 * only when at least 3 Hebrew letters remain; a query word is always taken at
 * face value, but a *stripped* query stem is used for matching only when that
 * stem itself occurs as a standalone word on the site (so the junk stem `ירות`
 * of `שירות` never matches `בירות`); inflection matching (`ארגון` →
 * `הארגונים`, `תמיכה` → `תמיכת`) requires a shared base of >= 3 letters
 * (>= 4 when the query side also loses a suffix) and that both remainders are
 * known Hebrew inflectional endings (so `מותג` never matches `מותאמת` and
 * `מנה` never matches `המנהל`). Residual known false positives, accepted for
 * recall: a word that genuinely begins with particle letters can match the
 * shorter word (`אמר` ↔ `מאמר`, `עבר` ↔ `מעבר`), and related-but-distinct
 * inflections share a base (`מערכת` ↔ `מערכה`).
 */

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/** Bidi controls and zero-width characters: removed without leaving a gap. */
const INVISIBLE_RE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Hebrew niqqud and cantillation (U+0591–U+05BD, U+05BF, U+05C1–U+05C2,
 * U+05C4–U+05C5, U+05C7) plus every other combining mark: a mark belongs to the
 * letter before it, so removing it never splits a word. Maqaf (U+05BE), paseq
 * (U+05C0), sof pasuq (U+05C3) and nun hafukha (U+05C6) are punctuation and
 * become separators further down.
 */
const MARK_RE = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\p{M}]/gu;

/** Hebrew letters, including the Yiddish ligatures and presentation forms. */
const HEB_LETTER = '\u05D0-\u05EA\u05EF-\u05F2\uFB1D\uFB1F-\uFB28\uFB2A-\uFB4F';

/** Geresh / gershayim and the quote marks people type in their place. */
const QUOTES = '\'"\u05F3\u05F4\u2018\u2019\u201C\u201D\u2032\u2033';

/** A run of quote marks right after a Hebrew letter (inside or ending a word). */
const HEB_QUOTE_RE = new RegExp(`([${HEB_LETTER}])[${QUOTES}]+`, 'gu');

/** Anything that is not a letter or a digit separates words. */
const SEPARATOR_RE = /[^\p{L}\p{N}]+/gu;

function normalizeOnce(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .replace(MARK_RE, '')
    .replace(HEB_QUOTE_RE, '$1')
    .replace(SEPARATOR_RE, ' ')
    .trim();
}

/**
 * Normalise text for search: NFC; bidi controls and zero-width characters
 * removed; niqqud, cantillation and other combining marks removed; geresh,
 * gershayim and quote marks removed when inside or at the end of a Hebrew word
 * (`צה"ל` → `צהל`, `ג'ירפה` → `גירפה`); Latin lowercased; every other
 * non-letter/non-digit (maqaf, hyphens, slashes, `<`, `>`…) becomes a space;
 * whitespace collapsed and trimmed. The output contains only letters, digits
 * and single spaces.
 *
 * Idempotent: one pass is a fixed point for ordinary text, but removing a mark
 * can make two letters composable under NFC (e.g. Hangul jamo), so we iterate
 * to a fixed point (bounded; each extra pass only removes or composes).
 */
export function normalizeText(s: string): string {
  let cur = normalizeOnce(String(s));
  for (let i = 0; i < 8; i++) {
    const next = normalizeOnce(cur);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

const FINALS: Readonly<Record<string, string>> = {
  ך: 'כ',
  ם: 'מ',
  ן: 'נ',
  ף: 'פ',
  ץ: 'צ',
};
const FINALS_RE = /[ךםןףץ]/g;

/** Comparison key only: final letter forms → regular forms, anywhere in the word. */
export function foldFinals(word: string): string {
  return word.replace(FINALS_RE, (c) => FINALS[c] ?? c);
}

/** The words of a text after `normalizeText` (Hebrew, Latin, digits, other letters). */
export function words(text: string): string[] {
  const n = normalizeText(text);
  return n === '' ? [] : n.split(' ');
}

// ---------------------------------------------------------------------------
// Particles and stems
// ---------------------------------------------------------------------------

const HEB_WORD_RE = new RegExp(`^[${HEB_LETTER}]+$`, 'u');

function isHebrewWord(word: string): boolean {
  return HEB_WORD_RE.test(word);
}

/**
 * Prefix particle sequences, generated from the grammar
 *   [ו] [ש | כש | לכש] [ב | ל | כ | מ] [ה]
 * (e.g. ו, ה, וה, וב, שה, מה, בה, כש, לכש, ושה, וכשה, ולכשמה…), longest first.
 * `בה`/`לה`/`כה` are not standard orthography (the ה is elided after ב/ל/כ)
 * but occur in informal writing; stripping them only produces extra stems,
 * which the matching guard below keeps harmless.
 */
export const PARTICLES: readonly string[] = (() => {
  const out = new Set<string>();
  for (const conj of ['', 'ו'])
    for (const rel of ['', 'ש', 'כש', 'לכש'])
      for (const prep of ['', 'ב', 'ל', 'כ', 'מ'])
        for (const art of ['', 'ה']) {
          const p = conj + rel + prep + art;
          if (p !== '') out.add(p);
        }
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
})();

const PARTICLE_SET: ReadonlySet<string> = new Set(PARTICLES);
const PARTICLES_SHORTEST_FIRST: readonly string[] = [...PARTICLES].reverse();

/** Minimum number of letters that must remain after stripping a particle. */
export const MIN_STEM = 3;

/** True when the word is nothing but a particle sequence (`ו`, `וה`, `של`, `מה`…). */
export function isParticle(word: string): boolean {
  return PARTICLE_SET.has(word);
}

/**
 * The word's possible stems: the word itself first, then every distinct
 * remainder after removing one leading particle sequence, in order of
 * increasing amount stripped. Only all-Hebrew words are stripped, and only when
 * at least `MIN_STEM` (3) letters remain, so `בית`, `של`, `מה`, `כן`, `לא`
 * stay whole. Stems are *candidates*: `שירות` yields the junk stem `ירות`;
 * `expandQuery` decides which candidates may be used (see the module comment).
 * Expects a normalised word.
 */
export function stems(word: string): string[] {
  const out = [word];
  if (!isHebrewWord(word)) return out;
  for (const p of PARTICLES_SHORTEST_FIRST) {
    if (word.length - p.length < MIN_STEM) continue;
    if (!word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (!out.includes(rest)) out.push(rest);
  }
  return out;
}

/**
 * Hebrew inflectional endings (plural, construct, feminine, possessive, common
 * verb endings), compared after `foldFinals`. Inflection matching requires
 * both words to be "base + one of these", which is what stops `מותג` from
 * matching `מותאמת` and `מנה` from matching `המנהל`.
 */
const SUFFIXES: ReadonlySet<string> = new Set(
  [
    '', 'ה', 'ת', 'י', 'ו', 'ך', 'ם', 'ן',
    'ים', 'ין', 'ות', 'ית', 'יה', 'יו', 'יי', 'נו', 'כם', 'כן', 'הם', 'הן', 'תי', 'תו', 'תה', 'תם', 'תן', 'תך', 'יך',
    'יות', 'יים', 'ייה', 'יית', 'ינו', 'יכם', 'יכן', 'יהם', 'יהן', 'תנו', 'ותי', 'ותו', 'ותה', 'ותם', 'ותן', 'ותך',
    'ותיו', 'ותיה', 'ותיך', 'ותינו', 'ותיכם', 'ותיכן', 'ותיהם', 'ותיהן', 'יותיו', 'יותיה',
  ].map(foldFinals),
);
const MAX_SUFFIX = Math.max(...[...SUFFIXES].map((x) => x.length));

/** Minimum base length when the query side loses a suffix (`שירות` must not become `שיר`). */
const MIN_BASE_STRIPPED = 4;

/** Bases of a folded Hebrew stem: itself, plus itself minus a known ending if >= 4 letters remain. */
function bases(folded: string): string[] {
  const out = [folded];
  for (let k = 1; k <= MAX_SUFFIX && folded.length - k >= MIN_BASE_STRIPPED; k++) {
    if (SUFFIXES.has(folded.slice(-k))) out.push(folded.slice(0, -k));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

/** JSON-serialisable lexicon as written at build time. */
export interface LexiconData {
  readonly v: 1;
  /** Distinct normalised words of the indexed text, sorted by code unit. */
  readonly forms: readonly string[];
}

interface StemEntry {
  readonly form: string;
  /** foldFinals(stem) */
  readonly stem: string;
}

/** Runtime lookup structure built by `loadLexicon`. */
export interface Lexicon {
  readonly forms: ReadonlySet<string>;
  /** foldFinals(form) → forms */
  readonly byFolded: ReadonlyMap<string, readonly string[]>;
  /** foldFinals(stem) → forms having that stem (including the unstripped form) */
  readonly byStem: ReadonlyMap<string, readonly string[]>;
  /** first 3 letters of foldFinals(stem) → (form, stem) pairs, for inflection lookup */
  readonly byHead: ReadonlyMap<string, readonly StemEntry[]>;
}

/** Longest word kept in the lexicon (longer tokens are URLs, hashes, noise). */
export const MAX_FORM_LENGTH = 64;
/** Safety cap on a loaded lexicon. */
export const MAX_LEXICON_FORMS = 200_000;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collect the vocabulary of the site's texts into a serialisable lexicon. */
export function buildLexicon(texts: Iterable<string>): LexiconData {
  const set = new Set<string>();
  for (const t of texts) {
    for (const w of words(t)) if (w.length <= MAX_FORM_LENGTH) set.add(w);
  }
  return { v: 1, forms: [...set].sort(cmp) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Build the runtime lookup from (possibly untrusted, fetched) lexicon data.
 * Anything that is not a single normalised word is ignored, so forms can be
 * shown and sent to Pagefind as-is. Bad input yields an empty lexicon.
 */
export function loadLexicon(data: unknown): Lexicon {
  const forms = new Set<string>();
  if (typeof data === 'object' && data !== null && (data as { v?: unknown }).v === 1) {
    const raw = (data as { forms?: unknown }).forms;
    if (Array.isArray(raw)) {
      for (const f of raw.slice(0, MAX_LEXICON_FORMS)) {
        if (typeof f !== 'string' || f === '' || f.length > MAX_FORM_LENGTH) continue;
        if (normalizeText(f) !== f || f.includes(' ')) continue;
        forms.add(f);
      }
    }
  }
  const byFolded = new Map<string, string[]>();
  const byStem = new Map<string, string[]>();
  const byHead = new Map<string, StemEntry[]>();
  for (const form of forms) {
    push(byFolded, foldFinals(form), form);
    for (const s of stems(form)) {
      const stem = foldFinals(s);
      push(byStem, stem, form);
      if (isHebrewWord(stem) && stem.length >= MIN_STEM) push(byHead, stem.slice(0, MIN_STEM), { form, stem });
    }
  }
  return { forms, byFolded, byStem, byHead };
}

// ---------------------------------------------------------------------------
// Query expansion
// ---------------------------------------------------------------------------

export type FormKind = 'exact' | 'folded' | 'stem' | 'prefix';

export interface QueryForm {
  readonly form: string;
  readonly weight: number;
  readonly kind: FormKind;
}

export interface QueryTerm {
  /** The normalised query word. */
  readonly word: string;
  /** Surface forms to search for, best first. */
  readonly forms: readonly QueryForm[];
}

export interface QueryPlan {
  readonly status: 'ok' | 'empty' | 'too-long' | 'only-particles';
  /** Normalised query (letters, digits, spaces only): safe to show as text. */
  readonly text: string;
  /** True when part of the query was ignored (raw > MAX_QUERY_CHARS, or > MAX_QUERY_WORDS words). */
  readonly truncated: boolean;
  readonly terms: readonly QueryTerm[];
}

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 8;
export const MAX_FORMS_PER_WORD = 24;

export const WEIGHTS: Readonly<Record<FormKind, number>> = {
  exact: 1,
  folded: 0.9,
  stem: 0.75,
  prefix: 0.5,
};

function expandWord(q: string, lex: Lexicon | null): QueryForm[] {
  const found = new Map<string, FormKind>();
  const add = (form: string, kind: FormKind): void => {
    const prev = found.get(form);
    if (prev === undefined || WEIGHTS[kind] > WEIGHTS[prev]) found.set(form, kind);
  };

  // The query word itself is always searched: it is 'exact' if it occurs, and
  // if it does not, Pagefind's own prefix matching may still find something.
  add(q, 'exact');

  if (lex) {
    const fq = foldFinals(q);
    for (const f of lex.byFolded.get(fq) ?? []) if (f !== q) add(f, 'folded');

    // Query stems allowed for matching: the word itself (face value), plus any
    // stripped stem that occurs on the site as a standalone word.
    const queryStems = stems(q)
      .map(foldFinals)
      .filter((s, i) => i === 0 || lex.byFolded.has(s));

    for (const s of queryStems) {
      // Same stem: `מותג` ↔ `המותג`, `המותג` ↔ `מותג`, `והעובדים` ↔ `לעובדים` (if `עובדים` occurs).
      for (const f of lex.byStem.get(s) ?? []) add(f, 'stem');

      // Inflection: shared base (>= 3 letters; >= 4 if the query loses an ending)
      // and both remainders are known endings: `ארגון` → `הארגונים`, `צוות` → `צוותי`,
      // `תמיכה` → `תמיכת`, `הדרכה` → `הדרכות`.
      if (!isHebrewWord(s) || s.length < MIN_STEM) continue;
      for (const base of bases(s)) {
        for (const { form, stem } of lex.byHead.get(base.slice(0, MIN_STEM)) ?? []) {
          if (stem.startsWith(base) && SUFFIXES.has(stem.slice(base.length))) add(form, 'prefix');
        }
      }
    }
  }

  return [...found]
    .map(([form, kind]) => ({ form, kind, weight: WEIGHTS[kind] }))
    .sort((a, b) => b.weight - a.weight || cmp(a.form, b.form))
    .slice(0, MAX_FORMS_PER_WORD);
}

/** Join words with spaces, dropping trailing words so the result fits `max`. */
function joinCapped(ws: readonly string[], max: number): string {
  let out = '';
  for (const w of ws) {
    const next = out === '' ? w : `${out} ${w}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/**
 * Expand a raw query into per-word surface forms found on the site.
 * - raw input over 200 characters is cut to 200 (`truncated: true`), dropping a
 *   word cut in half; if no word survives the cut the status is 'too-long';
 * - duplicate words (after folding finals) are removed, at most 8 words are kept
 *   (`truncated: true` if more);
 * - words that are only a particle (`ו`, `וה`, `של`, `מה`) are not searched:
 *   Pagefind would prefix-match them against half the site. A query of only
 *   such words → 'only-particles'; of nothing searchable at all → 'empty';
 * - each term has 1..24 forms sorted by weight, then alphabetically.
 * `lexicon` may be null (not loaded): each word then expands to itself only.
 */
export function expandQuery(raw: string, lexicon?: Lexicon | null): QueryPlan {
  let input = typeof raw === 'string' ? raw : '';
  let truncated = false;
  if (input.length > MAX_QUERY_CHARS) {
    truncated = true;
    let cut = MAX_QUERY_CHARS;
    const last = input.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // do not split a surrogate pair
    const rest = input.slice(cut);
    input = input.slice(0, cut);
    // A word cut in the middle is a fragment the reader never typed: drop it.
    if (/^[\p{L}\p{N}\p{M}]/u.test(rest)) input = input.replace(/[\p{L}\p{N}\p{M}]+$/u, '');
  }

  const all = words(input);
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const w of all) {
    const key = foldFinals(w);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(w);
  }
  const searchable = unique.filter((w) => !isParticle(w));
  if (searchable.length > MAX_QUERY_WORDS) truncated = true;
  const kept = searchable.slice(0, MAX_QUERY_WORDS);

  if (kept.length === 0) {
    const status = unique.length > 0 ? 'only-particles' : truncated ? 'too-long' : 'empty';
    return { status, text: joinCapped(unique.slice(0, MAX_QUERY_WORDS), MAX_QUERY_CHARS), truncated, terms: [] };
  }

  const lex = lexicon ?? null;
  const terms = kept.map((word) => ({ word, forms: expandWord(word, lex) }));
  return { status: 'ok', text: joinCapped(kept, MAX_QUERY_CHARS), truncated, terms };
}

// ---------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const MARK_CHAR_RE = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\p{M}]/u;
const INVISIBLE_CHAR_RE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const HEB_LETTER_CHAR_RE = new RegExp(`[${HEB_LETTER}]`, 'u');
const QUOTE_CHAR_RE = new RegExp(`[${QUOTES}]`, 'u');

/**
 * Ranges `[start, end)` (UTF-16 indices into the ORIGINAL text) of the words
 * whose normalised form matches any form of the plan (compared with final
 * letters folded). Words are delimited exactly as `normalizeText` delimits them:
 * niqqud, combining marks, bidi and zero-width characters and quote marks after
 * a Hebrew letter stay inside a word; a range covers the word's letters and the
 * marks on its last letter, but not leading/trailing invisibles or quotes.
 */
export function highlightRanges(text: string, plan: QueryPlan): Array<[number, number]> {
  const keys = new Set<string>();
  for (const t of plan.terms) for (const f of t.forms) keys.add(foldFinals(f.form));
  const out: Array<[number, number]> = [];
  if (keys.size === 0 || typeof text !== 'string') return out;

  let start = -1; // start of the current word, -1 when between words
  let end = -1; // end of the visible part of the current word
  let lastLetterHebrew = false;
  const flush = (): void => {
    if (start >= 0) {
      const ws = words(text.slice(start, end));
      if (ws.some((w) => keys.has(foldFinals(w)))) out.push([start, end]);
    }
    start = -1;
    end = -1;
  };

  let i = 0;
  for (const ch of text) {
    const next = i + ch.length;
    if (WORD_CHAR_RE.test(ch)) {
      if (start < 0) start = i;
      end = next;
      lastLetterHebrew = HEB_LETTER_CHAR_RE.test(ch);
    } else if (MARK_CHAR_RE.test(ch)) {
      if (start >= 0 && end === i) end = next; // a mark on the word's last letter
    } else if (INVISIBLE_CHAR_RE.test(ch)) {
      // invisible: never splits a word
    } else if (QUOTE_CHAR_RE.test(ch) && start >= 0 && lastLetterHebrew) {
      // geresh/gershayim inside or at the end of a Hebrew word: part of the word
    } else {
      flush();
    }
    i = next;
  }
  flush();
  return out;
}

/**
 * A plan that matches exactly the given surface forms (normalised; anything that is not one
 * word is dropped). Used to mark, in the page's own text, the forms a search found: in result
 * excerpts and on the page a result leads to.
 */
export function planForForms(forms: readonly string[]): QueryPlan {
  const clean = [...new Set(forms.map((f) => normalizeText(f)).filter((f) => f !== '' && !f.includes(' ')))].slice(
    0,
    MAX_FORMS_PER_WORD,
  );
  return {
    status: clean.length ? 'ok' : 'empty',
    text: '',
    truncated: false,
    terms: clean.length ? [{ word: clean[0]!, forms: clean.map((form) => ({ form, weight: 1, kind: 'exact' as const })) }] : [],
  };
}
