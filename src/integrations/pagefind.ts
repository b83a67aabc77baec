import type { StepContext } from './post-build.ts';
import { buildSearchIndex, takeSearchInput } from './search-index-build.ts';

/**
 * Post-build step: indexes the built site with Pagefind's Node API, and writes the lexicon that
 * Hebrew-aware search expands queries with (src/lib/search-lexicon.ts).
 *
 * What is indexed: guide pages (only they carry `data-pagefind-body`, so navigation and other
 * chrome stay out; headings with ids become sections), plus custom records built from content:
 * the checklist's questions, outcomes and risk mitigations, the talk's screens (never the speaker
 * notes) and the source article (src/lib/search-records.ts). The lexicon is made from what
 * Pagefind actually indexed, read back from its own fragments, and the index that is written
 * carries each Hebrew word's stems (src/lib/search-stems.ts): see buildSearchIndex.
 * Pagefind's service process is closed whatever happens, so a failed build never hangs on it.
 */
export async function indexSearch({ site, logger }: StepContext): Promise<void> {
  const input = takeSearchInput(site);
  const built = await buildSearchIndex({ site, records: input.records, vocabulary: input.vocabulary });
  logger.info(
    `Pagefind indexed ${built.pages} pages and ${built.records} records; lexicon: ${built.lexicon.forms} words in ${built.lexicon.chunks} chunks, ${(built.lexicon.bytes / 1024).toFixed(1)} KB`,
  );
}
