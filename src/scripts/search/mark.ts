/**
 * Marks, on a guide page, the words a search result matched (the `mark` parameter: surface forms
 * separated by spaces). The parameter is only compared with the page's own words; it is never
 * inserted into the page.
 */
import { highlightRanges, planForForms } from '../../lib/hebrew-search.ts';

const marked = (new URLSearchParams(location.search).get('mark') ?? '').slice(0, 600).split(' ');
const plan = planForForms(marked);
const root = document.querySelector('[data-pagefind-body] .prose');
if (root && plan.terms.length) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const ranges = highlightRanges(node.data, plan);
    for (const [start, end] of ranges.reverse()) {
      const word = node.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-mark';
      word.replaceWith(mark);
      mark.append(word);
    }
  }
}
