// Performance bench: `npm run bench` (or `node tests/bench/bench.mjs`).
//
//   node tests/bench/bench.mjs [--against=REV | --no-compare] [--no-starlight] [--builds=N]
//                              [--no-lighthouse] [--lighthouse-runs=N] [/extra/path/ ...]
//
// Side by side, on this machine:
//   - this checkout ("this commit");
//   - an earlier commit (--against, default HEAD~1), checked out in a git worktree in the system's
//     temporary folder (targets.mjs);
//   - a stock Starlight site with the same guide pages (targets.mjs), for build time and a guide
//     page's weight and LCP.
// For each: the production build's wall time (median of N after a warm-up build; the post-build
// steps' own times from the build log), page weight (brotli, web font included) and JavaScript
// before interaction, layout shift, the first visit's bytes including the service worker's traffic
// (with no connection information, as desktop browsers and Safari give, and on Wi-Fi as Chromium on
// Android reports it), Lighthouse's mobile preset (median of N runs; LCP on the home page and every
// guide page) and, for this checkout, search speed. Lighthouse is installed on demand into
// node_modules/.cache/bench/ (measure.mjs).
//
// Budgets (this commit): build time ≤ Starlight's; a guide page ≤ 30 KiB brotli with the font;
// JavaScript before interaction ≤ 3 KiB (more on the checklist and talk pages); CLS 0; LCP ≤ 1.0 s;
// Lighthouse 100 in every category; search median ≤ 100 ms.
//
// Output: tables on stdout, everything in bench-results.json (git-ignored). The last line is
// `bench: N passed, M failed`; the exit code is non-zero when a budget is missed or a step failed.
// Timings depend on how busy the machine is: the 1-minute load average is reported with them.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import { firstVisit, LIGHTHOUSE_CATEGORIES, loadLighthouse, measureSearch, runLighthouse, weighPage } from './measure.mjs';
import { hasJsBudget, JS_BEFORE_INTERACTION, jsBudgetFor } from '../budgets.mjs';
import { currentTarget, removeRevisionTarget, revisionTarget, starlightTarget, timeBuilds } from './targets.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'bench');
const RESULTS_FILE = join(ROOT, 'bench-results.json');
const KB = 1024;

const BUDGETS = {
  /** Total brotli bytes of the home page and a guide page with everything they load (web font included). */
  pageTotalBytes: 30 * KB,
  /** JavaScript before interaction, by default and for the interactive pages (tests/budgets.mjs). */
  js: JS_BEFORE_INTERACTION,
  /** Lighthouse mobile LCP, median of the runs. */
  lcpMs: 1000,
  /** Every Lighthouse category score, ×100. */
  lighthouseScore: 100,
  /** Cumulative layout shift until the network is idle. */
  cls: 0,
  /** Median time from the last keystroke to rendered search results, over the dev queries. */
  searchMedianMs: 100,
};

// --- Options ------------------------------------------------------------------------------------

const USAGE = 'Usage: node tests/bench/bench.mjs [--against=REV | --no-compare] [--no-starlight] [--builds=N] [--no-lighthouse] [--lighthouse-runs=N] [/path/ ...]';
const options = { against: 'HEAD~1', compare: true, starlight: true, builds: 3, lighthouse: true, lighthouseRuns: 3 };
const extraPaths = [];
for (const arg of process.argv.slice(2)) {
  let m;
  if ((m = /^--against=(.+)$/.exec(arg))) options.against = m[1];
  else if (arg === '--no-compare') options.compare = false;
  else if (arg === '--no-starlight') options.starlight = false;
  else if ((m = /^--builds=(\d+)$/.exec(arg)) && Number(m[1]) >= 1) options.builds = Number(m[1]);
  else if (arg === '--no-lighthouse') options.lighthouse = false;
  else if ((m = /^--lighthouse-runs=(\d+)$/.exec(arg)) && Number(m[1]) >= 1) options.lighthouseRuns = Number(m[1]);
  else if (arg.startsWith('/')) extraPaths.push(arg);
  else {
    console.error(`Unknown option ${arg}. ${USAGE}`);
    process.exit(2);
  }
}

// --- Small helpers ------------------------------------------------------------------------------

const log = (line) => console.log(line);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmtKB = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / KB).toFixed(1)} KB`);
const fmtMs = (ms) => (ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`);
const load = () => +loadavg()[0].toFixed(2);

/** Prints rows (arrays of strings) as an aligned text table; numeric-looking cells align right. */
function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const isNum = (s) => /^[\d.,\s%×–-]+(B|KB|s|ms)?$/.test(s) && /\d|–/.test(s);
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

// --- Preview servers: started here, always stopped at the end (also on errors and Ctrl-C) ------

