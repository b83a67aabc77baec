// Renders public/og.png, the 1200×630 link-preview image, in Chromium with the site's own Hebrew
// font, so the Hebrew comes out right-to-left and correctly shaped. Run it when the title changes:
//   node tests/tools/render-og.mjs        (uses tests/e2e/browser.ts rules to find Chromium)
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const font = readFileSync(new URL('../../node_modules/@fontsource-variable/heebo/files/heebo-hebrew-wght-normal.woff2', import.meta.url)).toString('base64');
const favicon = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
const html = `<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8"><style>
@font-face { font-family: Heebo; src: url(data:font/woff2;base64,${font}) format('woff2'); font-weight: 100 900; }
html, body { margin: 0; }
body { inline-size: 1200px; block-size: 630px; box-sizing: border-box; padding: 72px 88px; display: flex; flex-direction: column;
  justify-content: space-between; font-family: Heebo, sans-serif; background: #fbfaf7; color: #1c1e21;
  border-block-end: 18px solid #1d5c58; }
.mark { inline-size: 96px; block-size: 96px; }
h1 { font-size: 112px; font-weight: 800; margin: 0; line-height: 1.05; }
p { font-size: 46px; margin: 18px 0 0; color: #4d5560; font-weight: 500; }
.split { display: flex; gap: 28px; font-size: 34px; font-weight: 700; color: #1d5c58; }
.split span { border: 3px solid #1d5c58; border-radius: 14px; padding: 6px 22px; }
</style></head><body>
<div class="mark">${favicon}</div>
<div><h1>בפנים או בחוץ?</h1><p>מדריך להחלטה על שירות הלקוחות</p></div>
<div class="split"><span>בתוך הארגון</span><span>מיקור חוץ</span><span>מודל משולב</span></div>
</body></html>`;

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: new URL('../../public/og.png', import.meta.url).pathname, type: 'png' });
await browser.close();
console.log('wrote public/og.png');
