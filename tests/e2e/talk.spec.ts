import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const screen = (page: Page) => page.locator('[data-screen]:not([hidden])');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('the talk view', () => {
  test('walks forward and back by keyboard in RTL: left arrow, Space and PageDown move forward', async ({ page }) => {
    await page.goto('/talk/');
    await expect(page).toHaveURL(/\/talk\/#1$/);
    await expect(screen(page)).toHaveCount(1);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/#2$/);
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/#3$/);
    await page.keyboard.press('PageDown');
    await expect(page).toHaveURL(/#4$/);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#3$/);
    await expect(screen(page).getByRole('heading', { level: 2 })).toHaveText('מוצרים מורכבים או מיוחדים');
    await page.keyboard.press('End');
    const total = await page.locator('[data-screen]').count();
    await expect(page).toHaveURL(new RegExp(`#${total}$`));
    await page.keyboard.press('Home');
    await expect(page).toHaveURL(/#1$/);
    await expect(page.locator('#announcer')).toHaveText(/^מסך 1 מתוך \d+: /);
  });

  test('walks by the on-screen buttons, which stop at both ends', async ({ page }) => {
    await page.goto('/talk/');
    const prev = page.getByRole('button', { name: 'המסך הקודם' });
    const next = page.getByRole('button', { name: 'המסך הבא' });
    await expect(prev).toBeDisabled();
    await next.click();
    await next.click();
    await expect(page).toHaveURL(/#3$/);
    await expect(page.getByRole('progressbar', { name: 'התקדמות במצגת' })).toHaveJSProperty('value', 3);
    await prev.click();
    await expect(page).toHaveURL(/#2$/);
    await page.keyboard.press('End');
    await expect(next).toBeDisabled();
  });

  test('opens the screen named in the address, keeps it on reload, and follows the address', async ({ page }) => {
    await page.goto('/talk/#7');
    await expect(screen(page)).toHaveAttribute('data-screen', '7');
    await expect(screen(page)).toContainText('מסך 7 מתוך');
    await page.reload();
    await expect(screen(page)).toHaveAttribute('data-screen', '7');
    await page.goto('/talk/#9');
    await expect(screen(page)).toHaveAttribute('data-screen', '9');
    // An unknown screen in the address keeps the current one and puts its number back.
    await page.goto('/talk/#999');
    await expect(screen(page)).toHaveAttribute('data-screen', '9');
    await expect(page).toHaveURL(/#9$/);
    await page.goto('/');
    await page.goto('/talk/#999');
    await expect(screen(page)).toHaveAttribute('data-screen', '1');
  });

  test('a swipe toward the right moves forward in RTL', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/talk/#2');
    const box = (await screen(page).boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 60, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/#3$/);
    await page.mouse.move(box.x + 260, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/#2$/);
  });

  test('every screen links to its full section in the guide', async ({ page }) => {
    await page.goto('/talk/#3');
    const more = screen(page).getByRole('link', { name: /לסעיף המלא במדריך/ });
    await expect(more).toHaveAttribute('href', '/guide/in-house/#complex-products');
    await more.click();
    await expect(page.locator('#complex-products')).toBeInViewport();
  });

  test('shows the current screen QR code for the presenter', async ({ page }) => {
    await page.goto('/talk/#5');
    await page.getByRole('button', { name: 'קוד QR למסך' }).click();
    await expect(screen(page).getByRole('img', { name: 'קוד QR שמוביל למסך 5 במצגת' })).toBeVisible();
  });

  test('without JavaScript the screens read as one ordered page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/talk/');
    const screens = page.locator('[data-screen]');
    expect(await screens.count()).toBeGreaterThanOrEqual(13);
    for (const s of await screens.all()) await expect(s).toBeVisible();
    await context.close();
  });

  test('has no axe violations', async ({ page }) => {
    await page.goto('/talk/#4');
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
