/**
 * The browser side of search: loads Pagefind and the lexicon's root on first use, then for each
 * query fetches the lexicon chunks its words can reach, plans the query (src/lib/search-query.ts),
 * asks Pagefind for each form, loads the best pages' text and ranks their sections
 * (src/lib/search-merge.ts). Every fetch has a time limit; a failure is a SearchLoadError, which
 * the UI offers to retry.
 */
import { stems } from '../../lib/hebrew-morphology.ts';
import { chunksFor, createLexicon, parseRoot, type LexiconRoot } from '../../lib/search-lexicon.ts';
import { docFromFragment, type IndexedDoc } from '../../lib/search-doc.ts';
import { EXCERPT_WORDS, rankPages, rankSections, type FormHit, type SearchResult } from '../../lib/search-merge.ts';
import { lexiconRanges, parseQuery, planForms, planQuery, type QueryPlan } from '../../lib/search-query.ts';
import { suggestQuery } from '../../lib/search-suggest.ts';

/** The part of a Pagefind instance that search uses. */
export interface PagefindApi {
  search(term: string): Promise<{ results: ReadonlyArray<{ id: string; score: number; words: readonly number[]; data(): Promise<unknown> }> } | null>;
}

/** A search could not load what it needs (network failure, time limit, or files that disagree): worth a retry. */
export class SearchLoadError extends Error {
  override name = 'SearchLoadError';
}

/** Time limits, in ms: loading Pagefind's code, one file, one Pagefind operation. */
export const TIME_LIMITS = { bundle: 20_000, file: 15_000, operation: 15_000 } as const;

/**
 * Rejects with a SearchLoadError when `work` takes longer than `ms`, or fails: what it waits for
 * (Pagefind's files, the lexicon) fails only when they do not arrive whole.
 */
