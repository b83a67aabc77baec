import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cspHash } from '../../src/integrations/page-csp.ts';
import { t } from '../../src/i18n/he.ts';
import { withOwnHashes } from '../../src/lib/csp.ts';
import { fillWithBdiText } from './offline-text.ts';
import { builtPages, scriptsReady } from './site.ts';

/**
 * Offline: the conference hall has bad Wi-Fi. A first visit precaches only the shell (scripts, the
 * font, the offline and not-found pages, the search engine) and the page being read; other pages
 * are kept as they are read, or all at once when the reader saves the site (or in the background
 * on an unmetered connection). `context.setOffline(true)` also cuts the service worker's own
 * network, so only what is really on the device can pass these tests.
 */

/** Every page the worker can save: the built pages without the offline and not-found pages. */
const sitePages = () => builtPages().filter((path) => path !== '/offline/' && path !== '/404.html');

const note = (page: Page) => page.locator('[data-offline-note]');
const noteText = (page: Page) => note(page).locator('[data-offline-text]');

/** A first visit to `path`: waits until the worker has installed (shell precached) and controls the page. */
async function visitOnce(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker claims the page it installed from (clientsClaim): no reload, which would hide a worker
  // that never takes control.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

/** URL paths held by the worker's caches, by cache: the precache (shell) and the saved pages and data. */
async function cachedPaths(page: Page): Promise<{ shell: string[]; content: string[] }> {
  return page.evaluate(async () => {
    const out = { shell: [] as string[], content: [] as string[] };
    for (const name of await caches.keys()) {
      const paths = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
      if (name.includes('precache')) out.shell.push(...paths);
      else if (name === 'bifnim-content') out.content.push(...paths);
    }
    return { shell: out.shell.sort(), content: out.content.sort() };
  });
}

/** Saves the whole site with the control on /offline/, the way a reader would. */
async function saveEverything(page: Page): Promise<void> {
  await page.goto('/offline/');
  const control = page.locator('save-offline');
  await expect(control.locator('[data-save-status]')).toContainText('עמודים שמורים במכשיר');
  await control.getByRole('button', { name: t.save.button }).click();
  await expect(control.locator('[data-save-status]')).toHaveText(t.save.saved, { timeout: 60_000 });
}

test('a first visit precaches only the shell and the page being read', async ({ page }) => {
  await visitOnce(page, '/guide/in-house/');
  await expect.poll(async () => (await cachedPaths(page)).content, { message: 'the page being read is kept' }).toEqual(['/guide/in-house/']);
  const { shell, content } = await cachedPaths(page);
  expect(content).toEqual(['/guide/in-house/']);
  // The shell: the two fallback pages and no other page; the search engine but not its index.
  expect(shell.filter((path) => path.endsWith('.html') || path.endsWith('/'))).toEqual(['/404.html', '/offline/']);
  expect(shell).toContain('/pagefind/pagefind.js');
  expect(shell.some((path) => path.startsWith('/_astro/fonts/'))).toBe(true);
  expect(shell.some((path) => /^\/pagefind\/(index|fragment)\//.test(path))).toBe(false);
  expect(shell.some((path) => path.startsWith('/qr/'))).toBe(false);
});

test('before the site is saved, offline shows what was read and says honestly what is missing', async ({ page, context }) => {
  await visitOnce(page, '/guide/in-house/');
  await expect.poll(async () => (await cachedPaths(page)).content).toEqual(['/guide/in-house/']);
  await goOffline(context, page);

  // The page that was read opens, and the note says only opened pages are saved: not the promise.
  await page.goto('/guide/in-house/');
  await expect(page.getByRole('heading', { name: 'מוצרים מורכבים או מיוחדים' })).toBeVisible();
  await expect(note(page)).toBeVisible();
  await expect(noteText(page)).toHaveText(fillWithBdiText(t.offline.notePartial, { saved: 1, total: sitePages().length }));
  await expect(note(page).getByRole('link', { name: t.offline.whatIsSaved })).toBeVisible();

  // Without its trailing slash, the address resolves as a host would resolve it online.
  await page.goto('/guide/in-house');
  await expect(page).toHaveURL(/\/guide\/in-house\/$/);
  await expect(page.getByRole('heading', { name: 'מוצרים מורכבים או מיוחדים' })).toBeVisible();

  // A page that was never opened: the offline page says so and lists what is saved.
  await page.goto('/guide/outsource/');
  await expect(page.getByRole('heading', { level: 1, name: t.offline.title })).toBeVisible();
  await expect(page.getByText(t.offline.notSaved)).toBeVisible();
  await expect(page.locator('saved-pages').getByRole('link')).toHaveText(['שירות לקוחות בתוך הארגון']);

  // An address the site does not have at all: the saved not-found page.
  await page.goto('/no-such-page/');
  await expect(page.getByRole('heading', { level: 1, name: t.notFound.title })).toBeVisible();

  // Back online, the note goes away.
  await context.setOffline(false);
  await expect(note(page)).toBeHidden();
});

test('after saving the site on purpose, every page, the font, search and the checklist work offline', async ({ page, context }) => {
  test.slow(); // saves the whole site, then opens every page
  await visitOnce(page, '/');
  await saveEverything(page);
  await expect(page.locator('save-offline').getByRole('button', { name: t.save.button })).toBeHidden();
  // Coming back later, the control says the whole site is on the device.
  await page.reload();
  await expect(page.locator('save-offline [data-save-status]')).toHaveText(fillWithBdiText(t.save.complete, { total: sitePages().length }));
  await expect(page.locator('save-offline').getByRole('button', { name: t.save.button })).toBeHidden();

  const titles = new Map<string, string>();
  for (const path of sitePages()) {
    const html = await (await page.request.get(path)).text();
    titles.set(path, /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&') ?? '');
  }
  const fontResponses: boolean[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/_astro/fonts/')) fontResponses.push(response.fromServiceWorker());
  });
  await goOffline(context, page);

  for (const path of sitePages()) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.fromServiceWorker(), path).toBe(true);
    await expect(page, path).toHaveTitle(titles.get(path) ?? '');
    await expect(page.getByRole('main'), path).not.toBeEmpty();
  }

  await page.goto('/guide/in-house/');
  await expect(note(page)).toBeVisible();
  await expect(noteText(page)).toHaveText(t.offline.note);
  await expect(note(page).getByRole('link')).toBeHidden();
  await expect
    .poll(() =>
      page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((face) => face.family.includes('Heebo') && !face.family.includes('fallback') && face.status === 'loaded');
      }),
    )
    .toBe(true);
  expect(fontResponses.length, 'the page asked for the web font').toBeGreaterThan(0);
  expect(fontResponses.every(Boolean), 'the web font came from the service worker').toBe(true);

  // Search: the results page, with its query in the address, finds results offline.
  await page.goto('/search/?q=' + encodeURIComponent('עובדים'));
  await expect(page.locator('main [data-search-results]').getByRole('link').first()).toBeVisible();
  await expect(noteText(page)).toHaveText(t.offline.note);

  // A search result's address (?mark=…#id) opens its section offline.
  await page.goto('/guide/hr-control/?mark=' + encodeURIComponent('התגמול') + '#engagement-retention');
  await expect(page.locator('#engagement-retention')).toBeInViewport();

  // The checklist, opened from a shared link with answers, recommends and reacts to new answers.
  await page.goto('/checklist/?complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0');
  const result = page.locator('[data-result]');
  await expect(result).toHaveAttribute('data-recommendation', 'in-house');
  await page.getByRole('group', { name: /^שאלה 4/ }).getByRole('radio', { name: /במידה רבה/ }).check();
  await page.getByRole('group', { name: /^שאלה 6/ }).getByRole('radio', { name: /במידה רבה/ }).check();
  await expect(result).toHaveAttribute('data-recommendation', 'hybrid');
});

