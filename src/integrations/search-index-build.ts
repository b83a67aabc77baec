import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { stems } from '../lib/hebrew-morphology.ts';
import { pagePath } from '../lib/page-path.ts';
import { withStems } from '../lib/search-stems.ts';
import { htmlFiles } from './dist-files.ts';
import { foldFinals, words } from '../lib/hebrew-words.ts';
import { docFromFragment, type IndexedDoc } from '../lib/search-doc.ts';
import { chunkForms, countForms, LEXICON_VERSION, type LexiconRoot } from '../lib/search-lexicon.ts';
import type { SearchRecord } from '../lib/search-records.ts';
import { parseVocabulary, vocabularyProblems, type VocabularyData } from '../lib/search-vocabulary.ts';

/**
 * Build-side helpers of the search-index step (pagefind.ts): what goes into Pagefind besides the
 * HTML pages, reading back exactly what Pagefind indexed, indexing it again with stems
 * (src/lib/search-stems.ts), and writing the lexicon files. Shared with `npm run bench:scale`.
 */

/** What src/pages/search/records.json.ts wrote: custom records and the editors' vocabulary. */
export interface SearchInput {
  readonly records: readonly SearchRecord[];
  readonly vocabulary: VocabularyData;
}

const INPUT = 'search/records.json';

/** Reads the search input the site's build wrote into dist/, and removes the file. */
export function takeSearchInput(site: string): SearchInput {
  const file = join(site, INPUT);
  if (!existsSync(file)) throw new Error(`dist/${INPUT} is missing: src/pages/search/records.json.ts did not run`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { records?: SearchRecord[]; vocabulary?: unknown };
  rmSync(file);
  return { records: data.records ?? [], vocabulary: parseVocabulary(data.vocabulary) };
}

/**
 * A record's final address: with its `#anchor` when the built page has an element with that id,
 * without it otherwise (a link must never point at an id that is not there).
 */
export function recordUrl(site: string, record: SearchRecord): string {
  if (!record.anchor) return record.url;
  const page = join(site, record.url.replace(/#.*$/, ''), 'index.html');
  const html = existsSync(page) ? readFileSync(page, 'utf8') : '';
  return html.includes(`id="${record.anchor}"`) ? `${record.url.replace(/#.*$/, '')}#${record.anchor}` : record.url;
}

const SIGNATURE = 'pagefind_dcd';

/**
 * The documents Pagefind indexed, read back from its fragment files (gzip + a signature + JSON,
 * the shape its `data()` returns). A fragment file holds one document, or, on large sites, a
 * group of them keyed by page hash.
 */
export function indexedDocs(files: ReadonlyArray<{ path: string; content: Uint8Array }>): IndexedDoc[] {
  const docs: IndexedDoc[] = [];
  for (const file of files) {
    if (!/(^|\/)fragment\/[^/]+\.pf_fragment$/.test(file.path)) continue;
    let bytes = Buffer.from(file.content);
    if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) bytes = gunzipSync(bytes);
    if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
      throw new Error(`Pagefind's fragment ${file.path} has an unknown format (no "${SIGNATURE}" signature): the lexicon cannot be built`);
    }
    const data: unknown = JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8'));
    const one = docFromFragment(data);
    const group = one ? [one] : Object.values(data as Record<string, unknown>).map(docFromFragment);
    for (const doc of group) {
      if (!doc) throw new Error(`Pagefind's fragment ${file.path} has an unknown format: the lexicon cannot be built`);
      docs.push(doc);
    }
  }
  return docs.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.title < b.title ? -1 : 1));
}

/** Whether some indexed document holds the phrase (each word with or without particles, in a row). */
export function phraseFinder(docs: readonly IndexedDoc[]): (phrase: readonly string[]) => boolean {
  const texts = docs.map((d) => words(d.content).map((w) => new Set(stems(w).map(foldFinals))));
  return (phrase) => {
    const want = phrase.map(foldFinals);
    return texts.some((ws) => ws.some((_, i) => want.every((w, k) => ws[i + k]?.has(w) ?? false)));
  };
}

