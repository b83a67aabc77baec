import { describe, expect, it } from 'vitest';
import { mayPrefetchInBackground, mayReloadForMissingCode, RELOAD_WINDOW_MS } from '../../src/lib/offline-policy.ts';

describe('saving the rest of the site without asking', () => {
  it('happens on Wi-Fi or Ethernet that is not slow and without Save-Data', () => {
    expect(mayPrefetchInBackground({ type: 'wifi', effectiveType: '4g', saveData: false })).toBe(true);
    expect(mayPrefetchInBackground({ type: 'ethernet' })).toBe(true);
    expect(mayPrefetchInBackground({ type: 'wifi', effectiveType: '3g' })).toBe(true);
  });

  it('never happens with Save-Data, on a cellular or unknown connection, or on a slow one', () => {
    expect(mayPrefetchInBackground({ type: 'wifi', saveData: true })).toBe(false);
    expect(mayPrefetchInBackground({ type: 'cellular', effectiveType: '4g' })).toBe(false);
    expect(mayPrefetchInBackground({ type: 'wifi', effectiveType: '2g' })).toBe(false);
    expect(mayPrefetchInBackground({ type: 'wifi', effectiveType: 'slow-2g' })).toBe(false);
    expect(mayPrefetchInBackground({ effectiveType: '4g' })).toBe(false); // desktop Chromium: type unknown
    expect(mayPrefetchInBackground({ type: 'unknown' })).toBe(false);
    expect(mayPrefetchInBackground(undefined)).toBe(false); // Safari, Firefox
  });
});

describe('reloading a page whose code a deploy removed', () => {
  const now = 1_000_000;

  it('happens the first time for an address, or once the last try is a minute old', () => {
    expect(mayReloadForMissingCode(null, now)).toBe(true);
    expect(mayReloadForMissingCode(String(now - RELOAD_WINDOW_MS), now)).toBe(true);
  });

  it('does not happen again within the minute (no loop), even if the clock went back', () => {
    expect(mayReloadForMissingCode(String(now - 1), now)).toBe(false);
    expect(mayReloadForMissingCode(String(now + 5_000), now)).toBe(false);
  });

  it('treats anything unreadable as a reload just now, so it never loops on damaged storage', () => {
    for (const bad of ['', 'x', '{"at":5}', 'NaN', 'Infinity', '<script>']) expect(mayReloadForMissingCode(bad, now), bad).toBe(false);
  });
});
