/**
 * The talk's keys for a window (the projected view and the presenter view share them): what a
 * key means is src/lib/talk-keys.ts; here it is read from the keyboard and the digits of a screen
 * number are gathered until Enter. Listening on window in the capture phase lets a talk key stop
 * there: on a Hebrew layout the full stop sits on the / key, which elsewhere opens search.
 */
import { isTyping } from './browser.ts';
import type { Direction } from '../lib/talk-nav.ts';
import { jumpTarget, pushDigit, talkCommand, type TalkCommand } from '../lib/talk-keys.ts';

/** Commands the window carries out itself; digits and jumps are handled here. */
export type WindowCommand = Extract<TalkCommand, { kind: 'move' | 'blank' | 'overview' | 'fullscreen' | 'presenter' }>;

export interface KeyTarget {
  readonly total: number;
  readonly dir: () => Direction;
  readonly run: (command: WindowCommand) => void;
  readonly jump: (screen: number) => void;
  /** The digits typed so far ('' when none), to show them. */
  readonly showDigits: (digits: string) => void;
}

/** Typed digits are forgotten after this long without Enter. */
const DIGITS_MS = 4000;

export function bindTalkKeys(target: KeyTarget): void {
  let digits = '';
  let forget: ReturnType<typeof setTimeout> | undefined;
  const setDigits = (next: string) => {
    digits = next;
    target.showDigits(next);
    clearTimeout(forget);
    if (next) forget = setTimeout(() => setDigits(''), DIGITS_MS);
  };

  addEventListener(
    'keydown',
    (event) => {
      if (event.defaultPrevented) return;
      const el = event.target instanceof HTMLElement ? event.target : null;
      // Typing, and dialogs (search, the overview) keep their keys.
      if (isTyping(el) || el?.closest('dialog')) return;
      // Space on a button or a link activates it; only the page itself takes Space as "next".
      if (event.key === ' ' && el?.closest('button, a, summary')) return;
      const command = talkCommand(event, target.dir(), digits !== '');
      if (!command) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (command.kind === 'digit') setDigits(pushDigit(digits, command.digit, target.total));
      else if (command.kind === 'clear') setDigits('');
      else if (command.kind === 'jump') {
        const screen = jumpTarget(digits, target.total);
        setDigits('');
        if (screen !== null) target.jump(screen);
      } else target.run(command);
    },
    { capture: true },
  );
}

/** The direction an element is laid out in. */
export const directionOf = (el: Element): Direction => (getComputedStyle(el).direction === 'ltr' ? 'ltr' : 'rtl');
