/**
 * The projected view (/talk/): <talk-deck> upgrades the server-rendered list of screens, which
 * already scrolls screen by screen on its own. The script adds keys and buttons that follow the
 * page direction, the screen number in the address, blanking, the overview, full screen, the
 * presenter window and the sync with it. What the keys, moves and messages mean is pure code in
 * src/lib; this file only wires it to the page. Its controls show once it has run
 * (talk-deck:defined in src/styles/talk.css), so if it never runs the list simply stays a list.
 */
import { announce } from './browser.ts';
import { required } from './dom.ts';
import { joinTalk, type TalkSession } from './talk-channel.ts';
import { directionOf } from './talk-keyboard.ts';
import { announceScreen, bindTalkWindow, moveBy, runCommand, toggleFullscreen, type TalkWindow } from './talk-window.ts';
import { screenFromHash, swipeMove } from '../lib/talk-nav.ts';
import { fillTemplate } from '../lib/template.ts';
import type { TalkState } from '../lib/talk-sync.ts';

/** The landscape layout in which the screens form one 16:9 stage: keep in step with talk.css. */
const STAGE_MEDIA = '(orientation: landscape) and (min-height: 30em)';
/** The controls fade after this long without the pointer moving (on the stage only). */
const IDLE_MS = 2500;
const PRESENTER_FEATURES = 'popup,width=1280,height=800';
const number = new Intl.NumberFormat('he-IL');

class TalkDeck extends HTMLElement {
  #screens: HTMLElement[] = [];
  #total = 0;
  #state: TalkState = { screen: 1, blank: false };
  #session: TalkSession | undefined;
  #stage = matchMedia(STAGE_MEDIA);
  #window!: TalkWindow;

