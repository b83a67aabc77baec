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

/** The last time a page reloaded itself because its code was gone. */
export interface ReloadMark {
  readonly path: string;
  readonly at: number;
}

/** How long a reload of the same address counts as "just tried": a second failure within it is not retried. */
export const RELOAD_WINDOW_MS = 60_000;

/**
 * Whether a page whose lazily loaded code failed (a new deploy removed the old files) may reload
 * itself now. Once per address per minute, so a deploy that is really broken shows its failure
 * instead of reloading for ever. `last` is what was stored at the previous reload (null when none,
 * or when what was stored could not be read).
 */
export function mayReloadForMissingCode(last: ReloadMark | null, path: string, now: number): boolean {
  if (!last) return true;
  return last.path !== path || now - last.at >= RELOAD_WINDOW_MS;
}

/** Reads a stored reload mark; anything malformed counts as none. */
export function parseReloadMark(text: string | null): ReloadMark | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { path, at } = value as Record<string, unknown>;
    return typeof path === 'string' && typeof at === 'number' && Number.isFinite(at) ? { path, at } : null;
  } catch {
    return null;
  }
}
