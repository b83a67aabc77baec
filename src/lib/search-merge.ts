/**
 * Ranking: from Pagefind's answers for each searched form to a list of sections. Pure and
 * DOM-free; src/scripts/search/engine.ts feeds it what Pagefind returned.
 *
 * Two passes, so that search stays cheap as the site grows:
 * 1. `rankPages`, before any page text is loaded: Pagefind's results for each form (page, score,
 *    word positions) say which pages hold which terms; the best pages are chosen.
 * 2. `rankSections`, with those pages' text: every word position is checked against the page's
 *    own words (Pagefind also matches longer words that merely start with the form: `פנימי` in
 *    `פנימיים`), placed in its section (search-doc.ts), and the sections are ranked:
 *      - first by how many of the query's meaningful words the section holds (a vocabulary term
 *        counts for as many words as the reader typed for it);
 *      - then by Σ over terms of credit × (1 + idf) × (1 + 0.3·ln tf), where credit is the weight
 *        of the best form found (exact 1 … completion 0.5, see search-query.ts) and idf favours
 *        words found in few sections over words found everywhere; plus a bonus when two words
 *        typed side by side stand side by side in the section, and when a word is in the heading;
 *      - the guide comes before the checklist, the talk and the source article's wording, which
 *        retell it (a prior of 1, 0.8, 0.7, 0.6); the article's wording is listed only where the
 *        guide's own section is not;
 *      - ties by address, so the same query always gives the same order.
 */
import { foldFinals, markRanges } from './hebrew-words.ts';
import { docSections, sectionAt, tokens, tokenWords, type IndexedDoc } from './search-doc.ts';
import type { QueryPlan, QueryTerm } from './search-query.ts';

/** One page's hits for one searched form, as Pagefind reports them. */
export interface FormHit {
  /** Pagefind's page id. */
  readonly page: string;
  readonly score: number;
  /** Word positions in the page's content. */
  readonly locations: readonly number[];
}

export type HitsByForm = ReadonlyMap<string, readonly FormHit[]>;

/** What ranking needs to know about the whole index. */
export interface IndexStats {
  /** Sections in the index. */
  readonly sections: number;
  /** Sections that contain a form. */
  count(form: string): number;
}

/** The part of the site a result is in; `article` is the source article's wording, leading to the guide. */
export type SitePart = 'guide' | 'checklist' | 'talk' | 'article' | 'other';

export interface SearchResult {
  /** Where the result leads: the section (`/guide/page/#id`) or the record. */
  readonly href: string;
  readonly part: SitePart;
  /** The section's heading, or the page's title for its opening text. */
  readonly title: string;
  /** The page's title when `title` is a section's heading; null otherwise. */
  readonly pageTitle: string | null;
  /** A stretch of the section's own text, and the ranges in it to mark. */
  readonly excerpt: { readonly text: string; readonly marks: ReadonlyArray<readonly [number, number]> };
  /** The words found in the section, as the page writes them (normalised), to mark on arrival. */
  readonly forms: readonly string[];
  /** Guide words through which vocabulary terms were found (empty when found by the reader's own words). */
  readonly via: readonly string[];
  /** How many of the query's meaningful words the section holds. */
  readonly coverage: number;
  readonly score: number;
}

/**
 * How many of the best matching records (guide pages, the article's parts, checklist and talk
 * records) have their text loaded before sections are ranked. More than RESULT_LIMIT: a common
 * word (`למיקור`) matches a few dozen short records, and at 12 the checklist's and the talk's
 * records crowded out the article parts that lead to whole guide sections.
 */
export const PAGES_TO_LOAD = 24;
export const RESULT_LIMIT = 20;
export const EXCERPT_WORDS = 24;

const PART_PRIOR: Readonly<Record<SitePart, number>> = { guide: 1, checklist: 0.8, talk: 0.7, article: 0.6, other: 0.7 };

export function sitePart(url: string): SitePart {
  return url.startsWith('/guide/') ? 'guide' : url.startsWith('/checklist/') ? 'checklist' : url.startsWith('/talk/') ? 'talk' : 'other';
}

