/**
 * Stems in the index. Pagefind indexes words as written, so finding `הדרכה` in `בהדרכה`,
 * `ההדרכה` and `להדרכה` meant one Pagefind search per form, and forms that begin with different
 * particle letters live in different parts of Pagefind's index: a Hebrew word cost several index
 * downloads where stock Pagefind pays one. So the text Pagefind indexes carries, inside each
 * Hebrew word, the stems the site knows as words of their own: `בהדרכה` is indexed as
 * `בהדרכה/הדרכה`. Pagefind treats the slash as it treats a hyphen: every part is a word at the
 * same position, so positions (and sections) stay those of the page, and one search for the stem
 * finds every form with a particle. The text read back from the index is decoded again before it
 * is shown. Pure.
 */
import { stems } from './hebrew-morphology.ts';

/** A run of Hebrew letters (a word, or the Hebrew part of a token). */
const HEBREW_RUN = /[\u05D0-\u05EA]+/g;
/** Hebrew words joined by slashes: a word with the parts the encoding added, or the text's own slash. */
const SLASHED = /[\u05D0-\u05EA]+(?:\/[\u05D0-\u05EA]+)+/g;

/**
 * Adds to each Hebrew word of a text the stems `known` accepts (the site's own words), as
 * `word/stem/…`. Whitespace is untouched, so the text keeps its word count.
 */
export function withStems(text: string, known: (word: string) => boolean): string {
  return text.replace(HEBREW_RUN, (word) => {
    const parts = stems(word).slice(1).filter(known);
    return parts.length ? `${word}/${parts.join('/')}` : word;
  });
}

/**
 * Removes what `withStems` added: parts after a Hebrew word that are endings of that word
 * (`בהדרכה/הדרכה` → `בהדרכה`). A slash the text itself has (`ו/או`, `שירות/תמיכה`) stays.
 */
export function withoutStems(text: string): string {
  return text.replace(SLASHED, (run) => {
    const [first = '', ...rest] = run.split('/');
    const kept = [first];
    let word = first;
    for (const part of rest) {
      if (part.length < word.length && word.endsWith(part)) continue; // added by withStems
      kept.push(part);
      word = part;
    }
    return kept.join('/');
  });
}
