/**
 * Upgrades the server-rendered checklist (src/components/Checklist.astro). All text is already
 * in the markup; this only reads and writes answers (URL first, then this device), shows the
 * parts of the result that apply, and announces the outcome. The rule and the URL format are
 * the pure modules in src/lib, shared with the unit tests.
 */
import { ANSWER_KEYS, answeredCount, explain, isAnswerKey, type Answers, type Score } from '../lib/checklist.ts';
import { hasAnyAnswerParam, parseChecklistQuery, serializeChecklistQuery } from '../lib/checklist-url.ts';
import { announce, fill } from './announce.ts';

const ANSWERS_KEY = 'checklist:answers';
const TICKS_KEY = 'checklist:ticks';

const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Storage unavailable (private mode): the URL still carries the answers.
    }
  },
};


class DecisionChecklist extends HTMLElement {
  #answers: Answers = {};
  #shown: string | null = null;

  connectedCallback(): void {
    for (const el of this.querySelectorAll<HTMLElement>('[data-no-js]')) el.hidden = true;
    this.#q('[data-actions]').hidden = false;

    const search = location.search;
    const fromUrl = hasAnyAnswerParam(search);
    const fromAddress = parseChecklistQuery(search);
    // An address with answers wins over this device; a too-long one is refused whole, with a notice.
    const parsed = fromUrl ? fromAddress : parseChecklistQuery(store.get(ANSWERS_KEY) ?? '');
    this.#answers = parsed.answers;
    if (fromUrl || fromAddress.tooLong) this.#notice(fromAddress);
    this.#restoreTicks();
    this.#render({ speak: false });
    this.#syncUrl();

    this.#q('[data-form]').addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.type !== 'radio' || !isAnswerKey(input.name)) return;
      this.#answers = { ...this.#answers, [input.name]: Number(input.value) as Score };
      this.#save();
      this.#render({ speak: true });
    });
    this.#q('[data-form]').addEventListener('submit', (event) => event.preventDefault());
    this.#q('[data-risks]').addEventListener('change', () => this.#saveTicks());
    this.#q('[data-copy]').addEventListener('click', () => void this.#copy());
    this.#q('[data-print]').addEventListener('click', () => print());
    this.#q('[data-reset]').addEventListener('click', () => this.#reset());
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  /** Says, in Hebrew and without echoing the URL, which answers in the link were not understood. */
  #notice(parsed: ReturnType<typeof parseChecklistQuery>): void {
    const d = this.dataset;
    const parts: string[] = [];
    if (parsed.tooLong) parts.push(d['tTooLong'] ?? '');
    if (parsed.invalid.length > 0) {
      const labels = parsed.invalid.map((key) => this.#q(`fieldset[data-key="${key}"]`).dataset['label'] ?? key);
      parts.push(fill(d['tBad'], { list: labels.join(', ') }));
    }
    if (parsed.unknownCount > 0) parts.push(d['tUnknown'] ?? '');
    if (parts.length === 0) return;
    const box = this.#q('[data-notice]');
    this.#q('[data-notice-text]').textContent = parts.join(' ');
    box.setAttribute('role', 'status');
    box.hidden = false;
  }

  #save(): void {
    this.#syncUrl();
    const query = serializeChecklistQuery(this.#answers);
    store.set(ANSWERS_KEY, query || null);
  }

  #syncUrl(): void {
    const query = serializeChecklistQuery(this.#answers);
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }

  #render({ speak }: { speak: boolean }): void {
    const answers = this.#answers;
    for (const key of ANSWER_KEYS) {
      for (const radio of this.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`)) {
        radio.checked = answers[key] !== undefined && Number(radio.value) === answers[key];
      }
    }
    const total = Number(this.dataset['total']);
    const result = this.#q('[data-result]');
    const body = this.#q('[data-result-body]');
    const progress = this.#q('[data-progress]');
    const explanation = explain(answers);
    progress.textContent = fill(this.dataset['tProgress'], { answered: answeredCount(answers), total });
    if (!explanation) {
      result.removeAttribute('data-recommendation');
      body.hidden = true;
      this.#shown = null;
      return;
    }
    const { recommendation, rule, reasons, inScore, outScore } = explanation;
    result.dataset['recommendation'] = recommendation;
    body.hidden = false;
    for (const el of this.querySelectorAll<HTMLElement>('[data-outcome]')) el.hidden = el.dataset['outcome'] !== recommendation;
    for (const el of this.querySelectorAll<HTMLElement>('[data-rule]')) el.hidden = el.dataset['rule'] !== rule;
    this.#q('[data-scores]').textContent = fill(this.dataset['tScores'], { in: inScore, out: outScore });
    for (const li of this.querySelectorAll<HTMLElement>('[data-reason]')) {
      const key = li.dataset['reason'] ?? '';
      const reason = reasons.find((r) => r.key === key);
      li.hidden = !reason;
      const checked = this.querySelector<HTMLInputElement>(`input[name="${key}"]:checked`);
      li.querySelector('[data-strength]')!.textContent =
        checked?.closest('label')?.querySelector('.scale__label')?.textContent ?? '';
    }
    for (const none of this.querySelectorAll<HTMLElement>('[data-none]')) {
      none.hidden = reasons.some((r) => r.pull === none.dataset['none']);
    }
    this.#q('[data-risks]').hidden = recommendation === 'in-house';

    const title = this.#q(`.outcome[data-outcome="${recommendation}"] .outcome__title`).textContent ?? '';
    if (speak && this.#shown !== recommendation) {
      announce(fill(this.#shown ? this.dataset['tChange'] : this.dataset['tAnnounce'], { title }));
    }
    this.#shown = recommendation;
  }

  #restoreTicks(): void {
    let ticks: unknown;
    try {
      ticks = JSON.parse(store.get(TICKS_KEY) ?? '[]');
    } catch {
      ticks = [];
    }
    const set = new Set(Array.isArray(ticks) ? ticks.filter((x): x is string => typeof x === 'string') : []);
    for (const box of this.querySelectorAll<HTMLInputElement>('input[data-tick]')) box.checked = set.has(box.dataset['tick'] ?? '');
  }

  #saveTicks(): void {
    const ticked = [...this.querySelectorAll<HTMLInputElement>('input[data-tick]:checked')].map((b) => b.dataset['tick']);
    store.set(TICKS_KEY, ticked.length ? JSON.stringify(ticked) : null);
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href.replace(/#.*$/, ''));
      announce(this.dataset['tCopied'] ?? '');
    } catch {
      // Clipboard refused: the address bar holds the same link.
    }
  }

  /** Clears answers and ticks everywhere; focus returns to the first question, deliberately. */
  #reset(): void {
    this.#answers = {};
    store.set(ANSWERS_KEY, null);
    store.set(TICKS_KEY, null);
    for (const box of this.querySelectorAll<HTMLInputElement>('input[data-tick]')) box.checked = false;
    this.#q('[data-notice]').hidden = true;
    history.replaceState(history.state, '', location.pathname);
    this.#render({ speak: false });
    this.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    announce(this.dataset['tReset'] ?? '');
  }
}

customElements.define('decision-checklist', DecisionChecklist);
