/**
 * Marks, on a guide page, the words a search result matched (the `mark` parameter: surface forms
 * separated by spaces). The parameter is only compared with the page's own words; it is never
 * inserted into the page.
 */
import { MARK_PARAM, markedForms, markRanges } from '../../lib/hebrew-words.ts';

const forms = markedForms(new URLSearchParams(location.search).get(MARK_PARAM));
const root = document.querySelector('[data-pagefind-body] .prose');
if (root && forms.length) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    for (const [start, end] of markRanges(node.data, forms).reverse()) {
      const word = node.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-mark';
      word.replaceWith(mark);
      mark.append(word);
    }
  }
}
