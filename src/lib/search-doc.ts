/**
 * The one shape of what the search index holds: a document as Pagefind indexed it (its fragment:
 * URL, title, plain text, heading anchors), and the sections it divides into. The build reads
 * these from Pagefind's own output to make the lexicon, and the browser reads the same from
 * Pagefind's `data()` to place each matched word in its section. Pure.
 */
import { words } from './hebrew-words.ts';
import { withoutStems } from './search-stems.ts';

/** An element with an id inside the indexed text, at a word position (Pagefind's `anchors`). */
export interface DocAnchor {
  readonly element: string;
  readonly id: string;
  readonly text: string;
  /** Position, in words, of the element in `content`. */
  readonly location: number;
}

/** A document of the index: a guide page, or a custom record (a checklist item, a talk screen). */
export interface IndexedDoc {
  /** The page's URL; a custom record's URL may carry a `#id`. */
  readonly url: string;
  readonly title: string;
  /** The indexed text, words separated by whitespace (Pagefind's word positions count these). */
  readonly content: string;
  readonly anchors: readonly DocAnchor[];
  /** Set for a record that speaks for another part of the site than its address (the source article). */
  readonly part?: 'article';
}

/** A part of a document that a result can link to. */
export interface DocSection {
  /** `/guide/page/#id`, the page URL for the text before its first heading, or a record's URL. */
  readonly url: string;
  /** The heading's text; null for a page's opening text. */
  readonly title: string | null;
  /** First word position. */
  readonly start: number;
  /** First word position after the heading itself (== start when there is no heading). */
  readonly body: number;
  /** Word position where the next section starts. */
  readonly end: number;
}

/** Pagefind's word separator: whitespace except U+FEFF. */
const WORD_SEPARATOR = /[^\S\uFEFF]+/;

/** The whitespace-separated tokens of a document's content, the units Pagefind's positions count. */
export function tokens(content: string): string[] {
  return content.split(WORD_SEPARATOR);
}

/**
 * The search words of one token: `רב-לשוניים,` → `רב`, `לשוניים` and the joined `רבלשוניים`
 * (Pagefind indexes a hyphenated word both ways).
 */
export function tokenWords(token: string): string[] {
  const ws = words(token);
  return ws.length > 1 ? [...ws, ws.join('')] : ws;
}

const withHash = (url: string, id: string) => `${url.replace(/#.*$/, '')}#${id}`;

/**
 * The sections of a document, as Pagefind divides it into sub-results: each heading element with
 * an id starts one (other elements with ids do not); the text before the first heading belongs to
 * the page itself. A document without headings (a custom record) is one section.
 */
export function docSections(doc: IndexedDoc): DocSection[] {
  const count = tokens(doc.content).length;
  if (doc.url.includes('#')) return [{ url: doc.url, title: null, start: 0, body: 0, end: count }];
  const anchors = doc.anchors
    .filter((a) => /^h\d$/i.test(a.element) && a.id !== '' && /\S/.test(a.text))
    .slice()
    .sort((a, b) => a.location - b.location);
  const out: DocSection[] = [];
  const first = anchors[0]?.location ?? count;
  if (first > 0) out.push({ url: doc.url, title: null, start: 0, body: 0, end: first });
  anchors.forEach((a, i) => {
    const end = anchors[i + 1]?.location ?? count;
    if (end <= a.location && i + 1 < anchors.length) return; // an empty heading run: the next one wins
    const headingWords = tokens(a.text.trim()).length;
    out.push({ url: withHash(doc.url, a.id), title: a.text.trim(), start: a.location, body: Math.min(end, a.location + headingWords), end });
  });
  return out;
}

/** The index of the section that holds a word position (sections sorted, as docSections returns). */
export function sectionAt(sections: readonly DocSection[], location: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.start <= location) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * A document from Pagefind's fragment data (built by the index, fetched in the browser): only the
 * fields search uses, checked, so a malformed fragment yields null instead of a broken result.
 * Text the index carries with stems (search-stems.ts) is decoded; the word count is unchanged.
 */
export function docFromFragment(fragment: unknown): IndexedDoc | null {
  if (typeof fragment !== 'object' || fragment === null) return null;
  const f = fragment as Record<string, unknown>;
  const meta = typeof f['meta'] === 'object' && f['meta'] !== null ? (f['meta'] as Record<string, unknown>) : {};
  // A custom record's meta.url is where it leads (its own url only keeps records apart).
  const url = str(meta['url']) || str(f['raw_url']) || str(f['url']);
  const content = withoutStems(str(f['content']));
  if (!url.startsWith('/')) return null;
  const anchors = Array.isArray(f['anchors'])
    ? f['anchors'].flatMap((a): DocAnchor[] => {
        if (typeof a !== 'object' || a === null) return [];
        const r = a as Record<string, unknown>;
        return typeof r['location'] === 'number' ? [{ element: str(r['element']), id: str(r['id']), text: withoutStems(str(r['text'])), location: r['location'] }] : [];
      })
    : [];
  return { url, title: withoutStems(str(meta['title'])), content, anchors, ...(meta['part'] === 'article' ? { part: 'article' as const } : {}) };
}
