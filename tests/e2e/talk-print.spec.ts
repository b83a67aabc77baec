import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { load } from 'js-yaml';

/**
 * After the talk: /talk/ prints (or saves as PDF) one screen per 16:9 page, for the room;
 * /talk/presenter/ prints the speaker's script, one screen and its notes per A4 page.
 */

const screens = load(readFileSync(new URL('../../content/talk/screens.yaml', import.meta.url), 'utf8')) as {
  notes: { say: string; ask: string };
}[];
const TOTAL = screens.length;

/**
 * The PDF Chromium prints: its page count, the size of its pages in points, and how many fonts
 * it embeds (a PDF of blank pages embeds none).
 */
async function printed(page: Page): Promise<{ pages: number; sizes: string[]; fonts: number }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  const sizes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    ([, w, h]) => `${Math.round(Number(w))}×${Math.round(Number(h))}`,
  );
  const fonts = pdf.match(/\/Type\s*\/Font\b/g)?.length ?? 0;
  return { pages, sizes: [...new Set(sizes)], fonts };
}

test('the projected talk prints one screen per 16:9 page, without notes', async ({ page }) => {
  await page.goto('/talk/#4');
  const { pages, sizes, fonts } = await printed(page);
  for (const { notes } of screens) await expect(page.getByText(notes.say)).toHaveCount(0);
  expect(pages).toBe(TOTAL);
  // 297 mm × 167.06 mm: A4's width at 16:9, in points.
  expect(sizes).toEqual(['842×474']);
  expect(fonts).toBeGreaterThan(0);
});

test('the presenter view prints the script: one screen with its notes per A4 page', async ({ page }) => {
  await page.goto('/talk/presenter/#4');
  const { pages, sizes, fonts } = await printed(page);
  expect(pages).toBe(TOTAL);
  expect(sizes).toEqual(['595×842']);
  expect(fonts).toBeGreaterThan(0);
  // Printed, it is the script (every screen's notes), not the live view of one screen.
  const script = page.locator('[data-item]');
  await expect(script).toHaveCount(TOTAL);
  for (const [i, { notes }] of screens.entries()) await expect(script.nth(i).getByText(notes.ask, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'המסך הבא' })).toBeHidden();
});

test('printed, each screen of the talk is laid out as on the stage: it fits its page', async ({ page }) => {
  await page.goto('/talk/');
  await page.emulateMedia({ media: 'print' });
  const printedScreens = page.locator('[data-screens] > [data-screen]');
  await expect(printedScreens).toHaveCount(TOTAL);
  // Each screen is a page: 297 mm by 167 mm (1123 by 631 CSS pixels).
  for (const box of await printedScreens.evaluateAll((all) => all.map((li) => li.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(Math.round(box.width)).toBe(1123);
    expect(Math.round(box.height)).toBe(631);
  }
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-screens] > [data-screen]')]
      .filter((li) => {
        const box = li.getBoundingClientRect();
        return [...li.querySelectorAll('h2, li, .talk-screen__more, .talk-screen__qr')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1;
        });
      })
      .map((li) => li.dataset['screen']),
  );
  expect(overflowing).toEqual([]);
});
