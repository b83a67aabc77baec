import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { htmlFiles } from '../../src/integrations/dist-files.ts';
import { SECTION_IDS } from '../../src/lib/contract.ts';
import { pagePath } from '../../src/lib/page-path.ts';
import { t } from '../../src/i18n/he.ts';

export { SECTION_IDS };

const dist = new URL('../../dist/', import.meta.url).pathname;

/** Every HTML page of the built site, as the URL path a reader opens. */
export function builtPages(): string[] {
  return htmlFiles(dist).map(pagePath).sort();
}

/** The guide's pages in reading order, read from the built guide index. */
export function guidePaths(): string[] {
  const html = readFileSync(join(dist, 'guide/index.html'), 'utf8');
  return [...html.matchAll(/class="card__link" href="([^"]+)"/g)].map((m) => m[1]!);
}

/** Fails the test on any console error or uncaught exception on the page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Sets the site's theme the way a reader's earlier choice would: saved on the device. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('theme', t), theme);
  await page.emulateMedia({ colorScheme: theme });
}

/**
 * Waits until the page's scripts have run. They start only after the first paint
 * (src/lib/page-scripts.ts), so a test that presses a shortcut or fires a page event right after
 * `goto` waits first, as a reader's first keystroke naturally does. The sign: the header's theme
 * switch, hidden until the site-wide script (site.ts, which also holds the shortcuts) has made it
 * work. By attribute, since the talk's pages hide the header.
 */
export async function scriptsReady(page: Page): Promise<void> {
  await expect(page.locator('[data-theme-toggle][data-upgraded]').first()).toBeAttached();
}

/** Waits until the /search/ page's own script has run: it hides the line saying search needs JavaScript. */
export async function searchPageReady(page: Page): Promise<void> {
  await expect(page.getByText(t.search.noScript)).toBeHidden();
}
