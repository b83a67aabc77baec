/**
 * The browser side of search: loads Pagefind and the guide's lexicon on first use, expands the
 * query into the site's real Hebrew word forms (src/lib/hebrew-search.ts), runs one Pagefind
 * search per form and ranks the sections (src/lib/search-merge.ts).
 */
import { expandQuery, loadLexicon, type Lexicon, type QueryPlan } from '../../lib/hebrew-search.ts';
import { mergeResults, type PageHit, type RankedResult } from '../../lib/search-merge.ts';

interface PagefindLocation {
  balanced_score: number;
}
interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: Array<{ url: string; title: string; excerpt: string; weighted_locations: PagefindLocation[] }>;
}
/** The part of Pagefind's JavaScript API that search uses. */
export interface PagefindApi {
  search(term: string): Promise<{ results: Array<{ score: number; data(): Promise<PagefindFragment> }> } | null>;
}
interface Pagefind extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

/**
 * Runs tasks one at a time, in the order they were asked for.
 *
 * Pagefind keeps ONE fragment object per page and, on every `data()` call, overwrites its
 * `sub_results`, `excerpt` and `weighted_locations` with the locations of the search that made the
 * call. Two searches in flight at once therefore read each other's sections: a page's sections got
 * credit for another form's words, and results changed from one reload to the next. Each search,
 * together with the `data()` calls of its results and the copying of what they return, runs alone.
 */
function serial() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}

/** A searcher over one Pagefind instance and lexicon; caches each form's hits. */
export function createSearcher(pagefind: PagefindApi, lexicon: Lexicon, sections: number) {
  const exclusive = serial();
  const cache = new Map<string, Promise<PageHit[]>>();

  const searchForm = (form: string): Promise<PageHit[]> => {
    let hits = cache.get(form);
    if (!hits) {
      hits = exclusive(async () => {
        const response = await pagefind.search(form);
        return Promise.all(
          (response?.results ?? []).map(async (result) => {
            const d = await result.data();
            // Copied at once, before any other search can touch the shared fragment object.
            return {
              url: d.url,
              title: d.meta.title ?? '',
              score: result.score,
              excerpt: d.excerpt,
              sections: d.sub_results.map((s) => ({
                url: s.url,
                title: s.title,
                excerpt: s.excerpt,
                score: s.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0),
              })),
            };
          }),
        );
      });
      cache.set(form, hits);
      hits.catch(() => cache.delete(form));
    }
    return hits;
  };

  /** Runs a reader's query; the plan says what was searched (or why nothing was). */
  return async (raw: string): Promise<{ plan: QueryPlan; results: RankedResult[] }> => {
    const plan = expandQuery(raw, lexicon);
    if (plan.status !== 'ok') return { plan, results: [] };
    const forms = [...new Set(plan.terms.flatMap((t) => t.forms.map((f) => f.form)))];
    const hits = await Promise.all(forms.map(async (form) => [form, await searchForm(form)] as const));
    return { plan, results: mergeResults(plan, new Map(hits), sections) };
  };
}

let engine: Promise<ReturnType<typeof createSearcher>> | undefined;

/** Loads Pagefind's WebAssembly index and the lexicon, once. */
export function loadEngine() {
  engine ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const [pagefind, data] = await Promise.all([
      import(/* @vite-ignore */ bundle) as Promise<Pagefind>,
      fetch('/search/lexicon.json').then((r) => r.json() as Promise<unknown>),
    ]);
    // noWorker: Pagefind's worker mixes up answers to concurrent searches (typing fast showed the
    // results for ע under עובדים); on the main thread our small index answers in a few ms anyway.
    await pagefind.options({ excerptLength: 24, noWorker: true });
    await pagefind.init();
    const sections = typeof data === 'object' && data && 'sections' in data ? Number(data.sections) || 0 : 0;
    return createSearcher(pagefind, loadLexicon(data), sections);
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Runs a reader's query; the plan says what was searched (or why nothing was). */
export async function runSearch(raw: string): Promise<{ plan: QueryPlan; results: RankedResult[] }> {
  const search = await loadEngine();
  return search(raw);
}
