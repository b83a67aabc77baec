/** The search dialog in the header: loaded on first use, so article pages ship no search code. */
import { connectSearch, viewOf } from './controller.ts';
import { loadEngine } from './engine.ts';

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
  void loadEngine();
  // Anything typed while this module was still loading has had no input event: search it now.
  if (input.value) void run(input.value);
}
