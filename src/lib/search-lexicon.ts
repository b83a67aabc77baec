/**
 * The lexicon: every word form the search index holds, with the number of sections it occurs in,
 * built at build time from exactly what Pagefind indexed (search-doc.ts) and fetched by the
 * browser in chunks, as Pagefind's own index is, so a query downloads only the part of the
 * vocabulary its words can reach. Pure: the build writes the files, the browser fetches them.
 *
 * Layout: a small root (`/search/lexicon.json`: totals, the chunk ranges, the editors'
 * vocabulary) and chunks (`/search/lexicon/<hash>.json`). Each form is filed under its keys
 * (hebrew-morphology.ts `keysOf`: the spelling skeleton of each stem) and the chunks split the
 * sorted keys into ranges; a query word asks for the key range its stems can reach.
 */
import { keysOf } from './hebrew-morphology.ts';
import { docSections, tokens, tokenWords, type IndexedDoc } from './search-doc.ts';
import { parseVocabulary, type VocabularyData } from './search-vocabulary.ts';

export const LEXICON_VERSION = 2;
/** Longest word kept in the lexicon (longer tokens are URLs, hashes, noise). */
export const MAX_FORM_LENGTH = 64;
/** Safety cap on what one browser session loads. */
export const MAX_LEXICON_FORMS = 200_000;
/** Target size of one chunk file before compression. */
export const CHUNK_BYTES = 16 * 1024;

/** A word form and the number of sections that contain it. */
export type LexiconEntry = readonly [form: string, sections: number];

/** One chunk file. */
export interface LexiconChunk {
  readonly v: typeof LEXICON_VERSION;
  readonly entries: readonly LexiconEntry[];
}

/** Where a chunk is, and the keys it covers (both ends included). */
export interface LexiconChunkRef {
  readonly from: string;
  readonly to: string;
  /** Path relative to the root file's folder, e.g. `lexicon/3f2a9c1b.json`. */
  readonly file: string;
}

/** The root file. */
export interface LexiconRoot {
  readonly v: typeof LEXICON_VERSION;
  /** Documents (pages and records) in the index. */
  readonly pages: number;
  /** Sections in the index (the unit results link to). */
  readonly sections: number;
  readonly chunks: readonly LexiconChunkRef[];
  readonly vocabulary: VocabularyData;
  /**
   * Names this build of Pagefind's index, so that its entry file has an address the search page
   * can preload (`pagefind-entry.json?ts=<tag>`, Pagefind's metaCacheTag). Empty when unknown.
   */
  readonly tag: string;
}

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

