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
  for (const m of tag.replace(/^<\s*[a-z][^\s/>]*/i, '').matchAll(re)) {
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


/** Script types a browser runs (and the CSP governs); JSON and other data blocks are not code. */
const RUNNABLE_SCRIPT = /^(?:|module|text\/javascript|application\/javascript)$/i;

/**
 * The text of every inline `<script>` (one the browser runs, without `src`) and every `<style>` of
 * a page, in document order: what the page's `script-src` and `style-src` hashes must allow.
 */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const m of html.matchAll(/<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>/gi)) {
    const [, tag, attrs, text] = m as unknown as [string, string, string, string];
    if (tag.toLowerCase() === 'style') {
      styles.push(text);
      continue;
    }
    const scriptAttributes = attributes(`<script${attrs}>`);
    if (!scriptAttributes.has('src') && RUNNABLE_SCRIPT.test((scriptAttributes.get('type') ?? '').trim())) scripts.push(text);
  }
  return { scripts, styles };
}

/**
 * The page with its CSP meta tag's `script-src` and `style-src` hashes replaced by exactly the
 * hashes of its own inline scripts and styles (`hash(text)` gives one source expression, e.g.
 * `'sha256-…'`), other sources kept. Astro lists every inline script and style of the whole
 * build in every page (1.2 KB gzip of hashes a page never uses); and a build step that adds an
 * inline script (src/integrations/page-scripts.ts) must add its hash. A page without the meta tag
 * is returned unchanged.
 */
export function withOwnHashes(html: string, hash: (text: string) => string): string {
  const { scripts, styles } = inlineCode(html);
  const own: Record<string, string[]> = {
    'script-src': [...new Set(scripts.map(hash))],
    'style-src': [...new Set(styles.map(hash))],
  };
  return html.replace(/<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (tag) => {
    const attrs = attributes(tag);
    if (attrs.get('http-equiv')?.trim().toLowerCase() !== 'content-security-policy') return tag;
    const policy = normaliseCsp(attrs.get('content') ?? '')
      .split('; ')
      .filter(Boolean)
      .map((directive) => {
        const [name, ...sources] = directive.split(' ') as [string, ...string[]];
        const hashes = own[name];
        if (!hashes) return directive;
        return [name, ...sources.filter((s) => !/^'sha(?:256|384|512)-/i.test(s)), ...hashes].join(' ');
      })
      .join('; ');
    return `<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;
  });
}
