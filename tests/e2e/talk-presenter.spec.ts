import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { load } from 'js-yaml';
import { countText } from './search-status.ts';
import { builtPages, useTheme } from './site.ts';

/**
 * The presenter view and its sync with the projected view: two pages in one browser context, as
 * a speaker has them (the projector's window and the laptop's). Sync must feel immediate: each
 * move has to show in the other window within 500 ms.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The clock on the presenter's screen is the hall's local time.
test.use({ timezoneId: 'Asia/Jerusalem' });
const SYNC_MS = 500;
const screens = load(readFileSync(new URL('../../content/talk/screens.yaml', import.meta.url), 'utf8')) as {
  title: string;
  notes: { say: string; example: string; ask: string };
}[];
const TOTAL = screens.length;
const dist = new URL('../../dist/', import.meta.url).pathname;

const blank = (page: Page) => page.locator('[data-blank]');
const notes = (page: Page) => page.getByRole('region', { name: 'הערות הדובר', exact: true });
const status = (page: Page) => page.locator('[data-status]');

/** The projected window, and the presenter window opened from it with P. */
async function openBoth(context: BrowserContext, at = 3): Promise<{ audience: Page; presenter: Page }> {
  const audience = await context.newPage();
  await audience.goto(`/talk/#${at}`);
  // Its controls show once its script runs (after the first paint): only then does P work.
  await expect(audience.getByRole('button', { name: 'המסך הבא' })).toBeVisible();
  const [presenter] = await Promise.all([context.waitForEvent('page'), audience.keyboard.press('p')]);
  await presenter.waitForLoadState();
  await expect(status(presenter)).toHaveText('חלון ההקרנה פתוח ומסונכרן');
  return { audience, presenter };
}

