import { describe, expect, it } from 'vitest';
import { cspMetaPolicies, FRAME_ANCESTORS, headerCsp, normaliseCsp } from '../../src/lib/csp.ts';
import { IMMUTABLE, PERMISSIONS_POLICY, REVALIDATE } from '../../src/lib/header-policy.ts';
import { buildHeaders, formatHeaders, headerRules, MAX_LINE, MAX_RULES, type HeaderRule } from '../../src/lib/headers-file.ts';
import { pagePath } from '../../src/lib/page-path.ts';
import { parseHeaders } from '../support/parse-headers.ts';

/** What Astro writes today: no space after the first semicolons, one before script-src, a trailing ";". */
const ASTRO_META =
  `<meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:;object-src 'none';base-uri 'self'; ` +
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-AbC+/1='; style-src 'self' 'sha256-XyZ=';">`;
const ASTRO_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AbC+/1='; style-src 'self' 'sha256-XyZ='";

const headersOf = (rules: readonly HeaderRule[], path: string) => Object.fromEntries(rules.find((r) => r.path === path)?.headers ?? []);

describe('reading the policy from a built page', () => {
  it('reads the policy Astro writes and spells it canonically', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8">${ASTRO_META}<title>x</title></head></html>`;
    expect(cspMetaPolicies(html)).toEqual([ASTRO_POLICY]);
  });

  it('accepts any letter case, single quotes around the attribute and entities inside it', () => {
    const html = `<META HTTP-EQUIV='Content-Security-Policy' CONTENT='default-src &#39;self&#39;;  SCRIPT-SRC &apos;self&apos; &#x27;sha256-a=&#x27;'>`;
    expect(cspMetaPolicies(html)).toEqual(["default-src 'self'; script-src 'self' 'sha256-a='"]);
  });

  it('is not fooled by a ">" inside another attribute of the tag', () => {
    const html = `<meta data-note="a > b" http-equiv="content-security-policy" content="default-src 'none'">`;
    expect(cspMetaPolicies(html)).toEqual(["default-src 'none'"]);
  });

  it('ignores other meta tags, including one that only mentions the policy', () => {
    const html = `<meta name="description" content="content-security-policy"><meta http-equiv="refresh" content="5">`;
    expect(cspMetaPolicies(html)).toEqual([]);
  });

  it('returns every policy tag, so a page with two can be rejected', () => {
    expect(cspMetaPolicies(ASTRO_META + ASTRO_META)).toHaveLength(2);
  });
});

describe('the canonical spelling of a policy', () => {
  it('separates directives by "; " and tokens by one space, dropping empty directives', () => {
    expect(normaliseCsp("  default-src\t'self' ;;\n img-src  'self'   data: ; ")).toBe("default-src 'self'; img-src 'self' data:");
  });

  it('lower-cases directive names but keeps hashes as written, because hashes are case-sensitive', () => {
    expect(normaliseCsp("Script-Src 'sha256-AbC='")).toBe("script-src 'sha256-AbC='");
  });

  it('is idempotent', () => {
    expect(normaliseCsp(normaliseCsp(ASTRO_POLICY))).toBe(ASTRO_POLICY);
  });
});

describe('the policy sent as a header', () => {
  it("is the page's own policy with frame-ancestors 'none' added at the end", () => {
    expect(headerCsp(ASTRO_POLICY)).toBe(`${ASTRO_POLICY}; ${FRAME_ANCESTORS}`);
  });

  it('does not add frame-ancestors twice', () => {
    expect(headerCsp("default-src 'self'; frame-ancestors 'self'")).toBe("default-src 'self'; frame-ancestors 'self'");
  });
});

describe('the URL path of a built page', () => {
  it.each([
    ['index.html', '/'],
    ['guide/index.html', '/guide/'],
    ['guide/in-house/index.html', '/guide/in-house/'],
    ['404.html', '/404.html'],
    ['guide\\decision\\index.html', '/guide/decision/'],
    ['talk/print.html', '/talk/print.html'],
  ])('serves %s at %s', (file, path) => {
    expect(pagePath(file)).toBe(path);
  });
});

