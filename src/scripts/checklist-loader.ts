/**
 * The only checklist code a guide page loads before interaction (a few hundred bytes): it loads
 * the <decision-checklist> element (src/scripts/checklist-element.ts) when an embedded question
 * or the recommendation nears the screen, when the reader touches or focuses one, or, for a
 * reader who has already answered, when the page is idle (their answers, progress and printed
 * marks need it). If that code fails to load, the element stays undefined and the plain GET
 * forms keep working: CSS hides them only for `decision-checklist:defined`.
 */
const roots = document.querySelectorAll('decision-checklist');
let loading: Promise<unknown> | undefined;
const load = (): void => {
  loading ??= import('./checklist-element.ts').catch(() => (loading = undefined));
};

const near = new IntersectionObserver(
  (entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    near.disconnect();
    load();
  },
  { rootMargin: '50% 0px' },
);
for (const root of roots) {
  near.observe(root);
  root.addEventListener('pointerdown', load, { once: true });
  root.addEventListener('focusin', load, { once: true });
}

let answered = false;
try {
  answered = !!localStorage.getItem('checklist:answers');
} catch {
  // Storage unavailable: nothing answered to show.
}
if (answered) (window.requestIdleCallback ?? setTimeout)(load);
