/**
 * Decisions the offline scripts take, as pure functions: whether the whole site may be saved in
 * the background, and whether a page whose code failed to load may reload itself.
 */

/** What `navigator.connection` tells about the network (Chromium only; other browsers say nothing). */
export interface ConnectionHints {
  /** The reader asked to save data (the browser also sends `Save-Data: on`). */
  readonly saveData?: boolean | undefined;
  /** `wifi`, `ethernet`, `cellular`, … where the browser exposes it (Chromium on Android, ChromeOS). */
  readonly type?: string | undefined;
  /** `slow-2g`, `2g`, `3g` or `4g`: how fast the connection has been lately. */
  readonly effectiveType?: string | undefined;
}

/**
 * Whether the rest of the site may be downloaded without the reader asking: only on a connection
 * the browser reports as unmetered (Wi-Fi or Ethernet), not slow, and without Save-Data. When the
 * browser does not say (Safari, Firefox, desktop Chromium), the answer is no: the reader's data
 * plan is not ours to spend, and the "save for offline" button is there for them.
 */
export function mayPrefetchInBackground(connection: ConnectionHints | undefined): boolean {
  if (!connection || connection.saveData) return false;
  if (connection.type !== 'wifi' && connection.type !== 'ethernet') return false;
  return connection.effectiveType !== 'slow-2g' && connection.effectiveType !== '2g';
}

/** How long a reload of the same address counts as "just tried": a second failure within it is not retried. */
export const RELOAD_WINDOW_MS = 60_000;

/**
 * Whether a page whose lazily loaded code failed (a new deploy removed the old files) may reload
 * itself now: once per address per minute, so a deploy that is really broken shows its failure
 * instead of reloading for ever. `stored` is what was kept for this address at its previous
 * reload (the time, as text), or null; anything unreadable counts as a reload just now.
 */
export function mayReloadForMissingCode(stored: string | null, now: number): boolean {
  if (stored === null) return true;
  return /^\d{1,16}$/.test(stored) && now - Number(stored) >= RELOAD_WINDOW_MS;
}
