import { expect, test } from '@playwright/test';
import { watchConsole } from './site.ts';

const dialog = (page: import('@playwright/test').Page) => page.getByRole('dialog', { name: 'חיפוש במדריך' });

test('a guide page loads no search code until the reader opens search', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/guide/outsource/', { waitUntil: 'networkidle' });
  expect(requests.filter((p) => p.startsWith('/pagefind/') || /search|controller|hebrew-search/.test(p))).toEqual([]);
  await page.keyboard.press('/');
  await expect(dialog(page)).toBeVisible();
  await expect.poll(() => requests.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
});

test('the header button opens search; results appear as the reader types, with the matched words marked', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/guide/decision/');
  await page.getByRole('banner').getByRole('link', { name: 'חיפוש' }).click();
  const box = dialog(page).getByRole('searchbox', { name: 'חיפוש במדריך' });
  await expect(box).toBeFocused();
  await box.pressSequentially('עובדים');
  const results = dialog(page).locator('[data-search-results]');
  await expect(results.getByRole('link').first()).toBeVisible();
  await expect(results.locator('mark').first()).toContainText('עובד');
  await expect(dialog(page).getByRole('status')).toContainText('נמצאו');
  expect(errors).toEqual([]);
});

test('Ctrl+K opens search, arrows reach the results, and a result lands on its section with the words marked', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  const box = dialog(page).getByRole('searchbox');
  await box.fill('תגמול');
  const first = dialog(page).locator('[data-search-results]').getByRole('link').first();
  await expect(first).toHaveAttribute('href', /^\/guide\/hr-control\/\?mark=[^#]+#engagement-retention$/);
  await box.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/guide\/hr-control\/\?mark=.+#engagement-retention$/);
  await expect(page.locator('#engagement-retention')).toBeInViewport();
  await expect(page.locator('.prose mark').first()).toHaveText('התגמול');
});

test('Escape closes the search dialog and returns focus', async ({ page }) => {
  await page.goto('/guide/in-house/');
  const button = page.getByRole('banner').getByRole('link', { name: 'חיפוש' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('/search/?q= lists results in rank order inside data-search-results, and the back button works', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('מומחיות'));
  const links = page.locator('main [data-search-results] a');
  await expect(links.first()).toHaveAttribute('href', /^\/guide\/in-house\/\?mark=.+#complex-products$/);
  const box = page.getByRole('searchbox', { name: 'חיפוש במדריך' });
  await box.fill('תשתית');
  await box.press('Enter');
  await expect(page).toHaveURL(/\?q=%D7%AA%D7%A9%D7%AA%D7%99%D7%AA$/);
  await expect(links.first()).toHaveAttribute('href', /#volume-peaks$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=%D7%9E%D7%95%D7%9E%D7%97%D7%99%D7%95%D7%AA$/);
  await expect(links.first()).toHaveAttribute('href', /#complex-products$/);
});

test('a search with no match says so in Hebrew and offers the guide', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('קוונטים'));
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/לא נמצאו תוצאות עבור „קוונטים”/);
  const offers = page.getByRole('navigation', { name: 'אפשר להתחיל מכאן' });
  await expect(offers.getByRole('link')).toHaveCount(5);
});

const bad: Array<[string, string, RegExp]> = [
  ['markup', '<img src=x onerror=alert(1)>', /נמצאו|לא נמצאו/],
  ['a script tag', '<script>alert(1)</script>', /נמצאו|לא נמצאו/],
  ['bidi control characters', '\u202Eשירות\u202C\u2066', /נמצאו \d+ תוצאות עבור „שירות”/],
  ['a 1,000-character query', 'שירות '.repeat(167).slice(0, 1000), /חיפשנו רק את תחילתו|ארוך מדי/],
  ['a lone particle', 'ו', /קצר מדי לחיפוש/],
  ['only punctuation', '?!…״,;', /הקלידו מילה/],
];
for (const [what, q, message] of bad) {
  test(`search survives ${what}: nothing rendered as HTML, a clear message`, async ({ page }) => {
    const errors = watchConsole(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('/search/?q=' + encodeURIComponent(q));
    await expect(page.getByRole('main').getByRole('status')).toHaveText(message);
    expect(await page.locator('main img, main [onerror], main script:not([src]):not([type])').count()).toBe(0);
    expect(await page.getByRole('main').getByRole('status').innerHTML()).not.toContain('<');
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
}

test('excerpts show the guide text only, never the heading tools', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('ארגון'));
  const excerpts = page.locator('main [data-search-results] .search-result__excerpt');
  await expect(excerpts.first()).toBeVisible();
  for (const text of await excerpts.allTextContents()) expect(text).not.toMatch(/(^|\s)#(\s|$)/);
});

test('the "/" key opens search on a Hebrew keyboard layout too, where it types "."', async ({ page }) => {
  await page.goto('/guide/in-house/');
  await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '.', code: 'Slash', bubbles: true })));
  await expect(dialog(page)).toBeVisible();
});

test('an excerpt marks every query word found in the section, in the forms the page uses', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('שביעות רצון'));
  const first = page.locator('main [data-search-results] .search-result__excerpt').first();
  await expect(first.locator('mark')).toHaveText(['ושביעות', 'רצון']);
});