/** idf of each term over sections: the forms' section counts, summed and capped. */
function termIdf(plan: QueryPlan, stats: IndexStats): number[] {
  const n = Math.max(1, stats.sections);
  return plan.terms.map((t) => {
    const forms = new Set(t.alternatives.flatMap((a) => a.slots.flatMap((s) => s.forms.map((f) => f.form))));
    let df = 0;
    for (const f of forms) df += stats.count(f);
    return Math.log(1 + n / Math.min(n, Math.max(1, df)));
  });
}

/** A term's credit and coverage given the forms present (form → best weight factor). */
function termCredit(
  term: QueryTerm,
  present: (form: string) => boolean,
): { credit: number; coverage: number; via: string | null; forms: string[] } {
  let best = { credit: 0, coverage: 0, via: null as string | null, forms: [] as string[] };
  for (const alt of term.alternatives) {
    let sum = 0;
    let found = 0;
    const forms: string[] = [];
    for (const slot of alt.slots) {
      const hit = slot.forms.find((f) => present(f.form)); // forms are sorted best first
      if (!hit) continue;
      sum += hit.weight;
      found++;
      forms.push(hit.form);
    }
    // The guide's phrase for a vocabulary term counts only whole: `שירות` alone is not `אנשי שירות`.
    if (found === 0 || (alt.via !== null && found < alt.slots.length)) continue;
    const credit = (alt.weight * sum) / alt.slots.length;
    const coverage = (term.span * found) / alt.slots.length;
    if (coverage > best.coverage || (coverage === best.coverage && credit > best.credit)) best = { credit, coverage, via: alt.via, forms };
  }
  return best;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The pages worth loading, best first: pass 1, on Pagefind's page-level answers only. */
export function rankPages(plan: QueryPlan, hits: HitsByForm, stats: IndexStats, limit = PAGES_TO_LOAD): string[] {
  const idf = termIdf(plan, stats);
  const pages = new Map<string, Map<string, number>>(); // page → form → Pagefind score
  for (const [form, list] of hits) {
    for (const h of list) {
      let forms = pages.get(h.page);
      if (!forms) pages.set(h.page, (forms = new Map()));
      forms.set(form, h.score);
    }
  }
  return [...pages]
    .map(([page, forms]) => {
      let coverage = 0;
      let score = 0;
      plan.terms.forEach((term, i) => {
        const c = termCredit(term, (f) => forms.has(f));
        coverage += c.coverage;
        // Pagefind's own score only breaks ties: it favours short records, which would crowd out
        // the guide's longer pages before their sections are seen.
        score += c.credit * (1 + (idf[i] ?? 0)) * (1 + 0.1 * Math.log1p(Math.max(0, ...c.forms.map((f) => forms.get(f) ?? 0))));
      });
      return { page, coverage: round(coverage), score: round(score) };
    })
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0))
    .slice(0, limit)
    .map((p) => p.page);
}

