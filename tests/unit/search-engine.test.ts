import { describe, expect, it } from 'vitest';
import { chunkForms, countForms, type LexiconRoot } from '../../src/lib/search-lexicon.ts';
import { createSearcher, fetchJson, SearchLoadError, withTimeLimit } from '../../src/scripts/search/engine.ts';
import { fakePagefind, page, record } from './search-fixtures.ts';

const docs = [
  page('/guide/bottom-line/', 'לסיכום', '', [
    ['bottom-line', 'השורה התחתונה', 'מעורבות במיוחד בהדרכה ובהבטחת איכות'],
    ['conference', 'על המאמר', 'כנס הלמידה ההדרכה והפיתוח הארגוני'],
  ]),
  page('/guide/hr-control/', 'מה מאבד', '', [
    ['service-quality', 'איכות שירות', 'מנותק ממחזורי הדרכה וניהול ביצועים'],
    ['engagement-retention', 'מחוברות', 'מחוברות ושימור עובדים פנימיים'],
  ]),
  record('/talk/#11', 'מסך 11', 'ניהול ביצועים והדרכה'),
];

/** The lexicon files the build would write for the documents, served from memory. */
function built(chunkBytes = 80) {
  const { forms, pages, sections } = countForms(docs);
  const chunks = chunkForms(forms, chunkBytes);
  const root: LexiconRoot = { v: 2, pages, sections, vocabulary: [], tag: '', chunks: chunks.map((c, i) => ({ from: c.from, to: c.to, file: `lexicon/c${i}.json` })) };
  const fetched: string[] = [];
  const fetchChunk = async (file: string) => {
    fetched.push(file);
    return chunks[Number(/c(\d+)/.exec(file)![1])]!.chunk;
  };
  return { root, fetchChunk, fetched, total: chunks.length };
}

const queries = ['הדרכה', 'עובדים', 'בהדרכה', 'ההדרכה וניהול', 'איכות שירות'];

describe('searching with Pagefind', () => {
  it('gives the same sections whether queries run in parallel or one at a time', async () => {
    const parallel = createSearcher({ pagefind: fakePagefind(docs), ...built() });
    const together = await Promise.all(queries.map((q) => parallel(q)));
    const sequential = createSearcher({ pagefind: fakePagefind(docs), ...built() });
    const alone = [];
    for (const q of queries) alone.push(await sequential(q));
    expect(together).toEqual(alone);
  });

  it('credits each section only with the forms its own text contains', async () => {
    const search = createSearcher({ pagefind: fakePagefind(docs), ...built() });
    const [a, b] = await Promise.all([search('הדרכה'), search('ניהול')]);
    const text = new Map<string, string[]>(docs.flatMap((d) => (d.anchors.length ? d.anchors.map((x, i) => [`${d.url}#${x.id}`, d.content.split(' ').slice(x.location, d.anchors[i + 1]?.location)] as const) : [[d.url, d.content.split(' ')] as const])));
    expect(a.results.map((r) => r.href)).toEqual(expect.arrayContaining(['/guide/bottom-line/#bottom-line', '/guide/bottom-line/#conference', '/guide/hr-control/#service-quality']));
    for (const r of [...a.results, ...b.results]) for (const form of r.forms) expect(text.get(r.href)!.map((w) => w.replace(/[.,]/g, ''))).toContain(form);
  });

  it('fetches only the lexicon chunks a query can reach, once each', async () => {
    const files = built();
    const search = createSearcher({ pagefind: fakePagefind(docs), ...files });
    await search('הדרכה');
    await search('הדרכה');
    expect(files.fetched.length).toBeGreaterThan(0);
    expect(files.fetched.length).toBeLessThan(files.total);
    expect(new Set(files.fetched).size).toBe(files.fetched.length);
  });

  it('treats a word the index should have but Pagefind did not find as a failed load, and tries again next time', async () => {
    let broken = true;
    const pagefind = fakePagefind(docs, { failFor: () => broken });
    const search = createSearcher({ pagefind, ...built() });
    await expect(search('הדרכה')).rejects.toBeInstanceOf(SearchLoadError);
    broken = false;
    expect((await search('הדרכה')).results.length).toBeGreaterThan(0);
  });

  it('offers a close site word when nothing is found', async () => {
    const search = createSearcher({ pagefind: fakePagefind(docs), ...built(100_000) });
    const outcome = await search('הדרכע');
    expect(outcome.results).toEqual([]);
    expect(outcome.suggestion).toBe('הדרכה');
  });
});

describe('time limits and failures', () => {
  it('gives up on work that takes too long, as a load failure', async () => {
    await expect(withTimeLimit(new Promise(() => undefined), 20, 'hang')).rejects.toBeInstanceOf(SearchLoadError);
    await expect(withTimeLimit(Promise.resolve(1), 20, 'quick')).resolves.toBe(1);
  });

  it('reports a failed or unreadable fetch as a load failure', async () => {
    const realFetch = globalThis.fetch;
    try {
      globalThis.fetch = async () => new Response('gone', { status: 404 });
      await expect(fetchJson('/search/lexicon.json')).rejects.toBeInstanceOf(SearchLoadError);
      globalThis.fetch = async () => {
        throw new TypeError('network');
      };
      await expect(fetchJson('/search/lexicon.json')).rejects.toBeInstanceOf(SearchLoadError);
      globalThis.fetch = (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      await expect(fetchJson('/search/lexicon.json', 20)).rejects.toBeInstanceOf(SearchLoadError);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
