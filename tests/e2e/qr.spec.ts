import { expect, test } from '@playwright/test';
import { decodeQr } from './qr.ts';

test.describe('QR codes and printed addresses', () => {
  test('decode in Chromium to the address where the site is actually served, not the build-time origin', async ({ page, baseURL }) => {
    /** Each code is redrawn for this origin once it nears the screen: decoded when the page says it has been. */
    const decodes = async (path: string) => {
      const selector = `img[data-qr-path="${path}"]`;
      await page.locator(selector).scrollIntoViewIfNeeded();
      await expect(page.locator(selector)).toHaveAttribute('data-qr-target', `${baseURL}${path}`);
      expect(await decodeQr(page, selector), path).toBe(`${baseURL}${path}`);
    };
    await page.goto('/trainers/');
    await decodes('/guide/in-house/#complex-products');
    await decodes('/guide/hr-control/#labor-compliance');
    await page.goto('/trainers/handout/');
    await decodes('/');
    await decodes('/checklist/');
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

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the handout says its addresses are placeholders exactly when the build had no SITE_URL', async ({ page }) => {
      await page.goto('/trainers/handout/');
      const origin = new URL((await page.locator('img[data-qr-path]').first().getAttribute('data-qr-target'))!).origin;
      // `npm start` and `npm test` build without SITE_URL (the placeholder bifnim.example); a deploy sets it.
      const note = page.getByRole('note').filter({ hasText: 'כתובת האתר לא הוגדרה' });
      await expect(note).toHaveCount(origin.endsWith('.example') ? 1 : 0);
    });
  });

  test('with JavaScript the placeholder note never shows, since the addresses are rewritten for this origin', async ({ page }) => {
    await page.goto('/trainers/handout/');
    await expect(page.locator('img[data-qr-path]').first()).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'כתובת האתר לא הוגדרה' })).toHaveCount(0);
  });
});