describe('the _headers rules', () => {
  const pages = [
    { path: '/guide/in-house/', csp: ASTRO_POLICY },
    { path: '/', csp: "default-src 'self'" },
    { path: '/404.html', csp: "default-src 'self'" },
  ];
  const rules = headerRules(pages, { revalidate: ['/sw.js', '/pagefind/pagefind.js'] });

  it("give every page its own policy with frame-ancestors, and revalidate pages", () => {
    expect(headersOf(rules, '/guide/in-house/')).toEqual({
      'Content-Security-Policy': `${ASTRO_POLICY}; frame-ancestors 'none'`,
      'Cache-Control': REVALIDATE,
    });
    expect(headersOf(rules, '/')['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(headersOf(rules, '/404.html')['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it('send the security headers with everything, and keep fullscreen for the talk view', () => {
    const all = headersOf(rules, '/*');
    expect(all).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'interest-cohort=()', 'browsing-topics=()', 'fullscreen=(self)']) {
      expect(all['Permissions-Policy']).toContain(feature);
    }
    expect(PERMISSIONS_POLICY).not.toMatch(/clipboard/);
  });

  it('cache hashed assets for a year and revalidate files with stable names', () => {
    expect(headersOf(rules, '/_astro/*')).toEqual({ 'Cache-Control': IMMUTABLE });
    expect(headersOf(rules, '/pagefind/fragment/*')).toEqual({ 'Cache-Control': IMMUTABLE });
    expect(headersOf(rules, '/sw.js')).toEqual({ 'Cache-Control': REVALIDATE });
    expect(headersOf(rules, '/pagefind/pagefind.js')).toEqual({ 'Cache-Control': REVALIDATE });
  });

  it('never set one header name in two rules, because Netlify and Cloudflare combine them differently', () => {
    const all = rules.find((r) => r.path === '/*')!;
    const names = new Set(all.headers.map(([name]) => name));
    expect(names.has('Content-Security-Policy')).toBe(false);
    expect(names.has('Cache-Control')).toBe(false);
    for (const rule of rules) {
      const own = rule.headers.map(([name]) => name);
      expect(new Set(own).size, rule.path).toBe(own.length);
    }
  });

  it('list the pages in a stable order whatever order they were found in', () => {
    expect(headerRules([...pages].reverse())).toEqual(headerRules(pages));
  });

  it('refuse two pages at the same path, naming it', () => {
    expect(() => headerRules([pages[0]!, pages[0]!])).toThrow('two pages are served at /guide/in-house/');
  });

  it('refuse a page path that is a pattern', () => {
    expect(() => headerRules([{ path: '/guide/*', csp: '' }])).toThrow('"/guide/*" is not a page path');
  });
});

describe('the _headers text', () => {
  const text = buildHeaders([{ path: '/guide/in-house/', csp: ASTRO_POLICY }]);

  it('is a path line followed by headers indented by two spaces, and starts with a comment', () => {
    expect(text.startsWith('# ')).toBe(true);
    expect(text).toContain(`/guide/in-house/\n  Content-Security-Policy: ${ASTRO_POLICY}; frame-ancestors 'none'\n  Cache-Control: ${REVALIDATE}\n`);
    expect(text).toContain('/*\n  X-Content-Type-Options: nosniff\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('reads back into the same rules', () => {
    const rules = headerRules([{ path: '/guide/in-house/', csp: ASTRO_POLICY }]);
    expect(parseHeaders(text)).toEqual(rules.map((r) => ({ path: r.path, headers: r.headers.map(([n, v]) => [n, v]) })));
  });

  it("stays within Cloudflare Pages' limits or says which one it breaks", () => {
    const many = Array.from({ length: MAX_RULES }, (_, i) => ({ path: `/p${i}/`, csp: "default-src 'self'" }));
    expect(() => buildHeaders(many)).toThrow(/rules, Cloudflare Pages reads at most 100/);
    const long = `default-src 'self'; script-src ${"'sha256-x=' ".repeat(MAX_LINE / 10)}`;
    expect(() => formatHeaders(headerRules([{ path: '/', csp: long }]))).toThrow(/a line of \d+ characters/);
  });

  it('names the line that has no header under a path', () => {
    expect(() => parseHeaders('  X-A: b\n')).toThrow('_headers line 1');
  });
});
