import { expect, test, type Page } from '@playwright/test';
import { builtPages, guidePaths, scriptsReady } from './site.ts';

/** A phone held upright, as the issue measures it: 390×844 with touch (heading tools are then full size). */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** Sets the browser's default font size, as a reader does in the browser's settings (not zoom). */
async function useDefaultFontSize(page: Page, px: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round(px * 0.8) } });
}

/**
 * The lines of an element's text as a reader sees them: each word's box, grouped into lines by
 * position. Text hidden from assistive technology (icons, the heading tools' "#") is skipped.
 */
async function textLines(page: Page, selector: string): Promise<string[][][]> {
  return page.evaluate((sel) => {
    const result: string[][][] = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const lines: { bottom: number; words: string[] }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (node.parentElement?.closest('[aria-hidden="true"]')) continue;
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const box = range.getClientRects()[0];
          if (!box) continue;
          const line = lines.at(-1);
          if (line && box.top < line.bottom - 2) line.words.push(match[0]);
          else lines.push({ bottom: box.bottom, words: [match[0]] });
        }
      }
      result.push(lines.map((line) => line.words));
    }
    return result;
  }, selector);
}

test.describe('on a 390×844 phone', () => {
  test.use(PHONE);

  for (const path of guidePaths()) {
    test(`${path} has a header of at most 64 px and its first paragraph within the top half of the screen`, async ({ page }) => {
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      expect((await page.getByRole('banner').boundingBox())!.height, 'header height in px').toBeLessThanOrEqual(64);
      const first = page.getByRole('article').locator('.prose > p').first();
      expect((await first.boundingBox())!.y, 'top of the first paragraph in px').toBeLessThanOrEqual(420);
      // The parts and "בעמוד זה" are folded: each a one-line summary, its list hidden until opened.
      for (const name of ['חלקי המדריך', 'בעמוד זה']) {
        const fold = page.getByRole('group', { name: new RegExp(`^${name}`) });
        await expect(fold.getByRole('navigation', { includeHidden: true })).toBeHidden();
        expect((await fold.boundingBox())!.height).toBeLessThanOrEqual(56);
      }
    });
  }

  test('the guide parts and "בעמוד זה" open one at a time, and following a section link folds them again', async ({ page }) => {
    await page.goto('/guide/outsource/');
    const parts = page.getByRole('group', { name: /^חלקי המדריך/ });
    const onThisPage = page.getByRole('group', { name: /^בעמוד זה/ });
    await expect(parts).toHaveAccessibleName('חלקי המדריך 3 מתוך 5');
    await parts.locator('summary').click();
    await expect(parts.getByRole('link', { name: 'מתי לבחור במיקור חוץ' })).toHaveAttribute('aria-current', 'page');
    await onThisPage.locator('summary').click();
    await expect(parts.getByRole('navigation', { includeHidden: true })).toBeHidden();
    await onThisPage.getByRole('link', { name: 'התמקדות בכישורי ליבה' }).click();
    await expect(page).toHaveURL(/#core-focus$/);
    await expect(onThisPage.getByRole('navigation', { includeHidden: true })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'התמקדות בכישורי ליבה' })).toBeInViewport();
  });

  test('the menu opens from the keyboard, and Escape closes it and returns focus to its button', async ({ page }) => {
    await page.goto('/guide/decision/');
    await scriptsReady(page); // Escape closing the menu is the script's
    const menu = page.getByRole('navigation', { name: 'ניווט ראשי' }).getByRole('group', { name: 'תפריט' });
    const toggle = menu.locator('summary');
    const links = menu.getByRole('link', { includeHidden: true });
    await expect(links).toHaveCount(4);
    await expect(links.first()).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('link', { name: 'רשימת ההחלטה' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'המדריך' })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'המדריך' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(links.first()).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  test('the header stays at the top of the screen while reading', async ({ page }) => {
    await page.goto('/guide/hr-control/');
    await page.getByRole('heading', { name: /פערי ציות/ }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
    const header = await page.getByRole('banner').boundingBox();
    expect(header!.y).toBe(0);
  });
});

test('a desktop shows the guide parts and "בעמוד זה" beside the text, always open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/guide/in-house/');
  const text = (await page.getByRole('article').boundingBox())!;
  const toc = page.getByRole('navigation', { name: 'בעמוד זה' });
  const parts = page.getByRole('navigation', { name: 'חלקי המדריך', exact: true });
  await expect(toc.getByRole('link', { name: 'לולאת משוב אסטרטגית' })).toBeVisible();
  await expect(parts.getByRole('link', { name: 'השורה התחתונה' })).toBeVisible();
  const tocBox = (await toc.boundingBox())!;
  const partsBox = (await parts.boundingBox())!;
  // Right to left: the parts at the start (right) of the text, "בעמוד זה" at its end (left), side by side.
  expect(tocBox.x + tocBox.width).toBeLessThanOrEqual(text.x);
  expect(partsBox.x).toBeGreaterThanOrEqual(text.x + text.width);
  expect(tocBox.y).toBeLessThan(text.y + 200);
});