  connectedCallback(): void {
    this.#screens = [...this.querySelectorAll<HTMLElement>('[data-screens] > [data-screen]')];
    this.#total = this.#screens.length;
    this.#window = {
      host: this,
      screens: this.#screens,
      current: () => this.#state.screen,
      go: (n) => this.#go(n),
      toggleBlank: () => {
        this.#change({ ...this.#state, blank: !this.#state.blank }, true);
        return this.#state.blank;
      },
      showDigits: (digits) => this.#showDigits(digits),
      openPresenter: () => {
        if (!this.#openPresenter()) announce(this.dataset['tPopupBlocked'] ?? '');
      },
    };
    const fromAddress = screenFromHash(location.hash, this.#total);
    this.#state = { screen: fromAddress ?? 1, blank: false };
    this.#render(fromAddress !== null);
    if (fromAddress !== null) {
      // The browser may not have scrolled to the address's screen yet.
      this.#scrollTo(fromAddress);
    } else {
      // A page opened without a screen stays where it is (on a phone, the site's header in view)
      // and gets its #1 once loaded: written earlier, the browser's own jump to the address's
      // screen at load would scroll the column past the header.
      const address = () => this.#address();
      if (document.readyState === 'complete') address();
      else addEventListener('load', () => setTimeout(address), { once: true });
    }
    this.#session = joinTalk('audience', this.#total, this.#state, (state) => this.#apply(state, true));

    this.#watchScrolling();
    this.#stage.addEventListener('change', () => {
      this.#render();
      this.#scrollTo(this.#state.screen);
    });
    bindTalkWindow(this.#window);
    this.#q('[data-blank]').addEventListener('click', () => runCommand(this.#window, { kind: 'blank' }));
    this.#setUpFullscreen();
    this.#q<HTMLAnchorElement>('[data-presenter]').addEventListener('click', (event) => {
      if (this.#openPresenter()) event.preventDefault();
    });
    this.#setUpSwipes();
    this.#setUpIdle();
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return required<T>(this, selector, 'talk-deck');
  }

  /** The screen under the middle of the viewport is the current one, however the reader got there. */
  #watchScrolling(): void {
    const seen = new IntersectionObserver(
      (entries) => {
        const landed = entries.find((entry) => entry.isIntersecting);
        const n = Number((landed?.target as HTMLElement | undefined)?.dataset['screen']);
        // Already in view: nothing to scroll, and nothing to announce while the reader scrolls.
        if (n && n !== this.#state.screen) this.#change({ ...this.#state, screen: n }, false);
      },
      { rootMargin: '-50% 0px -50% 0px' },
    );
    for (const screen of this.#screens) seen.observe(screen);
  }

  /** Goes to screen n because of this window's reader: shows it, says so, and tells the other windows. */
  #go(n: number): void {
    if (n !== this.#state.screen) this.#change({ ...this.#state, screen: n }, true);
  }

  /** This window's reader changed the state: show it and tell the other windows. */
  #change(state: TalkState, bringIntoView: boolean): void {
    this.#apply(state, bringIntoView);
    this.#session?.change(this.#state);
  }

  /**
   * Shows a state, from this window or another. `bringIntoView` scrolls to the screen and says
   * which it is; it is false when the reader scrolled there and is looking at it already.
   */
  #apply(state: TalkState, bringIntoView: boolean): void {
    const moved = state.screen !== this.#state.screen;
    this.#state = state;
    this.#render();
    if (!moved || !bringIntoView) return;
    this.#scrollTo(state.screen);
    announceScreen(this.#window);
  }

  #scrollTo(n: number): void {
    this.#screens[n - 1]?.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'instant' });
  }

  #address(): void {
    history.replaceState(history.state, '', `#${this.#state.screen}`);
  }

  #render(address = true): void {
    const { screen: n, blank } = this.#state;
    if (address) this.#address();
    this.#q('[data-n]').textContent = number.format(n);
    this.#q('[data-of]').textContent = number.format(this.#total);
    this.#q<HTMLProgressElement>('[data-progress]').value = n;
    this.#q<HTMLButtonElement>('[data-move="prev"]').disabled = n === 1;
    this.#q<HTMLButtonElement>('[data-move="next"]').disabled = n === this.#total;
    this.#q<HTMLAnchorElement>('[data-presenter]').href = `/talk/presenter/#${n}`;
    // On the stage only the current screen is there for keyboards and screen readers; in the
    // phone's column every screen stays a part of the page.
    const stage = this.#stage.matches;
    this.#screens.forEach((screen, i) => (screen.inert = stage && i + 1 !== n));
    this.#q('[data-blank]').hidden = !blank;
    this.#q('[data-blank-toggle]').setAttribute('aria-pressed', String(blank));
    this.toggleAttribute('data-blanked', blank);
  }

  #showDigits(digits: string): void {
    const out = this.#q<HTMLOutputElement>('[data-jump]');
    out.hidden = digits === '';
    out.textContent = digits ? fillTemplate(this.dataset['tJump'], { n: digits }) : '';
    this.#wake();
  }

  /** Opens (or brings back) the presenter window at this screen; false when the browser blocked it. */
  #openPresenter(): boolean {
    const opened = open(`/talk/presenter/#${this.#state.screen}`, 'talk-presenter', PRESENTER_FEATURES);
    opened?.focus();
    return opened !== null;
  }

  #setUpFullscreen(): void {
    const button = this.#q<HTMLButtonElement>('[data-fullscreen]');
    button.hidden = !document.fullscreenEnabled;
    button.addEventListener('click', () => toggleFullscreen());
    const label = button.firstChild;
    document.addEventListener('fullscreenchange', () => {
      if (label) label.textContent = `${(document.fullscreenElement ? this.dataset['tExitFullscreen'] : this.dataset['tFullscreen']) ?? ''} `;
    });
  }

  /** Sideways swipes (and mouse drags) move in the page direction; up and down scroll natively. */
  #setUpSwipes(): void {
    const stage = this.#q('[data-talk-stage]');
    let start: { x: number; y: number } | null = null;
    stage.addEventListener('pointerdown', (e) => (start = e.isPrimary ? { x: e.clientX, y: e.clientY } : null));
    stage.addEventListener('pointercancel', () => (start = null));
    stage.addEventListener('pointerup', (e) => {
      if (!start) return;
      const move = swipeMove(e.clientX - start.x, e.clientY - start.y, directionOf(this));
      start = null;
      if (move) moveBy(this.#window, move);
    });
  }

  #idle: ReturnType<typeof setTimeout> | undefined;

  /** On the stage the controls and the pointer fade when the pointer rests (talk.css). */
  #setUpIdle(): void {
    addEventListener('pointermove', () => this.#wake(), { passive: true });
    addEventListener('pointerdown', () => this.#wake(), { passive: true });
    this.#wake();
  }

  #wake(): void {
    this.removeAttribute('data-idle');
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.setAttribute('data-idle', ''), IDLE_MS);
  }
}

customElements.define('talk-deck', TalkDeck);
