/**
 * <decision-checklist>: the one element behind every checklist island, on /checklist/ and in the
 * guide. It upgrades whatever server-rendered parts it holds (question radio groups, the result,
 * progress lines, the progress pill, notices) and keeps them in step with the one state of the
 * page (./checklist-store.ts). All text is already in the markup or in data-t-* attributes; the
 * rule and the address format are the pure modules in src/lib, shared with the unit tests.
 */
import { ANSWER_KEYS, explain, isAnswerKey, isComplete, type Score } from '../lib/checklist-rule.ts';
import { serializeChecklistQuery, type ParsedQuery } from '../lib/checklist-url.ts';
import { progressForm, type View } from '../lib/checklist-state.ts';
import { announce } from './browser.ts';
import { fillTemplate } from '../lib/template.ts';
import * as store from './checklist-store.ts';
import type { Change } from './checklist-store.ts';

/** How long a guide page waits for its result's body from /checklist/. */
const RESULT_BODY_TIMEOUT_MS = 10_000;
/** How long the visible "copied" confirmation stays beside the copy button. */
const COPIED_MS = 4000;

class DecisionChecklist extends HTMLElement {
  #unsubscribe: (() => void) | undefined;
  /** The recommendation this element last showed, so a change is announced once. */
  #shown: string | null = null;
  #copiedTimer = 0;

  connectedCallback(): void {
    const { parsed } = store.open(this.hasAttribute('data-address'));
    // A radio checked before this code arrived was the reader's first answer: keep it.
    // (The forms have autocomplete="off", so the browser does not restore stale checks.)
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')) this.#answer(radio);

    this.addEventListener('change', this.#onChange);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('submit', (event) => event.preventDefault());
    this.#unsubscribe = store.subscribe((change) => this.#render(change));
    this.#restoreTicks();
    this.#render({ view: store.current(), cause: 'open', origin: null });
    void this.#fetchResultBody();

    if (parsed && this.hasAttribute('data-address')) {
      this.#notice(parsed);
      this.#land(parsed);
    }
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
  }

  #all<T extends HTMLElement = HTMLElement>(selector: string): T[] {
    return [...this.querySelectorAll<T>(selector)];
  }

