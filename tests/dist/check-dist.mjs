// Checks the built site as a whole, over dist/: every internal link and #fragment resolves
// (guide navigation, links written in content, the checklist's section links, QR targets), every
// image has a text alternative, every page is valid HTML (html-validate), its CSP allows exactly
// its own inline code, it requests no script before its first paint, its JavaScript before
// interaction is within budget, and the home page and every guide page fit in the first round
// trip of a new connection. Run after the build.

/**
 * A new TCP connection delivers about 14.6 KB (ten 1,460-byte segments) in its first round trip;
 * a page larger than that, with its response headers, waits one more round trip for its end
 * (Lighthouse's mobile LCP went from 0.90 to 1.05 s when a guide page passed it). gzip, since
 * `astro preview` and the Lighthouse runs use it; a host's brotli is smaller still.
 */
const FIRST_ROUND_TRIP_BYTES = 14_000;
const firstRoundTripPage = (path) => path === '/' || path.startsWith('/guide/');
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader, formatterFactory } from 'html-validate';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../../src/integrations/dist-files.ts';
import { cspHash } from '../../src/integrations/page-csp.ts';
import { cspMetaPolicies, inlineCode } from '../../src/lib/csp.ts';
import { loaderModules } from '../../src/lib/page-scripts.ts';
import { pagePath } from '../../src/lib/page-path.ts';
import { brotliSize, inlineScriptBytes, hasJsBudget, JS_BEFORE_INTERACTION, jsBudgetFor } from '../budgets.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const files = htmlFiles(dist).map((file) => join(dist, file));

const decode = (s) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const pageUrl = (file) => pagePath(relative(dist, file));

/** The file a site path is served from, as a static host would resolve it. */
function fileFor(pathname) {
  let p;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const direct = join(dist, p);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(dist, p, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

const idsCache = new Map();
function idsOf(file) {
  if (!idsCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]))));
  }
  return idsCache.get(file);
}

const problems = [];
/** [page, brotli bytes of JavaScript before interaction] */
const jsWeights = [];
/** Brotli bytes of each module, compressed once however many pages load it. */
const moduleSizes = new Map();
const moduleBytes = (url) => {
  if (!moduleSizes.has(url)) moduleSizes.set(url, brotliSize(readFileSync(join(dist, url))));
  return moduleSizes.get(url);
};
let links = 0;
let fragments = 0;
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const from = pageUrl(file);
  // Links and resources (href/src), plus the URLs QR codes encode (data-qr-target).
  for (const m of html.matchAll(/\s(href|src|data-qr-target)="([^"]*)"/g)) {
    const raw = decode(m[2]);
    if (/^(mailto:|tel:|data:|blob:|javascript:)/i.test(raw)) {
      if (/^javascript:/i.test(raw)) problems.push(`${from}: javascript: URL in ${m[1]}`);
      continue;
    }
    const url = new URL(raw, `https://site.invalid${from}`);
    let target;
    if (url.origin !== 'https://site.invalid') {
      // Absolute links on the site's own configured origin (canonical, og:url, QR) must resolve too.
      if (m[1] !== 'data-qr-target' && !/canonical|og:|twitter:/.test(html.slice(Math.max(0, m.index - 80), m.index))) {
        continue; // A genuinely external link; none are expected, but they are not ours to check.
      }
      target = fileFor(url.pathname);
    } else {
      target = fileFor(url.pathname);
    }
    links++;
    if (!target) {
      problems.push(`${from}: ${m[1]}="${raw}" points to a missing file`);
      continue;
    }
    if (url.hash.length > 1 && target.endsWith('.html')) {
      fragments++;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!idsOf(target).has(id)) problems.push(`${from}: ${m[1]}="${raw}": no element with id "${id}" on ${pageUrl(target)}`);
    }
  }
  // Link-preview images are absolute URLs on the site's origin: the file must exist.
  for (const m of html.matchAll(/<meta (?:property|name)="(?:og:image|twitter:image)" content="([^"]+)"/g)) {
    links++;
    if (!fileFor(new URL(decode(m[1])).pathname)) problems.push(`${from}: link-preview image ${m[1]} is missing`);
  }
  for (const m of html.matchAll(/<img\b[^>]*>/g)) {
    if (!/\salt="/.test(m[0])) problems.push(`${from}: <img> without alt: ${m[0].slice(0, 80)}`);
  }
  // The page's CSP allows exactly its own inline scripts and styles (src/integrations/page-csp.ts).
  const [policy = ''] = cspMetaPolicies(html);
  const { scripts, styles } = inlineCode(html);
  for (const [directive, code] of [['script-src', scripts], ['style-src', styles]]) {
    const listed = new Set((policy.split('; ').find((d) => d.startsWith(`${directive} `)) ?? '').split(' ').filter((s) => s.startsWith("'sha")));
    const own = new Set(code.map(cspHash));
    const missing = [...own].filter((h) => !listed.has(h));
    const extra = [...listed].filter((h) => !own.has(h));
    if (missing.length || extra.length) problems.push(`${from}: ${directive} lacks ${missing.length} and has ${extra.length} extra hashes for its inline code`);
  }
  // Scripts start after the first paint (src/lib/page-scripts.ts): nothing fetches one before.
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=[^>]*>|<link\b[^>]*\bmodulepreload\b[^>]*>/g)) {
    problems.push(`${from}: requests a script before its first paint: ${m[0].slice(0, 100)}`);
  }
  // JavaScript before interaction: the inline scripts, and every module the after-paint loader
  // fetches (static imports included; what a control imports on use is not). The same bytes and
  // budget as `npm run bench` measures in a browser.
  const jsBytes = inlineScriptBytes(html) + loaderModules(html).reduce((sum, url) => sum + moduleBytes(url), 0);
  jsWeights.push([from, jsBytes]);
  if (hasJsBudget(from) && jsBytes > jsBudgetFor(from)) problems.push(`${from}: ${jsBytes} B of JavaScript before interaction (brotli), more than its ${jsBudgetFor(from)} B budget`);
  if (firstRoundTripPage(from)) {
    const bytes = gzipSync(html).length;
    if (bytes > FIRST_ROUND_TRIP_BYTES) problems.push(`${from}: ${bytes} B gzip, more than the ${FIRST_ROUND_TRIP_BYTES} B a first round trip delivers`);
  }
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) problems.push(`${from}: duplicate ids: ${[...new Set(dupes)].join(', ')}`);
}

