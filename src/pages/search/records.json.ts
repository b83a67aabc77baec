import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getChecklist } from '../../data/checklist.ts';
import { talkScreens } from '../../data/links.ts';
import { t } from '../../i18n/he.ts';
import { checklistRecords, talkRecords } from '../../lib/search-records.ts';

/**
 * What the search-index build step (src/integrations/pagefind.ts) adds to the guide's pages: the
 * checklist's and the talk's text as custom records (src/lib/search-records.ts), and the editors'
 * vocabulary, all from validated content. The step reads this file and removes it from dist/.
 */
export const GET: APIRoute = async () => {
  const records = [...checklistRecords(await getChecklist(), t.search.records), ...talkRecords(await talkScreens(), t.search.records)];
  const vocabulary = (await getCollection('vocabulary')).map((entry) => ({ id: entry.id, guide: entry.data.guide, terms: entry.data.terms }));
  return new Response(JSON.stringify({ records, vocabulary }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