  #t(name: string, values: Record<string, string | number> = {}): string {
    return fillTemplate(this.dataset[name], values);
  }

  #answer(radio: HTMLInputElement): void {
    const score = Number(radio.value);
    if (isAnswerKey(radio.name) && (score === 0 || score === 1 || score === 2)) store.answer(radio.name, score as Score, this);
  }

  #onChange = (event: Event): void => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    if (input.type === 'radio') this.#answer(input);
    else if (input.dataset['tick'] !== undefined) {
      store.saveTicks(this.#all<HTMLInputElement>('input[data-tick]:checked').map((box) => box.dataset['tick'] ?? ''));
    }
  };

  #onClick = (event: Event): void => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !this.contains(button)) return;
    if (button.hasAttribute('data-copy')) void this.#copy();
    else if (button.hasAttribute('data-print')) print();
    else if (button.hasAttribute('data-reset')) store.reset(this);
    else if (button.hasAttribute('data-keep')) store.keep(this);
    else if (button.hasAttribute('data-back')) store.back(this);
  };

  #progress(view: View): string {
    const { form, count } = progressForm(view.answers);
    const name = form === 'none' ? 'tProgressNone' : form === 'one' ? 'tProgressOne' : 'tProgressOther';
    return this.#t(name, { n: count, total: this.dataset['total'] ?? ANSWER_KEYS.length });
  }

  #render({ view, cause, origin }: Change): void {
    const { answers } = view;
    for (const radio of this.#all<HTMLInputElement>('input[type="radio"]')) {
      radio.checked = isAnswerKey(radio.name) && answers[radio.name] === Number(radio.value);
    }
    const progress = this.#progress(view);
    for (const el of this.#all('[data-progress]')) el.textContent = progress;
    const complete = isComplete(answers);
    // The way to the result: the one on this page if there is one, else /checklist/'s.
    const target = document.getElementById('checklist-result') ? '#checklist-result' : complete ? '/checklist/#result' : '/checklist/';
    for (const link of this.#all<HTMLAnchorElement>('a[data-to-result]')) link.href = target;
    const none = progressForm(answers).count === 0;
    if (this.hasAttribute('data-pill')) this.hidden = none;
    // Copy, print and reset have nothing to act on before a first answer.
    for (const actions of this.#all('[data-actions]')) actions.hidden = none;
    if (cause === 'reset') for (const box of this.#all<HTMLInputElement>('input[data-tick]')) box.checked = false;

    const result = this.#q('[data-result]');
    if (result) this.#renderResult(result, view, cause, origin === this);
    else if (origin === this && cause === 'answer') {
      announce(complete ? this.#t('tDone') : this.#t('tSaved', { progress }));
    }
    if (origin === this && cause === 'reset') announce(this.#t('tReset'));
  }

  #renderResult(result: HTMLElement, view: View, cause: Change['cause'], mine: boolean): void {
    const { answers } = view;
    const explanation = explain(answers);
    const shared = this.#q('[data-shared]');
    if (shared) {
      shared.hidden = view.source !== 'link';
      const somethingStored = ANSWER_KEYS.some((key) => view.stored[key] !== undefined);
      const text = this.#q('[data-shared-text]');
      if (text) text.textContent = this.#t(somethingStored ? 'tShared' : 'tSharedEmpty');
      const back = this.#q('[data-back]');
      if (back) back.hidden = !somethingStored;
    }
    for (const link of this.#all<HTMLAnchorElement>('a[data-open-checklist]')) {
      const query = serializeChecklistQuery(answers);
      link.href = `/checklist/${query ? `?${query}` : ''}`;
    }
    this.#q('[data-pending]')?.toggleAttribute('hidden', explanation !== null);
    const body = this.#q('[data-result-body]');
    if (!explanation) {
      result.removeAttribute('data-recommendation');
      if (body) body.hidden = true;
      this.#shown = null;
    } else {
      const { recommendation, rule, reasons, inScore, outScore } = explanation;
      result.dataset['recommendation'] = recommendation;
      if (body) body.hidden = false;
      for (const el of this.#all('[data-outcome]')) el.hidden = el.dataset['outcome'] !== recommendation;
      for (const el of this.#all('[data-rule]')) el.hidden = el.dataset['rule'] !== rule;
      const scores = this.#q('[data-scores]');
      if (scores) scores.textContent = this.#t('tScores', { in: inScore, out: outScore });
      for (const li of this.#all('[data-reason]')) {
        const reason = reasons.find((r) => r.key === li.dataset['reason']);
        li.hidden = !reason;
        const strength = li.querySelector('[data-strength]');
        // The answer's own label from the scale, e.g. "במידה רבה".
        if (strength) strength.textContent = reason ? this.#t(`tScore${reason.score}`) : '';
      }
      for (const none of this.#all('[data-none]')) none.hidden = reasons.some((r) => r.pull === none.dataset['none']);
      const risks = this.#q('[data-risks]');
      if (risks) risks.hidden = recommendation === 'in-house';

      const title = this.#q(`[data-outcome="${recommendation}"] .verdict__title`)?.textContent ?? '';
      if (mine && cause === 'answer' && this.#shown !== recommendation) {
        announce(this.#t(this.#shown ? 'tChange' : 'tAnnounce', { title }));
      }
      this.#shown = recommendation;
    }

    if (mine && (cause === 'keep' || cause === 'back')) {
      announce(this.#t(cause === 'keep' ? 'tKept' : 'tBack'));
      this.#q('.verdict__heading')?.focus();
    }
    // A reset starts over: on /checklist/ at the first question; in the guide, at the
    // recommendation's heading, since the reset button itself is gone.
    if (mine && cause === 'reset') {
      this.#q('[data-notice]')?.toggleAttribute('hidden', true);
      const first = this.#q<HTMLInputElement>('input[type="radio"]');
      if (first) first.focus();
      else this.#q('.verdict__heading')?.focus();
    }
  }

  /** Says, in Hebrew and without echoing the address, which answers in the link were not understood. */
  #notice(parsed: ParsedQuery): void {
    const parts: string[] = [];
    if (parsed.tooLong) parts.push(this.#t('tTooLong'));
    if (parsed.invalid.length > 0) {
      const labels = parsed.invalid.map((key) => this.#q(`[data-question="${key}"]`)?.dataset['label'] ?? key);
      parts.push(this.#t('tBad', { list: labels.join(', ') }));
    }
    if (parsed.unknownCount > 0) parts.push(this.#t('tUnknown'));
    const box = this.#q('[data-notice]');
    const text = this.#q('[data-notice-text]');
    if (parts.length === 0 || !box || !text) return;
    text.textContent = parts.join(' ');
    box.setAttribute('role', 'status');
    box.hidden = false;
  }

  /**
   * A link that opens the checklist with all six answers (a shared link, a workshop case) lands
   * on the result and focuses it. A reload or a return through history keeps the reader's place.
   */
  #land(parsed: ParsedQuery): void {
    const navigation = performance.getEntriesByType('navigation')[0];
    const type = navigation instanceof PerformanceNavigationTiming ? navigation.type : 'navigate';
    if (type !== 'navigate' || Object.keys(parsed.answers).length === 0 || !isComplete(store.current().answers)) return;
    const heading = this.#q('.verdict__heading');
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.closest('[data-result]')?.scrollIntoView({ block: 'start' });
  }

  /**
   * In the guide, the result's body is not in the page (ChecklistResult.astro): it is taken from
   * the page named by `data-result-from` (/checklist/, whose result has the same markup), parsed
   * inert, and shown as the answers say. If it cannot be had within
   * RESULT_BODY_TIMEOUT_MS (offline, and /checklist/ not saved), the placeholder's own sentence
   * stays: it links to the result on /checklist/.
   */
  async #fetchResultBody(): Promise<void> {
    const slot = this.#q('[data-result-body][data-result-from]');
    if (!slot) return;
    try {
      const response = await fetch(slot.dataset['resultFrom'] ?? '', { signal: AbortSignal.timeout(RESULT_BODY_TIMEOUT_MS) });
      if (!response.ok) return;
      // A <template> keeps the page inert: its scripts never run, and, unlike DOMParser, its
      // styles are not checked against this page's CSP (each page's hashes are its own).
      const page = document.createElement('template');
      page.innerHTML = await response.text();
      const body = page.content.querySelector('[data-result-body]');
      if (!body || !slot.isConnected) return;
      slot.replaceWith(document.importNode(body, true));
    } catch {
      return;
    }
    this.#restoreTicks();
    this.#render({ view: store.current(), cause: 'open', origin: null });
  }

  #restoreTicks(): void {
    const ticked = store.ticks();
    for (const box of this.#all<HTMLInputElement>('input[data-tick]')) box.checked = ticked.has(box.dataset['tick'] ?? '');
  }

  async #copy(): Promise<void> {
    const status = this.#q('[data-copied]');
    try {
      await navigator.clipboard.writeText(location.href.replace(/#.*$/, ''));
      announce(this.#t('tCopied'));
      if (status) {
        status.hidden = false;
        clearTimeout(this.#copiedTimer);
        this.#copiedTimer = window.setTimeout(() => (status.hidden = true), COPIED_MS);
      }
    } catch {
      announce(this.#t('tCopyFailed'));
    }
  }
}

if (!customElements.get('decision-checklist')) customElements.define('decision-checklist', DecisionChecklist);
