/**
 * The messages between the pages' scripts and the service worker, over a `MessageChannel`: the
 * page posts a request with the channel's second port, the worker answers on it.
 */
import type { CopyStatus } from './offline-copy.ts';

/**
 * What a page asks: how much of the site this device holds, or to save all of it; and, from every
 * page once the worker is ready, `visit`: bring what is saved up to date, and save the rest too when
 * the connection allows it (decided by the page, which can see `navigator.connection`).
 */
export type WorkerRequest = { readonly type: 'status' } | { readonly type: 'save' } | { readonly type: 'visit'; readonly saveAll: boolean };

/** Why saving stopped: no network, a request that hung, an error answer, or no room on the device. */
export type SaveFailure = 'network' | 'timeout' | 'http' | 'quota';

/** What the worker answers. A save sends `progress` after every file, then `saved` or `failed`. */
export type WorkerReply =
  | { readonly type: 'status'; readonly status: CopyStatus }
  | {
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly bytesDone: number;
      readonly bytesTotal: number;
      /** The status when the save started (in the first progress message only). */
      readonly status: CopyStatus | null;
    }
  | { readonly type: 'saved'; readonly status: CopyStatus }
  | { readonly type: 'failed'; readonly reason: SaveFailure; readonly status: CopyStatus };

/** Why a save stopped, from the error its fetch or cache write threw (`HTTP 404` for an error answer). */
export function saveFailure(error: unknown): SaveFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (error instanceof Error && /^HTTP \d{3}$/.test(error.message)) return 'http';
  return 'network';
}
