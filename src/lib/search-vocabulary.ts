/**
 * The editors' search vocabulary (content/search/vocabulary.yaml): groups of equivalent terms,
 * each mapped to the words the guide itself uses. A reader who types `onboarding`, `מוקדנים` or
 * `אאוטסורסינג` is searched for the guide's `קליטת עובדים חדשים`, `נציגים`, `מיקור חוץ`, and the
 * result says through which guide words it was found. Pure: compiled at build time, matched
 * against the reader's words in the browser.
 */
import { inflects, sameSpelling, stems } from './hebrew-morphology.ts';
import { foldFinals, isHebrewWord, words } from './hebrew-words.ts';
import { isStopWord } from './search-stopwords.ts';

/** One group of equivalent terms. */
export interface VocabularyGroup {
  /** The entry's id in the content file. */
  readonly id: string;
  /** The words or phrases the guide uses, as the editor wrote them; results show which one matched. */
  readonly guide: readonly string[];
  /** What readers type: synonyms, everyday and professional terms, English, abbreviations, transliterations. */
  readonly terms: readonly string[];
}

export type VocabularyData = readonly VocabularyGroup[];

/** The searchable words of a term or phrase: normalised, stop words left out (as in a query). */
export function termWords(text: string): string[] {
  return words(text).filter((w) => !isStopWord(w));
}

const strings = (v: unknown, max: number): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '' && s.length <= 120).slice(0, max) : [];

/** The vocabulary from the lexicon root, checked; anything malformed is left out. */
export function parseVocabulary(data: unknown): VocabularyData {
  if (!Array.isArray(data)) return [];
  return data.slice(0, 2000).flatMap((g): VocabularyGroup[] => {
    if (typeof g !== 'object' || g === null) return [];
    const r = g as Record<string, unknown>;
    const guide = strings(r['guide'], 20);
    const terms = strings(r['terms'], 200);
    return typeof r['id'] === 'string' && guide.length && terms.length ? [{ id: r['id'], guide, terms }] : [];
  });
}

/**
 * Mistakes in the editors' vocabulary, as messages naming the entry: a guide phrase that no
 * indexed page contains (the guide was reworded), a term in two entries, a term with no word left
 * to search (only stop words).
 */
export function vocabularyProblems(vocabulary: VocabularyData, onSite: (phraseWords: readonly string[]) => boolean): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const group of vocabulary) {
    for (const phrase of group.guide) {
      const ws = words(phrase);
      if (ws.length === 0 || !onSite(ws)) problems.push(`the entry "${group.id}" maps to the guide words "${phrase}", which no indexed page contains`);
    }
    for (const term of group.terms) {
      const ws = termWords(term);
      if (ws.length === 0) {
        problems.push(`the entry "${group.id}" has the term "${term}", which has no word to search (only question or function words)`);
        continue;
      }
      const key = ws.map(foldFinals).join(' ');
      const first = owner.get(key);
      if (first !== undefined && first !== group.id) problems.push(`the term "${term}" is in both "${first}" and "${group.id}"`);
      owner.set(key, group.id);
    }
  }
  return problems;
}

/**
 * Whether a reader's word is the vocabulary's word: the same after folding final letters, or,
 * in Hebrew, the same behind particles the reader attached (`למוקדנים`), inflected (`מוקדן`) or
 * spelled with or without ו/י; in Latin letters, the same or with a plural s (`agents`). Terms are
 * written in their plain form, so only the reader's side loses particles.
 */
export function wordMeets(reader: string, term: string): boolean {
  const a = foldFinals(reader);
  const b = foldFinals(term);
  if (a === b) return true;
  if (isHebrewWord(a) && isHebrewWord(b)) return stems(a).some((s) => s === b || inflects(s, b) || sameSpelling(s, b));
  return a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;
}

/** A run of the reader's words that is one of the vocabulary's terms. */
export interface VocabularyMatch {
  /** Index of the first word. */
  readonly start: number;
  /** Number of words. */
  readonly length: number;
  readonly group: VocabularyGroup;
}

/**
 * Finds vocabulary terms among the reader's (stop-word-free) words, longest term first, left to
 * right; a word belongs to at most one match. An entry's guide words count as its terms too (the
 * equivalence goes both ways: `שכר` also finds `התגמול`). Ties go to the entry listed first.
 */
export function matchVocabulary(readerWords: readonly string[], vocabulary: VocabularyData): VocabularyMatch[] {
  const terms = vocabulary
    .flatMap((group) => [...group.terms, ...group.guide].map((t) => ({ group, ws: termWords(t) })))
    .filter((t) => t.ws.length > 0);
  const out: VocabularyMatch[] = [];
  for (let i = 0; i < readerWords.length; ) {
    let best: { group: VocabularyGroup; length: number } | null = null;
    for (const { group, ws } of terms) {
      if (best && ws.length <= best.length) continue;
      if (i + ws.length > readerWords.length) continue;
      if (ws.every((w, k) => wordMeets(readerWords[i + k]!, w))) best = { group, length: ws.length };
    }
    if (best) {
      out.push({ start: i, length: best.length, group: best.group });
      i += best.length;
    } else i++;
  }
  return out;
}