for (const [device, options] of [
  ['a phone', PHONE],
  ['a desktop', { viewport: { width: 1280, height: 800 } }],
] as const) {
  test.describe(`on ${device}`, () => {
    test.use(options);

    test('heading link and copy tools never take a line of their own', async ({ page }) => {
      for (const path of guidePaths()) {
        await page.goto(path);
        await page.evaluate(() => document.fonts.ready);
        const stray = await page.evaluate(() =>
          [...document.querySelectorAll('.heading')].flatMap((wrapper) => {
            const heading = wrapper.querySelector('h2, h3')!;
            const tools = wrapper.querySelector('.heading__tools')!.getBoundingClientRect();
            const last = [...heading.getClientRects()].at(-1)!;
            const middle = tools.top + tools.height / 2;
            return middle >= last.top && middle <= last.bottom ? [] : [heading.textContent];
          }),
        );
        expect.soft(stray, `headings on ${path} whose tools sit on a line of their own`).toEqual([]);
      }
    });

    test('headings and the tagline never start a line with a dash or end on one orphaned word', async ({ page }) => {
      for (const path of builtPages()) {
        await page.goto(path);
        await page.evaluate(() => document.fonts.ready);
        const bad = (await textLines(page, 'h1, h2, h3, .hero__tagline, .brand__tagline')).flatMap((lines) => {
          const words = lines.flat().length;
          const text = lines.map((line) => line.join(' ')).join(' / ');
          const problems: string[] = [];
          if (words >= 3 && lines.length >= 2 && lines.at(-1)!.length < 2) problems.push(`orphan: ${text}`);
          if (lines.some((line) => /^[-–—־]/.test(line[0]!))) problems.push(`dash: ${text}`);
          return problems;
        });
        // Soft: every page is checked and reported, not only those before the first that fails.
        expect.soft(bad, `on ${path}`).toEqual([]);
      }
    });
  });
}

test.describe('with a 32 px default font (large text)', () => {
  const states = [...builtPages(), '/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0', '/search/?q=עובדים'];
  for (const path of states) {
    test(`${path} does not scroll sideways at 320 or 375 px, and every control stays on screen`, async ({ page }) => {
      await useDefaultFontSize(page, 32);
      for (const width of [320, 375]) {
        await page.setViewportSize({ width, height: 740 });
        await page.goto(path, { waitUntil: 'networkidle' });
        expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(32);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow in px at ${width} px`).toBeLessThanOrEqual(0);
        const offscreen = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary')]
            .filter((el) => el.checkVisibility({ visibilityProperty: true }))
            .map((el) => ({ el, box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && (box.left < -1 || box.right > width + 1))
            .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        });
        expect(offscreen, `controls off screen at ${width} px`).toEqual([]);
      }
    });
  }
});