const servers = new Set();
function stopServers() {
  for (const child of servers) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM'); // its own process group: anything it spawned goes too
    } catch {
      child.kill('SIGTERM');
    }
  }
  servers.clear();
}
process.on('exit', () => {
  stopServers();
  if (revision) removeRevisionTarget(ROOT, revision); // also when something crashed the bench
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopServers();
    process.exit(130);
  });
}

/** Serves a built folder with this checkout's `astro preview` (a static server) on a free port. */
async function serve(dir) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // --ignore-lock: Astro 7 allows one tracked preview per project; this one runs beside any other.
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'preview', '--port', String(port), '--host', 'localhost', '--ignore-lock', '--outDir', dir], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/`, { signal: AbortSignal.timeout(2_000) })).ok) return base;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer on ${base} within 30 s:\n${output}`);
}

/** The guide's pages in reading order, from a built guide index (ours) or the Starlight target's list. */
function guidePaths(target, dir) {
  if (target.kind === 'starlight') return target.pages.map((name) => `/${name}/`);
  const index = join(dir, 'guide', 'index.html');
  if (!existsSync(index)) return [];
  return [...readFileSync(index, 'utf8').matchAll(/class="card__link" href="([^"]+)"/g)].map((m) => m[1]);
}

// --- Main ----------------------------------------------------------------------------------------

const checks = [];
const check = (name, actual, limit, pass) => checks.push({ name, actual, limit, pass });
const results = {
  date: new Date().toISOString(),
  node: process.version,
  kbIs: KB,
  machine: { cores: cpus().length, loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)) },
  options,
  budgets: BUDGETS,
  targets: [],
  errors: [],
  checks,
};

async function measureTarget(target, browser, lh) {
  const entry = { name: target.name, title: target.title ?? null, kind: target.kind, root: target.root };
  results.targets.push(entry);
  const dir = join(CACHE, `dist-${target.kind === 'starlight' ? 'starlight' : target.name.replace(/\W+/g, '-')}`);
  rmSync(dir, { recursive: true, force: true });

  log(`\n## ${target.name}${target.title ? ` (${target.title})` : ''}`);
  log(`Building: 1 warm-up + ${options.builds} timed (load average ${load()})…`);
  const builds = await timeBuilds(target, dir, options.builds);
  entry.build = {
    medianSeconds: +median(builds.map((b) => b.seconds)).toFixed(2),
    runs: builds.map((b) => b.seconds),
    steps: Object.fromEntries([...new Set(builds.flatMap((b) => Object.keys(b.steps)))].map((step) => [step, median(builds.map((b) => b.steps[step] ?? 0))])),
    loadAverage: load(),
  };
  log(`Build: median ${entry.build.medianSeconds} s (runs ${entry.build.runs.join(', ')} s)`);

  const base = await serve(dir);
  const guide = guidePaths(target, dir);
  const firstGuidePage = guide.find((p) => p.endsWith('/in-house/')) ?? guide[0];
  const pages = target.kind === 'starlight' ? ['/', firstGuidePage] : ['/', firstGuidePage, ...['/checklist/', '/talk/'].filter((p) => existsSync(join(dir, p, 'index.html'))), ...extraPaths];
  entry.pages = [];
  for (const path of pages.filter(Boolean)) {
    try {
      entry.pages.push(await weighPage(browser, base, path));
    } catch (err) {
      results.errors.push({ target: target.name, step: `weigh ${path}`, message: err.message });
    }
  }
  if (target.kind === 'ours') {
    entry.firstVisit = [];
    for (const [label, connection] of [
      ['no connection info', null],
      ['Wi-Fi', { type: 'wifi', effectiveType: '4g', saveData: false }],
    ]) {
      try {
        entry.firstVisit.push({ label, ...(await firstVisit(browser, base, firstGuidePage, { connection })) });
      } catch (err) {
        results.errors.push({ target: target.name, step: `first visit (${label})`, message: err.message });
      }
    }
    if (target === targets[0]) {
      try {
        entry.search = await measureSearch(browser, base, ROOT);
      } catch (err) {
        results.errors.push({ target: target.name, step: 'search speed', message: err.message });
      }
    }
  }

  entry.lighthouse = [];
  if (lh && !lh.error) {
    const lhPaths = target.kind === 'starlight' ? [firstGuidePage] : ['/', ...guide];
    for (const path of lhPaths) {
      try {
        const runs = [];
        for (let i = 0; i < options.lighthouseRuns; i++) runs.push(await runLighthouse(lh, chromiumPath, base + path));
        const sorted = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
        const mid = sorted[Math.floor((sorted.length - 1) / 2)];
        entry.lighthouse.push({
          path,
          scores: mid.scores,
          lcpMs: median(runs.map((r) => r.numeric['largest-contentful-paint'])),
          fcpMs: median(runs.map((r) => r.numeric['first-contentful-paint'])),
          lcpRuns: runs.map((r) => Math.round(r.numeric['largest-contentful-paint'])),
          failing: mid.failing,
          loadAverages: runs.map((r) => r.loadAverage),
          benchmarkIndex: runs.map((r) => Math.round(r.benchmarkIndex)),
        });
        log(`Lighthouse ${path}: LCP ${runs.map((r) => Math.round(r.numeric['largest-contentful-paint'])).join(', ')} ms; performance ${runs.map((r) => r.scores.performance).join(', ')}`);
      } catch (err) {
        results.errors.push({ target: target.name, step: `lighthouse ${path}`, message: String(err.message ?? err) });
      }
    }
  }
  stopServers();
  return entry;
}

