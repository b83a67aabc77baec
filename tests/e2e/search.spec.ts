import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { t } from '../../src/i18n/he.ts';
import { parseYamlList } from '../../src/lib/yaml-list.ts';
import { fillWithBdiText } from './offline-text.ts';
import { countText } from './search-status.ts';
import { scriptsReady, watchConsole } from './site.ts';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'חיפוש במדריך' });

test('a guide page loads no search code until the reader opens search', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/guide/outsource/', { waitUntil: 'networkidle' });
  // The page's scripts start at the first paint, which a starved machine can report after network idle.
  await scriptsReady(page);
  expect(requests.filter((p) => p.startsWith('/pagefind/') || /search|controller|hebrew-search/.test(p))).toEqual([]);
  await page.keyboard.press('/');
  await expect(dialog(page)).toBeVisible();
  await expect.poll(() => requests.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
});

test('the header button opens search; results appear as the reader types, with the matched words marked', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/guide/decision/');
  // Before the scripts run (they start after the first paint) the button is a link to /search/.
  await scriptsReady(page);
  await page.getByRole('banner').getByRole('link', { name: 'חיפוש' }).click();
  const box = dialog(page).getByRole('searchbox', { name: 'חיפוש במדריך' });
  await expect(box).toBeFocused();
  await box.pressSequentially('עובדים');
  const results = dialog(page).locator('[data-search-results]');
  await expect(results.getByRole('link').first()).toBeVisible();
  await expect(results.locator('mark').first()).toContainText('עובד');
  await expect(dialog(page).getByRole('status')).toContainText('נמצאו');
  expect(errors).toEqual([]);
});

