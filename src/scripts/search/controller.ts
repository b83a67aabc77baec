/**
 * Wires a search box to results: runs a search on every keystroke (stale answers are dropped),
 * lets the arrow keys move between the box and the results, and announces the outcome politely
 * once the reader pauses, so a screen reader is not flooded while they type.
 */
import { runSearch } from './engine.ts';
import { renderPlanStatus, renderResults, type SearchView } from './render.ts';

export function connectSearch(input: HTMLInputElement, view: SearchView, onSearched?: (query: string) => void) {
  let token = 0;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const status = view.status;
  const live = status.getAttribute('aria-live') ?? 'polite';

  const run = async (query: string) => {
    const mine = ++token;
    performance.mark('search-input');
    try {
      const { plan, results } = await runSearch(query);
      if (mine !== token) return;
      // Render at once; let the live region speak only after a pause in typing.
      status.setAttribute('aria-live', 'off');
      if (!renderPlanStatus(view, plan)) renderResults(view, plan, results);
      performance.measure('search', 'search-input');
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        status.setAttribute('aria-live', live);
        const text = status.textContent;
        status.textContent = '';
        status.textContent = text;
      }, 350);
      onSearched?.(query);
    } catch (error) {
      console.error('search failed', error);
      if (mine === token) status.textContent = status.dataset['tError'] ?? '';
    }
  };

  input.addEventListener('input', () => void run(input.value));
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

/** The view inside a server-rendered search panel (src/components/SearchPanel.astro). */
export function viewOf(root: ParentNode): { input: HTMLInputElement; view: SearchView } {
  return {
    input: root.querySelector<HTMLInputElement>('input[type="search"]')!,
    view: {
      list: root.querySelector<HTMLOListElement>('[data-search-results]')!,
      status: root.querySelector<HTMLElement>('[data-search-status]')!,
      suggestions: root.querySelector<HTMLElement>('[data-search-suggestions]')!,
    },
  };
}
