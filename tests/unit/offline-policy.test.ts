import { describe, expect, it } from 'vitest';
import { mayPrefetchInBackground, mayReloadForMissingCode, parseReloadMark, RELOAD_WINDOW_MS } from '../../src/lib/offline-policy.ts';

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

  it('happens the first time, for another address, or once the last try is a minute old', () => {
    expect(mayReloadForMissingCode(null, '/guide/a/', now)).toBe(true);
    expect(mayReloadForMissingCode({ path: '/guide/b/', at: now - 10 }, '/guide/a/', now)).toBe(true);
    expect(mayReloadForMissingCode({ path: '/guide/a/', at: now - RELOAD_WINDOW_MS }, '/guide/a/', now)).toBe(true);
  });

  it('does not happen again for the same address within the minute (no loop), even if the clock went back', () => {
    expect(mayReloadForMissingCode({ path: '/guide/a/', at: now - 1 }, '/guide/a/', now)).toBe(false);
    expect(mayReloadForMissingCode({ path: '/guide/a/', at: now + 5_000 }, '/guide/a/', now)).toBe(false);
  });

  it('reads a stored mark, and treats anything malformed as none', () => {
    expect(parseReloadMark(JSON.stringify({ path: '/x/', at: 5 }))).toEqual({ path: '/x/', at: 5 });
    for (const bad of [null, '', '{', 'null', '[]', '{"path":1,"at":2}', '{"path":"/x/"}', '{"path":"/x/","at":"5"}', '<script>']) {
      expect(parseReloadMark(bad), String(bad)).toBeNull();
    }
  });
});