test('Ctrl+K opens search, arrows reach the results, and a result lands on its section with the words marked', async ({ page }) => {
  await page.goto('/');
  await scriptsReady(page);
  await page.keyboard.press('Control+k');
  const box = dialog(page).getByRole('searchbox');
  await box.fill('תגמול');
  const first = dialog(page).locator('[data-search-results]').getByRole('link').first();
  await expect(first).toHaveAttribute('href', /^\/guide\/hr-control\/\?mark=[^#]+#engagement-retention$/);
  await box.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/guide\/hr-control\/\?mark=.+#engagement-retention$/);
  await expect(page.locator('#engagement-retention')).toBeInViewport();
  await expect(page.locator('.prose mark').first()).toHaveText('התגמול');
});

test('Escape closes the search dialog and returns focus', async ({ page }) => {
  await page.goto('/guide/in-house/');
  await scriptsReady(page); // until then the button is a plain link to /search/
  const button = page.getByRole('banner').getByRole('link', { name: 'חיפוש' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('/search/?q= lists results in rank order inside data-search-results, and the back button works', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('מומחיות'));
  const links = page.locator('main [data-search-results] a');
  await expect(links.first()).toHaveAttribute('href', /^\/guide\/in-house\/\?mark=.+#complex-products$/);
  const box = page.getByRole('searchbox', { name: 'חיפוש במדריך' });
  await box.fill('תשתית');
  await box.press('Enter');
  await expect(page).toHaveURL(/\?q=%D7%AA%D7%A9%D7%AA%D7%99%D7%AA$/);
  // The exact form (round-the-clock says תשתית) before the form with a particle (volume-peaks: ותשתית).
  await expect(links.first()).toHaveAttribute('href', /#round-the-clock$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=%D7%9E%D7%95%D7%9E%D7%97%D7%99%D7%95%D7%AA$/);
  await expect(links.first()).toHaveAttribute('href', /#complex-products$/);
});

test('a search with no match says so in Hebrew and offers the guide', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('קוונטים'));
  await expect(page.getByRole('main').getByRole('status')).toHaveText(countText(0, 'קוונטים'));
  const offers = page.getByRole('navigation', { name: 'אפשר להתחיל מכאן' });
  await expect(offers.getByRole('link')).toHaveCount(5);
});

/** Hostile or odd queries, each with the exact status the page must show (given how many results it lists). */
const bad: Array<[string, string, (n: number) => string]> = [
  ['markup', '<img src=x onerror=alert(1)>', (n) => countText(n, 'img src x onerror alert 1')],
  ['a script tag', '<script>alert(1)</script>', (n) => countText(n, 'script alert 1')],
  ['bidi control characters', '\u202Eשירות\u202C\u2066', (n) => countText(n, 'שירות')],
  ['a 1,000-character query', 'שירות '.repeat(167).slice(0, 1000), (n) => `${countText(n, 'שירות')} ${t.search.truncated}`],
  ['a lone particle', 'ו', () => fillWithBdiText(t.search.particles, { q: '„ו”' })],
  ['only punctuation', '?!…״,;', () => t.search.empty],
];
for (const [what, q, message] of bad) {
  test(`search survives ${what}: nothing rendered as HTML, a clear message`, async ({ page }) => {
    const errors = watchConsole(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('/search/?q=' + encodeURIComponent(q));
    const status = page.getByRole('main').getByRole('status');
    // Searched (or refused) once the status says something other than that it is loading.
    await expect(status).toHaveText(/\S/);
    await expect(status).not.toHaveText(new RegExp(`^(${t.search.loading}|${t.search.slow})$`));
    await expect(status).toHaveText(message(await page.locator('main [data-search-results] > li').count()));
    expect(await page.locator('main img, main [onerror], main script:not([src]):not([type])').count()).toBe(0);
    // The query is shown as text inside <bdi> (so Latin or mixed text keeps its place), nothing else.
    expect(await status.evaluate((el) => [...el.querySelectorAll('*')].every((c) => c.tagName === 'BDI' && c.children.length === 0))).toBe(true);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
}

test('excerpts show the guide text only, never the heading tools', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('ארגון'));
  const excerpts = page.locator('main [data-search-results] .search-result__excerpt');
  await expect(excerpts.first()).toBeVisible();
  for (const text of await excerpts.allTextContents()) expect(text).not.toMatch(/(^|\s)#(\s|$)/);
});

test('the "/" key opens search on a Hebrew keyboard layout too, where it types "."', async ({ page }) => {
  await page.goto('/guide/in-house/');
  await scriptsReady(page);
  await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '.', code: 'Slash', bubbles: true })));
  await expect(dialog(page)).toBeVisible();
});

test('an excerpt marks every query word found in the section, in the forms the page uses', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('שביעות רצון'));
  const result = page.locator('main [data-search-results] li').filter({ has: page.locator('a[href$="#service-quality"]') });
  await expect(result.locator('.search-result__excerpt mark')).toHaveText(['ושביעות', 'רצון']);
});

const status = (page: Page) => page.getByRole('main').getByRole('status');
const results = (page: Page) => page.locator('main [data-search-results] > li');

test('a result claims only words its own section contains, and a search gives the same results every time, on the page and in the dialog', async ({ page }) => {
  test.setTimeout(120_000);
  const { sectionReader } = await import('./search-sections.ts');
  const sectionText = sectionReader(await page.context().newPage());
  const words = (s: string) => new Set(s.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  for (const q of ['הדרכה', 'איכות', 'עובדים פנימיים', 'מיקור חוץ']) {
    const runs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      await page.goto('/search/?q=' + encodeURIComponent(q));
      await expect(status(page)).toContainText('נמצא');
      runs.push(await page.locator('main [data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')));
    }
    expect(runs[1], `"${q}" twice`).toEqual(runs[0]);
    await page.goto('/guide/decision/');
    await scriptsReady(page);
    await page.keyboard.press('Control+k');
    await dialog(page).getByRole('searchbox').fill(q);
    await expect(dialog(page).getByRole('status')).toContainText('נמצא');
    expect(await dialog(page).locator('[data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')), `"${q}" in the dialog`).toEqual(runs[0]);
    for (const href of runs[0]!) {
      const claimed = new URL(href, 'http://x').searchParams.get('mark')?.split(' ') ?? [];
      const present = words((await sectionText(href)).section);
      for (const form of claimed) expect(present.has(form), `"${q}": ${decodeURIComponent(href)} claims "${form}"`).toBe(true);
    }
  }
});