const chromiumPath = chromiumExecutable() ?? chromium.executablePath();
const targets = [currentTarget(ROOT)];
let revision = null;

async function main() {
  if (options.compare) {
    try {
      revision = await revisionTarget(ROOT, options.against, log);
      targets.push(revision);
    } catch (err) {
      log(`Not comparing with ${options.against}: ${err.message.split('\n')[0]}`);
      results.errors.push({ step: `prepare ${options.against}`, message: err.message });
    }
  }
  if (options.starlight) {
    try {
      targets.push(await starlightTarget(ROOT, log));
    } catch (err) {
      log(`Not comparing with Starlight: ${err.message.split('\n')[0]}`);
      results.errors.push({ step: 'prepare Starlight', message: err.message });
    }
  }
  const lh = options.lighthouse ? await loadLighthouse(ROOT, log) : null;
  if (lh?.error) {
    log(`Lighthouse: not available (${lh.error.message.split('\n')[0]}); skipped`);
    results.errors.push({ step: 'lighthouse', message: lh.error.message });
  }

  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    for (const target of targets) {
      try {
        await measureTarget(target, browser, lh);
      } catch (err) {
        log(`${target.name}: ${err.message.split('\n')[0]}`);
        results.errors.push({ target: target.name, step: 'measure', message: err.message });
      }
    }
  } finally {
    await browser.close();
  }
}

