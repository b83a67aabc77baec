import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { useTheme, watchConsole } from './site.ts';

/**
 * The checklist inside the guide: each case section asks its question in place, the decision page
 * and the bottom line show the recommendation, a pill shows progress, and all of it is the same
 * state as /checklist/.
 */

type Key = 'complexity' | 'brand' | 'feedback' | 'volume' | 'coverage' | 'focus';
const SECTION: Record<Key, { page: string; id: string }> = {
  complexity: { page: '/guide/in-house/', id: 'complex-products' },
  brand: { page: '/guide/in-house/', id: 'premium-brand' },
  feedback: { page: '/guide/in-house/', id: 'feedback-loop' },
  volume: { page: '/guide/outsource/', id: 'volume-peaks' },
  coverage: { page: '/guide/outsource/', id: 'round-the-clock' },
  focus: { page: '/guide/outsource/', id: 'core-focus' },
};
const ORDER = Object.keys(SECTION) as Key[];
const LABELS = ['כלל לא', 'במידה מסוימת', 'במידה רבה'] as const;

/** The question asked under a section: the "ואצלכם?" group that follows the section's heading. */
function askedUnder(page: Page, key: Key): Locator {
  return page.locator(`[id="${SECTION[key].id}"]`).locator('xpath=following::fieldset[1]');
}

async function answerInGuide(page: Page, key: Key, value: 0 | 1 | 2): Promise<void> {
  const question = askedUnder(page, key);
  await expect(question).toHaveAccessibleName(/^ואצלכם\?/);
  await question.getByRole('radio', { name: new RegExp(`^${LABELS[value]}`) }).check();
  // The island may still be arriving (it loads on this first touch): wait until the answer is kept.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('checklist:answers') ?? ''))
    .toMatch(new RegExp(`(^|&)${key}=${value}(&|$)`));
}