test('the lexicon and Pagefind\'s index agree: Pagefind finds every word the lexicon has', async ({ page }) => {
  await page.goto('/search/');
  const missing = await page.evaluate(async () => {
    const { createInstance } = (await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string)) as {
      createInstance(o: object): { init(): Promise<void>; search(t: string): Promise<{ results: unknown[] }> };
    };
    const pagefind = createInstance({ basePath: '/pagefind/', noWorker: true });
    await pagefind.init();
    const root = (await (await fetch('/search/lexicon.json')).json()) as { chunks: Array<{ file: string }> };
    const out: string[] = [];
    for (const { file } of root.chunks) {
      const chunk = (await (await fetch(`/search/${file}`)).json()) as { entries: Array<[string, number]> };
      for (const [form] of chunk.entries) if ((await pagefind.search(form)).results.length === 0) out.push(form);
    }
    return out;
  });
  expect(missing).toEqual([]);
});

test('an English term finds the guide\'s own words, and the result says which guide words it matched', async ({ page }) => {
  const file = 'content/search/vocabulary.yaml';
  const vocabulary = parseYamlList(readFileSync(file, 'utf8'), file) as Array<{ guide: string[]; terms: string[] }>;
  const entry = vocabulary.find((e) => e.terms.includes('onboarding'));
  expect(entry, 'the vocabulary has an entry for "onboarding"').toBeDefined();
  const phrase = entry!.guide[0]!;
  await page.goto('/search/?q=onboarding');
  const first = results(page).first();
  await expect(first.locator('.search-result__via')).toHaveText(fillWithBdiText(t.search.via, { w: `„${phrase}”` }));
  await expect(first.locator('.search-result__excerpt mark')).toHaveText(phrase.split(' '));
});

test('spelling without ו/י, a singular for a plural and a question all find the site\'s own forms', async ({ page }) => {
  for (const [q, form] of [
    ['תכנה', 'תוכנה'],
    ['נציג', 'נציגים'],
    ['איך מוטיבציה', 'מוטיבציה'],
  ]) {
    await page.goto('/search/?q=' + encodeURIComponent(q!));
    await expect(status(page)).toContainText('נמצא');
    await expect(results(page).locator('.search-result__excerpt mark').filter({ hasText: form! }).first()).toBeVisible();
  }
});

test('the checklist and the talk are searchable too, and each result says which part of the site it is in', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('שכר'));
  const checklist = results(page).filter({ has: page.locator('.search-result__part', { hasText: 'רשימת ההחלטה' }) });
  await expect(checklist.first()).toBeVisible();
  await expect(checklist.first().getByRole('link')).toHaveAttribute('href', /^\/checklist\//);
  await page.goto('/search/?q=' + encodeURIComponent('שיאים עונתיים'));
  const talk = results(page).filter({ has: page.locator('.search-result__part', { hasText: 'מצגת ההרצאה' }) });
  await expect(talk.first().getByRole('link')).toHaveAttribute('href', /^\/talk\/#\d+$/);
  for (const label of await results(page).locator('.search-result__part').allTextContents()) expect(['המדריך', 'רשימת ההחלטה', 'מצגת ההרצאה']).toContain(label);
});

test('a query that finds nothing offers a close site word, which searches at once', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('הדרכע'));
  await expect(status(page)).toHaveText(countText(0, 'הדרכע'));
  const mean = page.getByRole('main').getByRole('link', { name: /^\S+$/ }).filter({ has: page.locator(':scope[data-search-mean-link]') });
  await expect(page.getByRole('main').getByText(/^אולי התכוונתם ל„\S+”\?$/)).toBeVisible();
  // One letter off, at the end: the site's own word.
  const word = 'הדרכה';
  await expect(page.locator('main [data-search-mean-link]')).toHaveText(word);
  await mean.click();
  await expect(page.getByRole('searchbox', { name: 'חיפוש במדריך' })).toHaveValue(word);
  await expect(status(page)).toContainText('נמצא');
  await expect(page.getByRole('main').getByText('נסו מילה אחת או שתיים')).toBeHidden();
});

