import type { APIRoute } from 'astro';
import { getGuide } from '../../data/guide.ts';
import { buildLexicon } from '../../lib/hebrew-search.ts';

/**
 * The guide's vocabulary, for Hebrew-aware query expansion (src/lib/hebrew-search.ts): every
 * distinct word of the indexed text. The MDX source is read without its markup: id markers,
 * link targets and emphasis are not words a reader sees.
 */
export const GET: APIRoute = async () => {
  const pages = await getGuide();
  const texts = pages.flatMap((p) => [
    p.entry.data.title,
    p.entry.data.description,
    (p.entry.body ?? '')
      .replace(/\[#[a-z0-9-]*\]/g, ' ')
      .replace(/\]\([^)]*\)/g, '] ')
      .replace(/[*_`#>[\]]/g, ' '),
  ]);
  const sections = pages.reduce((n, p) => n + p.headings.length + 1, 0);
  return new Response(JSON.stringify({ ...buildLexicon(texts), sections }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
