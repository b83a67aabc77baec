import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { t } from '../../src/i18n/he.ts';

/**
 * Offline: the conference hall has bad wifi. A reader loads the site once; from then on the
 * service worker (Workbox precache, dist/sw.js) must serve every page, the font, search and the
 * checklist with the network off. `context.setOffline(true)` also cuts the service worker's own
 * network, so only what was precached can pass these tests.
 */

const offlineNote = (page: Page) => page.getByRole('status').filter({ hasText: t.offline.note });

/** The first visit: waits until the worker has installed (precache complete) and controls the page. */
async function visitOnce(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  // The worker claims the page it installed from; if that has not happened yet, one reload does it.
  if (!(await controlled())) await page.reload();
  await expect.poll(controlled).toBe(true);
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

test('after one visit the guide, the font, search and the checklist all work with the network off', async ({ page, context }) => {
  await visitOnce(page);
  // /talk/ is checked too when this build has it.
  const hasTalk = (await page.request.get('/talk/')).ok();
  const fontResponses: Array<{ url: string; fromServiceWorker: boolean }> = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/_astro/fonts/')) {
      fontResponses.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
    }
  });

  await goOffline(context, page);

  // A guide page, and the quiet note saying the site works from the saved copy.
  await page.goto('/guide/in-house/');
  await expect(page.getByRole('heading', { name: 'מוצרים מורכבים או מיוחדים' })).toBeVisible();
  await expect(offlineNote(page)).toBeVisible();
  await expect(offlineNote(page)).toHaveText(t.offline.note);

  // The web font came from the service worker's cache and is in use.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((face) => face.family.includes('Heebo') && !face.family.includes('fallback') && face.status === 'loaded');
      }),
    )
    .toBe(true);
  expect(fontResponses.length, 'the page asked for the web font').toBeGreaterThan(0);
  expect(fontResponses.every((r) => r.fromServiceWorker), 'the web font came from the service worker').toBe(true);

  // Search: the results page, with its query in the address, finds results offline.
  await page.goto('/search/?q=' + encodeURIComponent('עובדים'));
  await expect(page.locator('main [data-search-results]').getByRole('link').first()).toBeVisible();
  await expect(offlineNote(page)).toBeVisible();

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

  if (hasTalk) {
    const response = await page.goto('/talk/');
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('main')).not.toBeEmpty();
    await expect(offlineNote(page)).toBeVisible();
  }

  // Back online, the note goes away.
  await context.setOffline(false);
  await expect(offlineNote(page)).toBeHidden();
});

test('offline, every page of the site opens from the precache', async ({ page, context }) => {
  await visitOnce(page);
  const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
  const paths = [...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname), '/search/'];
  expect(paths.length).toBeGreaterThan(5);
  // Each page's title as the server sends it, to recognise the same page offline.
  const titles = new Map<string, string>();
  for (const path of paths) {
    const html = await (await page.request.get(path)).text();
    titles.set(path, /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&') ?? '');
  }
  await goOffline(context, page);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.fromServiceWorker(), path).toBe(true);
    await expect(page, path).toHaveTitle(titles.get(path) ?? '');
    await expect(page.getByRole('main'), path).not.toBeEmpty();
  }
});

test('an unknown address gets the real 404 online and the saved not-found page offline', async ({ page, context }) => {
  await visitOnce(page);
  // Online, unknown paths go to the network: a page from a newer deploy would load, not a cached 404.
  const online = await page.goto('/no-such-page/');
  expect(online?.status()).toBe(404);
  await goOffline(context, page);
  await page.goto('/no-such-page-either/');
  await expect(page.getByRole('heading', { level: 1, name: 'העמוד לא נמצא' })).toBeVisible();
  await expect(offlineNote(page)).toBeVisible();
});

test('the service worker registers only after the page has loaded and painted', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: Array<{ readyState: string; at: number; loadStart: number; paint: number }> = [];
    (window as unknown as { swCalls: typeof calls }).swCalls = calls;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      calls.push({
        readyState: document.readyState,
        at: performance.now(),
        loadStart: nav?.loadEventStart ?? 0,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
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
    const [call] = await page.evaluate(() => (window as unknown as { swCalls: Array<{ readyState: string; at: number; loadStart: number; paint: number }> }).swCalls);
    expect(call?.readyState, path).toBe('complete');
    expect(call?.loadStart, path).toBeGreaterThan(0);
    expect(call?.at, path).toBeGreaterThanOrEqual(call?.loadStart ?? Infinity);
    // First paint happened before the registration (when the browser reports paint timing).
    if ((call?.paint ?? -1) >= 0) expect(call?.paint, path).toBeLessThanOrEqual(call?.at ?? 0);
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

test('a new deploy is picked up on the next visit, and the page the old version served reloads into it', async ({ page }) => {
  // A host of our own, serving a copy of dist/ that this test can redeploy (dist/ itself is never touched).
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
    let file = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(root) && existsSync(file);
    response.writeHead(found ? 200 : 404, { 'content-type': (found && types[extname(file)]) || types['.html']!, 'cache-control': 'no-cache' });
    response.end(readFileSync(found ? file : join(root, '404.html')));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const home = `http://localhost:${(server.address() as AddressInfo).port}/`;
  try {
    await page.goto(home);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Deploy a new version: the home page changes, so its revision in sw.js changes (as a build does).
    const marker = 'גרסה חדשה של האתר';
    const index = join(root, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</main>', `<p>${marker}</p></main>`));
    const sw = join(root, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    const after = before.replace(/(url:"index\.html",revision:")[^"]+"/, '$1next-deploy"');
    expect(after, 'sw.js lists index.html with a revision').not.toBe(before);
    writeFileSync(sw, after);

    // The next visit: the old worker answers at once, the browser finds the new sw.js, the new worker
    // takes over and the page reloads into the new version by itself.
    await page.goto(home);
    await expect(page.getByText(marker)).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('reload');
    // Only the new revision of the page is left in the cache.
    const cached = await page.evaluate(async () => {
      const keys: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
      return keys.filter((url) => new URL(url).pathname === '/index.html');
    });
    expect(cached).toEqual([expect.stringContaining('__WB_REVISION__=next-deploy')]);
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
