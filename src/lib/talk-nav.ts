/**
 * How the talk view moves between screens, free of the DOM so both directions are unit-tested.
 * In a right-to-left page the next screen lies to the left: ArrowLeft moves forward and a swipe
 * toward the right (the finger moving left to right, pulling the next screen in from the left)
 * does too. In a left-to-right page both are mirrored.
 */

export type Direction = 'rtl' | 'ltr';
export type Move = 'next' | 'prev' | 'first' | 'last';

/** The move a key press asks for, or null when the key is not ours. */
export function keyMove(key: string, dir: Direction, shiftKey = false): Move | null {
  switch (key) {
    case 'ArrowLeft':
      return dir === 'rtl' ? 'next' : 'prev';
    case 'ArrowRight':
      return dir === 'rtl' ? 'prev' : 'next';
    case 'PageDown':
    case 'ArrowDown':
      return 'next';
    case 'PageUp':
    case 'ArrowUp':
      return 'prev';
    case ' ':
    case 'Spacebar':
      return shiftKey ? 'prev' : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/** Smallest horizontal travel, in CSS pixels, that counts as a swipe. */
export const SWIPE_MIN_PX = 40;

/** The move a horizontal swipe asks for: mostly sideways and long enough, else null. */
export function swipeMove(dx: number, dy: number, dir: Direction): Move | null {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  const towardRight = dx > 0;
  return towardRight === (dir === 'rtl') ? 'next' : 'prev';
}

/** The screen (1-based) a move leads to, kept within 1..total. */
export function applyMove(current: number, move: Move, total: number): number {
  const target = move === 'next' ? current + 1 : move === 'prev' ? current - 1 : move === 'first' ? 1 : total;
  return Math.min(Math.max(target, 1), Math.max(total, 1));
}

/** Reads the screen number from the address's `#7`; anything else gives null. */
export function screenFromHash(hash: string, total: number): number | null {
  const match = /^#?(\d{1,4})$/.exec(hash);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= total ? n : null;
}

/**
 * The overview grid: where focus goes (0-based) when an arrow key is pressed on item `index` of
 * `total`, laid out in rows of `columns` items that run in the page direction (in RTL the next
 * item is to the left). Up and down move by a row and stay put at the top and bottom edges;
 * null when the key is not a grid key.
 */
export function gridMove(index: number, key: string, columns: number, total: number, dir: Direction): number | null {
  if (total < 1) return null;
  const cols = Math.max(1, Math.floor(columns));
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  let target: number;
  switch (key) {
    case forward:
      target = index + 1;
      break;
    case back:
      target = index - 1;
      break;
    case 'ArrowDown':
      target = index + cols < total ? index + cols : index;
      break;
    case 'ArrowUp':
      target = index - cols >= 0 ? index - cols : index;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = total - 1;
      break;
    default:
      return null;
  }
  return Math.min(Math.max(target, 0), total - 1);
}
