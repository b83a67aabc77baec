/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the published folder: pure text
 * work, no file system. The build step (src/integrations/static-headers.ts) reads the built pages
 * and writes the result.
 *
 * Astro writes each page's Content-Security-Policy into a `<meta http-equiv>` tag with the hashes
 * of that page's inline scripts and styles. A meta tag cannot carry `frame-ancestors`, so every
 * page also gets its own policy as a header, with `frame-ancestors 'none'` added.
 *
 * The two hosts combine matching rules differently when a header name repeats (Netlify keeps one
 * value, Cloudflare joins the values with commas), so no header name is set by two rules that can
 * match the same URL: the site-wide `/*` rule has no CSP and no Cache-Control.
 */

/** One built HTML page: the URL path a reader requests and the page's own policy. */
export interface PageCsp {
  readonly path: string;
  readonly csp: string;
}

/** A `_headers` rule: a URL path or pattern and the headers sent for it, in order. */
export interface HeaderRule {
  readonly path: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** Hashed file names never change content: cache them for a year and never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Pages and files with stable names: the browser may keep a copy but asks every time (a 304 is cheap). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Browser features the site never uses, switched off for the page and anything it could embed.
 * `fullscreen=(self)` stays because the talk view has a fullscreen button; clipboard writes stay
 * allowed for the copy-link buttons. Only names Chromium knows: an unknown one makes Chrome log
 * "Unrecognized feature" on every page (tests/e2e/csp.spec.ts watches for it).
 * `interest-cohort` opts out of FLoC, `browsing-topics` out of its successor, the Topics API.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Sent with every response, whatever its path. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  // The pages' CSP headers say frame-ancestors 'none'; this covers every other response too
  // (the 404 page served for an unknown address, files) and browsers without CSP level 2.
  ['X-Frame-Options', 'DENY'],
];

/** Cloudflare Pages' documented limits for `_headers`. */
export const MAX_RULES = 100;
export const MAX_LINE = 2000;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The attributes of one start tag, names lower-cased, values decoded. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of tag.replace(/^<\s*meta\b/i, '').matchAll(re)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

/**
 * One policy in a canonical spelling: directives separated by "; ", each directive's tokens by
 * one space, empty directives dropped. Directive names are case-insensitive and are lower-cased;
 * source expressions (hashes are case-sensitive) are kept as written.
 */
export function normaliseCsp(policy: string): string {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/).filter(Boolean))
    .filter((tokens) => tokens.length > 0)
    .map(([name, ...values]) => [name!.toLowerCase(), ...values].join(' '))
    .join('; ');
}

/**
 * Every Content-Security-Policy a page declares in `<meta http-equiv>` tags, in document order and
 * normalised. A correct page has exactly one; the caller decides what to do otherwise.
 */
export function cspMetaPolicies(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const attrs = attributes(m[0]);
    if (attrs.get('http-equiv')?.trim().toLowerCase() === 'content-security-policy') {
      found.push(normaliseCsp(attrs.get('content') ?? ''));
    }
  }
  return found;
}

/** The names of a policy's directives, lower-cased, in order. */
export function directiveNames(policy: string): string[] {
  return normaliseCsp(policy)
    .split('; ')
    .filter(Boolean)
    .map((directive) => directive.split(' ')[0]!);
}

/** A page's meta policy as a header: the same directives plus `frame-ancestors 'none'`. */
export function headerCsp(metaPolicy: string): string {
  const policy = normaliseCsp(metaPolicy);
  if (directiveNames(policy).includes('frame-ancestors')) return policy;
  return policy ? `${policy}; ${FRAME_ANCESTORS}` : FRAME_ANCESTORS;
}

/**
 * The URL path a static host serves a built HTML file at, from its path relative to dist/
 * (`index.html` → `/`, `guide/in-house/index.html` → `/guide/in-house/`, `404.html` → `/404.html`).
 */
export function pagePath(file: string): string {
  const rel = file.replaceAll('\\', '/').replace(/^\.?\/+/, '');
  if (rel === 'index.html') return '/';
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export interface HeadersOptions {
  /** Exact paths of files with stable names that must be revalidated (`/sw.js`, `/pagefind/pagefind.js`, …). */
  readonly revalidate?: readonly string[];
  /** Folder patterns (`/_astro/*`) whose file names carry a content hash. */
  readonly immutable?: readonly string[];
}

/** Astro's hashed assets and Pagefind's content-addressed index chunks and fragments. */
export const DEFAULT_IMMUTABLE = ['/_astro/*', '/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*'] as const;

/** Files a client needs fresh after every deployment: the service worker and Pagefind's entry points. */
export const DEFAULT_REVALIDATE = ['/sw.js', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind-worker.js'] as const;

/** The rules, in the order they are written. Throws when two pages claim the same path. */
export function headerRules(pages: readonly PageCsp[], options: HeadersOptions = {}): HeaderRule[] {
  const seen = new Set<string>();
  const sorted = [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path } of sorted) {
    if (!path.startsWith('/') || /[\s*]/.test(path)) throw new Error(`_headers: "${path}" is not a page path`);
    if (seen.has(path)) throw new Error(`_headers: two pages are served at ${path}`);
    seen.add(path);
  }
  const immutable = options.immutable ?? DEFAULT_IMMUTABLE;
  const revalidate = [...new Set(options.revalidate ?? DEFAULT_REVALIDATE)].filter((p) => !seen.has(p)).sort();
  return [
    { path: '/*', headers: SECURITY_HEADERS },
    ...immutable.map((path) => ({ path, headers: [['Cache-Control', IMMUTABLE]] as const })),
    ...revalidate.map((path) => ({ path, headers: [['Cache-Control', REVALIDATE]] as const })),
    ...sorted.map(({ path, csp }) => ({
      path,
      headers: [
        ['Content-Security-Policy', headerCsp(csp)],
        ['Cache-Control', REVALIDATE],
      ] as const,
    })),
  ];
}

/** Rules as `_headers` text: a path line, its headers indented by two spaces, a blank line between rules. */
export function formatHeaders(rules: readonly HeaderRule[], comment?: string): string {
  if (rules.length > MAX_RULES) throw new Error(`_headers: ${rules.length} rules, Cloudflare Pages reads at most ${MAX_RULES}`);
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  const head = comment ? comment.split('\n').map((line) => `# ${line}`.trimEnd()).join('\n') + '\n\n' : '';
  const text = head + blocks.join('\n\n') + '\n';
  const long = text.split('\n').find((line) => line.length > MAX_LINE);
  if (long) throw new Error(`_headers: a line of ${long.length} characters, Cloudflare Pages reads at most ${MAX_LINE}: ${long.slice(0, 80)}…`);
  return text;
}

/** The whole `_headers` file for the built pages. */
export function buildHeaders(pages: readonly PageCsp[], options: HeadersOptions = {}): string {
  return formatHeaders(
    headerRules(pages, options),
    'Written by the build (src/integrations/static-headers.ts); read as is by Netlify and Cloudflare Pages.\n' +
      "Each page's Content-Security-Policy is its own <meta> policy plus frame-ancestors 'none'.",
  );
}

/** Reads `_headers` text back into rules (comments and blank lines skipped), for checks and tests. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: Array<{ path: string; headers: Array<[string, string]> }> = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trimEnd();
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a path: ${line.trim()}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}
