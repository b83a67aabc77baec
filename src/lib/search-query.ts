/**
 * From what a reader typed to what to look for: the query plan. Pure.
 *
 * 1. `parseQuery`: normalise, cap the length, drop lone particles (`ו`, `של`) and stop words
 *    (search-stopwords.ts), note whether the last word is still being typed.
 * 2. `lexiconRanges`: which part of the lexicon the words can reach (search-lexicon.ts fetches it).
 * 3. `planQuery`: each meaningful word becomes a term; a run of words that is a vocabulary term
 *    becomes one term whose alternatives are the reader's own words and the guide's words for it
 *    (search-vocabulary.ts). Every word is expanded into the forms the site really has:
 *      exact        the word itself                                   weight 1
 *      folded       the same with other final letters                 0.95
 *      particle     with or without attached particles (והעובדים)     0.85
 *      inflection   other endings of the same base (נציג ↔ נציגים)     0.7
 *      spelling     with or without ו/י, doubled letters (תכנה→תוכנה)  0.6  only if the word is not on the site
 *      completion   the last word, still being typed (מוטיב→מוטיבציה)  0.5  only if nothing else matched
 *    A vocabulary alternative is worth 0.65 of its forms (the entry's first guide phrase; each
 *    further one 5% less), and counts only when all its words are found. Only forms the lexicon holds are kept:
 *    the site's own words decide, never a dictionary.
 */
import { MIN_BASE, inflects, isParticle, keyPrefixOf, sameSpelling, skeleton, stems } from './hebrew-morphology.ts';
import { foldFinals, isHebrewWord, words } from './hebrew-words.ts';
import type { Lexicon } from './search-lexicon.ts';
import { isStopWord } from './search-stopwords.ts';
import { matchVocabulary, termWords, wordMeets, type VocabularyData } from './search-vocabulary.ts';

export type FormKind = 'exact' | 'folded' | 'particle' | 'inflection' | 'spelling' | 'completion';

export const KIND_WEIGHT: Readonly<Record<FormKind, number>> = {
  exact: 1,
  folded: 0.95,
  particle: 0.85,
  inflection: 0.7,
  spelling: 0.6,
  completion: 0.5,
};
/**
 * How much a match through the editors' vocabulary is worth: less than any ending of the reader's
 * own word (`נציג` finds `נציגים` before the synonym `אנשי שירות`), more than a spelling guess.
 */
export const VOCABULARY_WEIGHT = 0.65;

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 8;
export const MAX_FORMS_PER_WORD = 24;
/** Completions offered for a word still being typed. */
export const MAX_COMPLETIONS = 8;

export interface QueryForm {
  readonly form: string;
  readonly kind: FormKind;
  readonly weight: number;
}

/** One word to find; any of its forms will do. */
export interface QuerySlot {
  readonly word: string;
  readonly forms: readonly QueryForm[];
}

/** One way to meet a term: the reader's own words, or the guide's words for a vocabulary term. */
export interface QueryAlternative {
  /** The guide's words as the vocabulary writes them, or null for the reader's own words. */
  readonly via: string | null;
  readonly weight: number;
  /** Words that must all be found for the alternative to count fully. */
  readonly slots: readonly QuerySlot[];
}

/** A meaningful word of the query, or a run of words that is one vocabulary term. */
export interface QueryTerm {
  /** What the reader typed (normalised). */
  readonly text: string;
  /** How many of the reader's words it stands for. */
  readonly span: number;
  readonly alternatives: readonly QueryAlternative[];
}

export type QueryStatus = 'ok' | 'empty' | 'too-long' | 'only-particles' | 'only-stopwords';

