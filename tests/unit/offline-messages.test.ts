import { describe, expect, it } from 'vitest';
import { saveFailure } from '../../src/lib/offline-messages.ts';

describe('why a save stopped', () => {
  it('tells a full device, a hanging network, an error answer and no network apart', () => {
    expect(saveFailure(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(saveFailure(new DOMException('slow', 'TimeoutError'))).toBe('timeout');
    expect(saveFailure(new DOMException('stopped', 'AbortError'))).toBe('timeout');
    expect(saveFailure(new Error('HTTP 404'))).toBe('http');
    expect(saveFailure(new TypeError('Failed to fetch'))).toBe('network');
  });

  it('treats anything unexpected as a network failure', () => {
    for (const odd of [undefined, null, 'text', 42, {}, new Error('HTTP 4040'), { name: 42 }]) expect(saveFailure(odd)).toBe('network');
  });
});
