import { expect, type Page } from '@playwright/test';
import jsQR from 'jsqr';

/** Decodes a QR image as Chromium rendered it, with the maintained jsQR decoder. */
export async function decodeQr(page: Page, selector: string): Promise<string | undefined> {
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
