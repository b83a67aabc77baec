/**
 * What a key press means in the talk, in both the projected view and the presenter view, free of
 * the DOM so it is unit-tested. Letters are read from the key a layout types and, when that is
 * not a Latin letter (a Hebrew layout types נ on the B key), from the key's place on the
 * keyboard: a presenter on a Hebrew layout presses B and gets B.
 */
import { keyMove, type Direction, type Move } from './talk-nav.ts';

export type TalkCommand =
  | { readonly kind: 'move'; readonly move: Move }
  /** A digit of a screen number, gathered until Enter. */
  | { readonly kind: 'digit'; readonly digit: string }
  /** Enter after digits: go to the screen they name. */
  | { readonly kind: 'jump' }
  /** Escape after digits: forget them. */
  | { readonly kind: 'clear' }
  | { readonly kind: 'blank' | 'overview' | 'fullscreen' | 'presenter' };

/** The parts of a KeyboardEvent that decide a command. */
export interface KeyInput {
  readonly key: string;
  readonly code?: string;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/** True when the key is the Latin `letter`, typed as such or pressed where it sits on a Latin keyboard. */
function isLetter(input: KeyInput, letter: string): boolean {
  if (input.key.toLowerCase() === letter) return true;
  // A Latin layout that puts another letter on this key (Dvorak, AZERTY) meant that other letter.
  return !/^[a-z]$/i.test(input.key) && input.code === `Key${letter.toUpperCase()}`;
}

/**
 * The command a key press asks for, or null when the key is not the talk's. `digitsPending`
 * says whether digits of a screen number have been typed, which gives Enter and Escape their
 * meaning (otherwise Enter stays with the focused button or link, and Escape opens the overview).
 */
export function talkCommand(input: KeyInput, dir: Direction, digitsPending = false): TalkCommand | null {
  if (input.altKey || input.ctrlKey || input.metaKey) return null;
  const { key } = input;
  if (/^[0-9]$/.test(key)) return { kind: 'digit', digit: key };
  if (key === 'Enter') return digitsPending ? { kind: 'jump' } : null;
  if (key === 'Escape') return digitsPending ? { kind: 'clear' } : { kind: 'overview' };
  if (key === '.' || isLetter(input, 'b')) return { kind: 'blank' };
  if (isLetter(input, 'o')) return { kind: 'overview' };
  if (isLetter(input, 'f')) return { kind: 'fullscreen' };
  if (isLetter(input, 'p')) return { kind: 'presenter' };
  const move = keyMove(key, dir, input.shiftKey);
  return move ? { kind: 'move', move } : null;
}

/**
 * The typed screen number after one more digit. Leading zeros are dropped, and a number longer
 * than the talk's largest one starts again from this digit (typing 1, 2, 3 in a 15-screen talk
 * reads 3), so a slip never needs Escape.
 */
export function pushDigit(buffer: string, digit: string, total: number): string {
  const next = `${buffer}${digit}`.replace(/^0+/, '');
  return next.length > String(Math.max(total, 1)).length ? digit.replace(/^0+/, '') : next;
}

/** The screen the typed digits name, or null when they name none of 1..total. */
export function jumpTarget(buffer: string, total: number): number | null {
  if (!/^[0-9]{1,4}$/.test(buffer)) return null;
  const n = Number(buffer);
  return n >= 1 && n <= total ? n : null;
}
