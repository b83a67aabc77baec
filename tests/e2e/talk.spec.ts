import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { load } from 'js-yaml';
import { t } from '../../src/i18n/he.ts';
import { decodeQr } from './qr.ts';
import { useTheme } from './site.ts';

/**
 * The projected view, /talk/: a 16:9 stage on a landscape screen (Playwright's default 1280×720
 * is one), a single column on a phone. The presenter window and printing have their own specs.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const screens = load(readFileSync(new URL('../../content/talk/screens.yaml', import.meta.url), 'utf8')) as {
  title: string;
  notes: { say: string; example: string; ask: string };
}[];
const TOTAL = screens.length;

const screen = (page: Page, n: number) => page.locator(`[data-screens] > [data-screen="${n}"]`);
const stage = (page: Page) => page.locator('[data-talk-stage]');
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });
const overview = (page: Page) => page.getByRole('dialog', { name: 'כל המסכים' });

/**
 * Opens the projected talk and waits until its script runs (scripts start after the first paint,
 * src/lib/page-scripts.ts): its controls show only then, and the keys work only then.
 */
async function openTalk(page: Page, path: string) {
  await page.goto(path);
  await expect(button(page, 'המסך הבא')).toBeVisible();
}

/** Screen n is the one on show: the address says so and it fills the view. */
async function expectOn(page: Page, n: number) {
  await expect(page).toHaveURL(new RegExp(`/talk/#${n}$`));
  await expect(screen(page, n)).toBeInViewport({ ratio: 0.9 });
}

