/**
 * Merges several Pagefind searches (one per surface form of each query word, see
 * hebrew-search.ts) into one ranked list of sections. Pure and DOM-free: the browser adapter
 * (src/scripts/search/engine.ts) feeds it what Pagefind returned.
 *
 * Ranking, section by section:
 * 1. sections that contain every query word come first (AND, like a reader expects);
 * 2. then by Σ over query words of idf(word) × weight(form) × Pagefind's score in the section,
 *    where weight favours the exact form over expanded ones (1 → 0.5) and idf favours the rarer
 *    words of the query (a word found in every section says little).
 */
import type { QueryPlan } from './hebrew-search.ts';

/** One section of a page as Pagefind reports it for one searched form. */
export interface SectionHit {
  /** The section's URL, `/guide/page/#id`, or the page URL for text before the first heading. */
  readonly url: string;
  readonly title: string;
  /** Pagefind's excerpt: page text with `<mark>` around matches (rendered as text, never HTML). */
  readonly excerpt: string;
  /** Sum of Pagefind's balanced scores of the matches in the section. */
  readonly score: number;
}

/** One page as Pagefind reports it for one searched form. */
export interface PageHit {
  readonly url: string;
  readonly title: string;
  readonly score: number;
  readonly excerpt: string;
  readonly sections: readonly SectionHit[];
}

/** One ranked result: a section (or a page) with the words it matched. */
export interface RankedResult {
  readonly href: string;
  readonly pageUrl: string;
  readonly pageTitle: string;
  /** The section's heading, or null when the match is in the page's opening text. */
  readonly sectionTitle: string | null;
  readonly excerpt: string;
  readonly score: number;
  /** How many distinct query words the section contains. */
  readonly matched: number;
  /** The surface forms found in this section, to mark them on the landing page. */
  readonly forms: readonly string[];
}

interface Acc {
  pageUrl: string;
  pageTitle: string;
  title: string | null;
  best: number[];
  excerpt: string;
  excerptScore: number;
  forms: Set<string>;
}

const pathOf = (url: string) => url.replace(/[#?].*$/, '');

/** Ranks sections for a query plan given each form's Pagefind hits (missing forms = no hits). */
export function mergeResults(
  plan: QueryPlan,
  hitsByForm: ReadonlyMap<string, readonly PageHit[]>,
  totalSections = 0,
  limit = 20,
): RankedResult[] {
  const terms = plan.terms;
  if (plan.status !== 'ok' || terms.length === 0) return [];
  const sections = new Map<string, Acc>();

  terms.forEach((term, i) => {
    for (const form of term.forms) {
      for (const page of hitsByForm.get(form.form) ?? []) {
        const parts = page.sections.length > 0 ? page.sections : [{ url: page.url, title: '', excerpt: page.excerpt, score: page.score }];
        for (const section of parts) {
          if (section.score <= 0) continue;
          let acc = sections.get(section.url);
          if (!acc) {
            acc = {
              pageUrl: pathOf(page.url),
              pageTitle: page.title,
              title: section.url.includes('#') ? section.title : null,
              best: terms.map(() => 0),
              excerpt: section.excerpt,
              excerptScore: -1,
              forms: new Set(),
            };
            sections.set(section.url, acc);
          }
          const value = form.weight * section.score;
          if (value > (acc.best[i] ?? 0)) acc.best[i] = value;
          acc.forms.add(form.form);
          // The excerpt comes from the best-scoring hit of the first (most specific) word found.
          const excerptValue = value * (i === 0 ? 2 : 1);
          if (excerptValue > acc.excerptScore) {
            acc.excerpt = section.excerpt;
            acc.excerptScore = excerptValue;
          }
        }
      }
    }
  });

  const all = [...sections.values()];
  const n = Math.max(totalSections, all.length, 1);
  const idf = terms.map((_, i) => {
    const df = all.filter((a) => (a.best[i] ?? 0) > 0).length;
    return df === 0 ? 0 : Math.log(1 + n / df);
  });

  return [...sections.entries()]
    .map(([url, a]) => ({
      href: url,
      pageUrl: a.pageUrl,
      pageTitle: a.pageTitle,
      sectionTitle: a.title,
      excerpt: a.excerpt,
      score: a.best.reduce((sum, v, i) => sum + v * (idf[i] ?? 0), 0),
      matched: a.best.filter((v) => v > 0).length,
      forms: [...a.forms].sort(),
    }))
    .sort((x, y) => y.matched - x.matched || y.score - x.score || (x.href < y.href ? -1 : 1))
    .slice(0, limit);
}

/** Splits a Pagefind excerpt into text runs and marked runs, decoding entities; never HTML. */
export function excerptRuns(excerpt: string): Array<{ text: string; mark: boolean }> {
  const decode = (s: string) =>
    s
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
  const runs: Array<{ text: string; mark: boolean }> = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(excerpt); m; m = re.exec(excerpt)) {
    if (m.index > last) runs.push({ text: decode(excerpt.slice(last, m.index)), mark: false });
    runs.push({ text: decode(m[1] ?? ''), mark: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) runs.push({ text: decode(excerpt.slice(last)), mark: false });
  return runs.filter((r) => r.text.length > 0);
}