export interface ParsedQuery {
  readonly status: QueryStatus;
  /** Normalised query (letters, digits, spaces only): safe to show as text. */
  readonly text: string;
  /** True when part of the query was ignored (over 200 characters, or over 8 meaningful words). */
  readonly truncated: boolean;
  /** The meaningful words, in order. */
  readonly words: readonly string[];
  /** The stop words left out, in order. */
  readonly ignored: readonly string[];
  /** Whether the last word may still be half typed (the text does not end with a space or mark). */
  readonly open: boolean;
}

export interface QueryPlan extends ParsedQuery {
  readonly terms: readonly QueryTerm[];
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

/** Normalises and caps a raw query, and sets its meaningful words apart. */
export function parseQuery(raw: unknown): ParsedQuery {
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
  const open = !truncated && /[\p{L}\p{N}\p{M}]$/u.test(input);

  const seen = new Set<string>();
  const unique: string[] = [];
  for (const w of words(input)) {
    const key = foldFinals(w);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(w);
  }
  const nonParticles = unique.filter((w) => !isParticle(w));
  const meaningful = nonParticles.filter((w) => !isStopWord(w));
  const ignored = nonParticles.filter((w) => isStopWord(w));
  if (meaningful.length > MAX_QUERY_WORDS) truncated = true;
  const kept = meaningful.slice(0, MAX_QUERY_WORDS);
  const text = joinCapped(unique.slice(0, MAX_QUERY_WORDS + ignored.length), MAX_QUERY_CHARS);
  const status: QueryStatus =
    kept.length > 0 ? 'ok' : ignored.length > 0 ? 'only-stopwords' : unique.length > 0 ? 'only-particles' : truncated ? 'too-long' : 'empty';
  return { status, text, truncated, words: status === 'ok' ? kept : [], ignored, open: open && kept.length > 0 && kept.at(-1) === unique.at(-1) };
}

/** The key ranges of the lexicon a word's forms can be filed under (both ends included). */
function wordRanges(word: string): Array<[string, string]> {
  if (!isHebrewWord(word)) return [[word, `${word}\uffff`]];
  return stems(word).map((s) => {
    const prefix = keyPrefixOf(s);
    const p = prefix.length >= 2 ? prefix : skeleton(foldFinals(s));
    return [p, `${p}\uffff`];
  });
}

/** Every part of the lexicon the query can reach: its words, and the guide words of its vocabulary terms. */
export function lexiconRanges(query: ParsedQuery, vocabulary: VocabularyData): Array<[string, string]> {
  const targets = matchVocabulary(query.words, vocabulary).flatMap((m) => m.group.guide.flatMap((g) => termWords(g)));
  return [...query.words, ...targets].flatMap(wordRanges);
}

interface ExpandOptions {
  /** Look for other spellings when the word itself is not on the site. */
  readonly spelling: boolean;
  /** Complete the word when nothing else matches (the last word, still being typed). */
  readonly complete: boolean;
}

const byWeight = (lexicon: Lexicon) => (a: QueryForm, b: QueryForm) =>
  b.weight - a.weight || lexicon.count(b.form) - lexicon.count(a.form) || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0);

