/**
 * The in-house / outsource / hybrid decision checklist: six questions, each
 * answered 0, 1 or 2, and one fixed rule that turns a complete set of answers
 * into a recommendation. Pure data and functions only (no DOM, no storage), so
 * the page, the URL codec and the unit tests all share exactly one rule.
 */

/** The six question keys, in the fixed order trainers and URLs rely on. */
export const ANSWER_KEYS = [
  'complexity',
  'brand',
  'feedback',
  'volume',
  'coverage',
  'focus',
] as const;

/** One of the six question keys. */
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Questions whose high answers pull toward keeping the work in-house. */
export const IN_HOUSE_KEYS = ['complexity', 'brand', 'feedback'] as const satisfies readonly AnswerKey[];

/** Questions whose high answers pull toward outsourcing the work. */
export const OUTSOURCE_KEYS = ['volume', 'coverage', 'focus'] as const satisfies readonly AnswerKey[];

/** The direction a question pulls the decision in. */
export type Pull = 'in-house' | 'outsource';

/** An answer to one question: 0 (not at all), 1 (somewhat) or 2 (strongly). */
export type Score = 0 | 1 | 2;

/** Every allowed answer value, lowest first. */
export const SCORES = [0, 1, 2] as const satisfies readonly Score[];

/** Answers given so far; a missing key means the question is still unanswered. */
export type Answers = Readonly<Partial<Record<AnswerKey, Score>>>;

/** A full set of answers, one for every question. */
export type CompleteAnswers = Readonly<Record<AnswerKey, Score>>;

/** The three possible outcomes of the checklist. */
export type Recommendation = 'in-house' | 'outsource' | 'hybrid';

/** Every possible outcome, in the order the page presents them. */
export const RECOMMENDATIONS = ['in-house', 'outsource', 'hybrid'] as const satisfies readonly Recommendation[];

/** Which branch of the rule produced the recommendation, so the UI can explain it. */
export type Rule =
  | 'no-outsource-driver'
  | 'no-in-house-driver'
  | 'in-house-lead'
  | 'outsource-lead'
  | 'balanced';

/** Every rule branch, in the order the rule checks them. */
export const RULES = [
  'no-outsource-driver',
  'no-in-house-driver',
  'in-house-lead',
  'outsource-lead',
  'balanced',
] as const satisfies readonly Rule[];

/** One non-zero answer that contributed to the outcome, and which way it pulled. */
export interface Reason {
  readonly key: AnswerKey;
  readonly score: 1 | 2;
  readonly pull: Pull;
}

/** The recommendation together with the sums and the rule branch behind it. */
export interface Explanation {
  readonly recommendation: Recommendation;
  readonly inScore: number;
  readonly outScore: number;
  readonly rule: Rule;
  readonly reasons: ReadonlyArray<Reason>;
}

/** The lead (difference between the two sums) at which one side wins outright. */
export const DECISIVE_LEAD = 2;

/** True when `x` is exactly one of the six question keys (case-sensitive, no prototype lookups). */
export function isAnswerKey(x: string): x is AnswerKey {
  return (ANSWER_KEYS as readonly string[]).includes(x);
}

/** True when `x` is the number 0, 1 or 2 (strings such as '1' are not scores). */
export function isScore(x: unknown): x is Score {
  return x === 0 || x === 1 || x === 2;
}

/** Which way a question pulls the decision when it is answered above 0. */
export function pullOf(key: AnswerKey): Pull {
  return (IN_HOUSE_KEYS as readonly AnswerKey[]).includes(key) ? 'in-house' : 'outsource';
}

/** Reads one answer as an own property, ignoring anything that is not a valid score (e.g. stale stored data). */
function scoreOf(answers: Answers, key: AnswerKey): Score | undefined {
  if (!Object.hasOwn(answers, key)) return undefined;
  const value: unknown = answers[key];
  return isScore(value) ? value : undefined;
}

/** How many of the six questions have a valid answer, for progress display. */
export function answeredCount(answers: Answers): number {
  return ANSWER_KEYS.reduce((n, key) => (scoreOf(answers, key) === undefined ? n : n + 1), 0);
}

/** True when every question has a valid answer, i.e. a recommendation can be made. */
export function isComplete(answers: Answers): answers is CompleteAnswers {
  return answeredCount(answers) === ANSWER_KEYS.length;
}

/** Sums the answers of one group of questions (unanswered counts as 0). */
function sumOf(answers: Answers, keys: readonly AnswerKey[]): number {
  return keys.reduce((total, key) => total + (scoreOf(answers, key) ?? 0), 0);
}

/** Applies the fixed rule to the two sums and names the branch that fired. */
function decide(inScore: number, outScore: number): { recommendation: Recommendation; rule: Rule } {
  if (outScore === 0) return { recommendation: 'in-house', rule: 'no-outsource-driver' };
  if (inScore === 0) return { recommendation: 'outsource', rule: 'no-in-house-driver' };
  if (inScore - outScore >= DECISIVE_LEAD) return { recommendation: 'in-house', rule: 'in-house-lead' };
  if (outScore - inScore >= DECISIVE_LEAD) return { recommendation: 'outsource', rule: 'outsource-lead' };
  return { recommendation: 'hybrid', rule: 'balanced' };
}

/** The non-zero answers of one group, strongest first, ties kept in question order. */
function reasonsOf(answers: Answers, keys: readonly AnswerKey[]): Reason[] {
  const reasons: Reason[] = [];
  for (const key of keys) {
    const score = scoreOf(answers, key);
    if (score === 1 || score === 2) reasons.push({ key, score, pull: pullOf(key) });
  }
  // Array.prototype.sort is stable, so equal scores keep ANSWER_KEYS order.
  return reasons.sort((a, b) => b.score - a.score);
}

/** Explains the outcome: sums, rule branch and contributing answers; null until all six are answered. */
export function explain(answers: Answers): Explanation | null {
  if (!isComplete(answers)) return null;
  const inScore = sumOf(answers, IN_HOUSE_KEYS);
  const outScore = sumOf(answers, OUTSOURCE_KEYS);
  const { recommendation, rule } = decide(inScore, outScore);
  const reasons = [...reasonsOf(answers, IN_HOUSE_KEYS), ...reasonsOf(answers, OUTSOURCE_KEYS)];
  return { recommendation, inScore, outScore, rule, reasons };
}

/** The checklist's recommendation, or null while any question is unanswered. */
export function recommend(answers: Answers): Recommendation | null {
  return explain(answers)?.recommendation ?? null;
}

/** Copies the valid answers into a fresh object in question order, dropping anything else. */
function normalized(answers: Answers): Partial<Record<AnswerKey, Score>> {
  const out: Partial<Record<AnswerKey, Score>> = {};
  for (const key of ANSWER_KEYS) {
    const score = scoreOf(answers, key);
    if (score !== undefined) out[key] = score;
  }
  return out;
}

/** Returns new answers with one question answered; never mutates the input. */
export function setAnswer(answers: Answers, key: AnswerKey, score: Score): Answers {
  if (!isAnswerKey(key)) throw new RangeError('setAnswer: unknown question key');
  if (!isScore(score)) throw new RangeError('setAnswer: score must be 0, 1 or 2');
  const next = normalized(answers);
  next[key] = score;
  return normalized(next);
}