function report() {
  const [ours, ...others] = results.targets;
  if (!ours) return;
  const names = results.targets.map((t) => t.name);
  const starlight = results.targets.find((t) => t.kind === 'starlight');

  console.log('\n# Side by side');
  console.log('\nBuild (wall clock, median; post-build steps in ms)');
  printTable(
    ['', ...names],
    [
      ['npm run build', ...results.targets.map((t) => (t.build ? `${t.build.medianSeconds.toFixed(2)} s` : '–'))],
      ...[...new Set(results.targets.flatMap((t) => Object.keys(t.build?.steps ?? {})))].map((step) => [`  ${step}`, ...results.targets.map((t) => (t.build?.steps?.[step] === undefined ? '–' : `${t.build.steps[step]} ms`))]),
      ['load average', ...results.targets.map((t) => String(t.build?.loadAverage ?? '–'))],
    ],
  );

  /** The same page on each target (Starlight's guide pages sit at the root). */
  const same = (t, path) => t.pages?.find((p) => p.path === (t.kind === 'starlight' ? path.replace(/^\/guide\//, '/') : path));
  const paths = ours.pages.map((p) => p.path);
  console.log('\nPage weight: everything a cold load fetches, brotli, web font included');
  printTable(['page', ...names], paths.map((path) => [path, ...results.targets.map((t) => fmtKB(same(t, path)?.total.brotliBytes))]));
  console.log('\nJavaScript before interaction (brotli)');
  printTable(['page', ...names], paths.map((path) => [path, ...results.targets.map((t) => fmtKB(same(t, path)?.js.totalBrotliBytes))]));
  console.log('\nLayout shift until network idle (CLS)');
  printTable(['page', ...names], paths.map((path) => [path, ...results.targets.map((t) => (same(t, path) ? same(t, path).cls.toFixed(3) : '–'))]));

  const visits = results.targets.filter((t) => t.firstVisit?.length);
  if (visits.length) {
    console.log('\nFirst visit to a guide page: the page, plus the service worker and what it fetches (≤ 30 s), brotli');
    printTable(
      ['connection', ...visits.flatMap((t) => [`${t.name}: page`, 'worker', 'total'])],
      visits[0].firstVisit.map((v, i) => [
        v.label,
        ...visits.flatMap((t) => {
          const x = t.firstVisit[i];
          return x ? [fmtKB(x.page.brotliBytes), `${fmtKB(x.worker.brotliBytes)} (${x.worker.count})`, fmtKB(x.totalBrotliBytes)] : ['–', '–', '–'];
        }),
      ]),
    );
  }

  if (results.targets.some((t) => t.lighthouse?.length)) {
    console.log(`\nLighthouse mobile: LCP, median of ${options.lighthouseRuns} (all four scores when not 100)`);
    const lhPaths = [...new Set(results.targets.flatMap((t) => (t.lighthouse ?? []).map((l) => (t.kind === 'starlight' ? `/guide${l.path}` : l.path))))];
    printTable(
      ['page', ...names],
      lhPaths.map((path) => [
        path,
        ...results.targets.map((t) => {
          const l = t.lighthouse?.find((x) => x.path === (t.kind === 'starlight' ? path.replace(/^\/guide\//, '/') : path));
          if (!l) return '–';
          const scores = LIGHTHOUSE_CATEGORIES.map((c) => l.scores[c]);
          return fmtMs(l.lcpMs) + (scores.every((s) => s === 100) ? '' : ` [${scores.join('/')}]`);
        }),
      ]),
    );
  }
  if (ours.search) console.log(`\nSearch (this commit): median ${ours.search.medianMs} ms from the last keystroke to results (min ${ours.search.minMs}, max ${ours.search.maxMs}, ${ours.search.samples.length} queries)`);

  // Budgets, for this commit.
  if (ours.build && starlight?.build) check('build time ≤ Starlight’s', `${ours.build.medianSeconds} s`, `≤ ${starlight.build.medianSeconds} s`, ours.build.medianSeconds <= starlight.build.medianSeconds);
  for (const p of ours.pages) {
    if (p.path === '/' || p.path.startsWith('/guide/')) {
      check(`${p.path} total (brotli)${p.fontLoaded ? ', with web font' : ', NO web font loaded'}`, fmtKB(p.total.brotliBytes), `≤ ${fmtKB(BUDGETS.pageTotalBytes)}`, p.total.brotliBytes <= BUDGETS.pageTotalBytes);
    }
    if (hasJsBudget(p.path)) {
      const jsLimit = jsBudgetFor(p.path);
      check(`${p.path} JS before interaction`, fmtKB(p.js.totalBrotliBytes), `≤ ${fmtKB(jsLimit)}`, p.js.totalBrotliBytes <= jsLimit);
    }
    check(`${p.path} CLS`, p.cls.toFixed(3), `${BUDGETS.cls}`, p.cls <= BUDGETS.cls);
  }
  for (const l of ours.lighthouse ?? []) {
    check(`${l.path} LCP (Lighthouse mobile, median)`, fmtMs(l.lcpMs), `≤ ${BUDGETS.lcpMs} ms`, l.lcpMs <= BUDGETS.lcpMs);
    for (const c of LIGHTHOUSE_CATEGORIES) check(`${l.path} Lighthouse ${c}`, String(l.scores[c]), String(BUDGETS.lighthouseScore), l.scores[c] >= BUDGETS.lighthouseScore);
  }
  if (ours.search) check('search median keystroke→results', `${ours.search.medianMs} ms`, `≤ ${BUDGETS.searchMedianMs} ms`, ours.search.medianMs <= BUDGETS.searchMedianMs);
  for (const e of results.errors) check(`${e.target ? `${e.target}: ` : ''}${e.step}`, 'error', 'runs', false);

  console.log('\nBudgets (this commit)');
  printTable(['check', 'measured', 'budget', 'result'], checks.map((c) => [c.name, c.actual, c.limit, c.pass ? 'ok' : 'MISSED']));
  const busiest = Math.max(...results.targets.flatMap((t) => [t.build?.loadAverage ?? 0, ...(t.lighthouse ?? []).flatMap((l) => l.loadAverages)]));
  if (busiest > cpus().length) {
    console.log(`\nNote: the machine was busy (1-minute load average up to ${busiest} on ${cpus().length} cores): timings are pessimistic and vary from run to run.`);
  }
}

let fatal = null;
const started = performance.now();
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(`\nbench: ${err.stack ?? err}`);
  results.errors.push({ step: 'fatal', message: String(err.message ?? err) });
} finally {
  stopServers();
  if (revision) removeRevisionTarget(ROOT, revision);
  revision = null;
}
report();
results.benchSeconds = +((performance.now() - started) / 1000).toFixed(1);
try {
  results.gitHead = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // Not a git checkout: leave it out.
}
for (const t of results.targets) for (const p of t.pages ?? []) for (const r of p.resources) delete r.body;
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
const passed = checks.filter((c) => c.pass).length;
console.log(`\nFigures written to ${RESULTS_FILE} (bench took ${results.benchSeconds} s)`);
console.log(`bench: ${passed} passed, ${checks.length - passed} failed`);
process.exitCode = checks.length - passed > 0 || fatal ? 1 : 0;
