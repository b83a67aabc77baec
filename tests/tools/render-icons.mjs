/**
 * Renders the web app manifest's PNG icons from public/favicon.svg with Chromium, so the icons are
 * always the favicon's design. Run once after changing the favicon, then commit the PNGs:
 *
 *   node tests/tools/render-icons.mjs
 *
 * Writes public/icons/:
 *   icon-192.png, icon-512.png   the favicon as it is (rounded square, transparent corners)
 *   icon-maskable-512.png        full-bleed square, the mark shrunk into the maskable safe zone
 *                                (the central circle of 80%), for launchers that cut their own shape
 *   apple-touch-icon.png (180)   full-bleed square: iOS rounds the corners itself and would paint
 *                                transparent ones black
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/browser.ts';

const root = new URL('../../', import.meta.url);
const out = new URL('public/icons/', root);
const favicon = readFileSync(new URL('public/favicon.svg', root), 'utf8');

// The favicon is one background <rect> followed by the mark; split them to build the variants.
const parts = /^(<svg[^>]*>)(<rect[^>]*\/>)(.*)<\/svg>\s*$/s.exec(favicon);
if (!parts) throw new Error('public/favicon.svg: expected <svg><rect …/>…</svg>');
const [, open, background, mark] = /** @type {[string, string, string, string]} */ (parts);
const fullBleed = background.replace(/\s*rx="[^"]*"/, '');

/** @type {Array<{ file: string, size: number, svg: string }>} */
const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  {
    file: 'icon-maskable-512.png',
    size: 512,
    // The mark reaches about 75% of the way from the centre to the edge; 0.8 keeps it well inside
    // the safe zone's circle (radius 40% of the icon).
    svg: `${open}${fullBleed}<g transform="translate(16 16) scale(0.8) translate(-16 -16)">${mark}</g></svg>`,
  },
  { file: 'apple-touch-icon.png', size: 180, svg: `${open}${fullBleed}${mark}</svg>` },
];

mkdirSync(out, { recursive: true });
const executablePath = chromiumExecutable();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, svg } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0">${sized}</body></html>`);
    await page.screenshot({
      path: new URL(file, out).pathname,
      clip: { x: 0, y: 0, width: size, height: size },
      omitBackground: true,
    });
    await page.close();
    console.log(`public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
