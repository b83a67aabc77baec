import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { StepContext } from './post-build.ts';
import { indexedDocs, recordUrl, takeSearchInput, writeLexicon } from './search-lexicon-files.ts';

/**
 * Post-build step: indexes the built site with Pagefind's Node API, and writes the lexicon that
 * Hebrew-aware search expands queries with (src/lib/search-lexicon.ts).
 *
 * What is indexed: guide pages (only they carry `data-pagefind-body`, so navigation and other
 * chrome stay out; headings with ids become sections), plus custom records built from content:
 * the checklist's questions, outcomes and risk mitigations and the talk's screens
 * (src/lib/search-records.ts; never the talk's speaker notes). The lexicon is then made from what
 * Pagefind actually indexed, read back from its own fragments, so the two always agree.
 * Pagefind's service process is closed whatever happens, so a failed build never hangs on it.
 */
export async function indexSearch({ site, logger }: StepContext): Promise<void> {
  try {
    const input = takeSearchInput(site);
    const { index, errors } = await createIndex({ forceLanguage: 'he' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    for (const record of input.records) {
      const { errors: failed } = await index.addCustomRecord({
        url: record.key,
        content: record.content,
        language: 'he',
        // Pagefind reads meta.url as the address results lead to.
        meta: { title: record.title, url: recordUrl(site, record), ...(record.part ? { part: record.part } : {}) },
      });
      if (failed.length) throw new Error(`Pagefind could not index "${record.title}": ${failed.join('; ')}`);
    }
    const { files, errors: unread } = await index.getFiles();
    if (unread.length) throw new Error(`Pagefind could not list its files: ${unread.join('; ')}`);
    const docs = indexedDocs(files);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    const lexicon = writeLexicon(site, docs, input.vocabulary);
    logger.info(
      `Pagefind indexed ${added.page_count} pages and ${input.records.length} records; lexicon: ${lexicon.forms} words in ${lexicon.chunks} chunks, ${(lexicon.bytes / 1024).toFixed(1)} KB`,
    );
  } finally {
    await close();
  }
}