const pill = (page: Page) => page.getByRole('link', { name: /^רשימת ההחלטה:/ });
const result = (page: Page) => page.locator('[data-result]');
const checklistGroup = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^שאלה ${n}`) });

test.describe('the checklist embedded in the guide', () => {
  test('asks each of the six questions under its case section, with the three answers', async ({ page }) => {
    for (const key of ORDER) {
      await page.goto(SECTION[key].page);
      const question = askedUnder(page, key);
      await expect(question.getByRole('radio')).toHaveCount(3);
      for (const label of LABELS) await expect(question.getByRole('radio', { name: new RegExp(`^${label}`) })).toHaveCount(1);
    }
    await page.goto('/guide/in-house/');
    await expect(page.getByRole('group', { name: /^ואצלכם\?/ })).toHaveCount(3);
  });

  test('shares one state with /checklist/: three answers on each page give the six and the rule\'s recommendation', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto('/guide/in-house/');
    await answerInGuide(page, 'complexity', 2);
    await answerInGuide(page, 'brand', 2);
    await answerInGuide(page, 'feedback', 1);
    // The answer is confirmed where it was given.
    await expect(askedUnder(page, 'feedback').locator('xpath=..').getByText('עניתם על 3 מתוך 6.')).toBeVisible();

    await page.goto('/guide/outsource/');
    await answerInGuide(page, 'volume', 1);
    await answerInGuide(page, 'coverage', 0);
    await answerInGuide(page, 'focus', 0);
    await expect(pill(page)).toHaveText('רשימת ההחלטה: עניתם על 6 מתוך 6.');

    await page.goto('/checklist/');
    const expected: Record<Key, 0 | 1 | 2> = { complexity: 2, brand: 2, feedback: 1, volume: 1, coverage: 0, focus: 0 };
    for (const [i, key] of ORDER.entries()) {
      await expect(checklistGroup(page, i + 1).getByRole('radio', { name: new RegExp(`^${LABELS[expected[key]]}`) })).toBeChecked();
    }
    // in = 2 + 2 + 1 = 5, out = 1 + 0 + 0 = 1: in - out = 4 ≥ 2, so in-house.
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await expect(page).toHaveURL('/checklist/?complexity=2&brand=2&feedback=1&volume=1&coverage=0&focus=0');

    // A change there is back on the guide page.
    await checklistGroup(page, 5).getByRole('radio', { name: /^במידה רבה/ }).check();
    await page.goto('/guide/outsource/');
    await expect(askedUnder(page, 'coverage').getByRole('radio', { name: /^במידה רבה/ })).toBeChecked();
    await expect(askedUnder(page, 'volume').getByRole('radio', { name: /^במידה מסוימת/ })).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('a reset on /checklist/ clears the guide, and a reset in the guide clears /checklist/', async ({ page }) => {
    await page.goto('/guide/in-house/');
    await answerInGuide(page, 'brand', 1);
    await expect(pill(page)).toBeVisible();
    await page.goto('/checklist/');
    await expect(checklistGroup(page, 2).getByRole('radio', { name: /^במידה מסוימת/ })).toBeChecked();
    await page.getByRole('button', { name: 'איפוס התשובות' }).click();
    await page.goto('/guide/in-house/');
    await expect(askedUnder(page, 'brand').getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(pill(page)).toBeHidden();

    await page.goto('/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0');
    await page.getByRole('button', { name: 'לשמור את התשובות מהקישור' }).click();
    await page.goto('/guide/bottom-line/');
    const embedded = page.locator('[data-result]');
    await expect(embedded).toHaveAttribute('data-recommendation', 'in-house');
    await embedded.getByRole('button', { name: 'איפוס התשובות' }).click();
    await expect(page.locator('#announcer')).toHaveText('התשובות אופסו, כאן ובשאלות שבמדריך.');
    await expect(embedded).not.toHaveAttribute('data-recommendation');
    await page.goto('/checklist/');
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(result(page)).not.toHaveAttribute('data-recommendation');
  });

  test('shows progress on the decision page, then the explained result with its link once all six are answered', async ({ page }) => {
    await page.goto('/guide/in-house/');
    await answerInGuide(page, 'complexity', 1);
    await page.goto('/guide/decision/');
    const embedded = page.locator('[data-result]');
    await expect(embedded.getByRole('heading', { name: 'ההמלצה לפי התשובות שלכם' })).toBeVisible();
    // Hebrew for one: "שאלה אחת", not "1 מתוך 6".
    await expect(embedded.getByText('עניתם על שאלה אחת מתוך 6.')).toBeVisible();
    await expect(pill(page)).toHaveText('רשימת ההחלטה: עניתם על שאלה אחת מתוך 6.');
    await expect(pill(page)).toHaveAttribute('href', '#checklist-result');

    await page.goto('/guide/in-house/');
    await answerInGuide(page, 'brand', 0);
    await answerInGuide(page, 'feedback', 1);
    await page.goto('/guide/outsource/');
    await answerInGuide(page, 'volume', 2);
    await expect(pill(page)).toHaveText('רשימת ההחלטה: עניתם על 4 מתוך 6.');
    await page.goto('/guide/decision/');
    await expect(embedded.getByText('עניתם על 4 מתוך 6.')).toBeVisible();
    await expect(embedded).not.toHaveAttribute('data-recommendation');

    await page.goto('/guide/outsource/');
    await answerInGuide(page, 'coverage', 0);
    await answerInGuide(page, 'focus', 0);
    await page.goto('/guide/decision/');
    // in = 1 + 0 + 1 = 2, out = 2 + 0 + 0 = 2: balanced, so hybrid, explained as on /checklist/.
    await expect(embedded).toHaveAttribute('data-recommendation', 'hybrid');
    await expect(embedded.getByText('מודל משולב: הליבה בפנים, העומסים בחוץ')).toBeVisible();
    await expect(embedded.getByText('השיקולים מאוזנים')).toBeVisible();
    await expect(embedded.getByRole('link', { name: 'תנודות נפח משמעותיות' })).toHaveAttribute('href', '/guide/outsource/#volume-peaks');
    await expect(embedded.getByRole('group').filter({ has: page.getByRole('checkbox') })).toHaveCount(4);
    await expect(embedded.getByRole('link', { name: 'לתשובות ברשימת ההחלטה' })).toHaveAttribute(
      'href',
      '/checklist/?complexity=1&brand=0&feedback=1&volume=2&coverage=0&focus=0',
    );
  });

  test('shows the progress pill only once a first answer exists, linking to the result', async ({ page }) => {
    await page.goto('/guide/hr-control/');
    await expect(page.locator('decision-checklist[data-pill]')).toBeAttached();
    await expect(pill(page)).toBeHidden();
    await page.goto('/guide/in-house/');
    await expect(pill(page)).toBeHidden();
    await answerInGuide(page, 'feedback', 2);
    await expect(pill(page)).toHaveText('רשימת ההחלטה: עניתם על שאלה אחת מתוך 6.');
    await expect(pill(page)).toHaveAttribute('href', '/checklist/');
    await page.goto('/guide/hr-control/');
    await expect(pill(page)).toBeVisible();
    await pill(page).click();
    await expect(page).toHaveURL('/checklist/?feedback=2');
  });

  test('loads the island\'s code on a first-time reader\'s first touch, and at once for a reader with answers', async ({ page }) => {
    const island: string[] = [];
    page.on('request', (request) => {
      if (/\/_astro\/checklist-element\.[^/]+\.js$/.test(request.url())) island.push(request.url());
    });
    await page.goto('/guide/in-house/');
    const question = page.getByRole('group', { name: /^ואצלכם\?/ }).first();
    await question.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(island, 'before any touch, with no answers').toEqual([]);
    // What a first-time reader sees already needs no code: the progress line is server-rendered.
    await expect(question.locator('xpath=..').getByText('עוד לא עניתם על אף שאלה.')).toBeVisible();
    await expect(question.locator('xpath=..').getByRole('button', { name: 'לרשימת ההחלטה עם התשובה' })).toBeHidden();
    await question.getByRole('radio', { name: /^כלל לא/ }).focus();
    await expect.poll(() => island.length).toBe(1);
    await expect(question.locator('xpath=..').getByText('עוד לא עניתם על אף שאלה.')).toBeVisible();
    await question.getByRole('radio', { name: /^כלל לא/ }).check();
    await expect(question.locator('xpath=..').getByText('עניתם על שאלה אחת מתוך 6.')).toBeVisible();

    await page.goto('/guide/hr-control/');
    await expect(pill(page)).toBeVisible();
    expect(island.length, 'a reader with answers gets the island without touching anything').toBe(2);
  });

  test.describe('with the island\'s code held back', () => {
    // page.route() does not see what a service worker answers (it precaches this file).
    test.use({ serviceWorkers: 'block' });

    test('a click before the island has arrived still counts as the answer', async ({ page }) => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/_astro\/checklist-element\.[^/]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/guide/outsource/');
      const question = askedUnder(page, 'coverage');
      await question.getByRole('radio', { name: /^במידה רבה/ }).check();
      release();
      await expect(question.locator('xpath=..').getByText('עניתם על שאלה אחת מתוך 6.')).toBeVisible();
      await expect(question.getByRole('radio', { name: /^במידה רבה/ })).toBeChecked();
      expect(await page.evaluate(() => localStorage.getItem('checklist:answers'))).toBe('coverage=2');
    });

    test('an answer given before the page\'s scripts have run still counts, with no further touch', async ({ page }) => {
      // The page's scripts start after its first paint (src/lib/page-scripts.ts): a fast reader
      // can answer before anything listens. Hold every script back, answer, then let them come.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_astro/*.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/guide/in-house/');
      const question = askedUnder(page, 'brand');
      await question.getByRole('radio', { name: /^במידה רבה/ }).check();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // no further touch
      release();
      await expect(question.locator('xpath=..').getByText('עניתם על שאלה אחת מתוך 6.')).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem('checklist:answers'))).toBe('brand=2');
    });
  });

  test('prints a guide page with the question and the chosen answer marked', async ({ page }) => {
    await page.goto('/guide/in-house/');
    await answerInGuide(page, 'brand', 2);
    await page.reload();
    await page.emulateMedia({ media: 'print' });
    const question = askedUnder(page, 'brand');
    await expect(question).toBeVisible();
    await expect(question.getByRole('radio', { name: /^במידה רבה/ })).toBeChecked();
    const marks = await question.locator('.answer__label').evaluateAll((labels) =>
      labels.map((label) => getComputedStyle(label, '::before').content),
    );
    expect(marks).toEqual(['none', 'none', '"✓ " / ""']);
    for (const label of LABELS) await expect(question.getByText(label, { exact: true })).toBeVisible();
    await expect(pill(page)).toBeHidden();
    await expect(page.getByRole('link', { name: 'לרשימת ההחלטה' }).first()).toBeHidden();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const path of ['/guide/in-house/', '/guide/outsource/', '/guide/decision/', '/guide/bottom-line/']) {
      test(`${path} has no axe violations with its islands present and answered, in the ${theme} theme`, async ({ page }) => {
        await useTheme(page, theme);
        await page.addInitScript(() => localStorage.setItem('checklist:answers', 'complexity=1&brand=0&feedback=1&volume=2&coverage=2&focus=1'));
        await page.goto(path);
        await expect(pill(page)).toBeVisible();
        await expect(page.locator('decision-checklist:not(:defined)')).toHaveCount(0);
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
});

test.describe('the embedded questions without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const key of ORDER) {
    test(`the ${key} question submits to /checklist/ with its answer in the address`, async ({ page }) => {
      await page.goto(SECTION[key].page);
      const question = askedUnder(page, key);
      await question.getByRole('radio', { name: /^במידה מסוימת/ }).check();
      await question.locator('xpath=..').getByRole('button', { name: 'לרשימת ההחלטה עם התשובה' }).click();
      await expect(page).toHaveURL(`/checklist/?${key}=1`);
    });
  }

  test('the recommendation says it needs JavaScript and links to the checklist, and the pill never shows', async ({ page }) => {
    await page.goto('/guide/bottom-line/');
    await expect(page.getByText('את ההמלצה מחשב הדפדפן, ולכן היא דורשת JavaScript')).toBeVisible();
    await expect(page.locator('[data-result]').getByRole('link', { name: 'לרשימת ההחלטה' })).toHaveAttribute('href', '/checklist/');
    await expect(pill(page)).toBeHidden();
  });
});
