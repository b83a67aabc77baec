import { expect, test } from '@playwright/test';
import { decodeQr } from './qr.ts';

test.describe('QR codes and printed addresses', () => {
  test('decode in Chromium to the address where the site is actually served, not the build-time origin', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    await page.goto('/trainers/');
    expect(await decodeQr(page, 'img[data-qr-path="/guide/in-house/#complex-products"]')).toBe(`${baseURL}/guide/in-house/#complex-products`);
    expect(await decodeQr(page, 'img[data-qr-path="/guide/hr-control/#labor-compliance"]')).toBe(`${baseURL}/guide/hr-control/#labor-compliance`);
    await page.goto('/trainers/handout/');
    expect(await decodeQr(page, 'img[data-qr-path="/"]')).toBe(`${baseURL}/`);
    expect(await decodeQr(page, 'img[data-qr-path="/checklist/"]')).toBe(`${baseURL}/checklist/`);
  });

  test('printed addresses on the trainers page name the origin the page was opened from', async ({ page, baseURL }) => {
    await page.goto('/trainers/');
    const urls = page.locator('.section-link__url');
    await expect(urls).toHaveCount(14);
    await expect(urls.first()).toHaveText(new RegExp(`^${baseURL}/guide/`));
    for (const text of await urls.allTextContents()) expect(text.startsWith(`${baseURL}/`)).toBe(true);
  });

  test('every code is redrawn for this origin before the handout is printed', async ({ page, baseURL }) => {
    await page.goto('/trainers/handout/');
    const codes = page.locator('img[data-qr-path]');
    await expect(codes).toHaveCount(6);
    for (const code of await codes.all()) {
      const path = (await code.getAttribute('data-qr-path'))!;
      await expect(code).toHaveAttribute('data-qr-target', new URL(path, baseURL).href);
    }
  });

  test('without JavaScript a build without SITE_URL says that its addresses are placeholders', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/trainers/handout/');
    const origin = new URL((await page.locator('img[data-qr-path]').first().getAttribute('data-qr-target'))!).origin;
    // The note is for builds without SITE_URL (as `npm start` and this test build are).
    test.skip(!origin.endsWith('.example'), 'this build has a real SITE_URL');
    await expect(page.getByRole('note')).toContainText('כתובת האתר לא הוגדרה');
    await context.close();
  });

  test('with JavaScript the placeholder note is gone once the addresses are right', async ({ page }) => {
    await page.goto('/trainers/handout/');
    await expect(page.locator('[data-address-note]')).toHaveCount(0);
  });
});
