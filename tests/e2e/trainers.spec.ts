import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('the trainers page', () => {
  test('lists every contract section with its link, a copy button and a QR code', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/trainers/');
    const list = page.locator('.section-links > li');
    await expect(list).toHaveCount(14);
    await expect(page.getByRole('img', { name: /^קוד QR לסעיף/ })).toHaveCount(14);
    await page.getByRole('button', { name: 'העתקת הקישור לסעיף „לולאת משוב אסטרטגית”' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/in-house/#feedback-loop`);
  });

  test('offers the case scenarios that open the checklist pre-filled, and a workshop flow', async ({ page }) => {
    await page.goto('/trainers/');
    const cases = page.getByRole('link', { name: /^לפתוח את התרחיש/ });
    expect(await cases.count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByRole('heading', { name: 'מהלך מוצע לסדנה' })).toBeVisible();
    await cases.first().click();
    await expect(page.locator('[data-result]')).toHaveAttribute('data-recommendation', /^(in-house|outsource|hybrid)$/);
  });

  test('the handout prints on one A4 page', async ({ page }) => {
    await page.goto('/trainers/handout/');
    await page.evaluate(async () => {
      for (const img of document.images) {
        img.loading = 'eager';
        await img.decode().catch(() => undefined);
      }
    });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
  });

  for (const path of ['/trainers/', '/trainers/handout/']) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
    });
  }
});