test('saving stops with a Hebrew reason when the network drops, and a retry finishes it', async ({ page, context }) => {
  test.slow(); // downloads the whole site
  await visitOnce(page, '/offline/');
  const control = page.locator('save-offline');
  await expect(control.locator('[data-save-status]')).toContainText('עמודים שמורים במכשיר');
  await context.setOffline(true);
  await control.getByRole('button', { name: t.save.button }).click();
  await expect(control).toContainText(t.save.failed.network);
  await context.setOffline(false);
  await control.getByRole('button', { name: t.save.retry }).click();
  await expect(control.locator('[data-save-status]')).toHaveText(t.save.saved, { timeout: 60_000 });
});

/** Records the messages pages post to the service worker. */
async function recordWorkerMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: unknown[] = [];
    (window as unknown as { workerMessages: unknown[] }).workerMessages = sent;
    const post = ServiceWorker.prototype.postMessage as (this: ServiceWorker, message: unknown, transfer?: Transferable[]) => void;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, message: unknown, transfer?: Transferable[]) {
      sent.push(message);
      post.call(this, message, transfer ?? []);
    } as typeof ServiceWorker.prototype.postMessage;
  });
}
const workerMessages = (page: Page) => page.evaluate(() => (window as unknown as { workerMessages: unknown[] }).workerMessages);

