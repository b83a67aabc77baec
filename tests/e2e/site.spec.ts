import { expect, test } from '@playwright/test';
import { builtPages, guidePaths, SECTION_IDS, watchConsole } from './site.ts';

const pages = builtPages();

test.describe('every built page', () => {
  for (const path of pages) {
    test(`${path} is Hebrew, right to left, and loads without console errors or other origins`, async ({ page, baseURL }) => {
      const errors = watchConsole(page);
      const foreign: string[] = [];
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(req.url());
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.locator('html')).toHaveAttribute('lang', 'he');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    });
  }
});

test('every contract section id stands on exactly one guide page, on a heading', async ({ page }) => {
  const found = new Map<string, string[]>();
  for (const path of guidePaths()) {
    await page.goto(path);
    for (const id of SECTION_IDS) {
      const count = await page.locator(`[id="${id}"]`).count();
      if (count > 0) found.set(id, [...(found.get(id) ?? []), ...Array<string>(count).fill(path)]);
      if (count === 1) {
        expect(await page.locator(`[id="${id}"]`).evaluate((el) => el.tagName)).toMatch(/^H[23]$/);
      }
    }
  }
  for (const id of SECTION_IDS) expect(found.get(id), `pages with #${id}`).toHaveLength(1);
});

test('the guide navigation and previous/next links walk the whole guide in order', async ({ page }) => {
  const order = guidePaths();
  expect(order.length).toBeGreaterThanOrEqual(5);
  await page.goto(order[0]!);
  const nav = page.getByRole('navigation', { name: 'חלקי המדריך', exact: true });
  await expect(nav.getByRole('link')).toHaveCount(order.length);
  for (const [i, path] of order.entries()) {
    await expect(page).toHaveURL(path);
    await expect(nav.getByRole('link').nth(i)).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    const pager = page.getByRole('navigation', { name: 'מעבר בין חלקי המדריך' });
    if (i === 0) await expect(pager.getByRole('link', { name: /הקודם/ })).toHaveCount(0);
    if (i < order.length - 1) await pager.getByRole('link', { name: /הבא/ }).click();
    else await expect(pager.getByRole('link', { name: /הבא/ })).toHaveCount(0);
  }
  for (let i = order.length - 1; i > 0; i--) {
    await page.getByRole('navigation', { name: 'מעבר בין חלקי המדריך' }).getByRole('link', { name: /הקודם/ }).click();
    await expect(page).toHaveURL(order[i - 1]!);
  }
});

for (const path of guidePaths()) {
  test(`the table of contents of ${path} lists its sections in order, and each link lands on its section`, async ({ page }) => {
    await page.goto(path);
    const links = page.getByRole('navigation', { name: 'בעמוד זה' }).getByRole('link');
    // The page's own sections: the headings with heading tools (not the checklist's result heading).
    const ids = await page.locator('.prose .heading :is(h2, h3)[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.length, 'sections on the page').toBeGreaterThan(0);
    await expect(links).toHaveCount(ids.length);
    for (const [i, id] of ids.entries()) {
      const link = links.nth(i);
      const href = (await link.getAttribute('href'))!;
      expect(decodeURIComponent(href), `link ${i + 1}`).toBe(`#${id}`);
      const name = (await link.textContent())!.trim();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      const target = page.locator(`[id="${id}"]`);
      await expect(target).toHaveText(name);
      await expect(target).toBeInViewport();
    }
  });
}

test('the copy-link button copies the absolute section URL and says so in Hebrew', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/guide/in-house/');
  const heading = page.getByRole('heading', { name: 'מוצרים מורכבים או מיוחדים' });
  await heading.hover();
  await page.getByRole('button', { name: /העתקת קישור לסעיף „מוצרים מורכבים או מיוחדים”/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/in-house/#complex-products`);
  await expect(page.getByRole('status')).toHaveText('הקישור הועתק');
});

test('every heading links to itself, and the link shows on keyboard focus', async ({ page }) => {
  await page.goto('/guide/outsource/');
  const link = page.getByRole('link', { name: 'קישור לסעיף „תנודות נפח משמעותיות”' });
  await expect(link).toHaveAttribute('href', '#volume-peaks');
  await link.focus();
  await expect(link.locator('xpath=..')).toHaveCSS('opacity', '1');
});

test('the theme choice persists across pages without a flash of the other theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/guide/decision/');
  await page.getByRole('button', { name: 'מעבר לערכה כהה' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // On the next page, record the theme at the moment <body> is created, i.e. before first paint.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset['theme'];
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.getByRole('navigation', { name: 'מעבר בין חלקי המדריך' }).getByRole('link', { name: /הבא/ }).click();
  await expect(page).toHaveURL('/guide/in-house/');
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');
  await expect(page.getByRole('button', { name: 'מעבר לערכה בהירה' })).toBeVisible();
});

test('an unknown address shows the Hebrew 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('העמוד לא נמצא');
  await page.getByRole('link', { name: 'חזרה לדף הבית' }).click();
  await expect(page).toHaveURL('/');
});

test('a guide page at 390 px is readable and its screenshot is attached to the report', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/guide/in-house/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  const fontSize = await page.locator('.prose p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(17);
  await page.evaluate(() => document.fonts.ready);
  await testInfo.attach('guide-page-390px', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('a guide page prints without navigation chrome and with link targets shown', async ({ page }) => {
  await page.goto('/guide/decision/');
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['banner', 'contentinfo'] as const) await expect(page.getByRole(chrome)).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'חלקי המדריך', exact: true })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'מעבר בין חלקי המדריך' })).toBeHidden();
  const link = page.locator('.prose a[href^="/"]').first();
  const href = (await link.getAttribute('href'))!;
  expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (${href})"`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
