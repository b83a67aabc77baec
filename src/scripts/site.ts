/**
 * The only script every page loads before interaction: the theme switch and the copy-link
 * buttons. Strings come from the server-rendered markup (data-* attributes), so no dictionary
 * is shipped; heavier features (search) load their own code on first use.
 */

const root = document.documentElement;
const announcer = document.getElementById('announcer');

/** Says something once to screen readers through the page's polite live region. */
export function announce(message: string): void {
  if (!announcer) return;
  announcer.textContent = '';
  // A fresh text node after a tick makes screen readers announce a repeated message too.
  setTimeout(() => (announcer.textContent = message), 50);
}

// Theme: the saved choice (if any) was applied before first paint by theme-init.js.
const darkQuery = matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (root.dataset['theme'] ?? (darkQuery.matches ? 'dark' : 'light')) === 'dark';
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const sync = () => {
    const dark = isDark();
    button.setAttribute('aria-label', (dark ? button.dataset['labelLight'] : button.dataset['labelDark']) ?? '');
    button.dataset['current'] = dark ? 'dark' : 'light';
  };
  button.hidden = false;
  sync();
  darkQuery.addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    sync();
  });
}

// Copy-link buttons on headings: copy the absolute URL that ends in the section's stable id.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = new URL(location.href);
    url.search = '';
    url.hash = button.dataset['copyLink'] ?? '';
    try {
      await navigator.clipboard.writeText(url.href);
      button.dataset['state'] = 'copied';
      announce(announcer?.dataset['copied'] ?? '');
      setTimeout(() => delete button.dataset['state'], 2000);
    } catch {
      announce(announcer?.dataset['copyFailed'] ?? '');
    }
  });
}