/** Writes /search/lexicon.json and its chunks. */
export function writeLexicon(site: string, docs: readonly IndexedDoc[], vocabulary: VocabularyData): { forms: number; chunks: number; bytes: number } {
  const { forms, pages, sections } = countForms(docs);
  const dir = join(site, 'search', 'lexicon');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const chunks = chunkForms(forms).map(({ from, to, chunk }) => {
    const text = JSON.stringify(chunk);
    const file = `lexicon/${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
    writeFileSync(join(site, 'search', file), text);
    bytes += Buffer.byteLength(text);
    return { from, to, file };
  });
  const entry = join(site, 'pagefind', 'pagefind-entry.json');
  const tag = existsSync(entry) ? createHash('sha256').update(readFileSync(entry)).digest('hex').slice(0, 12) : '';
  const root: LexiconRoot = { v: LEXICON_VERSION, pages, sections, chunks, vocabulary, tag };
  const text = JSON.stringify(root);
  writeFileSync(join(site, 'search', 'lexicon.json'), text);
  return { forms: forms.size, chunks: chunks.length, bytes: bytes + Buffer.byteLength(text) };
}

/** The text nodes of an HTML page with stems added to their Hebrew words (scripts and styles untouched). */
export function htmlWithStems(html: string, known: (word: string) => boolean): string {
  let raw = false;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<(\/?)(script|style)\b/i.exec(part);
        if (tag) raw = !tag[1];
        return part;
      }
      return raw ? part : withStems(part, known);
    })
    .join('');
}

export interface SearchIndexOptions {
  /** The built site (dist/). */
  readonly site: string;
  readonly records: readonly SearchRecord[];
  readonly vocabulary: VocabularyData;
  /**
   * Stop on a vocabulary entry whose guide words no page has (the build), or leave such entries
   * out (the scale bench, whose synthetic pages have only some of the guide's words).
   */
  readonly strictVocabulary?: boolean;
}

/** How each pass hands Pagefind the text: as it is, or with stems. */
interface Transform {
  readonly html: (html: string) => string;
  readonly text: (text: string) => string;
}
const asIs: Transform = { html: (h) => h, text: (t) => t };

async function addAll(index: PagefindIndex, site: string, pages: ReadonlyArray<{ file: string; html: string }>, records: readonly SearchRecord[], transform: Transform) {
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: pagePath(page.file), content: transform.html(page.html) });
    if (added.errors.length) throw new Error(`Pagefind could not index ${page.file}: ${added.errors.join('; ')}`);
  }
  for (const record of records) {
    const { errors } = await index.addCustomRecord({
      url: record.key,
      content: transform.text(record.content),
      language: 'he',
      // Pagefind reads meta.url as the address results lead to.
      meta: { title: record.title, url: recordUrl(site, record), ...(record.part ? { part: record.part } : {}) },
    });
    if (errors.length) throw new Error(`Pagefind could not index "${record.title}": ${errors.join('; ')}`);
  }
}

/**
 * Indexes the site for search, in two passes with Pagefind's Node API:
 * 1. the pages (only those with `data-pagefind-body`) and the custom records as they are; what
 *    Pagefind makes of them is read back (indexedDocs) and becomes the lexicon;
 * 2. the same again with stems inside the Hebrew words (only stems the lexicon has as words), which
 *    is the index written to dist/pagefind/ and searched in the browser.
 * Then the vocabulary is checked against the pages and the lexicon is written.
 */
export async function buildSearchIndex({ site, records, vocabulary, strictVocabulary = true }: SearchIndexOptions) {
  const pages = htmlFiles(site)
    .map((file) => ({ file, html: readFileSync(join(site, file), 'utf8') }))
    .filter((p) => p.html.includes('data-pagefind-body'));
  try {
    const first = await createIndex({ forceLanguage: 'he' });
    if (!first.index) throw new Error(`Pagefind could not start: ${first.errors.join('; ')}`);
    await addAll(first.index, site, pages, records, asIs);
    const { files, errors } = await first.index.getFiles();
    if (errors.length) throw new Error(`Pagefind could not list its files: ${errors.join('; ')}`);
    const docs = indexedDocs(files);
    await first.index.deleteIndex();

    const onSite = phraseFinder(docs);
    const usable = strictVocabulary ? vocabulary : vocabulary.filter((g) => g.guide.every((p) => onSite(words(p))));
    const problems = vocabularyProblems(usable, onSite);
    if (problems.length) throw new Error(`content/search/vocabulary.yaml:\n- ${problems.join('\n- ')}`);

    const { forms } = countForms(docs);
    const known = (w: string) => forms.has(w);
    const second = await createIndex({ forceLanguage: 'he' });
    if (!second.index) throw new Error(`Pagefind could not start: ${second.errors.join('; ')}`);
    await addAll(second.index, site, pages, records, { html: (h) => htmlWithStems(h, known), text: (t) => withStems(t, known) });
    const written = await second.index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    const lexicon = writeLexicon(site, docs, usable);
    preloadOnSearchPage(site);
    return { pages: pages.length, records: records.length, docs: docs.length, vocabulary: usable.length, lexicon };
  } finally {
    await close();
  }
}

/** The static imports of a built module and of the modules it imports, as /_astro/ paths. */
function moduleGraph(site: string, src: string, seen = new Set<string>()): Set<string> {
  if (seen.has(src) || !/^\/_astro\/[\w.-]+\.js$/.test(src) || !existsSync(join(site, src))) return seen;
  seen.add(src);
  const code = readFileSync(join(site, src), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[\w.-]+\.js)["']/g)) {
    moduleGraph(site, `/_astro/${m[1]!.slice(2)}`, seen);
  }
  return seen;
}

/**
 * The search page searches as soon as it opens, but its script reaches Pagefind only after the
 * script's own imports have loaded one level at a time, and Pagefind then fetches its entry file,
 * metadata and WebAssembly one after another. The page asks for all of them at once instead:
 * the script's imports (modulepreload), Pagefind's files by their exact names, known only now
 * that Pagefind has written them (the entry at the address its metaCacheTag gives, see
 * LexiconRoot.tag), and, on a small site, the lexicon's chunks, which any query needs. Only
 * <link> tags are added: no script or style, so the page's Content-Security-Policy is unchanged.
 */
export function preloadOnSearchPage(site: string): void {
  const page = join(site, 'search', 'index.html');
  const entryFile = join(site, 'pagefind', 'pagefind-entry.json');
  if (!existsSync(page) || !existsSync(entryFile)) return;
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages?: Record<string, { hash?: string; wasm?: string | null }> };
  const language = entry.languages?.['he'];
  const root = JSON.parse(readFileSync(join(site, 'search', 'lexicon.json'), 'utf8')) as { chunks?: Array<{ file: string }>; tag?: string };
  const html = readFileSync(page, 'utf8');
  const scripts = [...html.matchAll(/<script type="module" src="(\/_astro\/[\w.-]+\.js)"/g)].map((m) => m[1]!);
  const modules = new Set<string>();
  for (const src of scripts) for (const dep of moduleGraph(site, src)) if (!scripts.includes(dep)) modules.add(dep);
  const files = [
    ...(root.tag ? [`/pagefind/pagefind-entry.json?ts=${root.tag}`] : []),
    ...(language?.hash ? [`/pagefind/pagefind.${language.hash}.pf_meta`, `/pagefind/wasm.${language.wasm ?? 'unknown'}.pagefind`] : []),
    ...((root.chunks ?? []).length <= 2 ? (root.chunks ?? []).map((c) => `/search/${c.file}`) : []),
  ].filter((href) => existsSync(join(site, href.replace(/\?.*$/, ''))));
  const links = [
    ...[...modules].sort().map((href) => `<link rel="modulepreload" href="${href}">`),
    ...files.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous">`),
  ].join('');
  if (!html.includes('</head>')) throw new Error('dist/search/index.html has no </head> to add preloads to');
  writeFileSync(page, html.replace('</head>', `${links}</head>`));
}
