/**
 * The small helpers the scripts of every page share: the page's one polite live region, telling
 * whether a key press belongs to what the reader is typing, and storage that may be missing. Every
 * page loads this module, so it holds only what every page's scripts use; finding the parts of a
 * larger widget is src/scripts/dom.ts.
 */

/** Says `message` once through the live region (#announcer, rendered by BaseLayout); a repeated message is announced again. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region || !message) return;
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}

/** True when a key press goes to text the reader is typing (a field, a list box, editable text): keyboard shortcuts leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The key the checklist's answers are stored under (localStorage): written by
 * src/scripts/checklist-store.ts, read by the guide's small checklist loader to know whether any
 * exist. Every other key has one owner and lives there.
 */
export const CHECKLIST_ANSWERS_KEY = 'checklist:answers';

type StorageArea = 'localStorage' | 'sessionStorage';

/**
 * Reads a stored string. Storage that is missing, full or forbidden (private mode, blocked
 * cookies; even naming `localStorage` can throw) reads as nothing.
 */
export function readStored(key: string, area: StorageArea = 'localStorage'): string | null {
  try {
    return window[area].getItem(key);
  } catch {
    return null;
  }
}

/** Stores a string (null removes it); false when storage refused, and the page carries on without it. */
export function writeStored(key: string, value: string | null, area: StorageArea = 'localStorage'): boolean {
  try {
    if (value === null) window[area].removeItem(key);
    else window[area].setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
