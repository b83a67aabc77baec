/**
 * "Did you mean": when a query finds nothing, the closest words the site really has. Pure.
 *
 * A word with no form on the site is compared with the loaded part of the lexicon (the part its
 * own letters reach, so typing mistakes after the first letters are found): an edit distance of
 * one for words of up to four letters, two for longer ones (a swap of two neighbouring letters is
 * one edit), with attached particles set aside on both sides; the most common of the closest wins.
 */
import { isParticle, stems } from './hebrew-morphology.ts';
import { foldFinals, isHebrewWord } from './hebrew-words.ts';
import type { Lexicon } from './search-lexicon.ts';
import type { QueryPlan } from './search-query.ts';

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return Math.min(cap + 1, rows[a.length]![b.length]!);
}

/** The closest site word to a word the site does not have, or null. */
export function closestWord(word: string, lexicon: Lexicon): string | null {
  const allowed = (w: string) => (w.length <= 4 ? 1 : 2);
  const mine = isHebrewWord(word) ? stems(word).map(foldFinals) : [foldFinals(word)];
  let best: { form: string; d: number; n: number } | null = null;
  for (const [form, n] of lexicon.forms()) {
    if (n === 0 || isParticle(form) || form.length < 3) continue;
    const theirs = isHebrewWord(form) ? stems(form).map(foldFinals) : [foldFinals(form)];
    // Whole words first; a match found only once particles are set aside counts half an edit more.
    let d = editDistance(foldFinals(word), foldFinals(form));
    for (const a of mine) for (const b of theirs) if (a.length >= 3 && b.length >= 3) d = Math.min(d, editDistance(a, b) + 0.5);
    if (d < 1 || d > allowed(word)) continue;
    if (!best || d < best.d || (d === best.d && (n > best.n || (n === best.n && form < best.form)))) best = { form, d, n };
  }
  return best?.form ?? null;
}

/**
 * A corrected query: each meaningful word that nothing on the site matches is replaced by its
 * closest site word; null when no word could be corrected.
 */
export function suggestQuery(plan: QueryPlan, lexicon: Lexicon): string | null {
  let changed = false;
  const fixed = new Map<string, string>();
  for (const term of plan.terms) {
    const own = term.alternatives.find((a) => a.via === null);
    for (const slot of own?.slots ?? []) {
      if (slot.forms.length > 0) continue;
      const close = closestWord(slot.word, lexicon);
      if (close) {
        fixed.set(slot.word, close);
        changed = true;
      }
    }
  }
  if (!changed) return null;
  return plan.text
    .split(' ')
    .map((w) => fixed.get(w) ?? w)
    .join(' ');
}
