// Measurements of one served site: page weight in a phone-sized Chromium, the first visit with the
// service worker's traffic, search speed, and Lighthouse (installed on demand, see below).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from '../e2e/browser.ts';
import { brotliSize, inlineScripts } from '../budgets.mjs';

/** A phone: iPhone 12–15 class viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * Bytes a host would send for a body: the brotli size, or the raw size where brotli would not
 * help (already-compressed formats such as woff2 or PNG, which hosts do not re-compress anyway).
 */
export const transferSize = (buf) => Math.min(buf.length, brotliSize(buf));

const TYPES = ['document', 'stylesheet', 'script', 'font', 'image', 'other'];
const typeOf = (resourceType) => (TYPES.includes(resourceType) ? resourceType : 'other');

/** Loads one page cold in a fresh context and weighs everything it fetched. */
export async function weighPage(browser, base, path) {
  const context = await browser.newContext({ ...PHONE, locale: 'he-IL' });
  const pending = [];
  const resources = [];
  // Context-level, so a service worker's own fetches (e.g. a precache) are counted too.
  context.on('response', (response) => {
    pending.push(
      (async () => {
        // A response the service worker answered was already counted as the worker's own fetch.
        if (response.fromServiceWorker()) return;
        const request = response.request();
        let body = Buffer.alloc(0);
        try {
          body = await response.body(); // throws for redirects and bodiless responses
        } catch {
          // Count it as empty.
        }
        resources.push({
          url: response.url().replace(base, ''),
          status: response.status(),
          resourceType: request.resourceType(),
          type: typeOf(request.resourceType()),
          fromServiceWorkerContext: !!request.serviceWorker(),
          rawBytes: body.length,
          brotliBytes: transferSize(body),
          body, // dropped before the JSON is written
        });
      })(),
    );
  });

  // Layout shifts up to network idle (not a budget; reported because a late shift — e.g. a control
  // un-hidden by a deferred script — is what costs Lighthouse's performance score on this site).
  await context.addInitScript(() => {
    const shifts = (window.__benchShifts = []);
    const describe = (n) =>
      n instanceof Element
        ? n.tagName.toLowerCase() + (n.id ? `#${n.id}` : '') + (n.classList.length ? `.${[...n.classList].join('.')}` : '')
        : n
          ? `${n.nodeName} in ${describe(n.parentElement)}`
          : '(removed node)';
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // No `hadRecentInput` filter: the bench never interacts, and Chromium's touch emulation
        // marks early shifts as after "input" anyway (Lighthouse ignores the flag for that reason).
        shifts.push({
          value: e.value,
          atMs: Math.round(e.startTime),
          sources: e.sources.map((src) => ({
            node: describe(src.node),
            // null: it left the viewport (its current rect is empty).
            dy: src.currentRect.width || src.currentRect.height ? Math.round(src.currentRect.y - src.previousRect.y) : null,
          })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (err) => consoleErrors.push(String(err)));

  const started = performance.now();
  const response = await page.goto(base + path, { waitUntil: 'networkidle', timeout: 60_000 });
  const loadMs = performance.now() - started;
  const layoutShifts = await page.evaluate(() => window.__benchShifts ?? []);
  const cls = layoutShifts.reduce((sum, e) => sum + e.value, 0); // one page load: one session window, roughly
  await Promise.all(pending);
  await context.close();

  // The service worker registers after load and then precaches the site in the background: its
  // own script and fetches are reported apart (`serviceWorker`), not as the page's weight.
  const isWorker = (r) => r.fromServiceWorkerContext || r.url === '/sw.js';
  const workerResources = resources.filter(isWorker);
  const serviceWorker = {
    count: workerResources.length,
    rawBytes: workerResources.reduce((s, r) => s + r.rawBytes, 0),
    brotliBytes: workerResources.reduce((s, r) => s + r.brotliBytes, 0),
  };
  const pageResources = resources.filter((r) => !isWorker(r));

  // Totals by type.
  const byType = Object.fromEntries(TYPES.map((t) => [t, { count: 0, rawBytes: 0, brotliBytes: 0 }]));
  for (const r of pageResources) {
    byType[r.type].count++;
    byType[r.type].rawBytes += r.rawBytes;
    byType[r.type].brotliBytes += r.brotliBytes;
  }
  const total = {
    count: pageResources.length,
    rawBytes: pageResources.reduce((s, r) => s + r.rawBytes, 0),
    brotliBytes: pageResources.reduce((s, r) => s + r.brotliBytes, 0),
  };

  // JavaScript before interaction: every script response fetched before network idle, plus the
  // inline scripts of the main document. The inline ones travel inside the HTML, so they are
  // measured as their concatenation compressed together (closer to reality than one by one).
  const mainDoc = pageResources.find((r) => r.type === 'document' && r.url === path);
  const inline = mainDoc ? inlineScripts(mainDoc.body.toString('utf8')) : [];
  const inlineText = Buffer.from(inline.map((s) => s.text).join('\n'), 'utf8');
  const externalScripts = pageResources.filter((r) => r.type === 'script');
  const js = {
    externalCount: externalScripts.length,
    externalRawBytes: externalScripts.reduce((s, r) => s + r.rawBytes, 0),
    externalBrotliBytes: externalScripts.reduce((s, r) => s + r.brotliBytes, 0),
    inlineCount: inline.length,
    inlineTypes: inline.map((s) => s.type),
    inlineRawBytes: inlineText.length,
    inlineBrotliBytes: brotliSize(inlineText),
  };
  js.totalRawBytes = js.externalRawBytes + js.inlineRawBytes;
  js.totalBrotliBytes = js.externalBrotliBytes + js.inlineBrotliBytes;

  for (const r of resources) delete r.body;
  resources.sort((a, b) => b.brotliBytes - a.brotliBytes);
  return {
    path,
    status: response?.status() ?? null,
    loadMs: Math.round(loadMs),
    fontLoaded: byType.font.count > 0,
    total,
    byType,
    js,
    serviceWorker,
    cls: +cls.toFixed(4),
    layoutShifts,
    consoleErrors,
    resources,
  };
}

// ---------------------------------------------------------------------------------------------
// First visit: the page and everything the service worker fetches, until the worker is installed
// and the network has been quiet for a second, and at most 30 s
// ---------------------------------------------------------------------------------------------

/**
 * Bytes of a first visit to `path` in a fresh browser: the page and its resources, plus the
 * service worker's script and every fetch it makes, counted until the worker is active and no
 * request has been in flight for a second (at most `limitMs`). `connection` is what the page sees
 * as `navigator.connection` (Chromium on Android exposes `type: 'wifi'`; desktop says nothing).
 */
export async function firstVisit(browser, base, path, { connection = null, limitMs = 30_000 } = {}) {
  const context = await browser.newContext({ ...PHONE, locale: 'he-IL' });
  if (connection) await context.addInitScript((c) => Object.defineProperty(navigator, 'connection', { configurable: true, get: () => c }), connection);
  let inFlight = 0;
  let lastChange = performance.now();
  const page = { count: 0, brotliBytes: 0 };
  const worker = { count: 0, brotliBytes: 0 };
  const pending = [];
  const started = performance.now();
  context.on('request', () => {
    inFlight++;
    lastChange = performance.now();
  });
  const settle = () => {
    inFlight--;
    lastChange = performance.now();
  };
  context.on('requestfailed', settle);
  let open = true;
  context.on('requestfinished', (request) => {
    settle();
    if (!open) return;
    pending.push(
      (async () => {
        const response = await request.response().catch(() => null);
        if (!response || response.fromServiceWorker()) return; // answered from the worker's cache: no bytes on the wire
        let body = Buffer.alloc(0);
        try {
          body = await response.body();
        } catch {
          // Bodiless (a redirect), or the window closed meanwhile: counted as empty.
        }
        const bucket = request.serviceWorker() || new URL(request.url()).pathname === '/sw.js' ? worker : page;
        bucket.count++;
        bucket.brotliBytes += transferSize(body);
      })(),
    );
  });
  const tab = await context.newPage();
  await tab.goto(base + path, { waitUntil: 'load', timeout: 60_000 });
  const deadline = started + limitMs;
  const active = tab.evaluate(() => navigator.serviceWorker.ready.then(() => true)).catch(() => false);
  let workerActive = false;
  void active.then((v) => (workerActive = v));
  // Polls the request counters (the bench is not a test; the window itself is what is measured).
  while (performance.now() < deadline && !(workerActive && inFlight <= 0 && performance.now() - lastChange > 1_000)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  open = false;
  await Promise.all(pending);
  const seconds = +((performance.now() - started) / 1000).toFixed(1);
  await context.close();
  return { path, connection, seconds, workerActive, page, worker, totalBrotliBytes: page.brotliBytes + worker.brotliBytes };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse, installed on demand: it is 26 MB that `npm test` does not need
// ---------------------------------------------------------------------------------------------

export const LIGHTHOUSE_VERSION = '13.5.0';

/** Loads lighthouse and chrome-launcher from node_modules/.cache/bench/, installing them there first if needed. */
export async function loadLighthouse(root, log) {
  const dir = join(root, 'node_modules', '.cache', 'bench', `lighthouse-${LIGHTHOUSE_VERSION}`);
  const entry = join(dir, 'node_modules', 'lighthouse', 'core', 'index.js');
  try {
    if (!existsSync(entry)) {
      log(`Installing lighthouse@${LIGHTHOUSE_VERSION} into ${dir} (once)…`);
      execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: 'ignore' });
    }
    const { default: lighthouse } = await import(pathToFileURL(entry).href);
    const chromeLauncher = await import(pathToFileURL(join(dir, 'node_modules', 'chrome-launcher', 'dist', 'index.js')).href);
    return { lighthouse, chromeLauncher };
  } catch (err) {
    return { error: err };
  }
}

/** One Lighthouse run (default = mobile config) in its own fresh Chromium; category scores ×100. */
export async function runLighthouse({ lighthouse, chromeLauncher }, chromePath, url) {
  process.env.CHROME_PATH = chromePath; // chrome-launcher's convention
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: LIGHTHOUSE_CATEGORIES,
    });
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = {};
    for (const id of LIGHTHOUSE_CATEGORIES) {
      const score = lhr.categories[id]?.score;
      scores[id] = typeof score === 'number' ? Math.round(score * 100) : null;
    }
    // Every audit that pulled a category below 100, to say why.
    const failing = [];
    for (const id of LIGHTHOUSE_CATEGORIES) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1) {
          failing.push({ category: id, audit: ref.id, score: audit.score, title: audit.title, displayValue: audit.displayValue });
        }
      }
    }
    const metrics = {};
    const numeric = {};
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      if (lhr.audits[id]) {
        metrics[id] = lhr.audits[id].displayValue;
        numeric[id] = lhr.audits[id].numericValue;
      }
    }
    // What shifted, if anything did (the CLS metric alone does not say).
    const layoutShifts = (lhr.audits['layout-shifts']?.details?.items ?? []).map((it) => ({
      score: it.score,
      node: it.node?.snippet ?? it.node?.selector,
    }));
    return {
      scores,
      metrics,
      numeric,
      failing,
      layoutShifts,
      warnings: lhr.runWarnings ?? [],
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      loadAverage: +loadavg()[0].toFixed(2),
      lighthouseVersion: lhr.lighthouseVersion,
    };
  } finally {
    await chrome.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Search speed
// ---------------------------------------------------------------------------------------------

/** Types every dev query into the search dialog and returns the keystroke→results timings. */
export async function measureSearch(browser, base, root) {
  const shared = join(root, '..', 'shared', 'search', 'dev-queries.he.jsonl');
  const file = existsSync(shared) ? shared : join(root, 'tests', 'fixtures', 'dev-queries.he.jsonl');
  const queries = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).q);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${base}/guide/in-house/`, { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  const box = page.locator('dialog[data-search-dialog] input[type="search"]');
  await box.waitFor();
  // Warm-up: the first search loads Pagefind's WebAssembly and the lexicon; readers pay it once.
  await box.fill('שירות');
  await page.waitForFunction(() => performance.getEntriesByName('search').length > 0);
  const samples = [];
  // The time of the last keystroke, to wait for the results of exactly that one.
  // Captured on window, so it runs before the search's own listener marks the start of its search.
  await page.evaluate(() => addEventListener('input', () => (window.__lastInput = performance.now()), true));
  for (const q of queries) {
    await box.fill('');
    await page.evaluate(() => performance.clearMeasures('search'));
    await box.pressSequentially(q, { delay: 60 });
    const handle = await page.waitForFunction(
      () => {
        const entry = performance.getEntriesByName('search').findLast((e) => e.startTime >= (window.__lastInput ?? 0));
        return entry ? { ms: entry.duration } : false;
      },
      null,
      { timeout: 10_000 },
    );
    samples.push({ q, ms: Math.round((await handle.jsonValue()).ms) });
  }
  await context.close();
  const sorted = samples.map((x) => x.ms).sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : Math.round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
  return { medianMs: median, minMs: sorted[0], maxMs: sorted.at(-1), samples };
}