// robots.txt and the sitemap must agree on the origin and the sitemap must list real pages.
const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
const sitemapLine = /^Sitemap:\s*(\S+)/m.exec(robots)?.[1];
if (!sitemapLine || !fileFor(new URL(sitemapLine).pathname)) problems.push('robots.txt: Sitemap line missing or not in dist/');
for (const sm of readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
  for (const m of readFileSync(join(dist, sm), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
    if (!fileFor(new URL(m[1]).pathname)) problems.push(`${sm}: <loc>${m[1]}</loc> has no page`);
  }
}

const loader = new FileSystemConfigLoader();
const validator = new HtmlValidate(loader);
const report = await validator.validateMultipleFiles(files);
const text = formatterFactory('text')(report.results);

console.log(`Checked ${files.length} pages: ${links} internal links and ${fragments} #fragments.`);
const sizes = files.filter((f) => firstRoundTripPage(pageUrl(f))).map((f) => gzipSync(readFileSync(f)).length);
console.log(`Home and guide pages: ${Math.min(...sizes)}–${Math.max(...sizes)} B gzip (first round trip: ${FIRST_ROUND_TRIP_BYTES} B).`);
const sectionJs = jsWeights.filter(([path]) => hasJsBudget(path) && !(path in JS_BEFORE_INTERACTION.byPath)).map(([, bytes]) => bytes);
const others = jsWeights.sort(([a], [b]) => a.localeCompare(b)).filter(([path]) => !hasJsBudget(path) || path in JS_BEFORE_INTERACTION.byPath);
console.log(`JavaScript before interaction (brotli): reading pages ${Math.min(...sectionJs)}–${Math.max(...sectionJs)} B (budget ${JS_BEFORE_INTERACTION.defaultBytes} B); ${others.map(([path, bytes]) => `${path} ${bytes} B${hasJsBudget(path) ? ` (budget ${jsBudgetFor(path)} B)` : ''}`).join(', ')}.`);
console.log(`HTML validation (html-validate): ${report.errorCount} errors, ${report.warningCount} warnings.`);
if (!report.valid) console.error(text);
if (problems.length) console.error(`Problems:\n- ${problems.join('\n- ')}`);
const failed = problems.length + report.errorCount;
console.log(`dist: ${files.length - (failed ? 1 : 0)} passed, ${failed ? 1 : 0} failed`);
process.exit(failed ? 1 : 0);
