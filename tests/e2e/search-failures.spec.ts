import { scriptsReady } from './site.ts';
import { expect, test, type Page } from '@playwright/test';

/**
 * Search on a bad connection (issue 13): every fetch search makes (Pagefind's code and index, the
 * lexicon and its chunks, the dialog's own code) has a loading state, a time limit, a Hebrew
 * failure message and a way to try again.
 */
const status = (page: Page) => page.getByRole('main').getByRole('status');
const retry = (page: Page) => page.getByRole('main').getByRole('button', { name: 'לנסות שוב' });

// page.route() does not see what a service worker answers, and the site's worker (registered after
// the first paint) precaches the scripts and the search engine: with it, a slow run could load the
// very file this test makes fail. These tests are about a failed fetch, so no worker here.
test.use({ serviceWorkers: 'block' });

const failures: Array<[string, string]> = [
  ["Pagefind's code", '**/pagefind/pagefind.js*'],
  ['the lexicon', '**/search/lexicon.json'],
  ["the lexicon's chunks", '**/search/lexicon/*.json'],
  ["Pagefind's index", '**/pagefind/index/**'],
  ['the pages\' text', '**/pagefind/fragment/**'],
];
for (const [what, pattern] of failures) {
  test(`when ${what} cannot load, search says so in Hebrew and the retry button searches again`, async ({ page }) => {
    await page.route(pattern, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto('/search/?q=' + encodeURIComponent('הדרכה'));
    await expect(status(page)).toHaveText('החיפוש לא נטען: אין חיבור, או שהשרת לא ענה בזמן.');
    await expect(retry(page)).toBeVisible();
    await page.unroute(pattern);
    await retry(page).click();
    await expect(status(page)).toContainText('נמצא');
    await expect(page.locator('main [data-search-results] a').first()).toBeVisible();
    await expect(retry(page)).toBeHidden();
  });
}

test('a slow lexicon shows a loading state, then the results', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/search/lexicon.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/?q=' + encodeURIComponent('הדרכה'));
  await expect(status(page)).toHaveText('טוענים את החיפוש…');
  release();
  await expect(status(page)).toContainText('נמצא');
});

test('a connection that never answers ends in the failure message once the time limit passes, saying first that it is slow', async ({ page }) => {
  await page.clock.install();
  await page.route('**/search/lexicon/*.json', () => undefined); // never answered
  await page.goto('/search/?q=' + encodeURIComponent('הדרכה'));
  await expect(status(page)).toHaveText('טוענים את החיפוש…');
  await page.clock.runFor(5_000);
  await expect(status(page)).toHaveText('החיבור איטי. החיפוש עדיין נטען…');
  await page.clock.runFor(20_000);
  await expect(status(page)).toHaveText('החיפוש לא נטען: אין חיבור, או שהשרת לא ענה בזמן.');
  await expect(retry(page)).toBeVisible();
});

test('when the dialog\'s code fails to load, the search button still leads to the search page, with what was typed', async ({ page }) => {
  await page.route(/\/_astro\/dialog\.[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/guide/in-house/');
  await page.getByRole('banner').getByRole('link', { name: 'חיפוש' }).click();
  await expect(page).toHaveURL(/\/search\/$/);
  await expect(page.getByRole('main').getByRole('searchbox', { name: 'חיפוש במדריך' })).toBeVisible();
});

test('when the dialog\'s code never arrives, the search page opens after the time limit', async ({ page }) => {
  await page.clock.install();
  await page.route(/\/_astro\/dialog\.[^/]+\.js$/, () => undefined); // never answered
  await page.goto('/guide/in-house/');
  await scriptsReady(page);
  await page.keyboard.press('Control+k');
  const box = page.getByRole('dialog', { name: 'חיפוש במדריך' }).getByRole('searchbox');
  await expect(box).toBeFocused();
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('טוענים את החיפוש…');
  await box.pressSequentially('עובדים');
  await page.clock.runFor(11_000);
  await expect(page).toHaveURL(/\/search\/\?q=%D7%A2%D7%95%D7%91%D7%93%D7%99%D7%9D$/);
  await expect(page.getByRole('main').getByRole('status')).toContainText('נמצא');
});
