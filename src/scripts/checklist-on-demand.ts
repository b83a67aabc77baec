/**
 * The only checklist code a guide page loads before interaction (a few hundred bytes, in the
 * every-page script, site.ts: a separate page script would cost more than its own size). It does
 * nothing on a page without a <decision-checklist>. The
 * <decision-checklist> element (src/scripts/checklist-element.ts) comes:
 * - on the reader's first touch, click or focus in an embedded question or the recommendation,
 *   or at once if that touch came before this code ran (an answer is already checked);
 * - for a reader who has already answered (here or on /checklist/), when the page is idle, since
 *   their answers, progress pill and printed marks need it.
 * A first-time reader needs nothing more: what the islands show before any answer (no progress
 * yet) is already in the server-rendered HTML.
 *
 * While this loader stands behind the islands it marks them `data-ready`, which hides their
 * no-JS submit buttons (CSS). If the element's code fails to load, or has not arrived after
 * LOAD_TIMEOUT_MS, the mark goes and the plain GET forms to /checklist/ are back.
 */
import { CHECKLIST_ANSWERS_KEY, readStored } from './browser.ts';

const LOAD_TIMEOUT_MS = 10_000;

const roots = document.querySelectorAll<HTMLElement>('decision-checklist');
const ready = (on: boolean): void => {
  for (const root of roots) root.toggleAttribute('data-ready', on);
};

let loading: Promise<void> | undefined;
const load = (): void => {
  loading ??= new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), LOAD_TIMEOUT_MS);
    import('./checklist-element.ts').then(() => {
      clearTimeout(timer);
      resolve();
    }, reject);
  }).catch(() => {
    ready(false);
    loading = undefined; // a later touch may try again
  });
};

ready(true); // a no-op without islands
for (const root of roots) {
  for (const type of ['pointerdown', 'focusin', 'keydown']) root.addEventListener(type, load, { passive: true });
}

// This code runs only after the first paint (src/lib/page-scripts.ts), so a fast reader may have
// answered already, with no listener yet to see it: a checked answer means that touch came first.
// Load now; the element keeps the checked answer when it connects.
if (document.querySelector('decision-checklist :checked')) load();
// Answers stored by src/scripts/checklist-store.ts (read here only to know whether any exist).
else if (roots.length > 0 && readStored(CHECKLIST_ANSWERS_KEY)) (window.requestIdleCallback ?? setTimeout)(load);
