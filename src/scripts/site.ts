/**
 * The only script every page loads before interaction: the theme switch (its code sits beside
 * ThemeToggle.astro), the copy-link buttons, the search shortcuts and the service worker's
 * registration. Strings come from the server-rendered markup (data-* attributes), so no
 * dictionary is shipped; heavier features (search, marking found words) load their own code on
 * first use.
 */

// Offline support: the service worker registers after load (nothing added to first paint).
import './offline.ts';
// The guide's embedded checklist: its element's code comes on first touch (nothing without one).
import './checklist-on-demand.ts';
import '../components/theme-toggle.ts';
import { announce, isTyping } from './browser.ts';

const announcer = document.getElementById('announcer');

// Copy-link buttons: copy the absolute URL that ends in the section's stable id, show a short
// confirmation beside the button (data-state, styled in CSS) and announce the full sentence.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    // `#id` copies this page's section; a path (/guide/x/#id) copies that page's, on this origin.
    const url = new URL(button.dataset['copyLink'] ?? '', `${location.origin}${location.pathname}`);
    let copied = true;
    try {
      await navigator.clipboard.writeText(url.href);
    } catch {
      copied = false;
    }
    button.dataset['state'] = copied ? 'copied' : 'failed';
    announce(announcer?.dataset[copied ? 'copied' : 'copyFailed'] ?? '');
    clearTimeout(timer);
    timer = setTimeout(() => delete button.dataset['state'], 4000);
  });
  button.dataset['upgraded'] = '';
}

// Menus built on <details data-dropdown> (the header menu, the guide's folded parts and "בעמוד
// זה"): they open and close without this script; it adds what a menu is expected to do: Escape
// closes it and returns focus to its button, and a click outside it or on one of its links
// closes it. Where a wide layout shows the content as a sidebar, the summary is hidden: skip it.
const dropdowns = [...document.querySelectorAll<HTMLDetailsElement>('details[data-dropdown]')];
const summaryShown = (d: HTMLDetailsElement) => d.querySelector('summary')?.checkVisibility() ?? false;
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const d of dropdowns) {
    if (d.open && summaryShown(d)) {
      d.open = false;
      d.querySelector('summary')?.focus();
    }
  }
});
document.addEventListener('click', (event) => {
  const target = event.target as Element;
  for (const d of dropdowns) {
    if (d.open && summaryShown(d) && (!d.contains(target) || target.closest('a'))) d.open = false;
  }
});

// Search: the header button is a plain link to /search/; with JavaScript it opens the dialog
// instead, and `/` or Ctrl/⌘+K open it from anywhere. The search code loads on first use only:
// the dialog (server-rendered) opens at once and says it is loading; if its code cannot load (a
// deploy removed the file, the network failed, or no answer within 10 s) the reader is taken to
// /search/, where the plain link leads, with anything already typed.
const pageSearch = document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]');
const searchDialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
let dialogCode: Promise<{ open(): void }> | undefined;
const openSearch = () => {
  if (pageSearch || !searchDialog) return pageSearch ? pageSearch.focus() : location.assign('/search/');
  const box = searchDialog.querySelector<HTMLInputElement>('input[type="search"]');
  const status = searchDialog.querySelector<HTMLElement>('[data-search-status]');
  if (!dialogCode && status) status.textContent = status.dataset['tLoading'] ?? '';
  if (!searchDialog.open) searchDialog.showModal();
  box?.focus();
  dialogCode ??= new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), 10_000);
    // One chain on purpose: Vite's preload wrapper then takes the handlers in, so a failed load
    // is handled here (the search page, below, which is the new deploy's page when a deploy
    // removed this code) and is not raised as `vite:preloadError`, which would reload the page
    // instead and lose what was typed (offline.ts reloads for other lazily loaded code).
    import('./search/dialog.ts').then(resolve, reject).finally(() => clearTimeout(timer));
  });
  dialogCode.then(
    // Unless the reader closed the dialog (Escape) while its code was still on the way.
    (code) => searchDialog.open && code.open(),
    () => {
      dialogCode = undefined;
      location.assign(box?.value ? `/search/?q=${encodeURIComponent(box.value)}` : '/search/');
    },
  );
};
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-search-open]')) {
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openSearch();
  });
}
document.addEventListener('keydown', (event) => {
  if ((event.key === 'k' || event.key === 'K' || event.code === 'KeyK') && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    openSearch();
  } else if (
    // The physical "/" key too: on a Hebrew keyboard layout it types "." (event.key) instead.
    (event.key === '/' || event.code === 'Slash') &&
    !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey
  ) {
    event.preventDefault();
    openSearch();
  }
});

// A search result leads here with ?mark= (MARK_PARAM in src/lib/hebrew-words.ts, not imported so
// that every page does not load that module): mark the words it found (code loaded only then).
if (new URLSearchParams(location.search).has('mark')) void import('./search/mark.ts');
