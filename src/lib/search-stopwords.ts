/**
 * The stop list: words that never drive ranking. A question typed as a sentence ("מה קורה לציות
 * לחוק כשמוציאים שירות החוצה") is ranked by its meaningful words, not by its question words and
 * pronouns, and a short function word never expands into content words (`איך` into `איכות`).
 *
 * Kept short on purpose: question words, pronouns, prepositions and conjunctions that stand as
 * words of their own, and the English words of the same kind. Everyday content words that occur
 * everywhere on this site (`שירות`, `לקוחות`) are NOT here: they still count, and rarity decides
 * how much (see search-merge.ts). A word is a stop word also behind a particle (`ואיך`, `שאם`).
 */
import { remainders } from './hebrew-morphology.ts';

export const STOP_WORDS: ReadonlySet<string> = new Set([
  // question words
  'מה', 'מי', 'איך', 'כיצד', 'למה', 'מדוע', 'מתי', 'איפה', 'היכן', 'האם', 'איזה', 'איזו', 'אילו', 'כמה', 'לאן', 'מאין',
  // pronouns and demonstratives
  'אני', 'אנחנו', 'אנו', 'אתה', 'את', 'אתם', 'אתן', 'הוא', 'היא', 'הם', 'הן', 'זה', 'זו', 'זאת', 'אלה', 'אלו',
  'שלי', 'שלך', 'שלו', 'שלה', 'שלנו', 'שלכם', 'שלהם', 'לי', 'לך', 'לו', 'לה', 'לנו', 'לכם', 'להם', 'אותו', 'אותה', 'אותם',
  // prepositions, conjunctions, particles that stand alone
  'של', 'על', 'עם', 'אל', 'אצל', 'בין', 'לפי', 'עד', 'מן', 'כדי', 'כמו', 'גם', 'או', 'אם', 'כי', 'אבל', 'אך', 'אז', 'כן',
  'לא', 'יש', 'אין', 'כל', 'רק', 'עוד', 'כבר', 'מאוד', 'הרבה', 'אפשר', 'צריך', 'כאשר', 'אשר', 'כך', 'ככה', 'עבור', 'ידי',
  // English
  'what', 'how', 'why', 'when', 'where', 'which', 'who', 'is', 'are', 'the', 'a', 'an', 'of', 'to', 'for', 'and', 'or', 'do', 'does',
]);

/** True for a stop word, with or without attached particles (`ואיך`, `שאם`, `כשאין`, `בכל`). */
export function isStopWord(word: string): boolean {
  return remainders(word).some((w) => STOP_WORDS.has(w));
}