/** Pass 2: the ranked sections of the loaded pages. */
export function rankSections(
  plan: QueryPlan,
  docs: ReadonlyMap<string, IndexedDoc>,
  hits: HitsByForm,
  stats: IndexStats,
  limit = RESULT_LIMIT,
): SearchResult[] {
  if (plan.status !== 'ok' || plan.terms.length === 0) return [];
  const idf = termIdf(plan, stats);
  const results: SearchResult[] = [];

  for (const [pageId, doc] of [...docs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const toks = tokens(doc.content);
    const sections = docSections(doc);
    if (sections.length === 0) continue;
    // Verified positions: section → folded form → positions (the page really has the word there).
    const found = sections.map(() => new Map<string, number[]>());
    const surface = sections.map(() => new Map<string, string>()); // folded form → the page's own word
    for (const [form, list] of hits) {
      const hit = list.find((h) => h.page === pageId);
      if (!hit) continue;
      const key = foldFinals(form);
      for (const loc of hit.locations) {
        const word = tokenWords(toks[loc] ?? '').find((w) => foldFinals(w) === key);
        if (word === undefined) continue;
        const s = sectionAt(sections, loc);
        const byForm = found[s]!;
        const at = byForm.get(key);
        if (at) at.push(loc);
        else byForm.set(key, [loc]);
        surface[s]!.set(key, word);
      }
    }

    sections.forEach((section, s) => {
      const byForm = found[s]!;
      if (byForm.size === 0) return;
      const present = (form: string) => byForm.has(foldFinals(form));
      let coverage = 0;
      let score = 0;
      const via = new Set<string>();
      const termLocations: number[][] = [];
      plan.terms.forEach((term, i) => {
        const c = termCredit(term, present);
        const locs = c.forms.flatMap((f) => byForm.get(foldFinals(f)) ?? []).sort((a, b) => a - b);
        termLocations.push(locs);
        if (c.coverage === 0) return;
        coverage += c.coverage;
        // How often the term occurs: for a phrase, as often as its least frequent word (a guide
        // phrase such as `אנשי שירות` is not more present because `שירות` is everywhere); a word in
        // the heading counts twice.
        const counts = c.forms.map((f) => {
          const at = byForm.get(foldFinals(f)) ?? [];
          return at.length + at.filter((l) => l < section.body).length;
        });
        const tf = Math.min(...counts);
        score += c.credit * (1 + (idf[i] ?? 0)) * (1 + 0.3 * Math.log(Math.max(1, tf)));
        if (c.via !== null) via.add(c.via);
      });
      if (coverage === 0) return;
      // Words typed side by side, found side by side (in either order, the typed order is worth more).
      for (let i = 0; i + 1 < termLocations.length; i++) {
        const a = termLocations[i]!;
        const b = termLocations[i + 1]!;
        let bonus = 0;
        for (const x of a) for (const y of b) if (Math.abs(y - x) <= 2) bonus = Math.max(bonus, y > x ? 1 : 0.5);
        score += bonus * 0.5 * (1 + Math.min(idf[i] ?? 0, idf[i + 1] ?? 0));
      }
      const part = doc.part ?? sitePart(section.url);
      const forms = [...new Set([...byForm.keys()].map((k) => surface[s]!.get(k)!))].sort();
      results.push({
        href: section.url,
        part,
        title: section.title ?? doc.title,
        pageTitle: section.title === null ? null : doc.title,
        excerpt: excerptOf(toks, section, termLocations.flat(), forms),
        forms,
        via: [...via].sort(),
        coverage: round(coverage),
        score: round(score * PART_PRIOR[part]),
      });
    });
  }
  // The article's wording is listed only where the guide's own section is not.
  const guideHrefs = new Set(results.filter((r) => r.part !== 'article').map((r) => r.href));
  return results
    .filter((r) => r.part !== 'article' || !guideHrefs.has(r.href))
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score || (a.href < b.href ? -1 : a.href > b.href ? 1 : a.title < b.title ? -1 : 1))
    .slice(0, limit);
}

/**
 * A stretch of at most EXCERPT_WORDS words of the section's own text (after its heading, unless
 * the words were found only there), placed to show as many found words as possible, with ranges
 * to mark every found form in it.
 */
export function excerptOf(
  toks: readonly string[],
  section: { readonly start: number; readonly body: number; readonly end: number },
  locations: readonly number[],
  forms: readonly string[],
): SearchResult['excerpt'] {
  const inBody = locations.filter((l) => l >= section.body && l < section.end).sort((a, b) => a - b);
  const from = inBody.length ? section.body : section.start;
  const hits = inBody.length ? inBody : locations.filter((l) => l >= section.start && l < section.end).sort((a, b) => a - b);
  const size = Math.min(EXCERPT_WORDS, section.end - from);
  let start = from;
  let best = -1;
  for (const h of hits) {
    const s = Math.max(from, Math.min(h - 3, section.end - size));
    const covered = hits.filter((x) => x >= s && x < s + size).length;
    if (covered > best) {
      best = covered;
      start = s;
    }
  }
  const end = Math.min(section.end, start + size);
  const body = toks.slice(start, end).join(' ').trim();
  const text = `${start > from ? '… ' : ''}${body}${end < section.end ? ' …' : ''}`;
  return { text, marks: markRanges(text, forms) };
}
