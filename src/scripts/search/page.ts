/**
 * /search/: reads ?q=, shows the results, and keeps the address in step with the box, so a
 * trainer can share a search. A new query gets its own history entry (once, when the reader starts
 * it); further keystrokes refine that entry, so Back returns to the previous search.
 */
import { connectSearch } from './controller.ts';
import { loadEngine } from './engine.ts';
import { viewOf } from './render.ts';

const root = document.querySelector<HTMLElement>('[data-search-page]')!;
const { input, view } = viewOf(root);
root.querySelector<HTMLElement>('[data-search-nojs]')!.hidden = true;

const queryOf = () => new URLSearchParams(location.search).get('q') ?? '';
let entryStarted = false;
const run = connectSearch(input, view, (query) => {
  if (query === queryOf()) return;
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  if (entryStarted) history.replaceState(history.state, '', url);
  else history.pushState(history.state, '', url);
  entryStarted = true;
});
input.form?.addEventListener('submit', (event) => {
  event.preventDefault();
  entryStarted = false; // the next query starts a new entry
  void run(input.value);
});
addEventListener('popstate', () => {
  entryStarted = false;
  input.value = queryOf();
  void run(input.value);
});
// Like every page script this one starts after the first paint: what the reader has typed into
// the box by then is their search, and wins over the address's ?q=.
input.value = input.value !== input.defaultValue ? input.value : queryOf();
if (input.value) void run(input.value);
else void loadEngine().catch(() => undefined); // the reader came to search: be ready for the first key (a failure shows then)
