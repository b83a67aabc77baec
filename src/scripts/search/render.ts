/**
 * Renders search results into server-rendered containers. Every string shown comes from the
 * markup's data-* attributes (the Hebrew dictionary) or from the page's own text; the query is
 * only ever set as textContent, never parsed as HTML.
 */
import { highlightRanges, planForForms, type QueryPlan } from '../../lib/hebrew-search.ts';
import { excerptRuns, type RankedResult } from '../../lib/search-merge.ts';
import { fill } from '../announce.ts';

/** Builds the link a result leads to: the section, with the found forms to mark there. */
export function resultHref(result: RankedResult): string {
  const [path, hash = ''] = result.href.split('#');
  const url = new URL(path ?? '/', location.origin);
  if (result.forms.length) url.searchParams.set('mark', result.forms.slice(0, 24).join(' '));
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`;
}

export interface SearchView {
  /** The <ol data-search-results> list. */
  list: HTMLOListElement;
  /** The polite status line; its data-t-* attributes hold the message templates. */
  status: HTMLElement;
  /** Guide sections offered when nothing matches. */
  suggestions: HTMLElement;
}

/** Shows a status message for a plan that produced no search (empty, particles only). */
export function renderPlanStatus(view: SearchView, plan: QueryPlan): boolean {
  const t = view.status.dataset;
  const message =
    plan.status === 'empty' ? t['tEmpty'] : plan.status === 'only-particles' ? fill(t['tParticles'], { q: plan.text }) : plan.status === 'too-long' ? t['tTooLong'] : null;
  if (message == null) return false;
  view.list.replaceChildren();
  view.status.textContent = message;
  view.suggestions.hidden = plan.status !== 'empty' ? false : true;
  return true;
}

export function renderResults(view: SearchView, plan: QueryPlan, results: readonly RankedResult[]): void {
  const t = view.status.dataset;
  const items = results.map((result) => {
    const li = document.createElement('li');
    li.className = 'search-result';
    const a = document.createElement('a');
    a.className = 'search-result__link';
    a.href = resultHref(result);
    const title = document.createElement('span');
    title.className = 'search-result__title';
    title.textContent = result.sectionTitle ?? result.pageTitle;
    a.append(title);
    if (result.sectionTitle) {
      const page = document.createElement('span');
      page.className = 'search-result__page';
      page.textContent = result.pageTitle;
      a.append(' ', page);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    // Pagefind marks only the one form its search was for; mark every form found in the section.
    const text = excerptRuns(result.excerpt)
      .map((run) => run.text)
      .join('');
    let at = 0;
    for (const [start, end] of highlightRanges(text, planForForms(result.forms))) {
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      excerpt.append(text.slice(at, start), mark);
      at = end;
    }
    excerpt.append(text.slice(at));
    li.append(a, excerpt);
    return li;
  });
  view.list.replaceChildren(...items);
  let message = results.length
    ? fill(t['tCount'], { n: results.length, q: plan.text })
    : fill(t['tNone'], { q: plan.text });
  if (plan.truncated) message = `${message} ${t['tTruncated'] ?? ''}`;
  view.status.textContent = message;
  view.suggestions.hidden = results.length > 0;
}
