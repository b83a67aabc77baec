import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { StepContext } from './post-build.ts';

/**
 * Post-build step: indexes the built site with Pagefind's Node API. Only guide pages carry
 * `data-pagefind-body`, so navigation, the checklist and other chrome stay out of the index;
 * headings with ids become Pagefind sub-results, which is how results land on sections.
 * Pagefind's service process is closed whatever happens, so a failed build never hangs on it.
 */
export async function indexSearch({ site, logger }: StepContext): Promise<void> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'he' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    logger.info(`Pagefind indexed ${added.page_count} guide pages`);
  } finally {
    await close();
  }
}