/** The forms on the site that a reader's word stands for, best first. */
export function expandWord(word: string, lexicon: Lexicon, options: ExpandOptions): QueryForm[] {
  const found = new Map<string, FormKind>();
  const add = (form: string, kind: FormKind) => {
    const prev = found.get(form);
    if (prev === undefined || KIND_WEIGHT[kind] > KIND_WEIGHT[prev]) found.set(form, kind);
  };
  const fq = foldFinals(word);
  const hebrew = isHebrewWord(word);
  const candidates = new Set<string>();
  for (const [lo] of wordRanges(word)) for (const f of lexicon.withKeyPrefix(lo)) candidates.add(f);

  const candidateStems = new Map<string, string[]>();
  for (const f of candidates) if (lexicon.count(f) > 0) candidateStems.set(f, hebrew ? stems(f).map(foldFinals) : [foldFinals(f)]);
  const siteWords = new Set([...candidateStems.keys()].map(foldFinals));
  // A stripped stem counts only where the site has it as a word of its own (`עובדים` in
  // `לעובדים`, never the junk stem `ירות` of `שירות`), or when the reader's word itself is not on
  // the site (`לחוק` may then meet `בחוק`).
  const queryStems = hebrew ? stems(word).map(foldFinals).filter((s, i) => i === 0 || !siteWords.has(fq) || siteWords.has(s)) : [fq];

  for (const [f, fs] of candidateStems) {
    if (f === word) add(f, 'exact');
    else if (foldFinals(f) === fq) add(f, 'folded');
    else if (queryStems.some((s) => fs.includes(s))) add(f, 'particle');
    else if (hebrew && queryStems.some((s) => s.length >= MIN_BASE && fs.some((u) => u.length >= MIN_BASE && inflects(s, u)))) add(f, 'inflection');
  }
  const onSite = [...found.values()].some((k) => k === 'exact' || k === 'folded' || k === 'particle');
  if (hebrew && options.spelling && !onSite) {
    for (const [f, fs] of candidateStems) {
      if (queryStems.some((s) => fs.some((u) => sameSpelling(s, u)))) add(f, 'spelling');
    }
  }
  if (options.complete && found.size === 0 && fq.length >= 2) {
    const completions: QueryForm[] = [];
    for (const [f, fs] of candidateStems) {
      if (queryStems.some((s) => fs.some((u) => u.startsWith(s)))) completions.push({ form: f, kind: 'completion', weight: KIND_WEIGHT.completion });
    }
    for (const c of completions.sort(byWeight(lexicon)).slice(0, MAX_COMPLETIONS)) add(c.form, 'completion');
  }
  return [...found]
    .map(([form, kind]) => ({ form, kind, weight: KIND_WEIGHT[kind] }))
    .sort(byWeight(lexicon))
    .slice(0, MAX_FORMS_PER_WORD);
}

/** The query plan: terms with the forms to look for (see the module comment). */
export function planQuery(query: ParsedQuery, lexicon: Lexicon, vocabulary: VocabularyData): QueryPlan {
  if (query.status !== 'ok') return { ...query, terms: [] };
  const last = query.words.length - 1;
  const own = (w: string, i: number): QuerySlot => ({ word: w, forms: expandWord(w, lexicon, { spelling: true, complete: query.open && i === last }) });
  const matches = matchVocabulary(query.words, vocabulary);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < query.words.length; ) {
    const m = matches.find((x) => x.start === i);
    if (!m) {
      const w = query.words[i]!;
      terms.push({ text: w, span: 1, alternatives: [{ via: null, weight: 1, slots: [own(w, i)] }] });
      i++;
      continue;
    }
    const ws = query.words.slice(i, i + m.length);
    const alternatives: QueryAlternative[] = [{ via: null, weight: 1, slots: ws.map((w, k) => own(w, i + k)) }];
    m.group.guide.forEach((phrase, k) => {
      const phraseWords = termWords(phrase);
      // The guide's words that the reader typed already are the reader's own alternative.
      if (phraseWords.length === ws.length && phraseWords.every((w, j) => wordMeets(ws[j]!, w))) return;
      const slots = phraseWords.map((w) => ({ word: w, forms: expandWord(w, lexicon, { spelling: false, complete: false }) }));
      // The editors list the guide's main word first; the others count a little less.
      if (slots.length) alternatives.push({ via: phrase, weight: VOCABULARY_WEIGHT * (1 - 0.05 * k), slots });
    });
    terms.push({ text: ws.join(' '), span: m.length, alternatives });
    i += m.length;
  }
  return { ...query, terms };
}

/** Every distinct form a plan searches for. */
export function planForms(plan: QueryPlan): string[] {
  const out = new Set<string>();
  for (const t of plan.terms) for (const a of t.alternatives) for (const s of a.slots) for (const f of s.forms) out.add(f.form);
  return [...out];
}
