// Performance bench for the built site: `npm run bench` (or `node tests/bench/bench.mjs`).
//
//   node tests/bench/bench.mjs [--no-build] [--no-lighthouse] [--lighthouse-runs=N] [/extra/path/ ...]
//
// What it measures, each against a budget (see BUDGETS below):
//   1. The production build (`astro build`), wall clock — skipped with --no-build, which measures
//      the existing dist/ instead. The bench builds into its own folder (node_modules/.cache/
//      bench-dist, via --outDir) and serves that, so it neither replaces dist/ under a test run
//      that is reading it nor measures a dist/ that another build is rewriting meanwhile.
//   2. Page weight: each page is loaded cold (fresh browser context) in headless Chromium with a
//      phone viewport (390×844 @3x) until the network is idle. Every response body is recorded and
//      compressed with brotli (quality 11), because `astro preview` serves bodies uncompressed and a
//      real host would not. Reported per page: total bytes transferred, by resource type, and
//      "JavaScript before interaction" = external scripts + inline <script> text in the HTML.
//   3. Lighthouse (mobile preset, its default config) category scores, where the `lighthouse` dev
//      dependency is installed — skipped with --no-lighthouse, or when it is missing. The
//      performance score depends on how busy the machine is (Lighthouse scales the main-thread
//      time it observes by its 4× CPU throttle), so each page is run N times (default 3) and the
//      run with the median performance score is reported; every run's score, Lighthouse's CPU
//      benchmark index and the load average are kept in the JSON to judge the noise.
//   4. Search speed: every dev query typed into the header's search dialog on a guide page; the
//      median time from the last keystroke to rendered results (the 'search' performance measure
//      recorded by src/scripts/search/controller.ts), after one warm-up search.
//
// The figures go to stdout as tables and to bench-results.json in the repo root (git-ignored).
// The last line is `bench: N passed, M failed` (budgets met / missed); the exit code is non-zero
// when any budget is missed or a step could not run.
//
// Browser: the one the e2e tests use (tests/e2e/browser.ts: $CHROMIUM_PATH, Playwright's own, or
// Debian's /usr/bin/chromium), launched with the same flags (no sandbox as root, no calls home).

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const BENCH_DIST = join(ROOT, 'node_modules', '.cache', 'bench-dist');
const ASTRO_CLI = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const RESULTS_FILE = join(ROOT, 'bench-results.json');

/** 1 KB = 1024 bytes throughout (the tables also show exact bytes). */
const KB = 1024;

const BUDGETS = {
  /** Whole production build, wall clock. */
  buildSeconds: 10,
  /** Total brotli bytes of a page with everything it loads (web font included). */
  pageTotalBytes: 40 * KB,
  /** JavaScript before interaction, by default and for the interactive pages. */
  jsBytesDefault: 3 * KB,
  jsBytesByPath: { '/checklist/': 8 * KB, '/talk/': 8 * KB },
  /** Every Lighthouse category score, ×100. */
  lighthouseScore: 100,
  /** Median time from the last keystroke to rendered search results, over the dev queries. */
  searchMedianMs: 100,
};

/** Pages always measured; the optional ones only when the build produced them. */
const DEFAULT_PATHS = ['/', '/guide/in-house/'];
const OPTIONAL_PATHS = ['/checklist/', '/talk/'];
const LIGHTHOUSE_PATHS = ['/', '/guide/in-house/'];
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The total-weight budget applies to the home page and the guide's pages. */
const hasTotalBudget = (path) => path === '/' || path.startsWith('/guide/');


/** A phone: iPhone 12–15 class viewport. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const USAGE = 'Usage: node tests/bench/bench.mjs [--no-build] [--no-lighthouse] [--lighthouse-runs=N] [/path/ ...]';
const flags = new Set();
let lighthouseRuns = 3;
for (const a of args.filter((x) => x.startsWith('--'))) {
  const runs = a.match(/^--lighthouse-runs=(\d+)$/);
  if (runs && Number(runs[1]) >= 1) lighthouseRuns = Number(runs[1]);
  else if (['--no-build', '--no-lighthouse'].includes(a)) flags.add(a);
  else {
    console.error(`Unknown option ${a}. ${USAGE}`);
    process.exit(2);
  }
}
/** The built site the bench serves: its own build, or dist/ as it is with --no-build. */
const SITE_DIR = flags.has('--no-build') ? DIST : BENCH_DIST;
const extraPaths = args.filter((a) => !a.startsWith('--')).map((p) => (p.startsWith('/') ? p : `/${p}`));

