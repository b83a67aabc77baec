import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import type { BuildOptions } from 'esbuild';
import { t } from '../i18n/he.ts';
import { fileGroup, fileUrl, pageTitle, type FileGroup, type OfflineEntry, type OfflineManifest } from '../lib/offline-copy.ts';
import type { StepContext } from './post-build.ts';

/**
 * Post-build step: writes dist/sw.js, the service worker of src/service-worker/sw.ts (Workbox,
 * bundled with esbuild) preceded by this build's offline manifest: every file a reader may need
 * offline, in its group (shell, page, data: see src/lib/offline-copy.ts), with a content
 * revision and its download size.
 *
 * Skipping unchanged work: the worker's code only changes when sw.ts, what it imports or a
 * Workbox version changes, so its bundle is kept in node_modules/.cache/bifnim/ next to the hash
 * of every input file and reused while they all match (a clean clone simply builds it). The
 * manifest is rebuilt every time; it is a hash per file.
 *
 * Hosts should serve sw.js with `Cache-Control: max-age=0, must-revalidate` (dist/_headers does):
 * browsers then check it on every visit and a deploy reaches readers at once.
 */
export async function writeServiceWorker({ site, logger }: StepContext): Promise<void> {
  const manifest = offlineManifest(site);
  const runtime = await workerRuntime(logger);
  const sw = `self.__OFFLINE_MANIFEST=${JSON.stringify(manifest)};\n${runtime}`;
  // One self-contained file: nothing is imported at run time, from this origin or another.
  if (/importScripts\s*\(|\bimport\s*\(/.test(runtime)) throw new Error('dist/sw.js must not load code from another file');
  writeFileSync(join(site, 'sw.js'), sw);
  const kb = (entries: readonly OfflineEntry[]) => (entries.reduce((sum, entry) => sum + entry.bytes, 0) / 1024).toFixed(1);
  logger.info(
    `sw.js ${(sw.length / 1024).toFixed(1)} KB; precaches the shell (${manifest.shell.length} files, ${kb(manifest.shell)} KB), ` +
      `keeps ${manifest.pages.length} pages (${kb(manifest.pages)} KB) and ${manifest.data.length} data files (${kb(manifest.data)} KB) as read or saved`,
  );
}

/** File names that already carry a content hash: the URL is the revision. */
const HASHED = /^(?:_astro|pagefind\/(?:index|fragment|filter)|search\/lexicon)\//;

/** Files hosts send as they are (already compressed). */
const COMPRESSED = /\.(?:woff2|png|jpe?g|webp|avif|gif|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/** Bytes a reader downloads for a file: brotli (a fast level, close to what hosts serve) where it helps. */
function downloadSize(file: string, body: Buffer): number {
  if (COMPRESSED.test(file) || body.length < 256) return body.length;
  // A 256 KB window (lgwin 18) instead of the default 4 MB: the same sizes for files this small,
  // ten times faster, because the encoder no longer allocates a large window per file.
  const packed = brotliCompressSync(body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_LGWIN]: 18, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  return Math.min(body.length, packed.length);
}

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, relative to `root`, `/`-separated, sorted. */
function files(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).replaceAll('\\', '/')]))
    .sort();
}

/** The manifest of the built site in `site`. */
export function offlineManifest(site: string): OfflineManifest {
  const groups: Record<FileGroup, OfflineEntry[]> = { shell: [], page: [], data: [] };
  for (const file of files(site)) {
    const group = fileGroup(file);
    if (!group) continue;
    const body = readFileSync(join(site, file));
    const entry: OfflineEntry = {
      url: fileUrl(file),
      revision: HASHED.test(file) ? null : sha(body).slice(0, 16),
      bytes: downloadSize(file, body),
      ...(group === 'page' ? { title: pageTitle(body.toString('utf8'), t.site.name) } : {}),
    };
    groups[group].push(entry);
  }
  const version = sha(JSON.stringify(groups)).slice(0, 16);
  return { version, shell: groups.shell, pages: groups.page, data: groups.data };
}

// --- The worker's code, bundled once per change of its inputs ------------------------------------

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'src/service-worker/sw.ts');
const CACHE_FILE = join(ROOT, 'node_modules/.cache/bifnim/sw-runtime.json');

interface RuntimeCache {
  /** Hash of the bundler's version and options. */
  readonly recipe: string;
  /** Every input file (relative to the project) and the hash of its content. */
  readonly inputs: Record<string, string>;
  readonly code: string;
}

const BUILD_OPTIONS = {
  entryPoints: [ENTRY],
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  // Workbox logs in development builds only.
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none', // the licences ship in dist/licenses/ and on /credits/
  write: false,
  metafile: true,
  logLevel: 'silent',
} satisfies BuildOptions;

/** The bundler's version and options, which the cached bundle also depends on. */
const recipe = (esbuildVersion: string) => sha(JSON.stringify({ esbuildVersion, options: { ...BUILD_OPTIONS, entryPoints: ['src/service-worker/sw.ts'] } }));

/** esbuild's version without loading esbuild (it is loaded only when the worker must be bundled). */
const esbuildVersion = (): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')) as { version: string }).version;

function readCache(): RuntimeCache | null {
  try {
    const cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as RuntimeCache;
    if (cache.recipe !== recipe(esbuildVersion())) return null;
    for (const [file, hash] of Object.entries(cache.inputs)) {
      if (sha(readFileSync(join(ROOT, file))) !== hash) return null;
    }
    return cache;
  } catch {
    return null; // no cache yet, an input is gone, or the file is damaged: build again
  }
}

async function workerRuntime(logger: StepContext['logger']): Promise<string> {
  const cached = readCache();
  if (cached) {
    logger.info('worker code unchanged: reusing its bundle');
    return cached.code;
  }
  const { build, version } = await import('esbuild');
  const result = await build({ ...BUILD_OPTIONS, absWorkingDir: ROOT });
  const code = result.outputFiles?.[0]?.text;
  if (!code || !result.metafile) throw new Error(`bundling ${relative(ROOT, ENTRY)} produced no output`);
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, sha(readFileSync(join(ROOT, file)))]));
  try {
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ recipe: recipe(version), inputs, code } satisfies RuntimeCache));
  } catch {
    // A read-only node_modules: the next build bundles again, nothing else changes.
  }
  return code;
}
