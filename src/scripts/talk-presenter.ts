/**
 * The presenter view (/talk/presenter/): <talk-presenter> turns the server-rendered script (every
 * screen with its notes) into the speaker's window: the current and the next screen, the notes,
 * elapsed time and the clock, with the projected view's keys. It follows the projected window and
 * leads it (src/scripts/talk-channel.ts); either can be closed and the other goes on alone.
 */
import { readStored, writeStored } from './browser.ts';
import { required } from './dom.ts';
import { joinTalk, type TalkSession } from './talk-channel.ts';
import { previewOf } from './talk-preview.ts';
import { announceScreen, bindTalkWindow, type TalkWindow } from './talk-window.ts';
import { screenFromHash } from '../lib/talk-nav.ts';
import { hasPeer, type SyncModel, type TalkState } from '../lib/talk-sync.ts';
import { elapsed, formatElapsed, parseTimer, pauseTimer, resumeTimer, startTimer, type Timer } from '../lib/talk-timer.ts';

const TIMER_KEY = 'talk-presenter-timer';
const number = new Intl.NumberFormat('he-IL');
const clock = new Intl.DateTimeFormat('he-IL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

class TalkPresenter extends HTMLElement {
  #screens: HTMLElement[] = [];
  #notes: HTMLElement[] = [];
  #total = 0;
  #state: TalkState = { screen: 1, blank: false };
  #session: TalkSession | undefined;
  #timer: Timer = startTimer(Date.now());
  #window!: TalkWindow;

  connectedCallback(): void {
    const items = [...this.querySelectorAll<HTMLElement>('[data-item]')];
    this.#screens = items.map((item) => item.querySelector<HTMLElement>('.talk-screen')!);
    this.#notes = items.map((item) => item.querySelector<HTMLElement>('[data-notes-of]')!);
    this.#total = items.length;
    this.#window = {
      host: this,
      screens: this.#screens,
      current: () => this.#state.screen,
      go: (n) => this.#go(n),
      toggleBlank: () => {
        this.#change({ ...this.#state, blank: !this.#state.blank });
        return this.#state.blank;
      },
      showDigits: (digits) => {
        const out = this.#q<HTMLOutputElement>('[data-jump]');
        out.hidden = digits === '';
        out.textContent = digits;
      },
    };
    this.#state = { screen: screenFromHash(location.hash, this.#total) ?? 1, blank: false };
    this.#render();
    this.#session = joinTalk(
      'presenter',
      this.#total,
      this.#state,
      (state) => this.#apply(state, true),
      (model) => this.#showPeers(model),
    );

    bindTalkWindow(this.#window);
    const printScript = this.#q('[data-print]');
    printScript.addEventListener('click', () => print());
    printScript.dataset['upgraded'] = '';
    this.#setUpTimer();
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return required<T>(this, selector, 'talk-presenter');
  }

  #go(n: number): void {
    if (n !== this.#state.screen) this.#change({ ...this.#state, screen: n });
  }

  #change(state: TalkState): void {
    this.#apply(state, true);
    this.#session?.change(this.#state);
  }

  #apply(state: TalkState, speak: boolean): void {
    const moved = state.screen !== this.#state.screen;
    this.#state = state;
    this.#render();
    if (moved && speak) announceScreen(this.#window);
  }

  #render(): void {
    const { screen: n, blank } = this.#state;
    history.replaceState(history.state, '', `#${n}`);
    this.#q('[data-n]').textContent = number.format(n);
    this.#q('[data-of]').textContent = number.format(this.#total);
    this.#q('[data-current]').replaceChildren(previewOf(this.#screens[n - 1]!));
    const next = this.#screens[n];
    this.#q('[data-next]').replaceChildren(...(next ? [previewOf(next)] : []));
    this.#q('[data-end]').hidden = next !== undefined;
    const notes = this.#notes[n - 1]!.cloneNode(true) as HTMLElement;
    notes.removeAttribute('aria-label');
    this.#q('[data-notes]').replaceChildren(notes);
    this.#q<HTMLButtonElement>('[data-move="prev"]').disabled = n === 1;
    this.#q<HTMLButtonElement>('[data-move="next"]').disabled = n === this.#total;
    this.#q('[data-blanked]').hidden = !blank;
    this.#q('[data-blank-toggle]').setAttribute('aria-pressed', String(blank));
    this.#q<HTMLAnchorElement>('[data-audience]').href = `/talk/#${n}`;
  }

  #showPeers(model: SyncModel): void {
    const status = this.#q('[data-status]');
    const connected = hasPeer(model, 'audience');
    const text = (connected ? this.dataset['tConnected'] : this.dataset['tNotConnected']) ?? '';
    if (status.textContent !== text) status.textContent = text;
    status.toggleAttribute('data-connected', connected);
    this.#q('[data-audience]').hidden = connected;
  }

  /** Elapsed time since the window opened (kept across reloads of this tab), and the clock. */
  #setUpTimer(): void {
    try {
      const saved = parseTimer(JSON.parse(readStored(TIMER_KEY, 'sessionStorage') ?? 'null'), Date.now());
      if (saved) this.#timer = saved;
    } catch {
      // Nothing saved, or damaged: the timer starts now.
    }
    const pause = this.#q<HTMLButtonElement>('[data-timer-pause]');
    // Where storage is off, the timer lasts as long as this page.
    const save = () => void writeStored(TIMER_KEY, JSON.stringify(this.#timer), 'sessionStorage');
    const tick = () => {
      const now = Date.now();
      this.#q('[data-elapsed]').textContent = formatElapsed(elapsed(this.#timer, now));
      this.#q('[data-clock]').textContent = clock.format(now);
      pause.setAttribute('aria-pressed', String(this.#timer.since === null));
    };
    pause.addEventListener('click', () => {
      const now = Date.now();
      this.#timer = this.#timer.since === null ? resumeTimer(this.#timer, now) : pauseTimer(this.#timer, now);
      save();
      tick();
    });
    this.#q('[data-timer-reset]').addEventListener('click', () => {
      this.#timer = { ...startTimer(Date.now()), since: this.#timer.since === null ? null : Date.now() };
      save();
      tick();
    });
    save();
    tick();
    setInterval(tick, 1000);
  }
}

customElements.define('talk-presenter', TalkPresenter);