/** Brotli size at quality 11 (the maximum, as a host pre-compressing static files would use). */
function brotliSize(buf) {
  if (buf.length === 0) return 0;
  return brotliCompressSync(buf, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

/**
 * Bytes a host would send for a body: the brotli size, or the raw size where brotli would not
 * help (already-compressed formats such as woff2 or PNG, which hosts do not re-compress anyway).
 */
const transferSize = (buf) => Math.min(buf.length, brotliSize(buf));

const fmtKB = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const fmtBytes = (bytes) => `${bytes.toLocaleString('en-US')} B`;

/** Prints rows (arrays of strings) as an aligned text table; numeric-looking cells align right. */
function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const isNum = (s) => /^[\d.,\s%×-]+(B|KB|s)?$/.test(s) && /\d/.test(s);
  const line = (r) =>
    r
      .map((c, i) => {
        const s = String(c ?? '');
        return isNum(s) ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** The Chromium the e2e tests use (tests/e2e/browser.ts); Lighthouse needs its path spelled out. */
function chromiumPath() {
  return chromiumExecutable() ?? chromium.executablePath();
}

/** Environment for the Astro CLI: no telemetry (there is no network to send it to). */
const astroEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

/** Runs the Astro CLI to completion with the running Node; resolves with its exit code and output. */
function runAstro(cliArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_CLI, ...cliArgs], { cwd: ROOT, env: astroEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A TCP port free right now (the OS picks it; there is a tiny race until preview binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The preview server: started here, always stopped at the end (also on errors and Ctrl-C)
// ---------------------------------------------------------------------------------------------

let previewChild;

/** Stops the preview server: its whole process group (it is started detached, as a group leader). */
function stopPreview() {
  if (!previewChild || previewChild.exitCode !== null || previewChild.signalCode !== null) return;
  try {
    process.kill(-previewChild.pid, 'SIGTERM');
  } catch {
    try {
      previewChild.kill('SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
process.on('exit', stopPreview);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopPreview();
    process.exit(130);
  });
}

/** Starts `astro preview` on a free port and waits until it answers; returns its base URL. */
async function startPreview() {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // --ignore-lock: Astro 7 allows one tracked preview server per project (a lock file) and refuses
  // to start a second; this one runs alongside any other (e.g. the e2e tests' on port 4321) without
  // touching the lock, and it also stops Astro from backgrounding itself when run by an agent.
  previewChild = spawn(process.execPath, [ASTRO_CLI, 'preview', '--port', String(port), '--host', 'localhost', '--ignore-lock', '--outDir', SITE_DIR], {
    cwd: ROOT,
    env: astroEnv,
    detached: true, // its own process group, so stopPreview() ends anything it spawned too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  previewChild.stdout.on('data', (d) => (output += d));
  previewChild.stderr.on('data', (d) => (output += d));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (previewChild.exitCode !== null) throw new Error(`astro preview exited (${previewChild.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return base;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`astro preview did not answer on ${base} within 30 s:\n${output}`);
}

// ---------------------------------------------------------------------------------------------
// Page weight
// ---------------------------------------------------------------------------------------------

const TYPES = ['document', 'stylesheet', 'script', 'font', 'image', 'other'];
const typeOf = (resourceType) => (TYPES.includes(resourceType) ? resourceType : 'other');

/** Script types that browsers execute (classic and module); JSON, import maps etc. are not JS. */
const isExecutableScriptType = (type) =>
  type === undefined || /^(module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i.test(type.trim());

/**
 * The contents of the inline (no src) executable <script> elements of an HTML document.
 * A regex is enough for Astro's output: a script's text cannot contain `</script` anyway.
 */
function inlineScripts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue; // external: counted from its response
    const type = attrs.match(/\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    const typeValue = type ? (type[1] ?? type[2] ?? type[3]) : undefined;
    if (!isExecutableScriptType(typeValue)) continue;
    if (m[2].trim()) scripts.push({ type: typeValue ?? 'classic', text: m[2] });
  }
  return scripts;
}

/** Loads one page cold in a fresh context and weighs everything it fetched. */
async function weighPage(browser, base, path) {
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
// Lighthouse
// ---------------------------------------------------------------------------------------------

/** Loads lighthouse and chrome-launcher (which lighthouse depends on), or returns null. */
async function loadLighthouse() {
  try {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    return { lighthouse, chromeLauncher };
  } catch (err) {
    return { error: err };
  }
}

/** One Lighthouse run (default = mobile config) in its own fresh Chromium; category scores ×100. */
async function runLighthouse({ lighthouse, chromeLauncher }, chromePath, url) {
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
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      if (lhr.audits[id]) metrics[id] = lhr.audits[id].displayValue;
    }
    // What shifted, if anything did (the CLS metric alone does not say).
    const layoutShifts = (lhr.audits['layout-shifts']?.details?.items ?? []).map((it) => ({
      score: it.score,
      node: it.node?.snippet ?? it.node?.selector,
    }));
    return {
      scores,
      metrics,
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
// Main
// ---------------------------------------------------------------------------------------------

const checks = []; // { name, actual, limit, unit, pass }
const check = (name, actual, limit, unit, pass) => checks.push({ name, actual, limit, unit, pass });
const results = {
  date: new Date().toISOString(),
  node: process.version,
  kbIs: KB,
  machine: { cores: cpus().length, loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)) },
  lighthouseRuns,
  budgets: BUDGETS,
  build: null,
  pages: [],
  lighthouse: [],
  errors: [],
  checks,
};

/** Types every dev query into the search dialog and returns the keystroke→results timings. */
async function measureSearch(browser, base) {
  const shared = join(ROOT, '..', 'shared', 'search', 'dev-queries.he.jsonl');
  const file = existsSync(shared) ? shared : join(ROOT, 'tests', 'fixtures', 'dev-queries.he.jsonl');
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
  for (const q of queries) {
    await box.fill('');
    await page.evaluate(() => performance.clearMeasures('search'));
    await box.pressSequentially(q, { delay: 60 });
    await page.waitForTimeout(400);
    const last = await page.evaluate(() => performance.getEntriesByName('search').at(-1)?.duration ?? null);
    if (last !== null) samples.push({ q, ms: Math.round(last) });
  }
  await context.close();
  const sorted = samples.map((x) => x.ms).sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : Math.round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
  return { medianMs: median, minMs: sorted[0], maxMs: sorted.at(-1), samples };
}

async function main() {
  const benchStarted = performance.now();

  // 1. Build ---------------------------------------------------------------------------------
  if (flags.has('--no-build')) {
    console.log('Build: skipped (--no-build)');
  } else {
    console.log('Building (astro build)…');
    const t0 = performance.now();
    const { code, output } = await runAstro(['build', '--outDir', SITE_DIR]);
    const seconds = (performance.now() - t0) / 1000;
    results.build = { seconds: +seconds.toFixed(2), exitCode: code };
    if (code !== 0) {
      console.log(output);
      throw new Error(`astro build failed (exit ${code})`);
    }
    console.log(`Build: ${seconds.toFixed(2)} s (budget < ${BUDGETS.buildSeconds} s)`);
    check('build time', `${seconds.toFixed(2)} s`, `< ${BUDGETS.buildSeconds} s`, 's', seconds < BUDGETS.buildSeconds);
  }
  if (!existsSync(join(SITE_DIR, 'index.html'))) throw new Error(`${SITE_DIR}/index.html is missing: build first (or drop --no-build).`);
  results.siteDir = SITE_DIR;

  // 2. Preview server ------------------------------------------------------------------------
  const base = await startPreview();
  console.log(`Preview: ${base} serving ${SITE_DIR}`);

  // 3. Page weight ---------------------------------------------------------------------------
  const inDist = (p) => existsSync(join(SITE_DIR, p, 'index.html'));
  const paths = [...new Set([...DEFAULT_PATHS, ...OPTIONAL_PATHS.filter(inDist), ...extraPaths])];
  const skipped = OPTIONAL_PATHS.filter((p) => !inDist(p));
  if (skipped.length) console.log(`Not built (skipped): ${skipped.join(', ')}`);

  const executablePath = chromiumPath();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    for (const path of paths) {
      try {
        results.pages.push(await weighPage(browser, base, path));
      } catch (err) {
        console.error(`Weighing ${path} failed: ${err.message}`);
        results.errors.push({ step: `weigh ${path}`, message: err.message });
        check(`${path} loads`, 'error', 'loads', '', false);
      }
    }
    // Search speed: type each dev query into the header's search dialog on a guide page and read
    // the 'search' measure the search code records from the last keystroke to rendered results.
    try {
      results.search = await measureSearch(browser, base);
      console.log(
        `\nSearch: median ${results.search.medianMs} ms from last keystroke to results ` +
          `(min ${results.search.minMs}, max ${results.search.maxMs}, ${results.search.samples.length} queries)`,
      );
      check('search median keystroke→results', `${results.search.medianMs} ms`, `≤ ${BUDGETS.searchMedianMs} ms`, 'ms', results.search.medianMs <= BUDGETS.searchMedianMs);
    } catch (err) {
      console.error(`Search speed failed: ${err.message}`);
      results.errors.push({ step: 'search speed', message: err.message });
      check('search speed measured', 'error', 'measured', '', false);
    }
  } finally {
    await browser.close();
  }

  for (const p of results.pages) {
    console.log(`\n== ${p.path}  (HTTP ${p.status}, ${p.total.count} responses, network idle after ${p.loadMs} ms)`);
    printTable(
      ['type', 'count', 'raw', 'brotli'],
      [
        ...TYPES.map((t) => [t, String(p.byType[t].count), fmtBytes(p.byType[t].rawBytes), fmtBytes(p.byType[t].brotliBytes)]),
        ['TOTAL', String(p.total.count), fmtBytes(p.total.rawBytes), fmtBytes(p.total.brotliBytes)],
      ],
    );
    console.log('');
    printTable(
      ['resource', 'type', 'raw', 'brotli', 'share'],
      p.resources.map((r) => [
        r.url + (r.status !== 200 ? ` [${r.status}]` : '') + (r.fromServiceWorkerContext ? ' [sw]' : ''),
        r.resourceType,
        fmtBytes(r.rawBytes),
        fmtBytes(r.brotliBytes),
        `${((100 * r.brotliBytes) / (p.total.brotliBytes || 1)).toFixed(0)}%`,
      ]),
    );
    console.log(
      `JS before interaction: ${fmtBytes(p.js.totalBrotliBytes)} brotli (${fmtBytes(p.js.totalRawBytes)} raw) = ` +
        `${p.js.externalCount} external script(s) ${fmtBytes(p.js.externalBrotliBytes)} + ` +
        `${p.js.inlineCount} inline [${p.js.inlineTypes.join(', ')}] ${fmtBytes(p.js.inlineBrotliBytes)}`,
    );
    console.log(
      `Layout shift until network idle (${PHONE.viewport.width}×${PHONE.viewport.height}): CLS ${p.cls.toFixed(3)}` +
        p.layoutShifts
          .filter((e) => e.value >= 0.001)
          .map((e) => `; at ${e.atMs} ms ${e.value.toFixed(3)} — ${e.sources.map((src) => `${src.node} ${src.dy === null ? 'left the viewport' : `moved ${src.dy}px`}`).join(', ')}`)
          .join(''),
    );
    console.log(
      `Service worker after load (not counted above): ${p.serviceWorker.count} responses, ` +
        `${fmtBytes(p.serviceWorker.brotliBytes)} brotli (${fmtBytes(p.serviceWorker.rawBytes)} raw) — sw.js and its precache`,
    );
    if (p.consoleErrors.length) console.log(`Console errors: ${p.consoleErrors.join(' | ')}`);

    check(`${p.path} HTTP status`, String(p.status), '200', '', p.status === 200);
    if (hasTotalBudget(p.path)) {
      check(
        `${p.path} total (brotli)${p.fontLoaded ? ', with web font' : ', NO web font loaded'}`,
        fmtKB(p.total.brotliBytes),
        `≤ ${fmtKB(BUDGETS.pageTotalBytes)}`,
        'B',
        p.total.brotliBytes <= BUDGETS.pageTotalBytes,
      );
    }
    const jsLimit = BUDGETS.jsBytesByPath[p.path] ?? BUDGETS.jsBytesDefault;
    check(`${p.path} JS before interaction`, fmtKB(p.js.totalBrotliBytes), `≤ ${fmtKB(jsLimit)}`, 'B', p.js.totalBrotliBytes <= jsLimit);
  }

  // 4. Lighthouse ----------------------------------------------------------------------------
  if (flags.has('--no-lighthouse')) {
    console.log('\nLighthouse: skipped (--no-lighthouse)');
  } else {
    const lh = await loadLighthouse();
    if (lh.error) {
      console.log(`\nLighthouse: not available (${lh.error.message.split('\n')[0]}); skipped`);
      results.lighthouse = { skipped: 'lighthouse is not installed' };
    } else {
      for (const path of LIGHTHOUSE_PATHS) {
        console.log(`\nLighthouse (mobile) ${path}, ${lighthouseRuns} run(s)…`);
        try {
          const runs = [];
          for (let i = 0; i < lighthouseRuns; i++) runs.push(await runLighthouse(lh, executablePath, base + path));
          // The run with the median performance score stands for the page (Lighthouse's own advice
          // for noisy machines); the other categories do not depend on timing.
          const sorted = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
          const r = sorted[Math.floor((sorted.length - 1) / 2)];
          const allRuns = runs.map((x) => ({ performance: x.scores.performance, benchmarkIndex: x.benchmarkIndex, loadAverage: x.loadAverage, metrics: x.metrics }));
          console.log(
            `  performance per run: ${runs.map((x) => x.scores.performance).join(', ')} ` +
              `(CPU benchmark index ${runs.map((x) => Math.round(x.benchmarkIndex)).join(', ')}; ` +
              `1-min load average ${runs.map((x) => x.loadAverage).join(', ')} on ${cpus().length} cores)`,
          );
          results.lighthouse.push({ path, ...r, runs: allRuns });
          for (const id of LIGHTHOUSE_CATEGORIES) {
            const s = r.scores[id];
            check(`Lighthouse ${path} ${id}`, s === null ? 'n/a' : String(s), `${BUDGETS.lighthouseScore}`, '', s !== null && s >= BUDGETS.lighthouseScore);
          }
        } catch (err) {
          console.error(`Lighthouse on ${path} failed: ${err.stack ?? err}`);
          results.lighthouse.push({ path, error: String(err.message ?? err) });
          results.errors.push({ step: `lighthouse ${path}`, message: String(err.message ?? err) });
          check(`Lighthouse ${path}`, 'error', 'runs', '', false);
        }
      }
      const ran = results.lighthouse.filter((r) => r.scores);
      const busiest = Math.max(...ran.flatMap((r) => r.runs.map((x) => x.loadAverage)));
      if (busiest > cpus().length) {
        console.log(
          `\nNote: the machine was busy during Lighthouse (1-min load average up to ${busiest} on ${cpus().length} cores): ` +
            'performance scores (TBT, speed index) are then pessimistic and vary run to run.',
        );
      }
      if (ran.length) {
        console.log('');
        printTable(
          [`Lighthouse (mobile, median of ${lighthouseRuns})`, ...LIGHTHOUSE_CATEGORIES],
          ran.map((r) => [r.path, ...LIGHTHOUSE_CATEGORIES.map((id) => String(r.scores[id] ?? 'n/a'))]),
        );
        for (const r of ran) {
          console.log(`${r.path} metrics: ${Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
          for (const f of r.failing) {
            console.log(`  ${r.path} [${f.category}] ${f.audit}: score ${f.score}${f.displayValue ? ` (${f.displayValue})` : ''} — ${f.title}`);
          }
          for (const w of r.warnings) console.log(`  ${r.path} warning: ${w}`);
          for (const ls of r.layoutShifts) console.log(`  ${r.path} layout shift ${ls.score}: ${ls.node}`);
        }
      }
    }
  }

  results.benchSeconds = +((performance.now() - benchStarted) / 1000).toFixed(1);
}

let fatal;
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(`\nbench: ${err.stack ?? err}`);
  results.errors.push({ step: 'fatal', message: String(err.message ?? err) });
  check('bench ran to the end', 'error', 'no error', '', false);
} finally {
  stopPreview();
}

// 5. Summary ---------------------------------------------------------------------------------
console.log('\nBudgets');
printTable(
  ['check', 'measured', 'budget', 'result'],
  checks.map((c) => [c.name, c.actual, c.limit, c.pass ? 'ok' : 'MISSED']),
);
const passed = checks.filter((c) => c.pass).length;
const failed = checks.length - passed;
results.passed = passed;
results.failed = failed;
try {
  results.gitHead = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // Not a git checkout: leave it out.
}
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to ${RESULTS_FILE}${results.benchSeconds ? ` (bench took ${results.benchSeconds} s)` : ''}`);
console.log(`bench: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || fatal ? 1 : 0;
