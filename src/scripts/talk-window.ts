/**
 * What the talk's two windows (the projected <talk-deck>, src/scripts/talk.ts, and the
 * <talk-presenter>, src/scripts/talk-presenter.ts) do the same way: follow the address's screen
 * number, take the talk's keys and buttons, blank, open the overview, go full screen and say
 * which screen is shown. Each window keeps its own state and rendering.
 */
import { announce } from './browser.ts';
import { required } from './dom.ts';
import { bindTalkKeys, directionOf, type WindowCommand } from './talk-keyboard.ts';
import { openOverview } from './talk-overview.ts';
import { titleOf } from './talk-preview.ts';
import { applyMove, screenFromHash, type Move } from '../lib/talk-nav.ts';
import { fillTemplate } from '../lib/template.ts';

export interface TalkWindow {
  /** The window's root element: its data-t-* attributes hold the Hebrew strings. */
  readonly host: HTMLElement;
  /** The screens in talk order (screen n is at n - 1). */
  readonly screens: readonly HTMLElement[];
  /** The screen shown now, from 1. */
  current(): number;
  /** Goes to a screen because of this window's reader (and tells the other windows). */
  go(screen: number): void;
  /** Blanks the screen, or brings it back; true when it is blank now. */
  toggleBlank(): boolean;
  /** The digits of a screen number typed so far ('' when none), to show them. */
  showDigits(digits: string): void;
  /** Opens the presenter window; the presenter view itself has none to open. */
  openPresenter?(): void;
}

/** Wires what both windows share: the address, the keys, the move, blank and overview buttons. */
export function bindTalkWindow(w: TalkWindow): void {
  const total = w.screens.length;
  addEventListener('hashchange', () => {
    const n = screenFromHash(location.hash, total);
    if (n === null) history.replaceState(history.state, '', `#${w.current()}`);
    else w.go(n);
  });
  bindTalkKeys({
    total,
    dir: () => directionOf(w.host),
    run: (command) => runCommand(w, command),
    jump: (n) => w.go(n),
    showDigits: (digits) => w.showDigits(digits),
  });
  for (const button of w.host.querySelectorAll<HTMLButtonElement>('[data-move]')) {
    button.addEventListener('click', () => moveBy(w, button.dataset['move'] as Move));
  }
  required(w.host, '[data-blank-toggle]', w.host.localName).addEventListener('click', () => runCommand(w, { kind: 'blank' }));
  required(w.host, '[data-overview]', w.host.localName).addEventListener('click', () => runCommand(w, { kind: 'overview' }));
}

/** Carries out a talk command, from a key or a button. */
export function runCommand(w: TalkWindow, command: WindowCommand): void {
  switch (command.kind) {
    case 'move':
      return moveBy(w, command.move);
    case 'blank': {
      const blank = w.toggleBlank();
      announce((blank ? w.host.dataset['tBlanked'] : w.host.dataset['tUnblanked']) ?? '');
      return;
    }
    case 'overview':
      return showOverview(w);
    case 'fullscreen':
      return toggleFullscreen();
    case 'presenter':
      return w.openPresenter?.();
  }
}

/** One step in the talk (next, previous, first, last), within its screens. */
export function moveBy(w: TalkWindow, move: Move): void {
  w.go(applyMove(w.current(), move, w.screens.length));
}

/** Says which screen is shown now: "מסך 7 מתוך 20: …". */
export function announceScreen(w: TalkWindow): void {
  const n = w.current();
  announce(fillTemplate(w.host.dataset['tAnnounce'], { n, total: w.screens.length, title: titleOf(w.screens[n - 1]) }));
}

/** Opens the overview of every screen, unless it is open already; picking one goes there. */
export function showOverview(w: TalkWindow): void {
  const dialog = w.host.querySelector<HTMLDialogElement>('[data-overview-dialog]');
  if (!dialog || dialog.open) return;
  openOverview({
    dialog,
    screens: w.screens,
    current: w.current(),
    label: w.host.dataset['tOverviewItem'] ?? '',
    pick: (n) => w.go(n),
  });
}

/** Full screen on, or off again, where the browser allows it. */
export function toggleFullscreen(): void {
  if (!document.fullscreenEnabled) return;
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen().catch(() => {});
}
