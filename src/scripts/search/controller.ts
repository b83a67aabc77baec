/**
 * Wires a search box to results: runs a search on every keystroke (stale answers are dropped),
 * shows a loading state when an answer takes a while and a failure with a retry button when search
 * cannot load, lets the arrow keys move between the box and the results, and announces the outcome
 * politely once the reader pauses, so a screen reader is not flooded while they type.
 */
import { runSearch, SearchLoadError } from './engine.ts';
import { renderFailure, renderLoading, renderOutcome, renderPlanStatus, type SearchView } from './render.ts';

/** After this long without an answer the status says search is loading; after SLOW_MS, that it is slow. */
const LOADING_MS = 250;
const SLOW_MS = 4_000;

export function connectSearch(input: HTMLInputElement, view: SearchView, onSearched?: (query: string) => void) {
  let token = 0;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const status = view.status;
  const live = status.getAttribute('aria-live') ?? 'polite';

  const announceSoon = () => {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      status.setAttribute('aria-live', live);
      const nodes = [...status.childNodes];
      status.replaceChildren();
      status.replaceChildren(...nodes);
    }, 350);
  };

  const run = async (query: string) => {
    const mine = ++token;
    performance.mark('search-input');
    const loading = setTimeout(() => mine === token && renderLoading(view, false), LOADING_MS);
    const slow = setTimeout(() => mine === token && renderLoading(view, true), SLOW_MS);
    try {
      const outcome = await runSearch(query);
      if (mine !== token) return;
      // Render at once; let the live region speak only after a pause in typing.
      status.setAttribute('aria-live', 'off');
      if (!renderPlanStatus(view, outcome.plan)) renderOutcome(view, outcome);
      performance.measure('search', 'search-input');
      announceSoon();
      onSearched?.(query);
    } catch (error) {
      if (mine !== token) return;
      console.warn('search failed:', error);
      renderFailure(view, error instanceof SearchLoadError);
      status.setAttribute('aria-live', live);
    } finally {
      clearTimeout(loading);
      clearTimeout(slow);
    }
  };

  input.addEventListener('input', () => void run(input.value));
  view.retry.querySelector('button')?.addEventListener('click', () => {
    input.focus();
    void run(input.value);
  });
  // "Did you mean": search the suggestion right here, and keep the box in step.
  view.help.querySelector('[data-search-mean-link]')?.addEventListener('click', (event) => {
    const suggestion = (event.currentTarget as HTMLAnchorElement).textContent ?? '';
    if (!suggestion) return;
    event.preventDefault();
    input.value = suggestion;
    input.focus();
    void run(suggestion);
  });
  const links = () => [...view.list.querySelectorAll<HTMLAnchorElement>('a')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    }
  });
  view.list.addEventListener('keydown', (event) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && i === 0) input.focus();
    else all[Math.min(all.length - 1, Math.max(0, i + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  });
  return run;
}
