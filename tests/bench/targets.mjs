// What the bench builds and compares: this checkout, an earlier commit of it (checked out in a git
// worktree in a temporary folder), and a stock Starlight site with the same guide content. Each is
// built with its own Astro CLI into its own folder; the timing is wall clock for the whole
// `astro build`, as a reader of the README would run it.

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The Starlight release line the issue compares against, and the same Astro as ours. */
export const STARLIGHT_VERSION = '0.42.4';

const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Runs a command to completion; resolves with its exit code, output and wall time in seconds. */
export function run(command, args, { cwd, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** npm (under `npm run bench`, node_modules/.bin and so this project's Node come first on PATH). */
const npm = (args, cwd) => run('npm', args, { cwd });

/**
 * A node_modules for another checkout: a real folder whose entries link to `source`'s, so the
 * packages are shared but caches written under node_modules/.cache (the service worker bundle,
 * Vite's) are not.
 */
function shadowNodeModules(source, target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name === '.cache' || name === '.vite' || name === '.astro') continue;
    symlinkSync(join(source, name), join(target, name));
  }
}

/** This checkout, as it is on disk. */
export function currentTarget(root) {
  return { name: 'this commit', root, astro: join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), kind: 'ours' };
}

/**
 * An earlier commit of this repository, checked out (detached) in a worktree under the system's
 * temporary folder. Its dependencies: ours when its lock file is the same, otherwise installed once
 * with `npm ci` into node_modules/.cache/bench/deps-<lock hash> and reused by later runs.
 */
export async function revisionTarget(root, rev, log) {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `bifnim-bench-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune'], { cwd: root });
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: root, stdio: 'ignore' });
  }
  const lock = execFileSync('git', ['show', `${commit}:package-lock.json`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let modules = join(root, 'node_modules');
  if (lock !== readFileSync(join(root, 'package-lock.json'), 'utf8')) {
    const deps = join(root, 'node_modules', '.cache', 'bench', `deps-${sha(lock)}`);
    if (!existsSync(join(deps, 'node_modules', 'astro'))) {
      log(`  ${commit.slice(0, 7)} has other dependencies: npm ci into ${deps} (once)…`);
      mkdirSync(deps, { recursive: true });
      writeFileSync(join(deps, 'package-lock.json'), lock);
      writeFileSync(join(deps, 'package.json'), execFileSync('git', ['show', `${commit}:package.json`], { cwd: root, encoding: 'utf8' }));
      const installed = await npm(['ci', '--no-audit', '--no-fund', '--ignore-scripts'], deps);
      if (installed.code !== 0) throw new Error(`npm ci for ${commit.slice(0, 7)} failed:\n${installed.output.slice(-2000)}`);
    }
    modules = join(deps, 'node_modules');
  }
  shadowNodeModules(modules, join(dir, 'node_modules'));
  const subject = execFileSync('git', ['log', '-1', '--format=%h %s', commit], { cwd: root, encoding: 'utf8' }).trim();
  return { name: `${commit.slice(0, 7)}`, title: subject, root: dir, astro: join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), kind: 'ours', commit };
}

/** Removes a revision target's worktree (its shared dependencies stay cached). */
export function removeRevisionTarget(root, target) {
  try {
    execFileSync('git', ['worktree', 'remove', '--force', target.root], { cwd: root, stdio: 'ignore' });
  } catch {
    rmSync(target.root, { recursive: true, force: true });
  }
}

/**
 * A stock Starlight site with this guide's pages (title and description front matter, the same
 * Markdown, without the `[#id]` markers and site components Starlight does not know), Hebrew and
 * right-to-left, in
 * node_modules/.cache/bench/starlight-<versions>. Installed once; the content is refreshed each run.
 */
export async function starlightTarget(root, log) {
  const astroVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')).version;
  const dir = join(root, 'node_modules', '.cache', 'bench', `starlight-${STARLIGHT_VERSION}-astro-${astroVersion}`);
  if (!existsSync(join(dir, 'node_modules', '@astrojs', 'starlight'))) {
    log(`  installing Starlight ${STARLIGHT_VERSION} with Astro ${astroVersion} into ${dir} (once)…`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', dependencies: { astro: astroVersion, '@astrojs/starlight': STARLIGHT_VERSION, sharp: '^0.34.0' } }, null, 2),
    );
    const installed = await npm(['install', '--no-audit', '--no-fund'], dir);
    if (installed.code !== 0) throw new Error(`installing Starlight failed:\n${installed.output.slice(-2000)}`);
  }
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://bifnim.example',
  integrations: [starlight({ title: 'בפנים או בחוץ?', defaultLocale: 'root', locales: { root: { label: 'עברית', lang: 'he', dir: 'rtl' } } })],
});
`,
  );
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const docs = join(dir, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  const guide = join(root, 'content', 'guide');
  const pages = [];
  for (const file of readdirSync(guide).filter((f) => f.endsWith('.mdx')).sort()) {
    const text = readFileSync(join(guide, file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const kept = front.split('\n').filter((line) => /^(title|description):/.test(line));
    // The site's own components (the checklist questions embedded in the guide) do not exist in
    // Starlight: their tags go, the Markdown stays.
    const markdown = body
      .replace(/[ \t]*\[#[a-z0-9-]+\][ \t]*$/gm, '')
      .replace(/^import\s.*$/gm, '')
      .replace(/^<([A-Z]\w*)\b[^>]*\/>[ \t]*$/gm, '')
      .replace(/^<([A-Z]\w*)\b[\s\S]*?<\/\1>[ \t]*$/gm, '');
    writeFileSync(join(docs, file), `---\n${kept.join('\n')}\n---\n${markdown}`);
    pages.push(basename(file, '.mdx'));
  }
  writeFileSync(join(docs, 'index.mdx'), `---\ntitle: בפנים או בחוץ?\ndescription: מדריך להחלטה על שירות הלקוחות\n---\n\nמדריך להחלטה על שירות הלקוחות.\n`);
  return { name: `Starlight ${STARLIGHT_VERSION}`, root: dir, astro: join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), kind: 'starlight', pages };
}

/** The post-build steps' own timings in a build log (`[search-index] done in 34 ms`). */
export function stepTimings(output) {
  const steps = {};
  for (const m of output.matchAll(/\[([a-z-]+)\] done in (\d+) ms/g)) steps[m[1]] = Number(m[2]);
  return steps;
}

/**
 * Builds `target` into `outDir` once to warm up (dependency scans, the service worker's bundle
 * cache), then `runs` more times; returns every timed run. The last build stays in `outDir`.
 */
export async function timeBuilds(target, outDir, runs) {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const results = [];
  for (let i = 0; i <= runs; i++) {
    const { code, output, seconds } = await run(process.execPath, [target.astro, 'build', '--outDir', outDir], { cwd: target.root, env });
    if (code !== 0) throw new Error(`${target.name}: astro build failed (exit ${code}):\n${output.slice(-3000)}`);
    if (i > 0) results.push({ seconds: +seconds.toFixed(2), steps: stepTimings(output) });
  }
  return results;
}

