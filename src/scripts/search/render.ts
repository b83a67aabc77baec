/**
 * Renders search outcomes into the server-rendered panel (src/components/SearchPanel.astro). Every
 * string shown comes from the markup's data-* attributes (the Hebrew dictionary) or from the
 * site's own text; the reader's query is only ever set as text, inside <bdi> so a Latin or mixed
 * query keeps its place in the Hebrew sentence, never parsed as HTML.
 */
import { fillNodes } from '../bidi-fill.ts';
import { required } from '../dom.ts';
import { MARK_PARAM, MAX_MARKED_FORMS } from '../../lib/hebrew-words.ts';
import type { SearchResult } from '../../lib/search-merge.ts';
import type { QueryPlan } from '../../lib/search-query.ts';
import type { SearchOutcome } from './engine.ts';

export interface SearchView {
  /** The <ol data-search-results> list; its data-t-* attributes hold the result labels. */
  list: HTMLOListElement;
  /** The polite status line; its data-t-* attributes hold the message templates. */
  status: HTMLElement;
  /** The retry button's paragraph, shown when search could not load. */
  retry: HTMLElement;
  /** Help shown when nothing is found: "did you mean" and tips. */
  help: HTMLElement;
  /** Guide sections offered when nothing matches. */
  suggestions: HTMLElement;
}

/** The view inside a server-rendered search panel. */
export function viewOf(root: ParentNode): { input: HTMLInputElement; view: SearchView } {
  const find = <T extends Element>(selector: string) => required<T>(root, selector, 'search panel');
  return {
    input: find<HTMLInputElement>('input[type="search"]'),
    view: {
      list: find<HTMLOListElement>('[data-search-results]'),
      status: find<HTMLElement>('[data-search-status]'),
      retry: find<HTMLElement>('[data-search-retry]'),
      help: find<HTMLElement>('[data-search-help]'),
      suggestions: find<HTMLElement>('[data-search-suggestions]'),
    },
  };
}

/** Which count template Hebrew's plural rules call for: one result, or any other number. */
export function countTemplate(n: number, templates: DOMStringMap): string {
  const rule = new Intl.PluralRules('he').select(n);
  return (rule === 'one' ? templates['tCountOne'] : templates['tCountOther']) ?? '';
}

function say(view: SearchView, template: string | undefined, values: Readonly<Record<string, string | number>> = {}, extra = '') {
  view.status.replaceChildren(...fillNodes(template, values), ...(extra ? [document.createTextNode(` ${extra}`)] : []));
}

/** Shows a passing state: loading (slow or not) while nothing else is shown yet. */
export function renderLoading(view: SearchView, slow: boolean): void {
  say(view, slow ? view.status.dataset['tSlow'] : view.status.dataset['tLoading']);
  view.retry.hidden = true;
}

/** Search could not load (or failed): a clear message and the retry button. */
export function renderFailure(view: SearchView, loadFailed: boolean): void {
  view.list.replaceChildren();
  say(view, loadFailed ? view.status.dataset['tFailed'] : view.status.dataset['tError']);
  view.retry.hidden = false;
  view.help.hidden = true;
  view.suggestions.hidden = false;
}

/** Shows a status message for a plan that searched nothing (empty, particles or stop words only); false if it did search. */
export function renderPlanStatus(view: SearchView, plan: QueryPlan): boolean {
  const t = view.status.dataset;
  const template =
    plan.status === 'empty'
      ? t['tEmpty']
      : plan.status === 'only-particles'
        ? t['tParticles']
        : plan.status === 'only-stopwords'
          ? t['tStopwords']
          : plan.status === 'too-long'
            ? t['tTooLong']
            : null;
  if (template == null) return false;
  view.list.replaceChildren();
  say(view, template, { q: plan.text });
  view.retry.hidden = true;
  view.help.hidden = plan.status === 'empty';
  view.suggestions.hidden = plan.status === 'empty';
  setSuggestion(view, null);
  return true;
}

function setSuggestion(view: SearchView, suggestion: string | null): void {
  const mean = view.help.querySelector<HTMLElement>('[data-search-mean]');
  const link = view.help.querySelector<HTMLAnchorElement>('[data-search-mean-link]');
  if (!mean || !link) return;
  mean.hidden = suggestion === null;
  link.textContent = suggestion ?? '';
  link.href = suggestion ? `/search/?q=${encodeURIComponent(suggestion)}` : '/search/';
}

/** Builds the link a result leads to: the section, with the found forms to mark there. */
export function resultHref(result: SearchResult): string {
  const [path, hash = ''] = result.href.split('#');
  const url = new URL(path ?? '/', location.origin);
  if (result.forms.length && result.part === 'guide') url.searchParams.set(MARK_PARAM, result.forms.slice(0, MAX_MARKED_FORMS).join(' '));
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`;
}

function resultItem(result: SearchResult, labels: DOMStringMap): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  li.dataset['part'] = result.part;
  const a = document.createElement('a');
  a.className = 'search-result__link';
  a.href = resultHref(result);
  const part = document.createElement('span');
  part.className = 'search-result__part';
  part.textContent = labels[`tPart${result.part[0]!.toUpperCase()}${result.part.slice(1)}`] ?? '';
  const title = document.createElement('span');
  title.className = 'search-result__title';
  title.textContent = result.title;
  a.append(part, ' ', title);
  if (result.pageTitle) {
    const page = document.createElement('span');
    page.className = 'search-result__page';
    page.textContent = result.pageTitle;
    a.append(' ', page);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  const { text, marks } = result.excerpt;
  let at = 0;
  for (const [start, end] of marks) {
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    excerpt.append(text.slice(at, start), mark);
    at = end;
  }
  excerpt.append(text.slice(at));
  li.append(a, excerpt);
  if (result.via.length) {
    const via = document.createElement('p');
    via.className = 'search-result__via';
    const [before = '', after = ''] = (labels['tVia'] ?? '').split('{w}');
    via.append(before);
    result.via.forEach((word, i) => via.append(...(i ? [', '] : []), ...fillNodes('{q}', { q: word })));
    via.append(after);
    li.append(via);
  }
  return li;
}

export function renderOutcome(view: SearchView, { plan, results, suggestion }: SearchOutcome): void {
  view.list.replaceChildren(...results.map((r) => resultItem(r, view.list.dataset)));
  const t = view.status.dataset;
  const truncated = plan.truncated ? (t['tTruncated'] ?? '') : '';
  if (results.length) say(view, countTemplate(results.length, t), { n: results.length, q: plan.text }, truncated);
  else say(view, t['tNone'], { q: plan.text }, truncated);
  view.retry.hidden = true;
  view.help.hidden = results.length > 0;
  view.suggestions.hidden = results.length > 0;
  setSuggestion(view, suggestion);
}
