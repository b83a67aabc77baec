import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './site.ts';

const QUESTIONS = {
  complexity: 'שאלה 1',
  brand: 'שאלה 2',
  feedback: 'שאלה 3',
  volume: 'שאלה 4',
  coverage: 'שאלה 5',
  focus: 'שאלה 6',
} as const;
const LABELS = ['לא רלוונטי', 'במידה מסוימת', 'במידה רבה'] as const;
type Key = keyof typeof QUESTIONS;

const result = (page: Page) => page.locator('[data-result]');
const group = (page: Page, key: Key) => page.getByRole('group', { name: new RegExp(`^${QUESTIONS[key]}`) });

async function answerByClicking(page: Page, answers: Record<Key, 0 | 1 | 2>) {
  for (const [key, value] of Object.entries(answers) as [Key, 0 | 1 | 2][]) {
    await group(page, key).getByRole('radio', { name: new RegExp(LABELS[value]) }).check();
  }
}

test.describe('the decision checklist', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/checklist/');
  });

  const cases: Array<[string, Record<Key, 0 | 1 | 2>, string]> = [
    ['nothing calls for outsourcing', { complexity: 1, brand: 0, feedback: 0, volume: 0, coverage: 0, focus: 0 }, 'in-house'],
    ['nothing pulls toward in-house', { complexity: 0, brand: 0, feedback: 0, volume: 1, coverage: 0, focus: 0 }, 'outsource'],
    ['in-house leads by two', { complexity: 2, brand: 2, feedback: 0, volume: 1, coverage: 1, focus: 0 }, 'in-house'],
    ['outsourcing leads by two', { complexity: 1, brand: 0, feedback: 0, volume: 2, coverage: 1, focus: 0 }, 'outsource'],
    ['the two sides are within one point', { complexity: 2, brand: 1, feedback: 0, volume: 2, coverage: 0, focus: 0 }, 'hybrid'],
  ];
  for (const [why, answers, expected] of cases) {
    test(`recommends ${expected} by clicks when ${why}`, async ({ page }) => {
      await expect(result(page)).not.toHaveAttribute('data-recommendation');
      await answerByClicking(page, answers);
      await expect(result(page)).toHaveAttribute('data-recommendation', expected);
    });
  }

  test('shows progress before the sixth answer and no recommendation until then', async ({ page }) => {
    await group(page, 'complexity').getByRole('radio', { name: /במידה רבה/ }).check();
    await group(page, 'brand').getByRole('radio', { name: /לא רלוונטי/ }).check();
    await expect(page.getByText('נענו 2 מתוך 6 שאלות')).toBeVisible();
    await expect(result(page)).not.toHaveAttribute('data-recommendation');
  });

  test('can be completed with the keyboard alone, and the result is announced once', async ({ page }) => {
    await group(page, 'complexity').getByRole('radio').first().focus();
    // In each radio group: arrows move and select; Tab goes on to the next group's links and radios.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowLeft'); // RTL: left moves to the next option ("במידה מסוימת")
      if (i < 5) {
        await page.keyboard.press('Tab'); // the guide link of the next question
        await page.keyboard.press('Tab'); // into the next radio group
      }
    }
    await expect(page.getByText('נענו 6 מתוך 6 שאלות')).toBeVisible();
    // 3 × "partly" against 3 × "partly": balanced.
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
    await expect(page.locator('#announcer')).toHaveText(/^כל השאלות נענו\. ההמלצה: /);
  });

  test('explains which answers pushed which way, each linked to its guide section', async ({ page }) => {
    await page.goto('/checklist/?complexity=2&brand=0&feedback=1&volume=2&coverage=0&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
    const reasons = result(page).getByRole('listitem').filter({ has: page.getByRole('link') });
    await expect(result(page).getByRole('link', { name: 'מורכבות המוצר' })).toHaveAttribute('href', '/guide/in-house/#complex-products');
    await expect(result(page).getByRole('link', { name: 'לולאת המשוב' })).toBeVisible();
    await expect(result(page).getByRole('link', { name: 'תנודות בנפח הפניות' })).toHaveAttribute('href', '/guide/outsource/#volume-peaks');
    await expect(result(page).getByRole('link', { name: 'חוויית המותג' })).toBeHidden();
    expect(await reasons.filter({ visible: true }).count()).toBeGreaterThanOrEqual(3);
    await expect(result(page).getByText('השיקולים מאוזנים')).toBeVisible();
  });

  test('shows the four HR-control risks with mitigations for outsource and hybrid, not for in-house', async ({ page }) => {
    await page.goto('/checklist/?complexity=0&brand=0&feedback=0&volume=2&coverage=2&focus=2');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
    const risks = result(page).getByRole('group').filter({ has: page.getByRole('checkbox') });
    await expect(risks).toHaveCount(4);
    await page.goto('/checklist/?complexity=2&brand=2&feedback=2&volume=0&coverage=0&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await expect(result(page).getByRole('checkbox').first()).toBeHidden();
  });

  test('round-trips through the address: open a link, change an answer, reload', async ({ page }) => {
    await page.goto('/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0');
    await expect(group(page, 'brand').getByRole('radio', { name: /במידה רבה/ })).toBeChecked();
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await group(page, 'volume').getByRole('radio', { name: /במידה רבה/ }).check();
    await group(page, 'focus').getByRole('radio', { name: /במידה רבה/ }).check();
    await expect(page).toHaveURL(/\?complexity=2&brand=2&feedback=1&volume=2&coverage=1&focus=2$/);
    await page.reload();
    await expect(group(page, 'focus').getByRole('radio', { name: /במידה רבה/ })).toBeChecked();
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
  });

  test('remembers answers and ticks on this device, lets the address win, and resets', async ({ page }) => {
    await answerByClicking(page, { complexity: 0, brand: 0, feedback: 0, volume: 2, coverage: 2, focus: 1 });
    await result(page).getByRole('checkbox').first().check();
    await page.goto('/checklist/');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
    await expect(page).toHaveURL(/volume=2/);
    await expect(result(page).getByRole('checkbox').first()).toBeChecked();
    await page.goto('/checklist/?complexity=2&brand=2&feedback=2&volume=0&coverage=0&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await page.getByRole('button', { name: 'איפוס התשובות' }).click();
    await expect(page).toHaveURL('/checklist/');
    await expect(result(page)).not.toHaveAttribute('data-recommendation');
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(group(page, 'complexity').getByRole('radio').first()).toBeFocused();
    await page.reload();
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  });

  test('copies a link to these answers', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/checklist/?complexity=1&brand=1&feedback=1&volume=1&coverage=1&focus=1');
    await page.getByRole('button', { name: 'העתקת קישור לתשובות' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}/checklist/?complexity=1&brand=1&feedback=1&volume=1&coverage=1&focus=1`,
    );
    await expect(page.locator('#announcer')).toHaveText('הקישור לתשובות הועתק');
  });

  test('lists the workshop cases, each opening the checklist pre-filled', async ({ page }) => {
    const links = page.getByRole('link', { name: /^לפתוח את התרחיש/ });
    expect(await links.count()).toBeGreaterThanOrEqual(4);
    await links.first().click();
    await expect(page).toHaveURL(/\/checklist\/\?complexity=\d&brand=\d&feedback=\d&volume=\d&coverage=\d&focus=\d$/);
    await expect(result(page)).toHaveAttribute('data-recommendation', /^(in-house|outsource|hybrid)$/);
  });

  test('prints the answers, the result and the mitigations on one A4 page', async ({ page }) => {
    await page.goto('/checklist/?complexity=1&brand=0&feedback=1&volume=2&coverage=2&focus=1');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: 'תרחישים לסדנה' })).toBeHidden();
    await expect(result(page).getByRole('checkbox').first()).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
  });

  test('has no axe violations with the result shown', async ({ page }) => {
    await page.goto('/checklist/?complexity=1&brand=0&feedback=1&volume=2&coverage=2&focus=1');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('bad parameters in a checklist link', () => {
  const bad: Array<[string, string, string[]]> = [
    ['an out-of-range value', 'complexity=2&brand=5&feedback=1&volume=0&coverage=1&focus=0', ['חוויית המותג']],
    ['a repeated key', 'complexity=2&brand=1&brand=2&feedback=1&volume=0&coverage=1&focus=0', ['חוויית המותג']],
    ['markup in a value', 'complexity=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&brand=1', ['מורכבות המוצר']],
    ['a script in a key', '%3Cscript%3Ealert(1)%3C%2Fscript%3E=2&brand=1', []],
    ['a javascript: URL', 'feedback=javascript:alert(1)', ['לולאת המשוב']],
    ['__proto__', '__proto__=1&__proto__[brand]=2&constructor=1&focus=1', []],
    ['a very long value', `coverage=${'1'.repeat(1000)}&focus=2`, ['שירות 24/7 ובשפות רבות']],
    ['invalid percent-encoding', 'brand=%E0%A4%A&volume=%&focus=1', ['חוויית המותג', 'תנודות בנפח הפניות']],
  ];
  for (const [what, query, named] of bad) {
    test(`ignores ${what} with a polite Hebrew notice, no dialog and no injected element`, async ({ page }) => {
      const errors = watchConsole(page);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(`/checklist/?${query}`);
      const notice = page.locator('[data-notice]');
      await expect(notice).toBeVisible();
      await expect(notice).toHaveAttribute('role', 'status');
      for (const label of named) await expect(notice).toContainText(label);
      await expect(notice).not.toContainText('<');
      expect(await page.locator('decision-checklist img, decision-checklist script, [onerror]').count()).toBe(0);
      await expect(result(page)).not.toHaveAttribute('data-recommendation');
      expect(dialogs).toBe(0);
      expect(errors).toEqual([]);
    });
  }

  test('ignores an absurdly long address as a whole', async ({ page }) => {
    await page.goto(`/checklist/?complexity=1&pad=${'x'.repeat(3000)}`);
    await expect(page.locator('[data-notice]')).toContainText('הכתובת ארוכה מדי');
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the questions, explanations and guide links are all there, with a note about the result', async ({ page }) => {
    await page.goto('/checklist/');
    await expect(page.getByRole('group', { name: /^שאלה \d/ })).toHaveCount(6);
    await expect(page.getByRole('link', { name: /^לסעיף במדריך/ })).toHaveCount(6);
    await expect(page.getByText('החישוב של התוצאה נעשה בדפדפן ודורש JavaScript')).toBeVisible();
  });
});
