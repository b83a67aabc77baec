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
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: Array<{ score: number; data(): Promise<PagefindFragment> }> } | null>;
}

let engine: Promise<{ pagefind: Pagefind; lexicon: Lexicon; sections: number }> | undefined;

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
    return { pagefind, lexicon: loadLexicon(data), sections };
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

const cache = new Map<string, Promise<PageHit[]>>();

async function searchForm(pagefind: Pagefind, form: string): Promise<PageHit[]> {
  let hits = cache.get(form);
  if (!hits) {
    hits = (async () => {
      const response = await pagefind.search(form);
      return Promise.all(
        (response?.results ?? []).map(async (result) => {
          const d = await result.data();
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
    })();
    cache.set(form, hits);
    hits.catch(() => cache.delete(form));
  }
  return hits;
}

/** Runs a reader's query; the plan says what was searched (or why nothing was). */
export async function runSearch(raw: string): Promise<{ plan: QueryPlan; results: RankedResult[] }> {
  const { pagefind, lexicon, sections } = await loadEngine();
  const plan = expandQuery(raw, lexicon);
  if (plan.status !== 'ok') return { plan, results: [] };
  const forms = [...new Set(plan.terms.flatMap((t) => t.forms.map((f) => f.form)))];
  const hits = await Promise.all(forms.map(async (form) => [form, await searchForm(pagefind, form)] as const));
  return { plan, results: mergeResults(plan, new Map(hits), sections) };
}
