/**
 * Content-Security-Policy text: reading the policy Astro writes into each built page's
 * `<meta http-equiv>` tag, spelling it canonically, and turning it into the header policy.
 *
 * Astro can hand per-route CSP headers only to an adapter with the `staticHeaders` feature, and then
 * drops the meta tag; this site is adapter-less and keeps the meta tag (it is the only policy on
 * hosts without custom headers, such as GitHub Pages), so the header is derived from the meta tag.
 */

export const FRAME_ANCESTORS = "frame-ancestors 'none'";

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

