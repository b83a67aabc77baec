import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { recommend, type CompleteAnswers } from '../../src/lib/checklist-rule.ts';
import { serializeChecklistQuery } from '../../src/lib/checklist-url.ts';
import { parseYamlList } from '../../src/lib/yaml-list.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CASES_FILE = 'content/checklist/cases.yaml';
const cases = parseYamlList(readFileSync(CASES_FILE, 'utf8'), CASES_FILE) as Array<{ name: string; answers: CompleteAnswers }>;

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

  test('offers every workshop case, each opening the checklist on the outcome the rule gives its answers, and a workshop flow', async ({ page }) => {
    await page.goto('/trainers/');
    await expect(page.getByRole('heading', { name: 'מהלך מוצע לסדנה' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^לפתוח את התרחיש/ })).toHaveCount(cases.length);
    for (const { name, answers } of cases) {
      // The outcome comes from the checklist's own rule, not from the case's `expected` field.
      const outcome = recommend(answers);
      expect(outcome, `${name}: all six answers`).not.toBeNull();
      const link = page.getByRole('link', { name: `לפתוח את התרחיש: ${name}` });
      await expect(link).toHaveAttribute('href', `/checklist/?${serializeChecklistQuery(answers)}`);
      await link.click();
      await expect(page.locator('[data-result]'), name).toHaveAttribute('data-recommendation', outcome!);
      await page.goBack();
      await expect(page).toHaveURL('/trainers/');
    }
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
