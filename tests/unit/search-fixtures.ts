/**
 * Test doubles for search: documents shaped like Pagefind's fragments, a lexicon made from them
 * the way the build makes it, and a stand-in for Pagefind that answers like Pagefind 1.6 where it
 * matters (prefix matching, word positions, one shared fragment object per page).
 */
import { countForms, createLexicon, type Lexicon } from '../../src/lib/search-lexicon.ts';
import { tokens, tokenWords, type DocAnchor, type IndexedDoc } from '../../src/lib/search-doc.ts';
import { withStems } from '../../src/lib/search-stems.ts';
import type { PagefindApi } from '../../src/scripts/search/engine.ts';

/** A guide page: its title, opening text, and sections [id, heading, text]. */
export function page(url: string, title: string, intro: string, sections: Array<[string, string, string]> = []): IndexedDoc {
  let content = `${title}. ${intro}`.trim();
  const anchors: DocAnchor[] = [];
  for (const [id, heading, text] of sections) {
    anchors.push({ element: 'h2', id, text: heading, location: tokens(content).length });
    content += ` ${heading}. ${text}`;
  }
  return { url, title, content, anchors };
}

/** A custom record (a checklist item, a talk screen). */
export function record(url: string, title: string, text: string): IndexedDoc {
  return { url, title, content: text, anchors: [] };
}

export function lexiconOf(docs: readonly IndexedDoc[]): Lexicon {
  const lexicon = createLexicon();
  lexicon.add({ v: 2, entries: [...countForms(docs).forms] });
  return lexicon;
}

/**
 * Pagefind for the given documents, indexed as the build indexes them (each Hebrew word carrying
 * the stems the site has as words, src/lib/search-stems.ts): a term matches every word or part that
 * starts with it; each page's fragment is one object that every data() call rewrites after an
 * asynchronous load, as Pagefind 1.6 does.
 */
export function fakePagefind(docs: readonly IndexedDoc[], options: { failFor?: (term: string) => boolean } = {}): PagefindApi & { searches: string[] } {
  const fragments = new Map<string, Record<string, unknown>>();
  const loads = new Map<string, Promise<void>>();
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const load = (id: string) => loads.get(id) ?? (loads.set(id, tick()), loads.get(id)!);
  const searches: string[] = [];
  const known = countForms(docs).forms;
  const indexed = docs.map((doc) => tokens(withStems(doc.content, (w) => known.has(w))).map((t) => t.split('/').flatMap(tokenWords)));
  return {
    searches,
    async search(term) {
      searches.push(term);
      await tick();
      if (options.failFor?.(term)) return { results: [] };
      const results = docs.flatMap((doc, i) => {
        const id = `page${i}`;
        const locations = indexed[i]!.flatMap((parts, at) => (parts.some((w) => w.startsWith(term)) ? [at] : []));
        if (!locations.length) return [];
        return [
          {
            id,
            score: locations.length / tokens(doc.content).length,
            words: locations,
            async data() {
              await load(id);
              let fragment = fragments.get(id);
              if (!fragment) fragments.set(id, (fragment = { url: doc.url, raw_url: doc.url, content: withStems(doc.content, (w) => known.has(w)), anchors: doc.anchors, meta: { title: doc.title } }));
              fragment['weighted_locations'] = locations.map((location) => ({ location, balanced_score: 1 }));
              fragment['sub_results'] = [{ url: `${doc.url}#${term}`, title: term, excerpt: `<mark>${term}</mark>` }];
              await Promise.resolve();
              return fragment;
            },
          },
        ];
      });
      return { results };
    },
  };
}