/** Makes the page see `connection` as `navigator.connection` (Chromium on Android exposes its type). */
async function useConnection(page: Page, connection: { type: string; saveData: boolean; effectiveType: string }): Promise<void> {
  await page.addInitScript((c) => Object.defineProperty(navigator, 'connection', { configurable: true, get: () => c }), connection);
}

test('on Wi-Fi the rest of the site is saved in the background', async ({ page }) => {
  test.slow(); // downloads the whole site
  await useConnection(page, { type: 'wifi', saveData: false, effectiveType: '4g' });
  await visitOnce(page, '/guide/in-house/');
  await expect.poll(async () => (await cachedPaths(page)).content.filter((path) => path.endsWith('/')), { timeout: 60_000 }).toEqual(sitePages().sort());
});

for (const [name, connection] of [
  ['with Save-Data on', { type: 'wifi', saveData: true, effectiveType: '4g' }],
  ['on a cellular connection', { type: 'cellular', saveData: false, effectiveType: '4g' }],
] as const) {
  test(`${name} nothing more than the page being read is saved without asking`, async ({ page }) => {
    await recordWorkerMessages(page);
    await useConnection(page, connection);
    await visitOnce(page, '/guide/in-house/');
    // The page tells the worker it is open, and whether to save the rest: here, no.
    await expect.poll(() => workerMessages(page)).toContainEqual({ type: 'visit', saveAll: false });
    expect(await workerMessages(page)).not.toContainEqual(expect.objectContaining({ type: 'save' }));
    expect((await cachedPaths(page)).content).toEqual(['/guide/in-house/']);
  });
}

test('the service worker registers only after the page has loaded and painted', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: Array<{ readyState: string; at: number; loadStart: number }> = [];
    (window as unknown as { swCalls: typeof calls }).swCalls = calls;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      calls.push({
        readyState: document.readyState,
        at: performance.now(),
        loadStart: nav?.loadEventStart ?? 0,
      });
      return register.apply(this, args);
    };
  });
  for (const path of ['/', '/guide/in-house/', '/checklist/', '/search/']) {
    const response = await page.goto(path);
    const html = (await response?.text()) ?? '';
    // Nothing in the page itself starts the worker: no link, no inline registration.
    expect(html, path).not.toMatch(/rel=["']?serviceworker|serviceWorker\.register/i);
    await expect.poll(() => page.evaluate(() => (window as unknown as { swCalls: unknown[] }).swCalls.length), { message: path }).toBe(1);
    const [call] = await page.evaluate(() => (window as unknown as { swCalls: Array<{ readyState: string; at: number; loadStart: number }> }).swCalls);
    expect(call?.readyState, path).toBe('complete');
    expect(call?.loadStart, path).toBeGreaterThan(0);
    expect(call?.at, path).toBeGreaterThanOrEqual(call?.loadStart ?? Infinity);
    // First paint happened before the registration. The browser may report the paint after the
    // registration call; its time stamp says when it happened.
    const paintTime = () => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    await expect.poll(paintTime, { message: `${path}: first contentful paint` }).toBeGreaterThan(0);
    expect(await paintTime(), path).toBeLessThanOrEqual(call?.at ?? 0);
  }
});

test('the web app manifest is Hebrew, right-to-left and its icons exist', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    lang: string;
    dir: string;
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
  };
  expect(manifest).toMatchObject({ lang: 'he', dir: 'rtl', start_url: '/', scope: '/', display: 'standalone' });
  expect(manifest.name).toBe('בפנים או בחוץ? — מדריך להחלטה על שירות הלקוחות');
  expect(manifest.short_name).toBe('בפנים או בחוץ');
  const purposes = new Set(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`));
  for (const wanted of ['192x192 any', '512x512 any', '512x512 maskable']) expect(purposes).toContain(wanted);
  for (const icon of manifest.icons) {
    const response = await page.request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toContain(icon.type);
    if (icon.type === 'image/png') {
      // PNG header: width and height are big-endian at bytes 16 and 20.
      const body = await response.body();
      expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  }
});


/** A host of our own serving a copy of dist/ that a test can redeploy (dist/ itself is never touched). */
async function copyHost(): Promise<{ root: string; home: string; server: Server }> {
  const root = mkdtempSync(join(tmpdir(), 'bifnim-deploy-'));
  cpSync(new URL('../../dist/', import.meta.url).pathname, root, { recursive: true });
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.webmanifest': 'application/manifest+json',
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = file.startsWith(root) && existsSync(file);
    response.writeHead(found ? 200 : 404, { 'content-type': (found && types[extname(file)]) || types['.html']!, 'cache-control': 'no-cache' });
    response.end(readFileSync(found ? file : join(root, '404.html')));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { root, server, home: `http://localhost:${(server.address() as AddressInfo).port}/` };
}

