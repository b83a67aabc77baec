/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the published folder: pure text
 * work, no file system. The build step (src/integrations/static-headers.ts) reads the built pages
 * and writes the result; what each header says is src/lib/header-policy.ts.
 *
 * A meta tag cannot carry `frame-ancestors`, so every page also gets its own policy as a header,
 * with `frame-ancestors 'none'` added (src/lib/csp.ts).
 *
 * The two hosts combine matching rules differently when a header name repeats (Netlify keeps one
 * value, Cloudflare joins the values with commas), so no header name is set by two rules that can
 * match the same URL: the site-wide `/*` rule has no CSP and no Cache-Control.
 */
import { headerCsp } from './csp.ts';
import { DEFAULT_IMMUTABLE, DEFAULT_REVALIDATE, IMMUTABLE, REVALIDATE, SECURITY_HEADERS } from './header-policy.ts';

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

/** Cloudflare Pages' documented limits for `_headers`. */
export const MAX_RULES = 100;
export const MAX_LINE = 2000;

export interface HeadersOptions {
  /** Exact paths of files with stable names that must be revalidated (`/sw.js`, `/pagefind/pagefind.js`, …). */
  readonly revalidate?: readonly string[];
  /** Folder patterns (`/_astro/*`) whose file names carry a content hash. */
  readonly immutable?: readonly string[];
}

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

