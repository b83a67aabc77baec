import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './site.ts';

/**
 * The checklist when things go wrong: its module fails to load (a 500 or a deploy race on
 * /_astro/*.js), or the device's storage is unavailable or holds garbage. Pages keep working.
 */

const result = (page: Page) => page.locator('[data-result]');

// page.route() does not see what a service worker answers, and the site's worker (registered after
// the first paint) precaches the scripts and the search engine: with it, a slow run could load the
// very file this test makes fail. These tests are about a failed fetch, so no worker here.
test.use({ serviceWorkers: 'block' });

test.describe('when the page\'s JavaScript fails to load', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/_astro/*.js', (route) => route.fulfill({ status: 500, body: 'deploy in progress' }));
  });

  test('/checklist/ keeps its GET form, its submit button and its note, and the address carries the answers', async ({ page }) => {
    await page.goto('/checklist/');
    await expect(page.locator('decision-checklist:defined')).toHaveCount(0);
    await expect(page.getByText('את ההמלצה מחשב הדפדפן, ולכן היא דורשת JavaScript')).toBeVisible();
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await page.getByRole('group', { name: new RegExp(`^שאלה ${n}`) }).getByRole('radio', { name: /^במידה רבה/ }).check();
    }
    await page.getByRole('button', { name: 'שמירת התשובות בכתובת' }).click();
    await expect(page).toHaveURL('/checklist/?complexity=2&brand=2&feedback=2&volume=2&coverage=2&focus=2');
  });

  test('a question in the guide still submits to /checklist/ with its answer', async ({ page }) => {
    await page.goto('/guide/outsource/');
    const question = page.getByRole('group', { name: /^ואצלכם\?/ }).first();
    await question.getByRole('radio', { name: /^במידה רבה/ }).check();
    await question.locator('xpath=..').getByRole('button', { name: 'לרשימת ההחלטה עם התשובה' }).click();
    await expect(page).toHaveURL('/checklist/?volume=2');
  });
});

test('when only the island\'s code fails in the guide, touching a question brings the GET form back', async ({ page }) => {
  await page.route(/\/_astro\/checklist-element\.[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone after a deploy' }));
  await page.goto('/guide/in-house/');
  const question = page.getByRole('group', { name: /^ואצלכם\?/ }).first();
  const submit = question.locator('xpath=..').getByRole('button', { name: 'לרשימת ההחלטה עם התשובה' });
  await expect(submit).toBeHidden(); // the loader stands ready
  await question.getByRole('radio', { name: /^במידה מסוימת/ }).check();
  await expect(submit).toBeVisible();
  await submit.click();
  await expect(page).toHaveURL('/checklist/?complexity=1');
});

test('when the explained result cannot be fetched for a guide page, it says where to find it instead', async ({ page }) => {
  await page.goto('/checklist/');
  for (const n of [1, 2, 3, 4, 5, 6]) {
    await page.getByRole('group', { name: new RegExp(`^שאלה ${n}`) }).getByRole('radio', { name: /^במידה רבה/ }).check();
  }
  await expect(result(page)).toHaveAttribute('data-recommendation', /.+/);
  // The guide's result body comes from /checklist/ (ChecklistResult.astro); that fetch fails now.
  await page.route('**/checklist/', (route) => (route.request().resourceType() === 'fetch' ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto('/guide/decision/');
  const embedded = result(page);
  await expect(embedded).toHaveAttribute('data-recommendation', /.+/);
  await expect(embedded.getByText('ההסבר המלא לא נטען כאן, והוא מחכה לכם ברשימת ההחלטה:')).toBeVisible();
  await expect(embedded.getByRole('link', { name: 'לרשימת ההחלטה' })).toHaveAttribute('href', '/checklist/#result');
});

test.describe('when the device\'s storage is unavailable or corrupted', () => {
  test('no storage at all: the guide and /checklist/ work for this visit, without errors', async ({ page }) => {
    const errors = watchConsole(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto('/guide/in-house/');
    const question = page.getByRole('group', { name: /^ואצלכם\?/ }).first();
    await question.getByRole('radio', { name: /^במידה מסוימת/ }).check();
    await expect(question.locator('xpath=..').getByText('עניתם על שאלה אחת מתוך 6.')).toBeVisible();
    await page.goto('/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0');
    await expect(result(page)).toHaveAttribute('data-recommendation', 'in-house');
    await page.getByRole('group', { name: /^שאלה 4/ }).getByRole('radio', { name: /^במידה רבה/ }).check();
    await page.getByRole('group', { name: /^שאלה 6/ }).getByRole('radio', { name: /^במידה רבה/ }).check();
    await expect(result(page)).toHaveAttribute('data-recommendation', 'hybrid');
    expect(errors.filter((e) => !/SecurityError|insecure/.test(e))).toEqual([]);
  });

  test('garbage in storage: nothing of it is shown or run, and the valid answers survive', async ({ page }) => {
    const errors = watchConsole(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('checklist:answers', 'brand=2&volume=9&focus=<img src=x onerror=alert(1)>&__proto__=1&complexity=1&complexity=2');
      localStorage.setItem('checklist:ticks', '{"not":"a list"');
    });
    for (const path of ['/guide/in-house/', '/guide/decision/', '/checklist/']) {
      await page.goto(path);
      await expect(page.locator('decision-checklist:not(:defined)')).toHaveCount(0);
      // The one valid answer counts: the guide's pill says so, /checklist/ shows it under its result.
      if (path === '/checklist/') await expect(page.getByRole('heading', { name: 'התוצאה' })).toBeVisible();
      else await expect(page.getByRole('link', { name: /^רשימת ההחלטה:/ })).toHaveText('רשימת ההחלטה: עניתם על שאלה אחת מתוך 6.');
      expect(await page.locator('main img, main [onerror]').count()).toBe(0);
    }
    // On /checklist/ the one valid answer is there, the rest is not.
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
    await expect(page.getByRole('group', { name: /^שאלה 2/ }).getByRole('radio', { name: /^במידה רבה/ })).toBeChecked();
    await expect(result(page).getByText('עניתם על שאלה אחת מתוך 6.')).toBeVisible();
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});
