import { describe, expect, it } from 'vitest';
import { jumpTarget, pushDigit, talkCommand } from '../../src/lib/talk-keys.ts';

describe('talk keys', () => {
  it('B and the full stop blank the screen, on a Latin and on a Hebrew layout', () => {
    expect(talkCommand({ key: 'b', code: 'KeyB' }, 'rtl')).toEqual({ kind: 'blank' });
    expect(talkCommand({ key: 'B', code: 'KeyB', shiftKey: true }, 'rtl')).toEqual({ kind: 'blank' });
    // The Hebrew layout types נ on the B key and the full stop on the key that is / in English.
    expect(talkCommand({ key: 'נ', code: 'KeyB' }, 'rtl')).toEqual({ kind: 'blank' });
    expect(talkCommand({ key: '.', code: 'Slash' }, 'rtl')).toEqual({ kind: 'blank' });
    expect(talkCommand({ key: '.', code: 'Period' }, 'rtl')).toEqual({ kind: 'blank' });
  });

  it('O and Escape open the overview, F goes full screen and P opens the presenter view', () => {
    expect(talkCommand({ key: 'o', code: 'KeyO' }, 'rtl')).toEqual({ kind: 'overview' });
    expect(talkCommand({ key: 'ם', code: 'KeyO' }, 'rtl')).toEqual({ kind: 'overview' });
    expect(talkCommand({ key: 'Escape', code: 'Escape' }, 'rtl')).toEqual({ kind: 'overview' });
    expect(talkCommand({ key: 'כ', code: 'KeyF' }, 'rtl')).toEqual({ kind: 'fullscreen' });
    expect(talkCommand({ key: 'P', code: 'KeyP', shiftKey: true }, 'rtl')).toEqual({ kind: 'presenter' });
    expect(talkCommand({ key: 'פ', code: 'KeyP' }, 'rtl')).toEqual({ kind: 'presenter' });
  });

  it('a Latin layout that puts another letter on a key means that letter (Dvorak x on the B key)', () => {
    expect(talkCommand({ key: 'x', code: 'KeyB' }, 'rtl')).toBeNull();
    expect(talkCommand({ key: 'b', code: 'KeyN' }, 'rtl')).toEqual({ kind: 'blank' });
  });

  it('leaves browser shortcuts alone', () => {
    expect(talkCommand({ key: 'f', code: 'KeyF', ctrlKey: true }, 'rtl')).toBeNull();
    expect(talkCommand({ key: 'p', code: 'KeyP', metaKey: true }, 'rtl')).toBeNull();
    expect(talkCommand({ key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }, 'rtl')).toBeNull();
  });

  it('keeps the direction-aware moves: in RTL the left arrow moves forward', () => {
    expect(talkCommand({ key: 'ArrowLeft', code: 'ArrowLeft' }, 'rtl')).toEqual({ kind: 'move', move: 'next' });
    expect(talkCommand({ key: 'ArrowLeft', code: 'ArrowLeft' }, 'ltr')).toEqual({ kind: 'move', move: 'prev' });
    expect(talkCommand({ key: ' ', code: 'Space', shiftKey: true }, 'rtl')).toEqual({ kind: 'move', move: 'prev' });
  });

  it('gathers digits; Enter jumps and Escape forgets only once digits were typed', () => {
    expect(talkCommand({ key: '7', code: 'Digit7' }, 'rtl')).toEqual({ kind: 'digit', digit: '7' });
    expect(talkCommand({ key: '7', code: 'Numpad7' }, 'rtl')).toEqual({ kind: 'digit', digit: '7' });
    expect(talkCommand({ key: 'Enter', code: 'Enter' }, 'rtl', true)).toEqual({ kind: 'jump' });
    expect(talkCommand({ key: 'Enter', code: 'Enter' }, 'rtl', false)).toBeNull();
    expect(talkCommand({ key: 'Escape', code: 'Escape' }, 'rtl', true)).toEqual({ kind: 'clear' });
  });

  it('ignores keys that are not the talk’s', () => {
    expect(talkCommand({ key: 'a', code: 'KeyA' }, 'rtl')).toBeNull();
    expect(talkCommand({ key: '/', code: 'Slash' }, 'rtl')).toBeNull();
    expect(talkCommand({ key: 'Tab', code: 'Tab' }, 'rtl')).toBeNull();
  });
});

describe('typing a screen number', () => {
  it('gathers up to as many digits as the last screen has', () => {
    expect(pushDigit('', '1', 15)).toBe('1');
    expect(pushDigit('1', '2', 15)).toBe('12');
    expect(pushDigit('12', '3', 15)).toBe('3');
    expect(pushDigit('', '7', 9)).toBe('7');
    expect(pushDigit('7', '8', 9)).toBe('8');
  });
  it('drops leading zeros', () => {
    expect(pushDigit('', '0', 15)).toBe('');
    expect(pushDigit('0', '7', 15)).toBe('7');
  });
  it('jumps only to a screen that exists', () => {
    expect(jumpTarget('12', 15)).toBe(12);
    expect(jumpTarget('16', 15)).toBeNull();
    expect(jumpTarget('', 15)).toBeNull();
    expect(jumpTarget('0', 15)).toBeNull();
  });
});
