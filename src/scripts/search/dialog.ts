/**
 * The search dialog in the header: loaded on first use (src/scripts/site.ts opens the
 * server-rendered dialog and imports this module), so article pages ship no search code.
 */
import { connectSearch } from './controller.ts';
import { loadEngine } from './engine.ts';
import { viewOf } from './render.ts';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]')!;
const { input, view } = viewOf(dialog);
const all = dialog.querySelector<HTMLAnchorElement>('[data-search-all]')!;
const run = connectSearch(input, view, (query) => {
  all.href = `/search/?q=${encodeURIComponent(query)}`;
});
dialog.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
dialog.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close(); // a click on the backdrop
});

export function open(): void {
  if (!dialog.open) dialog.showModal();
  input.focus();
  // Anything typed while this module was loading has had no input event: search it now.
  if (input.value) void run(input.value);
  else {
    // The opener said "loading" while this module loaded; until the reader types, say nothing.
    if (view.status.textContent === view.status.dataset['tLoading']) view.status.textContent = '';
    void loadEngine().catch(() => undefined); // warm up; a failure shows when the reader searches
  }
}
