/**
 * Just enough Hebrew morphology to match a reader's word with the forms the site uses, without a
 * dictionary (hspell/hunspell Hebrew data is AGPL and stays out of the browser): attached prefix
 * particles, inflectional endings, and spelling with or without the vowel letters ו/י. Pure.
 *
 * Every rule here only proposes candidates; the site's own vocabulary decides (see
 * search-query.ts): a candidate is used only when the site really has that form.
 */
import { foldFinals, isHebrewWord } from './hebrew-words.ts';

// ---------------------------------------------------------------------------
// Particles
// ---------------------------------------------------------------------------

/**
 * Prefix particle sequences, generated from the grammar
 *   [ו] [ש | כש | לכש] [ב | ל | כ | מ] [ה]
 * (e.g. ו, ה, וה, וב, שה, מה, בה, כש, לכש, ושה, וכשה, ולכשמה…), longest first.
 * `בה`/`לה`/`כה` are not standard orthography (the ה is elided after ב/ל/כ)
 * but occur in informal writing; stripping them only produces extra stems,
 * which the site's vocabulary keeps harmless.
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
 * stay whole. Stems are candidates: `שירות` yields the junk stem `ירות`.
 * Expects a normalised word.
 */
export function stems(word: string): string[] {
  return strip(word, MIN_STEM);
}

/** Every remainder after a leading particle sequence, however short (for the stop list). */
export function remainders(word: string): string[] {
  return strip(word, 1);
}

function strip(word: string, min: number): string[] {
  const out = [word];
  if (!isHebrewWord(word)) return out;
  for (const p of PARTICLES_SHORTEST_FIRST) {
    if (word.length - p.length < min || !word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (!out.includes(rest)) out.push(rest);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Inflection
// ---------------------------------------------------------------------------

/**
 * Hebrew inflectional endings (plural, construct, feminine, possessive, common
 * verb endings), compared after `foldFinals`.
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

/**
 * Pairs of endings that may meet on a base of only 3 letters: singular and plural
 * (`עסק`/`עסקים`, `חוק`/`חוקי`, `שיטה`/`שיטות`), construct and absolute (`עבודה`/`עבודת`,
 * `תוכנית`/`תוכניות`). Longer bases may swap any two endings; a 3-letter base only these, which is
 * what keeps `שירות` from meeting `שיר`, `מותג` from `מותאמת` and `מנה` from `מנהל`.
 */
const SHORT_BASE_PAIRS: ReadonlySet<string> = new Set(
  [
    ['', 'ים'], ['', 'י'], ['', 'ה'], ['', 'ת'], ['', 'ית'],
    ['ים', 'י'], ['ה', 'ות'], ['ה', 'ת'], ['ת', 'ות'], ['ת', 'יות'], ['ית', 'יות'], ['ה', 'י'],
  ].flatMap(([a = '', b = '']) => [`${foldFinals(a)}|${foldFinals(b)}`, `${foldFinals(b)}|${foldFinals(a)}`]),
);

/** Minimum letters shared before the endings. */
export const MIN_BASE = 3;

/**
 * Whether two folded Hebrew stems are inflections of one base: `ארגון`/`ארגונים`,
 * `התאמת`/`התאמה`, `נציג`/`נציגים`, `תוכנית`/`תוכניות`, `עסק`/`עסקים`. Both must be a shared
 * base plus a known ending; a base of 3 letters only with the pairs above.
 */
export function inflects(a: string, b: string): boolean {
  if (a === b) return true;
  if (!isHebrewWord(a) || !isHebrewWord(b)) return false;
  let common = 0;
  const max = Math.min(a.length, b.length);
  while (common < max && a[common] === b[common]) common++;
  for (let base = common; base >= MIN_BASE; base--) {
    const ea = a.slice(base);
    const eb = b.slice(base);
    if (ea.length > MAX_SUFFIX || eb.length > MAX_SUFFIX) return false;
    if (base >= 4 ? SUFFIXES.has(ea) && SUFFIXES.has(eb) : SHORT_BASE_PAIRS.has(`${ea}|${eb}`)) return true;
  }
  return false;
}

/**
 * The shortest base a folded stem may share with its inflections: the stem minus the longest
 * known ending that leaves at least `MIN_BASE` letters. Every inflection of the stem starts with it.
 */
export function shortestBase(folded: string): string {
  if (!isHebrewWord(folded)) return folded;
  for (let k = Math.min(MAX_SUFFIX, folded.length - MIN_BASE); k > 0; k--) {
    if (SUFFIXES.has(folded.slice(-k))) return folded.slice(0, -k);
  }
  return folded;
}

// ---------------------------------------------------------------------------
// Spelling
// ---------------------------------------------------------------------------

/**
 * The spelling skeleton of a folded word: its first letter, then the rest without the vowel
 * letters ו and י (so also without their doubling, וו/יי). Full and defective spelling (ktiv male /
 * haser) meet here: `תוכנה`/`תכנה`, `ניהול`/`נהול`, `טיפול`/`טפול`, `מסוימות`/`מסויימות`,
 * `ראיון`/`ריאיון`. A first ו/י is a consonant and stays (`יוקרה` is not `קורה`). Latin and digits
 * are returned as they are.
 */
export function skeleton(folded: string): string {
  if (!isHebrewWord(folded)) return folded;
  return folded.slice(0, 1) + folded.slice(1).replace(/[וי]/g, '');
}

/** The most vowel letters (ו/י) two spellings of one word may differ by. */
export const MAX_SPELLING_DIFF = 2;

/** Whether two different folded Hebrew stems are spellings of one word (same skeleton, close length). */
export function sameSpelling(a: string, b: string): boolean {
  if (a === b || !isHebrewWord(a) || !isHebrewWord(b)) return false;
  const sa = skeleton(a);
  // Two consonants say too little, unless the words are long (`חווית`/`חוויית`).
  const long = Math.min(a.length, b.length) >= 5;
  return (sa.length >= 3 || (long && sa.length >= 2)) && sa === skeleton(b) && Math.abs(a.length - b.length) <= MAX_SPELLING_DIFF;
}

// ---------------------------------------------------------------------------
// Lookup keys
// ---------------------------------------------------------------------------

/**
 * The lexicon's keys of a normalised word: the spelling skeleton of each of its stems. Every way
 * a query can reach a form (same word, particles, inflection, spelling) lands on a key that starts
 * with the skeleton of the query stem's shortest base, so the lexicon can be sorted by key and
 * fetched in ranges (see search-lexicon.ts).
 */
export function keysOf(word: string): string[] {
  return [...new Set(stems(word).map((s) => skeleton(foldFinals(s))))];
}

/** The key prefix under which every form a query stem can reach is found. */
export function keyPrefixOf(stem: string): string {
  return skeleton(shortestBase(foldFinals(stem)));
}