/** Every text file of the copy, with `from` replaced by `to` (how a rebuild renames hashed files in every reference). */
/** Renames `from` to `to` in every page, script and data file; a page's CSP hashes follow its inline loader, as a build's do. */
function replaceEverywhere(root: string, from: string, to: string): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|js|json)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) continue;
    const next = text.replaceAll(from, to);
    writeFileSync(file, entry.name.endsWith('.html') ? withOwnHashes(next, cspHash) : next);
  }
}

test('a new deploy is picked up on the next visit, and the page the old version served reloads into it', async ({ page }) => {
  const { root, server, home } = await copyHost();
  try {
    await page.goto(home);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The home page is kept on the device.
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/')))).toBe(true);

    // Deploy a new version: the home page changes, so its revision in sw.js changes (as a build does).
    const marker = 'גרסה חדשה של האתר';
    const index = join(root, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</main>', `<p>${marker}</p></main>`));
    const sw = join(root, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    const after = before.replace(/("url":"\/","revision":")[^"]+"/, '$1next-deploy"');
    expect(after, 'sw.js lists the home page with a revision').not.toBe(before);
    writeFileSync(sw, after);

    // The next visit: the old worker answers at once from the saved copy, the browser finds the new
    // sw.js, the new worker takes over and the page reloads into the new version by itself.
    await page.goto(home);
    await expect(page.getByText(marker)).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('reload');
    // The saved copy of the page is the new revision.
    await expect.poll(() => page.evaluate(async () => (await caches.match('/'))?.headers.get('x-bifnim-revision'))).toBe('next-deploy');
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a tab left open across a deploy whose search code is gone leads to the new version\'s search page, and search works there', async ({ page }) => {
  const { root, server, home } = await copyHost();
  try {
    // A first visit: this tab was not served by a worker, so a new worker taking over does not reload it.
    await page.goto(`${home}guide/in-house/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Deploy a build whose code changed: every script gets a new file name and the old files are gone.
    const scripts = readdirSync(join(root, '_astro')).filter((name) => name.endsWith('.js'));
    expect(scripts.some((name) => name.startsWith('dialog.')), 'the search dialog is a lazily loaded chunk').toBe(true);
    for (const name of scripts) {
      const next = name.replace(/\.js$/, '.v2.js');
      renameSync(join(root, '_astro', name), join(root, '_astro', next));
      replaceEverywhere(root, name, next);
    }
    // As a build does, every page's revision in sw.js changes with its HTML.
    const sw = join(root, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/"revision":"([0-9a-f]+)"/g, '"revision":"v2-$1"'));
    // The browser checks for a new worker (it does so on its own on navigations and periodically);
    // the new one takes over this tab.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
          void navigator.serviceWorker.getRegistration().then((registration) => registration?.update());
        }),
    );

    // The old page's search code is gone: opening search leads once to the search page, which is
    // the new version (site.ts handles the failed load itself; a reload would lose what was typed).
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
    await page.keyboard.press('/');
    await expect.poll(() => navigations.length).toBe(1);
    expect(new URL(navigations[0]!).pathname).toBe('/search/');
    // The new version's code is what runs there.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/_astro\/.+\.v2\.js$/.test(r.name)))).toBe(true);
    const box = page.getByRole('searchbox', { name: 'חיפוש במדריך' });
    await box.fill('מומחיות');
    await expect(page.locator('main [data-search-results] a').first()).toHaveAttribute('href', /#complex-products$/);
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a page whose code keeps failing reloads only once, never in a loop', async ({ page }) => {
  await page.goto('/guide/in-house/');
  await scriptsReady(page);
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  // What Vite reports when a lazily loaded file fails; offline.ts notes the reload before doing it.
  const codeIsGone = () =>
    page.evaluate(() => {
      window.dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
      return sessionStorage.getItem('bifnim:code-reload:/guide/in-house/');
    });
  const first = await codeIsGone();
  expect(first).toMatch(/^\d+$/);
  await expect.poll(() => navigations.length).toBe(1);
  await page.waitForLoadState('load');
  await scriptsReady(page);
  // The same failure again right after: no new reload is noted, so none is started.
  expect(await codeIsGone()).toBe(first);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(navigations).toHaveLength(1);
});
