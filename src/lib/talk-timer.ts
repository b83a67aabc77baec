/**
 * The presenter's elapsed-time timer as plain data, so pausing, resuming and resetting are
 * unit-tested and the timer survives a reload of the presenter window (it is kept in
 * sessionStorage as this object). Times are milliseconds from Date.now().
 */
export interface Timer {
  /** When the timer (re)started counting, or null while paused. */
  readonly since: number | null;
  /** Time counted before `since` (across pauses). */
  readonly banked: number;
}

export const startTimer = (now: number): Timer => ({ since: now, banked: 0 });

export const elapsed = (timer: Timer, now: number): number =>
  timer.banked + (timer.since === null ? 0 : Math.max(0, now - timer.since));

export const pauseTimer = (timer: Timer, now: number): Timer =>
  timer.since === null ? timer : { since: null, banked: elapsed(timer, now) };

export const resumeTimer = (timer: Timer, now: number): Timer => (timer.since === null ? { ...timer, since: now } : timer);

/** A timer read back from storage, or null when it is not one. */
export function parseTimer(data: unknown, now: number): Timer | null {
  if (typeof data !== 'object' || data === null) return null;
  const { since, banked } = data as Record<string, unknown>;
  const validSince = since === null || (typeof since === 'number' && Number.isFinite(since) && since <= now);
  if (!validSince || typeof banked !== 'number' || !Number.isFinite(banked) || banked < 0) return null;
  return { since: since as number | null, banked };
}

/** "mm:ss" under an hour, "h:mm:ss" from one hour on. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000);
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
