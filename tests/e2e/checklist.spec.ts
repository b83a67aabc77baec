import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { load as parseYaml } from 'js-yaml';
import { useTheme, watchConsole } from './site.ts';

const QUESTIONS = {
  complexity: 'שאלה 1',
  brand: 'שאלה 2',
  feedback: 'שאלה 3',
  volume: 'שאלה 4',
  coverage: 'שאלה 5',
  focus: 'שאלה 6',
} as const;
const LABELS = ['כלל לא', 'במידה מסוימת', 'במידה רבה'] as const;
type Key = keyof typeof QUESTIONS;

const result = (page: Page) => page.locator('[data-result]');
const form = (page: Page) => page.locator('form.checklist__form');
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
    await group(page, 'brand').getByRole('radio', { name: /כלל לא/ }).check();
    await expect(result(page).getByText('עניתם על 2 מתוך 6.')).toBeVisible();
    await expect(form(page).getByText('עניתם על 2 מתוך 6.')).toBeVisible();
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
    await expect(form(page).getByText('עניתם על 6 מתוך 6.')).toBeVisible();
    // 3 × "partly" against 3 × "partly": balanced.
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
    await expect(page.locator('#announcer')).toHaveText('כל השאלות נענו. ההמלצה: מודל משולב: הליבה בפנים, העומסים בחוץ');
  });

  test('explains which answers pushed which way, each linked to its guide section', async ({ page }) => {
    await page.goto('/checklist/?complexity=2&brand=0&feedback=1&volume=2&coverage=0&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
    const reasons = result(page).getByRole('listitem').filter({ has: page.getByRole('link') });
    // Each reason links to its section under the guide's own heading for it.
    await expect(result(page).getByRole('link', { name: 'מוצרים מורכבים או מיוחדים' })).toHaveAttribute('href', '/guide/in-house/#complex-products');
    await expect(result(page).getByRole('link', { name: 'לולאת משוב אסטרטגית' })).toBeVisible();
    await expect(result(page).getByRole('link', { name: 'תנודות נפח משמעותיות' })).toHaveAttribute('href', '/guide/outsource/#volume-peaks');
    await expect(result(page).getByRole('link', { name: 'מותגי פרימיום או יוקרה' })).toBeHidden();
    await expect(result(page).getByRole('listitem').filter({ hasText: 'מוצרים מורכבים או מיוחדים' })).toHaveText('מוצרים מורכבים או מיוחדים: במידה רבה');
    // The three answers above 0, and no others.
    await expect(reasons.filter({ visible: true })).toHaveText([
      'מוצרים מורכבים או מיוחדים: במידה רבה',
      'לולאת משוב אסטרטגית: במידה מסוימת',
      'תנודות נפח משמעותיות: במידה רבה',
    ]);
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

  test('copies a link to these answers, with a visible confirmation beside the button that is also announced', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/checklist/?complexity=1&brand=1&feedback=1&volume=1&coverage=1&focus=1');
    const copy = page.getByRole('button', { name: 'העתקת קישור לתשובות' });
    const confirmation = result(page).getByText('הקישור לתשובות הועתק');
    await expect(confirmation).toBeHidden();
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}/checklist/?complexity=1&brand=1&feedback=1&volume=1&coverage=1&focus=1`,
    );
    await expect(page.locator('#announcer')).toHaveText('הקישור לתשובות הועתק');
    await expect(confirmation).toBeVisible();
    // Beside the button: on its line (or, where the line is full, right under it), not elsewhere on the page.
    const button = (await copy.boundingBox())!;
    const status = (await confirmation.boundingBox())!;
    expect(status.y).toBeLessThan(button.y + button.height * 2);
    expect(status.y + status.height).toBeGreaterThan(button.y);
  });

  test('opens each workshop case pre-filled, on its result, with the recommendation the case expects', async ({ page }) => {
    const cases = parseYaml(readFileSync(new URL('../../content/checklist/cases.yaml', import.meta.url), 'utf8')) as Array<{
      name: string;
      answers: Record<Key, 0 | 1 | 2>;
      expected: string;
    }>;
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const c of cases) {
      await page.goto('/checklist/');
      await expect(page.getByText('החברות בתרחישים בדויות')).toBeVisible();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: c.name }) });
      await expect(card.getByText('תרחיש בדוי')).toBeVisible();
      await card.getByRole('link', { name: `לפתוח את התרחיש: ${c.name}` }).click();
      const query = (Object.keys(QUESTIONS) as Key[]).map((key) => `${key}=${c.answers[key]}`).join('&');
      await expect(page).toHaveURL(`/checklist/?${query}`);
      await expect(result(page), c.name).toHaveAttribute('data-recommendation', c.expected);
      await expect(page.getByRole('heading', { name: 'התוצאה' })).toBeFocused();
      await expect(result(page)).toBeInViewport();
    }
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

  for (const theme of ['light', 'dark'] as const) {
    test(`has no axe violations with the result and a shared-link notice shown, in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/checklist/?complexity=1&brand=0&feedback=1&volume=2&coverage=2&focus=1');
      await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
      await expect(page.getByText('אתם רואים את התשובות מהקישור')).toBeVisible();
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

test.describe('the checklist page, looked at', () => {
  test('puts each question title, "שאלה N" included, inside its card', async ({ page }) => {
    await page.goto('/checklist/');
    const cards = page.locator('.question-card');
    await expect(cards).toHaveCount(6);
    for (let i = 0; i < 6; i++) {
      const card = (await cards.nth(i).boundingBox())!;
      for (const part of [cards.nth(i).getByText(`שאלה ${i + 1}`, { exact: true }), cards.nth(i).locator('legend')]) {
        await expect(part, `question ${i + 1}`).toBeVisible();
        const box = (await part.boundingBox())!;
        expect(box.y, `question ${i + 1} title starts below the card's top edge`).toBeGreaterThan(card.y);
        expect(box.x).toBeGreaterThanOrEqual(card.x);
        expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
        expect(box.y + box.height).toBeLessThan(card.y + card.height);
      }
    }
  });

  test('makes every answer a tap target of at least 44 by 44 pixels, on a phone too', async ({ page }) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto('/checklist/');
      const radios = page.getByRole('radio');
      await expect(radios).toHaveCount(18);
      for (const radio of await radios.all()) {
        const box = await radio.boundingBox();
        expect(box && box.width >= 44 && box.height >= 44, `${width}px: ${JSON.stringify(box)}`).toBe(true);
      }
    }
  });

  test('names the lowest answer "כלל לא" and never "לא רלוונטי"', async ({ page }) => {
    await page.goto('/checklist/');
    await expect(page.getByRole('radio', { name: /^כלל לא/ })).toHaveCount(6);
    await expect(page.getByText('לא רלוונטי')).toHaveCount(0);
  });

  test('says where the result is shown that the scoring rule and the hybrid outcome are this site\'s synthesis', async ({ page }) => {
    await page.goto('/checklist/?complexity=2&brand=1&feedback=0&volume=2&coverage=0&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
    await expect(result(page).getByText(/כלל הניקוד.*והמודל המשולב.*הם סיכום של האתר הזה ולא חלק מהמאמר/)).toBeVisible();
  });
});

test.describe('a link with answers', () => {
  test('lands on the result and focuses it', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await expect(page.getByRole('heading', { name: 'התוצאה' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'התוצאה' })).toBeInViewport();
    await expect(result(page).getByText('להשאיר את שירות הלקוחות בתוך הארגון')).toBeInViewport();
  });

  test('does not move a reader who opens the checklist without answers in the address', async ({ page }) => {
    await page.goto('/checklist/');
    await expect(page.getByRole('heading', { name: 'רשימת ההחלטה', level: 1 })).toBeInViewport();
    await expect(page.getByRole('heading', { name: 'התוצאה' })).not.toBeFocused();
  });

  test('says it overrides the stored answers for this view, leaves them alone, and saves them only on request', async ({ page }) => {
    await page.goto('/checklist/');
    await answerByClicking(page, { complexity: 0, brand: 0, feedback: 0, volume: 2, coverage: 2, focus: 2 });
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
    await expect(page.getByText('אתם רואים את התשובות מהקישור')).toBeHidden();

    await page.goto('/checklist/?complexity=2&brand=2&feedback=2&volume=0&coverage=0&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await expect(page.getByText('אתם רואים את התשובות מהקישור. התשובות ששמרתם במכשיר הזה לא השתנו.')).toBeVisible();
    // Exploring the link changes the view only.
    await group(page, 'brand').getByRole('radio', { name: /במידה מסוימת/ }).check();
    await page.goto('/checklist/');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');

    // Back to one's own answers from a link.
    await page.goto('/checklist/?complexity=2&brand=2&feedback=2&volume=0&coverage=0&focus=0');
    await page.getByRole('button', { name: 'לחזור לתשובות שלי' }).click();
    await expect(result(page)).toHaveAttribute('data-recommendation', 'outsource');
    await expect(page).toHaveURL('/checklist/?complexity=0&brand=0&feedback=0&volume=2&coverage=2&focus=2');
    await expect(page.locator('#announcer')).toHaveText('חזרתם לתשובות ששמרתם במכשיר הזה.');

    // Keeping a link's answers is the reader's explicit choice.
    await page.goto('/checklist/?complexity=2&brand=2&feedback=2&volume=0&coverage=0&focus=0');
    await page.getByRole('button', { name: 'לשמור את התשובות מהקישור' }).click();
    await expect(page.getByText('אתם רואים את התשובות מהקישור')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'התוצאה' })).toBeFocused();
    await page.goto('/checklist/');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
  });

  test('offers to save a link when nothing is stored yet, without a way "back" to nothing', async ({ page }) => {
    await page.goto('/checklist/?complexity=2&brand=2&feedback=2&volume=0&coverage=0&focus=0');
    await expect(page.getByText('הן לא נשמרו במכשיר הזה')).toBeVisible();
    await expect(page.getByRole('button', { name: 'לחזור לתשובות שלי' })).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('checklist:answers'))).toBeNull();
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
    await expect(page.getByText('את ההמלצה מחשב הדפדפן, ולכן היא דורשת JavaScript')).toBeVisible();
    await expect(page.getByRole('button', { name: 'שמירת התשובות בכתובת' })).toBeVisible();
  });
});
