import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { t } from '../../src/i18n/he.ts';
import { htmlFiles } from '../../src/integrations/dist-files.ts';
import { useTheme } from './site.ts';

/** How far apart two boxes are, in px (0 when they touch or overlap). */
async function gap(a: Locator, b: Locator): Promise<number> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  const dx = Math.max(0, x.x - (y.x + y.width), y.x - (x.x + x.width));
  const dy = Math.max(0, x.y - (y.y + y.height), y.y - (x.y + x.height));
  return Math.hypot(dx, dy);
}

/** The computed colour of the site's accent in the page's current theme. */
const accentColour = (page: Page) =>
  page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = 'var(--accent)';
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });

test.describe('copy buttons', () => {
  test('a heading’s copy button shows "הקישור הועתק" beside itself and still announces it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/guide/in-house/');
    await page.getByRole('heading', { name: 'מותגי פרימיום או יוקרה' }).hover();
    const button = page.getByRole('button', { name: 'העתקת קישור לסעיף „מותגי פרימיום או יוקרה”' });
    const confirmation = button.getByText('הקישור הועתק');
    await expect(confirmation).toBeHidden();
    await button.click();
    await expect(confirmation).toBeVisible();
    expect(await gap(button, confirmation), 'distance from the button in px').toBeLessThanOrEqual(12);
    await expect(page.locator('#announcer')).toHaveText('הקישור הועתק');
  });

  test('a copy button on the trainers’ page shows its confirmation beside itself', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/trainers/');
    const button = page.getByRole('button', { name: 'העתקת הקישור לסעיף „תמיכה 24/7 או רב-לשונית”' });
    await button.click();
    await expect(button.getByText('הקישור הועתק')).toBeVisible();
    expect(await gap(button, button.getByText('הקישור הועתק'))).toBeLessThanOrEqual(12);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/outsource/#round-the-clock`);
    await expect(page.locator('#announcer')).toHaveText('הקישור הועתק');
  });

  test('when copying fails, the button says so beside itself and the reason is announced', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto('/trainers/');
    const button = page.getByRole('button', { name: 'העתקת הקישור לסעיף „לולאת משוב אסטרטגית”' });
    await button.click();
    await expect(button.getByText('ההעתקה לא הצליחה')).toBeVisible();
    await expect(button.getByText('הקישור הועתק')).toBeHidden();
    await expect(page.locator('#announcer')).toHaveText(t.heading.copyFailed);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the search box focused on arrival has an accent focus ring, not an error-red one (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/search/');
    const box = page.getByRole('searchbox', { name: 'חיפוש במדריך' });
    await expect(box).toBeFocused();
    const accent = await accentColour(page);
    await expect(box).toHaveCSS('outline-color', accent);
    await expect(box).toHaveCSS('border-top-color', accent);
  });
}

/**
 * Counts that scripts fill in at run time come as templates in data-* attributes. A template for
 * a count comes in the CLDR forms Hebrew uses, named by their category (`…-one`, `…-two`,
 * `…-other`, as `Intl.PluralRules('he')` picks them): a single template with `{n}` is what writes
 * "נמצאו 1 תוצאות", so every other template is checked with its placeholders read as 1.
 */
test('no count in the built pages reads like "נמצאו 1 תוצאות": one is said the Hebrew way', () => {
  const dist = new URL('../../dist/', import.meta.url).pathname;
  /** Singular nouns that happen to end like a plural (-ות, -ים): "1 שירות" is fine. */
  const singular = new Set(['שירות', 'אחריות', 'מדיניות', 'איכות', 'עלות', 'תקשורת', 'זמינות', 'מחוברות', 'תרבות']);
  const found = new Set<string>();
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ');
    const texts = html.split(/<[^>]*>/);
    for (const tag of html.matchAll(/<[a-z][\w-]*([^>]*)>/gi)) {
      for (const [, name, value] of tag[1]!.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) {
        if (!/-(two|few|many|other)$/.test(name!)) texts.push(value!);
      }
    }
    for (const raw of texts) {
      const text = raw.replace(/&quot;/g, '"').replace(/\{\w+\}/g, '1');
      const bad =
        [...text.matchAll(/(?<![\d.,/:])1\s+(\p{Script=Hebrew}+)/gu)].some((m) => /(ים|ות)$/.test(m[1]!) && !singular.has(m[1]!)) ||
        /(נמצאו|נענו|יש)\s+1(?![\d.,])/.test(text);
      if (bad) found.add(`${file}: ${text.trim().slice(0, 80)}`);
    }
  }
  expect([...found]).toEqual([]);
});

/** What the screenshots show, as a reader reaches it. */
const screens: Array<[string, string, (page: Page) => Promise<void>]> = [
  ['home', '/', async (page) => void (await expect(page.getByRole('heading', { level: 1 })).toHaveText('בפנים או בחוץ?'))],
  ['guide-page', '/guide/in-house/', async (page) => void (await expect(page.getByRole('article')).toBeVisible())],
  [
    'checklist-with-result',
    '/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0',
    // in = 2 + 2 + 1, out = 0 + 1 + 0: in-house leads by four.
    async (page) => void (await expect(page.locator('[data-result]')).toHaveAttribute('data-recommendation', 'in-house')),
  ],
  ['search-with-results', '/search/?q=עובדים', async (page) => void (await expect(page.locator('[data-search-results] a').first()).toBeVisible())],
  ['trainers', '/trainers/', async (page) => void (await expect(page.getByRole('heading', { level: 1 })).toHaveText('למנחים ולמרצים'))],
];

for (const theme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`screenshots of the main pages at ${width} px in the ${theme} theme are attached to the report`, async ({ page }, testInfo) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
      for (const [name, path, ready] of screens) {
        await page.goto(path);
        await ready(page);
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        await testInfo.attach(`${name}-${width}-${theme}`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
      }
    });
  }
}