test.describe('the projected talk', () => {
  test('walks forward and back by keyboard in RTL: left arrow, Space and PageDown move forward', async ({ page }) => {
    await openTalk(page, '/talk/');
    await expect(page).toHaveURL(/\/talk\/#1$/);
    await page.keyboard.press('ArrowLeft');
    await expectOn(page, 2);
    await page.keyboard.press('Space');
    await expectOn(page, 3);
    await page.keyboard.press('PageDown');
    await expectOn(page, 4);
    await page.keyboard.press('ArrowRight');
    await expectOn(page, 3);
    await expect(screen(page, 3).getByRole('heading', { level: 2 })).toHaveText('מוצרים מורכבים או מיוחדים');
    await page.keyboard.press('End');
    await expectOn(page, TOTAL);
    await page.keyboard.press('Home');
    await expectOn(page, 1);
    await expect(page.locator('#announcer')).toHaveText(`מסך 1 מתוך ${TOTAL}: ${screens[0]!.title}`);
  });

  test('walks by the on-screen buttons, which stop at both ends', async ({ page }) => {
    await openTalk(page, '/talk/');
    const prev = button(page, 'המסך הקודם');
    const next = button(page, 'המסך הבא');
    await expect(prev).toBeDisabled();
    await next.click();
    await next.click();
    await expectOn(page, 3);
    await expect(page.getByRole('progressbar', { name: 'התקדמות במצגת' })).toHaveJSProperty('value', 3);
    await prev.click();
    await expectOn(page, 2);
    await page.keyboard.press('End');
    await expect(next).toBeDisabled();
  });

  test('opens the screen named in the address, keeps it on reload, and follows the address', async ({ page }) => {
    await openTalk(page, '/talk/#7');
    await expectOn(page, 7);
    await page.reload();
    await expectOn(page, 7);
    await openTalk(page, '/talk/#9');
    await expectOn(page, 9);
    // An unknown screen in the address keeps the current one and puts its number back.
    await openTalk(page, '/talk/#999');
    await expectOn(page, 9);
    await page.goto('/');
    await openTalk(page, '/talk/#999');
    await expectOn(page, 1);
  });

  test('typing a screen number and Enter jumps there; a number beyond the talk does nothing', async ({ page }) => {
    await openTalk(page, '/talk/#2');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect(page.locator('[data-jump]')).toHaveText('מסך 12, Enter למעבר');
    await page.keyboard.press('Enter');
    await expectOn(page, 12);
    await expect(page.locator('[data-jump]')).toBeHidden();
    await page.keyboard.press('9');
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    await expectOn(page, 12);
    await page.keyboard.press('5');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expectOn(page, 12);
    await expect(overview(page)).toBeHidden();
  });

  test('the counter reads “5 מתוך 15” from right to left, numbers isolated, and is said once', async ({ page }) => {
    await openTalk(page, '/talk/#5');
    const counter = page.locator('[data-counter]');
    await expect(counter).toHaveText(`5 מתוך ${TOTAL}`);
    const current = await counter.locator('bdi').nth(0).boundingBox();
    const of = await counter.locator('bdi').nth(1).boundingBox();
    // In RTL the first thing read is at the right: the current screen, then "מתוך", then the total.
    expect(current!.x).toBeGreaterThan(of!.x + of!.width);
    // The screen itself no longer repeats "מסך 5 מתוך 15".
    await expect(screen(page, 5)).not.toContainText('מתוך');
  });

  test('B and the full stop blank the screen and bring it back', async ({ page }) => {
    await openTalk(page, '/talk/#4');
    const blank = page.locator('[data-blank]');
    const toggle = button(page, /החשכת המסך/);
    await page.keyboard.press('b');
    await expect(blank).toBeVisible();
    await expect(blank).toHaveCSS('background-color', 'rgb(0, 0, 0)');
    expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 3)?.hasAttribute('data-blank'))).toBe(true);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#announcer')).toHaveText(t.talk.blanked);
    await page.keyboard.press('b');
    await expect(blank).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('.');
    await expect(blank).toBeVisible();
    await page.keyboard.press('.');
    await expect(blank).toBeHidden();
    await expectOn(page, 4);
  });

  test('a Hebrew keyboard layout blanks with its B key and its full stop, without opening search', async ({ page }) => {
    await openTalk(page, '/talk/#4');
    // On the Hebrew layout the B key types נ and the full stop is where / is in English.
    await page.evaluate(() => dispatchEvent(new KeyboardEvent('keydown', { key: 'נ', code: 'KeyB', bubbles: true })));
    await expect(page.locator('[data-blank]')).toBeVisible();
    await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '.', code: 'Slash', bubbles: true })));
    await expect(page.locator('[data-blank]')).toBeHidden();
    await expect(page.getByRole('dialog', { name: 'חיפוש במדריך' })).toBeHidden();
  });

  test('O opens the overview on the current screen; arrows follow RTL, and Enter picks a screen', async ({ page }) => {
    await openTalk(page, '/talk/#5');
    await page.keyboard.press('o');
    await expect(overview(page)).toBeVisible();
    await expect(overview(page).getByRole('button', { name: /^מסך 5:/ })).toBeFocused();
    await expect(overview(page).getByRole('button', { name: /^מסך 5:/ })).toHaveAttribute('aria-current', 'step');
    await page.keyboard.press('ArrowLeft');
    await expect(overview(page).getByRole('button', { name: /^מסך 6:/ })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(overview(page).getByRole('button', { name: /^מסך 4:/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(overview(page)).toBeHidden();
    await expectOn(page, 4);
  });

  test('Escape opens the overview too, a click picks a screen, and Escape or O closes it', async ({ page }) => {
    await openTalk(page, '/talk/#2');
    await page.keyboard.press('Escape');
    await expect(overview(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(overview(page)).toBeHidden();
    await expectOn(page, 2);
    await button(page, /כל המסכים/).click();
    await expect(overview(page)).toBeVisible();
    await page.keyboard.press('o');
    await expect(overview(page)).toBeHidden();
    await button(page, /כל המסכים/).click();
    await overview(page).getByRole('button', { name: `מסך 11: ${screens[10]!.title}` }).click();
    await expect(overview(page)).toBeHidden();
    await expectOn(page, 11);
  });

  test('F goes full screen with nothing but the stage, and F again comes back', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openTalk(page, '/talk/#3');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(button(page, /יציאה ממסך מלא/)).toBeAttached();
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expectOn(page, 3);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
    [3840, 2160],
    [1024, 768],
  ] as const) {
    test(`at ${width}×${height} the 16:9 stage fills the view, with no page chrome and no scrollbars`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openTalk(page, '/talk/#6');
      const box = (await stage(page).boundingBox())!;
      expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.01);
      expect(Math.max(box.width / width, box.height / height)).toBeGreaterThanOrEqual(0.95);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const list = document.querySelector<HTMLElement>('[data-screens]')!;
        return {
          page: [root.scrollWidth - root.clientWidth, root.scrollHeight - root.clientHeight],
          // A visible scrollbar takes room from the list's own box.
          bar: list.offsetWidth - list.clientWidth,
        };
      });
      expect(overflow).toEqual({ page: [0, 0], bar: 0 });
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('contentinfo')).toBeHidden();
      await expect(screen(page, 6)).toBeInViewport({ ratio: 0.99 });
    });
  }

  test('every screen fits its stage: no text runs off it or under the corner code', async ({ page }) => {
    for (const [width, height] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await openTalk(page, '/talk/');
      const { checked, problems } = await page.evaluate(() => {
        const found: string[] = [];
        const all = document.querySelectorAll<HTMLElement>('[data-screens] > [data-screen]');
        const inside = (a: DOMRect, b: DOMRect) =>
          a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
        const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        for (const li of all) {
          const box = li.getBoundingClientRect();
          const text = [...li.querySelectorAll<HTMLElement>('h2, .talk-screen__lines li, .talk-screen__more a')];
          const code = li.querySelector('.talk-screen__qr')!.getBoundingClientRect();
          for (const el of [...text, li.querySelector<HTMLElement>('.talk-screen__qr')!]) {
            const r = el.getBoundingClientRect();
            if (!inside(r, box)) found.push(`screen ${li.dataset['screen']}: “${el.textContent?.slice(0, 30)}” leaves the stage`);
          }
          for (const el of text) {
            // Line boxes, not the element's block: a paragraph may be wide while its words are not.
            const range = document.createRange();
            range.selectNodeContents(el);
            for (const r of range.getClientRects()) {
              if (overlap(r, code)) found.push(`screen ${li.dataset['screen']}: “${el.textContent?.slice(0, 30)}” runs under the code`);
            }
          }
        }
        return { checked: all.length, problems: found };
      });
      expect(checked).toBe(TOTAL);
      expect(problems, `${width}×${height}`).toEqual([]);
    }
  });

  test('the controls fade when the pointer rests, come back when it moves, and stay while focused', async ({ page }) => {
    // The page's clock, not the wall clock, decides when the pointer has rested: the test moves it on.
    await page.clock.install();
    await openTalk(page, '/talk/#2');
    const bar = page.getByRole('group', { name: 'ניווט במצגת' });
    const deck = page.locator('talk-deck');
    await page.mouse.move(300, 300);
    await expect(deck).not.toHaveAttribute('data-idle');
    await expect(bar).toHaveCSS('opacity', '1');
    await page.clock.runFor(10_000);
    await expect(deck).toHaveAttribute('data-idle', '');
    await expect(bar).toHaveCSS('opacity', '0');
    await page.mouse.move(320, 320);
    await expect(deck).not.toHaveAttribute('data-idle');
    await expect(bar).toHaveCSS('opacity', '1');
    await button(page, 'המסך הבא').focus();
    await page.clock.runFor(10_000);
    await expect(deck).toHaveAttribute('data-idle', '');
    await expect(bar).toHaveCSS('opacity', '1');
  });

  test('with reduced motion the controls appear and go without a fade', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openTalk(page, '/talk/#2');
    const bar = page.getByRole('group', { name: 'ניווט במצגת' });
    await expect(bar).toHaveCSS('transition-duration', '0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect(bar).not.toHaveCSS('transition-duration', '0s');
  });

  test('works with the keyboard alone: Tab reaches the controls, which show, and Enter uses them', async ({ page }) => {
    await openTalk(page, '/talk/#2');
    const next = button(page, 'המסך הבא');
    for (let i = 0; i < 12 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    await expect(page.getByRole('group', { name: 'ניווט במצגת' })).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expectOn(page, 3);
    // On the stage only the current screen takes focus: Tab never wanders to a hidden screen.
    await expect(screen(page, 2)).toHaveJSProperty('inert', true);
    await expect(screen(page, 3)).toHaveJSProperty('inert', false);
  });

  test('a swipe toward the right moves forward in RTL, on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openTalk(page, '/talk/#2');
    const box = (await screen(page, 2).boundingBox())!;
    const y = Math.min(box.y + box.height / 2, 400);
    await page.mouse.move(60, y);
    await page.mouse.down();
    await page.mouse.move(260, y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/#3$/);
    await page.mouse.move(260, 400);
    await page.mouse.down();
    await page.mouse.move(60, 400, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/#2$/);
  });

  test('on a phone it is a readable single column, with the site header on arrival', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openTalk(page, '/talk/');
    await expect(page.getByRole('banner')).toBeInViewport();
    const sizes = await page.evaluate(() => {
      const first = document.querySelector<HTMLElement>('[data-screens] > [data-screen]')!;
      const line = first.querySelector('.talk-screen__lines li')!;
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        width: first.getBoundingClientRect().width,
        text: parseFloat(getComputedStyle(line).fontSize),
      };
    });
    expect(sizes.overflow).toBe(0);
    expect(sizes.width).toBeGreaterThanOrEqual(380);
    expect(sizes.text).toBeGreaterThanOrEqual(20);
    // A code to the screen in your hand is of no use; the steps and the counter are there.
    await expect(screen(page, 1).locator('.talk-screen__qr')).toBeHidden();
    await expect(page.locator('[data-counter]')).toBeVisible();
    await button(page, 'המסך הבא').click();
    await expectOn(page, 2);
    await expect(page).toHaveURL(/#2$/);
  });

  test('every screen links to its full section in the guide', async ({ page }) => {
    await openTalk(page, '/talk/#3');
    const more = screen(page, 3).getByRole('link', { name: /לסעיף המלא במדריך/ });
    await expect(more).toHaveAttribute('href', '/guide/in-house/#complex-products');
    await more.click();
    await expect(page.locator('#complex-products')).toBeInViewport();
  });

  test('the corner code of a screen decodes to that screen on the address the talk is served from', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openTalk(page, '/talk/#7');
    const code = screen(page, 7).getByRole('img', { name: 'קוד QR שמוביל למסך 7 במצגת' });
    await expect(code).toBeInViewport();
    await expect(code).toHaveAttribute('data-qr-target', `${baseURL}/talk/#7`);
    expect(await decodeQr(page, '[data-screens] > [data-screen="7"] img')).toBe(`${baseURL}/talk/#7`);
    await expect(screen(page, 7).locator('figcaption')).toHaveText(`${baseURL}/talk/#7`);
  });

  test('the opening and closing screens show a large code for the whole talk', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const n of [1, TOTAL]) {
      await openTalk(page, `/talk/#${n}`);
      const code = screen(page, n).getByRole('img', { name: 'קוד QR שפותח את ההרצאה בטלפון' });
      await expect(code).toBeInViewport();
      expect((await code.boundingBox())!.width).toBeGreaterThan(400);
      await expect(code).toHaveAttribute('data-qr-target', `${baseURL}/talk/`);
      expect(await decodeQr(page, `[data-screens] > [data-screen="${n}"] img`)).toBe(`${baseURL}/talk/`);
    }
  });

  test('the speaker notes are nowhere in the projected view', async ({ page }) => {
    const html = await (await page.request.get('/talk/')).text();
    for (const { notes } of screens) {
      for (const text of [notes.say, notes.example, notes.ask]) expect(html).not.toContain(text);
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    test('the screens read as one ordered page, each reachable by its address', async ({ page }) => {
      await page.goto('/talk/');
      const all = page.locator('[data-screens] > [data-screen]');
      await expect(all).toHaveCount(TOTAL);
      for (const s of await all.all()) await expect(s).toBeVisible();
      await page.goto('/talk/#9');
      await expect(screen(page, 9)).toBeInViewport();
    });
  });

  test('if the talk script fails to load the page is still a working talk, with no dead buttons', async ({ page }) => {
    await page.route('**/_astro/*.js', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto('/talk/#5');
    await expect(screen(page, 5)).toBeInViewport({ ratio: 0.9 });
    // The controls need the script, so they are not shown at all rather than shown and dead.
    await expect(button(page, 'המסך הבא')).toBeHidden();
    await expect(button(page, /כל המסכים/)).toBeHidden();
    // The stage still moves screen by screen: the wheel, and the addresses.
    const box = (await stage(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, box.height);
    await expect(screen(page, 6)).toBeInViewport({ ratio: 0.9 });
    await page.goto('/talk/#12');
    await expect(screen(page, 12)).toBeInViewport({ ratio: 0.9 });
    await expect(screen(page, 12).getByRole('link', { name: /לסעיף המלא במדריך/ })).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no axe violations on the stage, blanked, and in the overview (${theme} theme)`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/talk/#4');
      const bar = page.getByRole('group', { name: 'ניווט במצגת' });
      const check = async (what: string) => {
        // The pointer rests on the controls, which keeps them shown: checked at full strength, never
        // half-way through fading out (an idle pause longer than the analysis would start the fade).
        const box = (await bar.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await expect(bar).toHaveCSS('opacity', '1');
        const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        expect(axe.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      };
      await check('stage');
      await page.keyboard.press('b');
      await expect(page.locator('[data-blank]')).toBeVisible();
      await check('blanked');
      await page.keyboard.press('b');
      await expect(page.locator('[data-blank]')).toBeHidden();
      await page.keyboard.press('o');
      await expect(overview(page)).toBeVisible();
      await check('overview');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.keyboard.press('Escape');
      await expect(overview(page)).toBeHidden();
      await expect(page.getByRole('banner')).toBeVisible();
      await check('phone');
    });
  }
});
