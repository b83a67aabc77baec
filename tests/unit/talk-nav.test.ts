import { describe, expect, it } from 'vitest';
import { applyMove, gridMove, keyMove, screenFromHash, swipeMove } from '../../src/lib/talk-nav.ts';

describe('talk keys follow the page direction', () => {
  it.each([
    ['ArrowLeft', 'rtl', false, 'next'],
    ['ArrowRight', 'rtl', false, 'prev'],
    ['ArrowLeft', 'ltr', false, 'prev'],
    ['ArrowRight', 'ltr', false, 'next'],
    [' ', 'rtl', false, 'next'],
    [' ', 'rtl', true, 'prev'],
    ['PageDown', 'rtl', false, 'next'],
    ['PageUp', 'ltr', false, 'prev'],
    ['Home', 'rtl', false, 'first'],
    ['End', 'ltr', false, 'last'],
    ['a', 'rtl', false, null],
    ['Enter', 'rtl', false, null],
  ] as const)('%j in %s (shift %s) means %s', (key, dir, shift, move) => {
    expect(keyMove(key, dir, shift)).toBe(move);
  });
});

describe('talk swipes follow the page direction', () => {
  it('in RTL a swipe to the right moves forward and to the left moves back', () => {
    expect(swipeMove(120, 10, 'rtl')).toBe('next');
    expect(swipeMove(-120, 10, 'rtl')).toBe('prev');
  });
  it('in LTR a swipe to the left moves forward and to the right moves back', () => {
    expect(swipeMove(-120, 10, 'ltr')).toBe('next');
    expect(swipeMove(120, 10, 'ltr')).toBe('prev');
  });
  it('ignores short, vertical and invalid gestures', () => {
    expect(swipeMove(20, 0, 'rtl')).toBeNull();
    expect(swipeMove(80, 100, 'rtl')).toBeNull();
    expect(swipeMove(Number.NaN, 0, 'rtl')).toBeNull();
  });
});

describe('moving between screens', () => {
  it('stays within the first and the last screen', () => {
    expect(applyMove(1, 'prev', 15)).toBe(1);
    expect(applyMove(15, 'next', 15)).toBe(15);
    expect(applyMove(7, 'next', 15)).toBe(8);
    expect(applyMove(7, 'first', 15)).toBe(1);
    expect(applyMove(7, 'last', 15)).toBe(15);
  });
  it.each([
    ['#7', 7],
    ['7', 7],
    ['#0', null],
    ['#16', null],
    ['#-1', null],
    ['#7a', null],
    ['#<script>', null],
    ['', null],
  ] as const)('reads %j from the address as %s', (hash, n) => {
    expect(screenFromHash(hash, 15)).toBe(n);
  });
});

describe('the overview grid follows the page direction', () => {
  // 15 screens in rows of 4: 0 1 2 3 / 4 5 6 7 / 8 9 10 11 / 12 13 14
  it('in RTL the left arrow goes to the next screen and the right arrow to the previous one', () => {
    expect(gridMove(5, 'ArrowLeft', 4, 15, 'rtl')).toBe(6);
    expect(gridMove(5, 'ArrowRight', 4, 15, 'rtl')).toBe(4);
  });
  it('in LTR the arrows are mirrored', () => {
    expect(gridMove(5, 'ArrowRight', 4, 15, 'ltr')).toBe(6);
    expect(gridMove(5, 'ArrowLeft', 4, 15, 'ltr')).toBe(4);
  });
  it('up and down move by a row and stay put at the edges, also above a short last row', () => {
    expect(gridMove(5, 'ArrowDown', 4, 15, 'rtl')).toBe(9);
    expect(gridMove(5, 'ArrowUp', 4, 15, 'rtl')).toBe(1);
    expect(gridMove(1, 'ArrowUp', 4, 15, 'rtl')).toBe(1);
    expect(gridMove(11, 'ArrowDown', 4, 15, 'rtl')).toBe(11);
    expect(gridMove(10, 'ArrowDown', 4, 15, 'rtl')).toBe(14);
  });
  it('stays within the first and the last screen; Home and End go there', () => {
    expect(gridMove(0, 'ArrowRight', 4, 15, 'rtl')).toBe(0);
    expect(gridMove(14, 'ArrowLeft', 4, 15, 'rtl')).toBe(14);
    expect(gridMove(7, 'Home', 4, 15, 'rtl')).toBe(0);
    expect(gridMove(7, 'End', 4, 15, 'rtl')).toBe(14);
  });
  it('ignores other keys and copes with one column or an empty grid', () => {
    expect(gridMove(3, 'Enter', 4, 15, 'rtl')).toBeNull();
    expect(gridMove(3, 'ArrowDown', 0, 15, 'rtl')).toBe(4);
    expect(gridMove(0, 'ArrowLeft', 4, 0, 'rtl')).toBeNull();
  });
});
