import { describe, expect, it } from 'vitest';
import { elapsed, formatElapsed, parseTimer, pauseTimer, resumeTimer, startTimer } from '../../src/lib/talk-timer.ts';

describe('the presenter timer', () => {
  it('counts from its start, stops while paused and goes on after resuming', () => {
    let timer = startTimer(1_000);
    expect(elapsed(timer, 61_000)).toBe(60_000);
    timer = pauseTimer(timer, 61_000);
    expect(elapsed(timer, 500_000)).toBe(60_000);
    timer = resumeTimer(timer, 500_000);
    expect(elapsed(timer, 505_000)).toBe(65_000);
  });

  it('pausing twice or resuming a running timer changes nothing', () => {
    const running = startTimer(0);
    expect(resumeTimer(running, 10)).toBe(running);
    const paused = pauseTimer(running, 10);
    expect(pauseTimer(paused, 20)).toBe(paused);
  });

  it('reads back only a timer it could have written', () => {
    expect(parseTimer({ since: 5, banked: 0 }, 10)).toEqual({ since: 5, banked: 0 });
    expect(parseTimer({ since: null, banked: 30 }, 10)).toEqual({ since: null, banked: 30 });
    expect(parseTimer({ since: 50, banked: 0 }, 10)).toBeNull(); // starts in the future
    expect(parseTimer({ since: 5, banked: -1 }, 10)).toBeNull();
    expect(parseTimer({ since: 'x', banked: 0 }, 10)).toBeNull();
    expect(parseTimer(null, 10)).toBeNull();
  });

  it.each([
    [0, '00:00'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 5 * 60_000 + 7_000, '1:05:07'],
    [-5, '00:00'],
    [Number.NaN, '00:00'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
