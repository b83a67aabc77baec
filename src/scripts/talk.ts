/**
 * Upgrades the server-rendered list of talk screens into one screen at a time. The moves
 * (keys, swipes, bounds, the #n address) are the pure functions of src/lib/talk-nav.ts.
 */
import { announce, fill } from './announce.ts';
import { applyMove, keyMove, screenFromHash, swipeMove, type Direction, type Move } from '../lib/talk-nav.ts';

class TalkDeck extends HTMLElement {
  #current = 1;
  #total = 0;
  #screens: HTMLElement[] = [];

  connectedCallback(): void {
    this.#screens = [...this.querySelectorAll<HTMLElement>('[data-screen]')];
    this.#total = this.#screens.length;
    const fullscreen = this.#q<HTMLButtonElement>('[data-fullscreen]');
    fullscreen.hidden = !document.fullscreenEnabled;

    this.#show(screenFromHash(location.hash, this.#total) ?? 1, false);
    addEventListener('hashchange', () => {
      const n = screenFromHash(location.hash, this.#total);
      if (n === null) history.replaceState(history.state, '', `#${this.#current}`);
      else if (n !== this.#current) this.#show(n, true);
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-move]')) {
      button.addEventListener('click', () => this.#move(button.dataset['move'] as Move));
    }
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (target.closest('dialog')) return;
      // Space on a button or a link activates it; only the page itself takes Space as "next".
      if (event.key === ' ' && target.closest('button, a')) return;
      const move = keyMove(event.key, this.#dir(), event.shiftKey);
      if (!move) return;
      event.preventDefault();
      this.#move(move);
    });
    let start: { x: number; y: number } | null = null;
    this.addEventListener('pointerdown', (e) => (start = e.isPrimary ? { x: e.clientX, y: e.clientY } : null));
    this.addEventListener('pointerup', (e) => {
      if (!start) return;
      const move = swipeMove(e.clientX - start.x, e.clientY - start.y, this.#dir());
      start = null;
      if (move) this.#move(move);
    });
    this.#q('[data-qr-toggle]').addEventListener('click', (e) => {
      const button = e.currentTarget as HTMLButtonElement;
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      this.classList.toggle('talk--qr', on);
      for (const qr of this.querySelectorAll<HTMLElement>('[data-qr]')) qr.hidden = !on;
    });
    fullscreen.addEventListener('click', () => {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen();
    });
    document.addEventListener('fullscreenchange', () => {
      fullscreen.textContent = (document.fullscreenElement ? this.dataset['tExitFullscreen'] : this.dataset['tFullscreen']) ?? '';
    });
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #dir(): Direction {
    return getComputedStyle(this).direction === 'ltr' ? 'ltr' : 'rtl';
  }

  #move(move: Move): void {
    const next = applyMove(this.#current, move, this.#total);
    if (next !== this.#current) this.#show(next, true);
  }

  #show(n: number, speak: boolean): void {
    this.#current = n;
    this.#screens.forEach((screen, i) => (screen.hidden = i + 1 !== n));
    // From here the script decides which screen shows; until now CSS did, from :target.
    this.classList.add('talk--ready');
    history.replaceState(history.state, '', `#${n}`);
    this.#q('[data-position]').textContent = `${n} / ${this.#total}`;
    this.#q<HTMLProgressElement>('[data-progress]').value = n;
    this.#q<HTMLButtonElement>('[data-move="prev"]').disabled = n === 1;
    this.#q<HTMLButtonElement>('[data-move="next"]').disabled = n === this.#total;
    if (speak) {
      const title = this.#screens[n - 1]?.querySelector('h2')?.textContent ?? '';
      announce(fill(this.dataset['tAnnounce'], { n, total: this.#total, title }));
    }
  }
}

customElements.define('talk-deck', TalkDeck);
