import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';

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

/** Decodes a QR image as Chromium rendered it, with the maintained jsQR decoder. */
async function decodeQr(page: Page, selector: string): Promise<string | undefined> {
  const img = page.locator(selector);
  await img.scrollIntoViewIfNeeded();
  await expect(img).toBeVisible();
  const size = 240;
  const pixels = await img.evaluate(async (el: HTMLImageElement, size) => {
    el.loading = 'eager';
    await el.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(el, 0, 0, size, size);
    // RGBA bytes as a binary string: compact to carry out of the page.
    const data = ctx.getImageData(0, 0, size, size).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(binary);
  }, size);
  return jsQR(new Uint8ClampedArray(Buffer.from(pixels, 'base64')), size, size)?.data;
}

test('QR codes rendered in Chromium decode to the shortest absolute URL of their targets', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/trainers/');
  const site = new URL((await page.locator('img[data-qr-target]').first().getAttribute('data-qr-target'))!).origin;
  expect(await decodeQr(page, 'img[src="/qr/section-complex-products.svg"]')).toBe(`${site}/guide/in-house/#complex-products`);
  expect(await decodeQr(page, 'img[src="/qr/section-labor-compliance.svg"]')).toBe(`${site}/guide/hr-control/#labor-compliance`);
  await page.goto('/trainers/handout/');
  expect(await decodeQr(page, 'img[src="/qr/site.svg"]')).toBe(`${site}/`);
  expect(await decodeQr(page, 'img[src="/qr/checklist.svg"]')).toBe(`${site}/checklist/`);
  await page.goto('/talk/#7');
  await page.getByRole('button', { name: 'קוד QR למסך' }).click();
  expect(await decodeQr(page, '[data-screen="7"] img')).toBe(`${site}/talk/#7`);
});

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
