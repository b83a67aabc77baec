import { expect, test } from '@playwright/test';
import { decodeQr } from './qr.ts';

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
