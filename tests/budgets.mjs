// The JavaScript budget, and how its bytes are counted, shared by `npm run bench` (which measures
// what a phone fetches in a browser) and `npm run test:dist` (which reads the same bytes off dist/,
// so `npm test` fails when a change goes over, without waiting for someone to run the bench).

import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const KB = 1024;

/** JavaScript before interaction, brotli, inline included: reading pages, and the interactive ones. */
export const JS_BEFORE_INTERACTION = {
  defaultBytes: 3 * KB,
  byPath: { '/checklist/': 8 * KB, '/talk/': 8 * KB, '/talk/presenter/': 8 * KB },
};
export const jsBudgetFor = (path) => JS_BEFORE_INTERACTION.byPath[path] ?? JS_BEFORE_INTERACTION.defaultBytes;

/**
 * Pages the budget does not bind: each exists for one control whose code it loads at once (the
 * guide's contents and /offline/: saving the guide for offline reading; /search/: the search
 * engine; the trainers' pages: copy buttons and codes drawn for the serving address). Their
 * figures are reported. Every other page, reading pages included, is held to its budget.
 */
const UNBUDGETED = new Set(['/guide/', '/offline/', '/search/', '/trainers/', '/trainers/handout/']);
export const hasJsBudget = (path) => !UNBUDGETED.has(path);

/** Brotli size at quality 11 (the maximum, as a host pre-compressing static files would use). */
export function brotliSize(buf) {
  if (buf.length === 0) return 0;
  return brotliCompressSync(buf, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

const isExecutableScriptType = (type) =>
  type === undefined || /^(module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i.test(type.trim());

/**
 * The contents of the inline (no src) executable <script> elements of an HTML document.
 * A regex is enough for Astro's output: a script's text cannot contain `</script` anyway.
 */
export function inlineScripts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue; // external: counted from its response
    const type = attrs.match(/\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    const typeValue = type ? (type[1] ?? type[2] ?? type[3]) : undefined;
    if (!isExecutableScriptType(typeValue)) continue;
    if (m[2].trim()) scripts.push({ type: typeValue ?? 'classic', text: m[2] });
  }
  return scripts;
}

/** The inline scripts as they travel inside the HTML: concatenated, compressed together. */
export const inlineScriptBytes = (html) => brotliSize(Buffer.from(inlineScripts(html).map((s) => s.text).join('\n'), 'utf8'));
