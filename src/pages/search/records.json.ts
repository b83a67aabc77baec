import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getChecklist } from '../../build-data/checklist-content.ts';
import { guideSections } from '../../build-data/guide-pages.ts';
import { talkScreens } from '../../build-data/talk-screens.ts';
import { t } from '../../i18n/he.ts';
import { articleRecords, checklistRecords, talkRecords } from '../../lib/search-records.ts';

/**
 * What the search-index build step (src/integrations/pagefind.ts) adds to the guide's pages: the
 * checklist's and the talk's text and the source article as custom records
 * (src/lib/search-records.ts), and the editors' vocabulary, all from validated content. The step reads this file and removes it from dist/.
 */
export const GET: APIRoute = async () => {
  const sections = await guideSections();
  const paragraphs = (await getCollection('article')).map((entry) => ({ id: entry.id, text: entry.data.text }));
  const records = [
    ...checklistRecords(await getChecklist(), t.search.records),
    ...talkRecords(await talkScreens(), t.search.records),
    ...articleRecords(paragraphs, sections),
  ];
  const vocabulary = (await getCollection('vocabulary')).map((entry) => ({ id: entry.id, guide: entry.data.guide, terms: entry.data.terms }));
  return new Response(JSON.stringify({ records, vocabulary }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
