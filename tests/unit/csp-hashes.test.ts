import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspMetaPolicies, inlineCode, withOwnHashes } from '../../src/lib/csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-OTHERPAGE='; style-src 'self' 'sha256-OTHERSTYLE=' 'sha256-ALSO='">`;
const PAGE = `<html><head><script>theme()</script><style>a{b:c}</style>${META}</head><body><script type="module">{load()}</script><script type="module" src="/x.js"></script><script type="application/ld+json">{"a":1}</script><style media="print">p{}</style></body></html>`;

describe("a page's inline code", () => {
  it('is every inline script the browser runs and every style; external scripts and data blocks are not', () => {
    expect(inlineCode(PAGE)).toEqual({ scripts: ['theme()', '{load()}'], styles: ['a{b:c}', 'p{}'] });
  });
});

describe("a page's CSP hashes", () => {
  it('are exactly those of its own inline scripts and styles, other sources kept', () => {
    const [policy] = cspMetaPolicies(withOwnHashes(PAGE, hash));
    expect(policy).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash('theme()')} ${hash('{load()}')}; style-src 'self' ${hash('a{b:c}')} ${hash('p{}')}`,
    );
  });

  it('drop every hash on a page without inline code, and leave a page without a policy alone', () => {
    const bare = `<html><head>${META}</head><body><script type="module" src="/x.js"></script></body></html>`;
    expect(cspMetaPolicies(withOwnHashes(bare, hash))[0]).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
    expect(withOwnHashes('<p>no policy</p><script>x()</script>', hash)).toBe('<p>no policy</p><script>x()</script>');
  });

  it('count a script or style used twice once', () => {
    const twice = `<head>${META}</head><style>a{}</style><style>a{}</style>`;
    expect(cspMetaPolicies(withOwnHashes(twice, hash))[0]).toContain(`style-src 'self' ${hash('a{}')}`);
    expect(cspMetaPolicies(withOwnHashes(twice, hash))[0]!.match(/sha256/g)).toHaveLength(1);
  });
});