export function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work.catch((error: unknown) => {
      throw error instanceof SearchLoadError ? error : new SearchLoadError(`${what}: ${String(error)}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SearchLoadError(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Fetches JSON with a time limit; any failure is a SearchLoadError. */
export async function fetchJson(url: string, ms: number = TIME_LIMITS.file): Promise<unknown> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok) throw new SearchLoadError(`${url}: HTTP ${response.status}`);
    return (await response.json()) as unknown;
  } catch (error) {
    throw error instanceof SearchLoadError ? error : new SearchLoadError(`${url}: ${String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

export interface SearchOutcome {
  readonly plan: QueryPlan;
  readonly results: readonly SearchResult[];
  /** A corrected query when nothing was found and a close site word exists. */
  readonly suggestion: string | null;
}

export interface SearcherDeps {
  readonly pagefind: PagefindApi;
  readonly root: LexiconRoot;
  /** Fetches a lexicon chunk by its path relative to /search/. */
  readonly fetchChunk: (file: string) => Promise<unknown>;
  readonly timeLimit?: number;
}

/**
 * A searcher over one Pagefind instance and lexicon; caches chunks, each form's hits and each
 * page's text.
 *
 * Why results cannot mix (issue 10): Pagefind keeps ONE fragment object per page and, on every
 * `data()` call, overwrites its `sub_results`, `excerpt` and `weighted_locations` with the
 * locations of the search that made the call. Reading sections from `data()` while searches for
 * several forms were in flight credited a page's sections with another form's words. Here no
 * result of `data()` that depends on the search is ever read: `data()` is called once per page
 * (cached), only its fixed parts are copied (text, headings, title), and which words sit where
 * comes from each search's own answer (`words`), never from the shared object.
 */
export function createSearcher({ pagefind, root, fetchChunk, timeLimit = TIME_LIMITS.operation }: SearcherDeps) {
  const lexicon = createLexicon();
  const chunks = new Map<string, Promise<void>>();
  const forms = new Map<string, Promise<FormHit[]>>();
  const pageData = new Map<string, () => Promise<unknown>>();
  const docs = new Map<string, Promise<IndexedDoc | null>>();
  const stats = { sections: root.sections, count: (form: string) => lexicon.count(form) };

  const cached = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    let value = cache.get(key);
    if (!value) {
      value = load();
      cache.set(key, value);
      value.catch(() => cache.delete(key));
    }
    return value;
  };

  const loadChunk = (file: string) => cached(chunks, file, async () => lexicon.add(await fetchChunk(file)));

  const searchForm = (form: string) =>
    cached(forms, form, async () => {
      const response = await withTimeLimit(pagefind.search(form), timeLimit, `Pagefind search for "${form}"`);
      return (response?.results ?? []).map((r) => {
        if (!pageData.has(r.id)) pageData.set(r.id, () => r.data());
        return { page: r.id, score: r.score, locations: [...r.words] };
      });
    });

  const loadDoc = (id: string) =>
    cached(docs, id, async () => {
      const data = pageData.get(id);
      return data ? docFromFragment(await withTimeLimit(data(), timeLimit, `Pagefind page ${id}`)) : null;
    });

  /** Runs a reader's query. */
  return async (raw: string): Promise<SearchOutcome> => {
    const parsed = parseQuery(raw);
    if (parsed.status !== 'ok') return { plan: { ...parsed, terms: [] }, results: [], suggestion: null };
    await Promise.all(chunksFor(root, lexiconRanges(parsed, root.vocabulary)).map(loadChunk));
    const plan = planQuery(parsed, lexicon, root.vocabulary);
    // One Pagefind search per stem, not per form: the index carries each word's stems
    // (src/lib/search-stems.ts), so `עובדים` finds `והעובדים` and `לעובדים` too; each form is then
    // checked against the page's own words (search-merge.ts).
    const keyOf = (form: string) => stems(form).filter((s, i) => i > 0 && lexicon.count(s) > 0).at(-1) ?? form;
    const searched = planForms(plan);
    const keys = [...new Set(searched.map(keyOf))];
    const byKey = new Map(await Promise.all(keys.map(async (key) => [key, await searchForm(key)] as const)));
    const hits = new Map(searched.map((form) => [form, byKey.get(keyOf(form)) ?? []] as const));
    // The lexicon is made from the index: a word it has that Pagefind did not find means part of
    // the index failed to load (Pagefind skips an index file it could not fetch without a word).
    const missing = keys.filter((key) => lexicon.count(key) > 0 && (byKey.get(key)?.length ?? 0) === 0);
    if (missing.length) {
      for (const key of missing) forms.delete(key);
      throw new SearchLoadError(`Pagefind found nothing for ${missing.join(', ')}, which the index has`);
    }
    const pages = rankPages(plan, hits, stats);
    const loaded = await Promise.all(pages.map(async (id) => [id, await loadDoc(id)] as const));
    const byPage = new Map(loaded.filter((entry): entry is readonly [string, IndexedDoc] => entry[1] !== null));
    const results = rankSections(plan, byPage, hits, stats);
    return { plan, results, suggestion: results.length ? null : suggestQuery(plan, lexicon) };
  };
}

export type Searcher = ReturnType<typeof createSearcher>;

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi & { init(): Promise<void> };
}

let engine: Promise<Searcher> | undefined;
let module: Promise<PagefindModule> | undefined;
let attempts = 0;

/**
 * Loads Pagefind's code and the lexicon's root, once; after a failure the next call starts again
 * with a fresh Pagefind instance (and, if the code itself failed to load, a fresh import).
 */
export function loadEngine(): Promise<Searcher> {
  engine ??= (async () => {
    const attempt = attempts++;
    // A failed import is not retried by the browser under the same address: a retry asks anew.
    const bundle = attempt === 0 ? '/pagefind/pagefind.js' : `/pagefind/pagefind.js?attempt=${attempt}`;
    module ??= withTimeLimit(
      import(/* @vite-ignore */ bundle) as Promise<PagefindModule>,
      TIME_LIMITS.bundle,
      'Pagefind',
    ).catch((error: unknown) => {
      module = undefined;
      throw error instanceof SearchLoadError ? error : new SearchLoadError(`Pagefind: ${String(error)}`);
    });
    const [pagefindModule, rootData] = await Promise.all([module, fetchJson('/search/lexicon.json')]);
    const root = parseRoot(rootData);
    if (!root) throw new SearchLoadError('/search/lexicon.json is not a lexicon this page understands');
    // noWorker: Pagefind's worker mixed up answers to concurrent searches; on the main thread each
    // search answers for itself.
    const pagefind = pagefindModule.createInstance({
      basePath: '/pagefind/',
      noWorker: true,
      // Its own excerpts are not shown (the site cuts its own from the section's text), but keep
      // them no longer than ours.
      excerptLength: EXCERPT_WORDS,
      // The entry file's address names this build, so the search page could ask for it early.
      ...(root.tag ? { metaCacheTag: root.tag } : {}),
    });
    await withTimeLimit(pagefind.init(), TIME_LIMITS.operation, 'Pagefind start');
    return createSearcher({ pagefind, root, fetchChunk: (file) => fetchJson(`/search/${file}`) });
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Runs a reader's query. */
export async function runSearch(raw: string): Promise<SearchOutcome> {
  return (await loadEngine())(raw);
}