test.describe('the presenter view', () => {
  test('P opens it in a second window on the same screen: current, next, notes, elapsed time and clock', async ({ context }) => {
    const { presenter } = await openBoth(context, 3);
    await expect(presenter).toHaveURL(/\/talk\/presenter\/#3$/);
    await expect(presenter.locator('[data-n]')).toHaveText('3');
    await expect(presenter.getByRole('region', { name: 'המסך הנוכחי' })).toContainText(screens[2]!.title);
    await expect(presenter.getByRole('region', { name: 'המסך הבא' })).toContainText(screens[3]!.title);
    await expect(notes(presenter)).toContainText(screens[2]!.notes.say);
    await expect(notes(presenter)).toContainText(screens[2]!.notes.example);
    await expect(notes(presenter)).toContainText(screens[2]!.notes.ask);
    await expect(presenter.getByRole('timer', { name: 'זמן שעבר' })).toHaveText(/^\d\d:\d\d$/);
    await expect(presenter.getByRole('timer', { name: 'השעה' })).toHaveText(/^\d\d:\d\d$/);
  });

  test('the button on the projected view opens it too', async ({ context }) => {
    const audience = await context.newPage();
    await audience.goto('/talk/#6');
    const [presenter] = await Promise.all([
      context.waitForEvent('page'),
      audience.getByRole('link', { name: /תצוגת מציג/ }).click(),
    ]);
    await expect(presenter).toHaveURL(/\/talk\/presenter\/#6$/);
    await expect(notes(presenter)).toContainText(screens[5]!.notes.say);
  });

  test('moving in the presenter window moves the projected one within 500 ms, and the other way round', async ({ context }) => {
    const { audience, presenter } = await openBoth(context, 3);
    await presenter.keyboard.press('ArrowLeft');
    await expect(audience).toHaveURL(/#4$/, { timeout: SYNC_MS });
    await expect(audience.locator('[data-screens] > [data-screen="4"]')).toBeInViewport({ ratio: 0.9, timeout: SYNC_MS });
    await presenter.getByRole('button', { name: 'המסך הבא' }).click();
    await expect(audience).toHaveURL(/#5$/, { timeout: SYNC_MS });
    await audience.keyboard.press('ArrowRight');
    await expect(presenter).toHaveURL(/#4$/, { timeout: SYNC_MS });
    await expect(notes(presenter)).toContainText(screens[3]!.notes.say, { timeout: SYNC_MS });
    await audience.keyboard.press('End');
    await expect(presenter).toHaveURL(new RegExp(`#${TOTAL}$`), { timeout: SYNC_MS });
    await expect(presenter.getByText('זה המסך האחרון.')).toBeVisible();
  });

  test('B in the presenter window blanks the projected screen and brings it back; the presenter sees it', async ({ context }) => {
    const { audience, presenter } = await openBoth(context, 2);
    await presenter.keyboard.press('b');
    await expect(blank(audience)).toBeVisible({ timeout: SYNC_MS });
    await expect(presenter.getByText('המסך המוקרן מוחשך')).toBeVisible();
    await expect(presenter.getByRole('button', { name: /החשכת המסך/ })).toHaveAttribute('aria-pressed', 'true');
    await presenter.keyboard.press('b');
    await expect(blank(audience)).toBeHidden({ timeout: SYNC_MS });
    await audience.keyboard.press('.');
    await expect(presenter.getByText('המסך המוקרן מוחשך')).toBeVisible({ timeout: SYNC_MS });
  });

  test('picking a screen in the presenter’s overview moves both windows', async ({ context }) => {
    const { audience, presenter } = await openBoth(context, 2);
    await presenter.keyboard.press('o');
    const dialog = presenter.getByRole('dialog', { name: 'כל המסכים' });
    await expect(dialog.getByRole('button', { name: /^מסך 2:/ })).toBeFocused();
    await presenter.keyboard.press('ArrowLeft');
    await presenter.keyboard.press('Enter');
    await expect(presenter).toHaveURL(/#3$/);
    await expect(audience).toHaveURL(/#3$/, { timeout: SYNC_MS });
  });

  test('keeps in sync through storage events where a browser has no BroadcastChannel', async ({ context }) => {
    await context.addInitScript(() => {
      // @ts-expect-error: removing the API the way an older browser lacks it
      delete window.BroadcastChannel;
    });
    const { audience, presenter } = await openBoth(context, 5);
    await presenter.keyboard.press('ArrowLeft');
    await expect(audience).toHaveURL(/#6$/, { timeout: SYNC_MS });
    await audience.keyboard.press('b');
    await expect(presenter.getByText('המסך המוקרן מוחשך')).toBeVisible({ timeout: SYNC_MS });
    await audience.keyboard.press('ArrowRight');
    await expect(presenter).toHaveURL(/#5$/, { timeout: SYNC_MS });
  });

  test('a presenter window opened on its own joins the projector where it is', async ({ context }) => {
    const audience = await context.newPage();
    await audience.goto('/talk/#8');
    await expect(audience.getByRole('button', { name: 'המסך הבא' })).toBeVisible();
    const presenter = await context.newPage();
    await presenter.goto('/talk/presenter/');
    await expect(presenter).toHaveURL(/#8$/);
    await expect(status(presenter)).toHaveText('חלון ההקרנה פתוח ומסונכרן');
  });

  test('closing the presenter window leaves the projected one working, and closing that leaves the presenter', async ({ context }) => {
    const { audience, presenter } = await openBoth(context, 3);
    await presenter.close();
    await audience.keyboard.press('ArrowLeft');
    await expect(audience).toHaveURL(/#4$/);
    await audience.getByRole('button', { name: 'המסך הבא' }).click();
    await expect(audience).toHaveURL(/#5$/);

    const [second] = await Promise.all([context.waitForEvent('page'), audience.keyboard.press('p')]);
    await expect(status(second)).toHaveText('חלון ההקרנה פתוח ומסונכרן');
    await audience.close();
    await expect(status(second)).toHaveText('חלון ההקרנה לא פתוח');
    await expect(second.getByRole('link', { name: 'פתיחת חלון ההקרנה' })).toHaveAttribute('href', '/talk/#5');
    await second.keyboard.press('ArrowLeft');
    await expect(second).toHaveURL(/#6$/);
    await expect(notes(second)).toContainText(screens[5]!.notes.say);
  });

  test('the timer counts from the opening of the window, pauses, keeps its time on reload, and resets', async ({ page }) => {
    const start = new Date('2026-03-10T09:00:00+02:00').getTime();
    const at = (seconds: number) => page.clock.setFixedTime(start + seconds * 1000);
    await at(0);
    await page.goto('/talk/presenter/#1');
    const elapsed = page.getByRole('timer', { name: 'זמן שעבר' });
    await expect(elapsed).toHaveText('00:00');
    await at(65);
    await expect(elapsed).toHaveText('01:05');
    const pause = page.getByRole('button', { name: 'עצירת הטיימר' });
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await at(185);
    await expect(page.getByRole('timer', { name: 'השעה' })).toHaveText('09:03');
    await expect(elapsed).toHaveText('01:05');
    await pause.click();
    await at(195);
    await expect(elapsed).toHaveText('01:15');
    await page.reload();
    await expect(elapsed).toHaveText('01:15');
    await page.getByRole('button', { name: 'איפוס הטיימר' }).click();
    await expect(elapsed).toHaveText('00:00');
    await at(200);
    await expect(elapsed).toHaveText('00:05');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('it is the talk’s script: every screen with its notes', async ({ page }) => {
      await page.goto('/talk/presenter/');
      await expect(page.locator('[data-item]')).toHaveCount(TOTAL);
      for (const { notes: n } of screens) await expect(page.getByText(n.ask, { exact: true })).toBeVisible();
    });
  });

  test('the notes stay out of search: the page is not indexed, and a phrase only the notes use finds nothing', async ({ page }) => {
    const html = readFileSync(`${dist}talk/presenter/index.html`, 'utf8');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(readFileSync(`${dist}sitemap-0.xml`, 'utf8')).not.toContain('/talk/presenter/');

    // Words that only the notes use, as they are written there.
    const others = builtPages()
      .filter((p) => p !== '/talk/presenter/')
      .map((p) => readFileSync(`${dist}${p.replace(/^\//, '')}${p.endsWith('/') ? 'index.html' : ''}`, 'utf8'))
      .join(' ');
    const notesOnly = [
      ...new Set(screens.flatMap((s) => `${s.notes.say} ${s.notes.example} ${s.notes.ask}`.match(/[א-ת]{5,}/g) ?? [])),
    ].filter((word) => !others.includes(word));
    expect(notesOnly.length, 'the notes should have words of their own to search for').toBeGreaterThan(3);
    for (const word of notesOnly.slice(0, 4)) {
      await page.goto(`/search/?q=${encodeURIComponent(word)}`);
      // Search may find the guide's own forms of the word; never the word itself, which only the notes have.
      const status = page.locator('main').getByRole('status');
      await expect(status).toContainText(`„${word}”`);
      const results = page.locator('main [data-search-results]');
      await expect(status).toHaveText(countText(await results.locator(':scope > li').count(), word));
      await expect(results).not.toContainText(word);
      for (const href of await results.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
        expect(href).not.toContain('/talk/presenter/');
      }
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no axe violations, with the overview open too (${theme} theme)`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/talk/presenter/#4');
      await expect(notes(page)).toContainText(screens[3]!.notes.say);
      await expect(page.getByRole('button', { name: 'המסך הבא' })).toBeVisible(); // its script has run
      const check = async (what: string) => {
        const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        expect(axe.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      };
      await check('presenter');
      await page.keyboard.press('o');
      await expect(page.getByRole('dialog', { name: 'כל המסכים' })).toBeVisible();
      await check('overview');
    });
  }
});
