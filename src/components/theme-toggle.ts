/**
 * The theme switch (ThemeToggle.astro): light or dark over the system's choice, kept on the
 * device. The saved choice was applied before first paint by theme-init.js (inlined in
 * BaseLayout's <head>); this wires the buttons once site.ts loads it, and marks each
 * data-upgraded so it shows.
 */
import { writeStored } from '../scripts/browser.ts';

const root = document.documentElement;
const darkQuery = matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (root.dataset['theme'] ?? (darkQuery.matches ? 'dark' : 'light')) === 'dark';
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const sync = () => {
    const dark = isDark();
    button.setAttribute('aria-label', (dark ? button.dataset['labelLight'] : button.dataset['labelDark']) ?? '');
    button.dataset['current'] = dark ? 'dark' : 'light';
  };
  sync();
  darkQuery.addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = next;
    // Private mode: the choice lasts for this page only.
    writeStored('theme', next); // the key theme-init.js reads
    sync();
  });
  button.dataset['upgraded'] = '';
}
