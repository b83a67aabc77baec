/**
 * The one checklist state of a page, shared by every <decision-checklist> on it (the questions
 * embedded in the guide, the recommendation, the progress pill, the /checklist/ form) and kept in
 * step with other tabs. This module is the only one that touches storage or the address; what
 * the answers mean and how stored text is validated is src/lib/checklist-state.ts.
 */
import { ANSWER_KEYS, setAnswer, type AnswerKey, type Score } from '../lib/checklist-rule.ts';
import { serializeChecklistQuery, type ParsedQuery } from '../lib/checklist-url.ts';
import {
  backToDevice,
  keepLink,
  openView,
  readStoredAnswers,
  readStoredTicks,
  storedAnswersValue,
  storedTicksValue,
  withAnswers,
  withStored,
  type View,
} from '../lib/checklist-state.ts';

import { CHECKLIST_ANSWERS_KEY as ANSWERS_KEY, readStored as read, writeStored as write } from './browser.ts';

const TICKS_KEY = 'checklist:ticks';


/** Why the state changed, so each element can decide what to say and where focus goes. */
export type Cause = 'open' | 'answer' | 'reset' | 'keep' | 'back' | 'elsewhere';

/** One change: the new view, why, and the element that caused it (if one did). */
export interface Change {
  readonly view: View;
  readonly cause: Cause;
  readonly origin: Element | null;
}

type Listener = (change: Change) => void;

let view: View | undefined;
let parsed: ParsedQuery | null = null;
let readsAddress = false;
const listeners = new Set<Listener>();

function emit(cause: Cause, origin: Element | null): void {
  const change: Change = { view: current(), cause, origin };
  for (const listener of listeners) listener(change);
}

/** On the page that owns the address (/checklist/), the address always shows the answers on screen. */
function syncAddress(): void {
  if (!readsAddress || !view) return;
  const query = serializeChecklistQuery(view.answers);
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}

/**
 * Opens the state once per page. The first element that reads the address (the /checklist/
 * form) makes the address count; elsewhere the device's answers are shown as they are.
 */
export function open(withAddress: boolean): { view: View; parsed: ParsedQuery | null } {
  if (!view || (withAddress && !readsAddress)) {
    readsAddress ||= withAddress;
    const opened = openView(read(ANSWERS_KEY), readsAddress ? location.search : null);
    view = opened.view;
    parsed = opened.parsed;
    syncAddress();
  }
  return { view, parsed };
}

/** The current view (opening it from the device if nothing has yet). */
export function current(): View {
  return view ?? open(false).view;
}

/** Calls `listener` on every change until the returned function is called. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records an answer: saved on the device unless the page shows a link, whose answers change only on screen. */
export function answer(key: AnswerKey, score: Score, origin: Element | null): void {
  const before = current();
  if (before.answers[key] === score) return;
  view = withAnswers(before, setAnswer(before.answers, key, score));
  if (view.source === 'device') write(ANSWERS_KEY, storedAnswersValue(view.answers));
  syncAddress();
  emit('answer', origin);
}

/** Clears the answers and ticks everywhere: on screen, in the address and on the device. */
export function reset(origin: Element | null): void {
  view = { answers: {}, source: 'device', stored: {} };
  write(ANSWERS_KEY, null);
  write(TICKS_KEY, null);
  syncAddress();
  emit('reset', origin);
}

/** Makes a link's answers the device's own, on the reader's explicit request. */
export function keep(origin: Element | null): void {
  view = keepLink(current());
  write(ANSWERS_KEY, storedAnswersValue(view.answers));
  emit('keep', origin);
}

/** Leaves a link's answers for the ones kept on the device. */
export function back(origin: Element | null): void {
  view = backToDevice(current());
  syncAddress();
  emit('back', origin);
}

/** The ticked mitigations remembered on this device. */
export function ticks(): ReadonlySet<string> {
  return readStoredTicks(read(TICKS_KEY));
}

/** Remembers the ticked mitigations. */
export function saveTicks(ids: Iterable<string>): void {
  write(TICKS_KEY, storedTicksValue(ids));
}

// Another tab (or another page's island in this one) changed the device's answers.
addEventListener('storage', (event) => {
  if (!view || (event.key !== ANSWERS_KEY && event.key !== null)) return;
  const stored = readStoredAnswers(read(ANSWERS_KEY));
  if (ANSWER_KEYS.every((key) => stored[key] === view?.stored[key])) return;
  view = withStored(view, stored);
  syncAddress();
  emit('elsewhere', null);
});