test('a question made only of question words asks for a content word', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('מה זה?'));
  await expect(status(page)).toHaveText(fillWithBdiText(t.search.stopwords, { q: '„מה זה”' }));
});

test('result counts follow Hebrew plural rules', async ({ page }) => {
  await page.goto('/search/');
  const texts = await page.evaluate(async () => {
    const pr = new Intl.PluralRules('he');
    return [1, 2, 3, 20].map((n) => pr.select(n));
  });
  expect(texts[0]).toBe('one');
  await page.goto('/search/?q=' + encodeURIComponent('מוטיבציה'));
  await expect(status(page)).toHaveText(/^(נמצאה תוצאה אחת|נמצאו \d+ תוצאות) עבור „מוטיבציה”\.$/);
  const n = await results(page).count();
  await expect(status(page)).toHaveText(n === 1 ? 'נמצאה תוצאה אחת עבור „מוטיבציה”.' : `נמצאו ${n} תוצאות עבור „מוטיבציה”.`);
});

test('the talk\'s speaker notes never reach search: no talk result shows a word only its notes say', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const { parseYamlList } = await import('../../src/lib/yaml-list.ts');
  const file = 'content/talk/screens.yaml';
  const screens = parseYamlList(readFileSync(file, 'utf8'), file) as Array<{ title: string; lines: string[]; notes?: unknown }>;
  // The notes may be a text or a set of texts (say, example, ask): all of it is the speaker's.
  const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? Object.values(v).map(text).join(' ') : '');
  const wordsOf = (s: string) => s.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5);
  // Words of each screen's notes that its title and lines do not say, longest first.
  const probes = screens.flatMap((screen, i) => {
    const shown = new Set(wordsOf(`${screen.title} ${screen.lines.join(' ')}`));
    const only = [...new Set(wordsOf(text(screen.notes)))].filter((w) => !shown.has(w)).sort((a, b) => b.length - a.length);
    return only.slice(0, 2).map((word) => ({ word, screen: `/talk/#${i + 1}` }));
  });
  expect(probes.length, 'the talk has speaker notes to check').toBeGreaterThan(10);
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: 'חיפוש במדריך' });
  for (const { word, screen } of probes) {
    await box.fill(`${word} `);
    await expect(status(page)).toContainText(`„${word}”`);
    // A talk screen may be found through a related word it does show (משתלבים for שמשתלבים);
    // the notes' own word can only be in its excerpt if the notes were indexed.
    const shown = await results(page)
      .filter({ has: page.locator(`a[href="${screen}"]`) })
      .locator('.search-result__excerpt')
      .allTextContents();
    for (const excerpt of shown) expect(wordsOf(excerpt), `"${word}" (from the notes of ${screen})`).not.toContain(word);
  }
});

test('words typed on /search/ before its script has run are searched, not replaced by the address', async ({ page }) => {
  // The page's scripts start after its first paint; hold them back to type first, as a fast reader could.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: 'חיפוש במדריך' }).fill('מומחיות');
  release();
  await expect(status(page)).toContainText('„מומחיות”');
  await expect(page).toHaveURL(/\/search\/\?q=%D7%9E%D7%95%D7%9E%D7%97%D7%99%D7%95%D7%AA$/);
  await expect(page.getByRole('searchbox', { name: 'חיפוש במדריך' })).toHaveValue('מומחיות');
});

test.describe('with the search code held back', () => {
  // page.route() does not see what a service worker answers, and the worker precaches this code.
  test.use({ serviceWorkers: 'block' });

  test('search closed while its code is still on the way stays closed when the code arrives', async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(/\/_astro\/dialog\.[^/]+\.js$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto('/guide/in-house/');
    await scriptsReady(page);
    await page.keyboard.press('/');
    await expect(dialog(page)).toBeVisible();
    await expect.poll(() => asked).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    release();
    // The code has arrived, and its promise has settled a task later.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/_astro\/dialog\./.test(r.name) && (r as PerformanceResourceTiming).responseEnd > 0))).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    await expect(dialog(page)).toBeHidden();
  });
});
