/**
 * The checklist's one state, shared by the guide's embedded questions and /checklist/: what the
 * device remembers, what a link says, and which of the two a page shows. Pure (no DOM, no
 * storage): the browser adapter (src/scripts/checklist-store.ts) hands in the raw stored text and
 * the address, and gets back answers it can trust.
 *
 * Answers are stored in the same form as the address (`complexity=2&brand=1…`), so one parser,
 * src/lib/checklist-url.ts, reads both: whatever a device holds (an old format, a hand-edited
 * value, markup) goes through the same validation as an untrusted link.
 */
import { ANSWER_KEYS, answeredCount, isScore, type AnswerKey, type Answers, type Score } from './checklist-rule.ts';
import { MAX_QUERY_LENGTH, hasAnyAnswerParam, parseChecklistQuery, serializeChecklistQuery, type ParsedQuery } from './checklist-url.ts';

/** Longest stored list of ticked mitigations that is read at all (a few hundred bytes in practice). */
export const MAX_TICKS_LENGTH = 4096;

/** Where the answers a page shows come from. */
export type Source = 'device' | 'link';

/** What a page shows, and what the device holds underneath it. */
export interface View {
  /** The answers on screen. */
  readonly answers: Answers;
  /** `link` while a link's answers differ from the device's; `device` otherwise. */
  readonly source: Source;
  /** The answers remembered on this device (unchanged by a link until the reader keeps it). */
  readonly stored: Answers;
}

/** The answers a stored value holds; anything unreadable (not a string, too long, not a query) holds none. */
export function readStoredAnswers(raw: unknown): Answers {
  if (typeof raw !== 'string' || raw.length > MAX_QUERY_LENGTH) return {};
  return parseChecklistQuery(raw).answers;
}

/** The value to store for these answers, or null when there is nothing to remember. */
export function storedAnswersValue(answers: Answers): string | null {
  return serializeChecklistQuery(answers) || null;
}

/** True when both hold the same valid answer for every question (key order does not matter). */
export function sameAnswers(a: Answers, b: Answers): boolean {
  return serializeChecklistQuery(a) === serializeChecklistQuery(b);
}

/**
 * A link's answers laid over the device's: each question the link answers takes the link's
 * answer, the others keep the device's. A complete shared link therefore shows exactly the
 * sharer's answers, and a one-answer link (the guide's form without JavaScript) adds to the
 * reader's own.
 */
export function mergeAnswers(stored: Answers, link: Answers): Answers {
  const out: Partial<Record<AnswerKey, Score>> = {};
  for (const key of ANSWER_KEYS) {
    const fromLink: unknown = Object.hasOwn(link, key) ? link[key] : undefined;
    const fromDevice: unknown = Object.hasOwn(stored, key) ? stored[key] : undefined;
    const score = isScore(fromLink) ? fromLink : isScore(fromDevice) ? fromDevice : undefined;
    if (score !== undefined) out[key] = score;
  }
  return out;
}

/**
 * What a page shows when it opens. Without answers in the address (or on a page that does not
 * read it) the device's answers; with them, the link's answers over the device's, marked `link`
 * unless they come to the same thing, so a reload of one's own synced address is not "a link".
 */
export function openView(storedRaw: unknown, search: string | null): { view: View; parsed: ParsedQuery | null } {
  const stored = readStoredAnswers(storedRaw);
  if (search === null || !hasAnyAnswerParam(search)) {
    return { view: { answers: stored, source: 'device', stored }, parsed: search === null ? null : parseChecklistQuery(search) };
  }
  const parsed = parseChecklistQuery(search);
  const answers = mergeAnswers(stored, parsed.answers);
  const source: Source = sameAnswers(answers, stored) ? 'device' : 'link';
  return { view: { answers, source, stored }, parsed };
}

/** The view after keeping a link's answers: they become the device's. */
export function keepLink(view: View): View {
  return { answers: view.answers, source: 'device', stored: view.answers };
}

/** The view after turning away from a link: the device's own answers again. */
export function backToDevice(view: View): View {
  return { answers: view.stored, source: 'device', stored: view.stored };
}

/** The view after the device's answers changed elsewhere (another page or tab). */
export function withStored(view: View, stored: Answers): View {
  return view.source === 'device' ? { answers: stored, source: 'device', stored } : { ...view, stored };
}

/** The view after the reader answers on this page: a link view changes only on screen. */
export function withAnswers(view: View, answers: Answers): View {
  return view.source === 'device' ? { answers, source: 'device', stored: answers } : { ...view, answers };
}

/** The ids of ticked mitigations a stored value holds: a JSON list of short id strings, nothing else. */
export function readStoredTicks(raw: unknown): ReadonlySet<string> {
  if (typeof raw !== 'string' || raw.length > MAX_TICKS_LENGTH) return new Set();
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return new Set();
  }
  if (!Array.isArray(list)) return new Set();
  return new Set(list.filter((x): x is string => typeof x === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(x)));
}

/** The value to store for these ticks, or null when none is ticked. */
export function storedTicksValue(ticks: Iterable<string>): string | null {
  const list = [...new Set(ticks)];
  return list.length > 0 ? JSON.stringify(list) : null;
}

/** Which progress sentence fits a count, by Hebrew plural rules: "none", "one" or "other". */
export function progressForm(answers: Answers): { form: 'none' | 'one' | 'other'; count: number } {
  const count = answeredCount(answers);
  if (count === 0) return { form: 'none', count };
  return { form: new Intl.PluralRules('he').select(count) === 'one' ? 'one' : 'other', count };
}
