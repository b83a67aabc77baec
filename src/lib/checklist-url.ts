/**
 * Reading and writing checklist answers in the page address, e.g.
 * `/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0`.
 *
 * The address is untrusted input. The parser accepts only the six known keys
 * with the exact values `0`, `1` or `2`; everything else is dropped and
 * reported only as known key names and counts, so no raw text from the address
 * can ever be echoed back into the page.
 */
import { ANSWER_KEYS, isAnswerKey } from './checklist-rule.ts';
import type { AnswerKey, Answers, Score } from './checklist-rule.ts';

/** Longest query string (without the leading `?`) that is parsed at all; longer ones are rejected whole. */
export const MAX_QUERY_LENGTH = 2048;

/** What the address said: the accepted answers plus a safe summary of what was rejected. */
export interface ParsedQuery {
  /** Accepted answers, only known keys with values 0, 1 or 2. */
  readonly answers: Answers;
  /** Known keys that were present but not understood, deduplicated, in ANSWER_KEYS order. */
  readonly invalid: readonly AnswerKey[];
  /** How many parameters had a name that is not one of the six keys (names are never reported). */
  readonly unknownCount: number;
  /** True when the query was longer than MAX_QUERY_LENGTH and therefore not parsed at all. */
  readonly tooLong: boolean;
}

/** Exact accepted spellings of a score; anything else (` 1`, `01`, `1.0`, `+1`) is rejected. */
const SCORE_BY_TEXT: ReadonlyMap<string, Score> = new Map<string, Score>([
  ['0', 0],
  ['1', 1],
  ['2', 2],
]);

/** Form-style decoding (`+` is a space); undefined instead of throwing on malformed percent-encoding. */
function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** Parses a query string (with or without a leading `?`) into answers; never throws. */
export function parseChecklistQuery(search: string): ParsedQuery {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_LENGTH) {
    return { answers: {}, invalid: [], unknownCount: 0, tooLong: true };
  }

  // Every occurrence of a known key, with its value or undefined when the value was undecodable.
  const seen = new Map<AnswerKey, Array<string | undefined>>();
  let unknownCount = 0;

  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decodeComponent(rawKey);
    if (key === undefined || !isAnswerKey(key)) {
      unknownCount += 1;
      continue;
    }
    const values = seen.get(key) ?? [];
    values.push(decodeComponent(rawValue));
    seen.set(key, values);
  }

  const answers: Partial<Record<AnswerKey, Score>> = {};
  const invalid: AnswerKey[] = [];
  for (const key of ANSWER_KEYS) {
    const values = seen.get(key);
    if (values === undefined) continue;
    const only = values.length === 1 ? values[0] : undefined;
    const score = only === undefined ? undefined : SCORE_BY_TEXT.get(only);
    if (score === undefined) invalid.push(key);
    else answers[key] = score;
  }

  return { answers, invalid, unknownCount, tooLong: false };
}

/** Canonical query for the answers (ANSWER_KEYS order, answered keys only, no `?`); '' when none. */
export function serializeChecklistQuery(answers: Answers): string {
  const parts: string[] = [];
  for (const key of ANSWER_KEYS) {
    if (!Object.hasOwn(answers, key)) continue;
    const score: unknown = answers[key];
    if (score === 0 || score === 1 || score === 2) parts.push(`${key}=${score}`);
  }
  return parts.join('&');
}

/** True when the address mentions any of the six keys (valid or not), so it should win over answers stored on the device. */
export function hasAnyAnswerParam(search: string): boolean {
  const { answers, invalid } = parseChecklistQuery(search);
  return invalid.length > 0 || Object.keys(answers).length > 0;
}
