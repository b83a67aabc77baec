/**
 * Words of Hebrew (and any other) text, for search: normalisation, final letters, splitting into
 * words, and finding words again in the original text to mark them. Pure and DOM-free.
 */

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

const FINALS: Readonly<Record<string, string>> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
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

const HEB_WORD_RE = new RegExp(`^[${HEB_LETTER}]+$`, 'u');

/** True for a word made of Hebrew letters only (the words particles and endings apply to). */
export function isHebrewWord(word: string): boolean {
  return HEB_WORD_RE.test(word);
}

// ---------------------------------------------------------------------------
// Marking words in the original text
// ---------------------------------------------------------------------------

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const MARK_CHAR_RE = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\p{M}]/u;
const INVISIBLE_CHAR_RE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const HEB_LETTER_CHAR_RE = new RegExp(`[${HEB_LETTER}]`, 'u');
const QUOTE_CHAR_RE = new RegExp(`[${QUOTES}]`, 'u');

/**
 * A search result leads to its guide section with the forms it found in the address
 * (`?mark=` forms separated by spaces), and the page marks them (src/scripts/search/mark.ts).
 * The result writes at most MAX_MARKED_FORMS; the page reads no more than that, from at most
 * MAX_MARK_CHARS of the parameter, whatever an address says.
 */
export const MARK_PARAM = 'mark';
export const MAX_MARKED_FORMS = 24;
export const MAX_MARK_CHARS = 600;

/** The forms a `mark` parameter asks to mark, within the limits above. */
export function markedForms(param: string | null): string[] {
  return (param ?? '').slice(0, MAX_MARK_CHARS).split(' ').filter(Boolean).slice(0, MAX_MARKED_FORMS);
}

/**
 * Ranges `[start, end)` (UTF-16 indices into the ORIGINAL text) of the words
 * whose normalised form is one of `forms` (compared with final letters folded).
 * Words are delimited exactly as `normalizeText` delimits them: niqqud,
 * combining marks, bidi and zero-width characters and quote marks after a
 * Hebrew letter stay inside a word; a range covers the word's letters and the
 * marks on its last letter, but not leading/trailing invisibles or quotes.
 */
export function markRanges(text: string, forms: Iterable<string>): Array<[number, number]> {
  const keys = new Set<string>();
  for (const f of forms) for (const w of words(f)) keys.add(foldFinals(w));
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