/** Counts, for every word of the indexed documents, the sections it occurs in. */
export function countForms(docs: Iterable<IndexedDoc>): { forms: Map<string, number>; pages: number; sections: number } {
  const forms = new Map<string, number>();
  let pages = 0;
  let sections = 0;
  for (const doc of docs) {
    pages++;
    const toks = tokens(doc.content);
    for (const section of docSections(doc)) {
      sections++;
      const seen = new Set<string>();
      for (let i = section.start; i < section.end; i++) {
        for (const w of tokenWords(toks[i] ?? '')) if (w.length <= MAX_FORM_LENGTH) seen.add(w);
      }
      for (const w of seen) forms.set(w, (forms.get(w) ?? 0) + 1);
    }
  }
  return { forms, pages, sections };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Splits the forms into chunks of about `targetBytes`, in key order. A form is filed under each
 * of its keys, so it may sit in more than one chunk.
 */
export function chunkForms(
  forms: ReadonlyMap<string, number>,
  targetBytes = CHUNK_BYTES,
): Array<{ from: string; to: string; chunk: LexiconChunk }> {
  const filed: Array<[key: string, form: string]> = [];
  for (const form of forms.keys()) for (const key of keysOf(form)) filed.push([key, form]);
  filed.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  const out: Array<{ from: string; to: string; chunk: LexiconChunk }> = [];
  let entries: LexiconEntry[] = [];
  let inChunk = new Set<string>();
  let from = '';
  let to = '';
  let bytes = 0;
  const flush = () => {
    if (entries.length) out.push({ from, to, chunk: { v: LEXICON_VERSION, entries } });
    entries = [];
    inChunk = new Set();
    bytes = 0;
  };
  for (const [key, form] of filed) {
    if (bytes >= targetBytes && key !== to) flush();
    if (entries.length === 0) from = key;
    to = key;
    if (inChunk.has(form)) continue;
    inChunk.add(form);
    entries.push([form, forms.get(form) ?? 0]);
    bytes += new TextEncoder().encode(form).length + 8;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

/** Letters and digits only (no marks, invisibles, quotes or spaces), lower case, NFC: what normalizeText leaves of one word. */
const WORD_RE = /^[\p{L}\p{N}]+$/u;
const isNormalWord = (w: string) => WORD_RE.test(w) && w.toLowerCase() === w && w.normalize('NFC') === w;

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

/** The root file, checked; null when it is not a lexicon this code understands. */
export function parseRoot(data: unknown): LexiconRoot | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d['v'] !== LEXICON_VERSION || !Array.isArray(d['chunks'])) return null;
  const chunks = d['chunks'].flatMap((c): LexiconChunkRef[] => {
    if (typeof c !== 'object' || c === null) return [];
    const r = c as Record<string, unknown>;
    const file = r['file'];
    if (typeof r['from'] !== 'string' || typeof r['to'] !== 'string' || typeof file !== 'string') return [];
    // Only a plain file name under lexicon/: a root can never send the browser elsewhere.
    if (!/^lexicon\/[\w-]+\.json$/.test(file)) return [];
    return [{ from: r['from'], to: r['to'], file }];
  });
  const tag = typeof d['tag'] === 'string' && /^[\w-]{1,64}$/.test(d['tag']) ? d['tag'] : '';
  return { v: LEXICON_VERSION, pages: count(d['pages']), sections: count(d['sections']), chunks, vocabulary: parseVocabulary(d['vocabulary']), tag };
}

/** The chunk files that hold every key in the given ranges (both ends included). */
export function chunksFor(root: LexiconRoot, ranges: Iterable<readonly [string, string]>): string[] {
  const out = new Set<string>();
  for (const [lo, hi] of ranges) for (const c of root.chunks) if (c.from <= hi && c.to >= lo) out.add(c.file);
  return [...out].sort();
}

/** The part of the lexicon loaded so far, with lookups by key. */
export interface Lexicon {
  /** Adds a fetched chunk (checked: anything that is not a normalised word is ignored). */
  add(data: unknown): void;
  /** Sections containing the form; 0 when it is not on the site (or its chunk is not loaded). */
  count(form: string): number;
  /** Forms filed under keys that start with `prefix`. */
  withKeyPrefix(prefix: string): string[];
  /** Every loaded form (for suggestions). */
  forms(): IterableIterator<[string, number]>;
}

export function createLexicon(): Lexicon {
  const forms = new Map<string, number>();
  const byKey = new Map<string, string[]>();
  let keys: string[] | null = null;
  return {
    add(data) {
      if (typeof data !== 'object' || data === null || (data as { v?: unknown }).v !== LEXICON_VERSION) return;
      const entries = (data as { entries?: unknown }).entries;
      if (!Array.isArray(entries)) return;
      for (const e of entries) {
        if (forms.size >= MAX_LEXICON_FORMS) break;
        if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
        const form = e[0];
        if (form === '' || form.length > MAX_FORM_LENGTH || forms.has(form) || !isNormalWord(form)) continue;
        forms.set(form, count(e[1]));
        for (const key of keysOf(form)) {
          const list = byKey.get(key);
          if (list) list.push(form);
          else byKey.set(key, [form]);
        }
        keys = null;
      }
    },
    count: (form) => forms.get(form) ?? 0,
    withKeyPrefix(prefix) {
      keys ??= [...byKey.keys()].sort(cmp);
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      const out: string[] = [];
      for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(...byKey.get(keys[i]!)!);
      return [...new Set(out)];
    },
    forms: () => forms.entries(),
  };
}
