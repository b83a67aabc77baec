import { describe, expect, it } from 'vitest';
import { count } from '../../src/lib/hebrew-plural.ts';

const results = { one: 'נמצאה תוצאה אחת', other: 'נמצאו {n} תוצאות' };
const minutes = { one: 'דקה אחת', two: 'שתי דקות', other: '{n} דקות' };

describe('Hebrew counts', () => {
  it('says one result as Hebrew does, never "נמצאו 1 תוצאות"', () => {
    expect(count(1, results)).toBe('נמצאה תוצאה אחת');
  });

  it.each([
    [0, 'נמצאו 0 תוצאות'],
    [2, 'נמצאו 2 תוצאות'],
    [11, 'נמצאו 11 תוצאות'],
    [20, 'נמצאו 20 תוצאות'],
  ])('uses the plural for %i', (n, expected) => {
    expect(count(n, results)).toBe(expected);
  });

  it('uses the dual where the phrase has one, and the plural where it does not', () => {
    expect(count(2, minutes)).toBe('שתי דקות');
    expect(count(2, results)).toBe('נמצאו 2 תוצאות');
    expect(count(10, minutes)).toBe('10 דקות');
  });

  it('writes large numbers with a thousands separator', () => {
    expect(count(1200, results)).toBe('נמצאו 1,200 תוצאות');
  });
});
