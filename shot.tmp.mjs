import { chromium } from '@playwright/test';
const [,, url, out, theme='light', width='390', full='1'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +width, height: 844 }, colorScheme: theme });
await p.goto(url); await p.evaluate(() => document.fonts.ready);
await p.screenshot({ path: out, fullPage: full==='1' });
await b.close();
