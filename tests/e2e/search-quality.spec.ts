import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sectionReader } from './search-sections.ts';

/**
 * The quality bar for Hebrew search, on two samples of what readers type: each query names a
 * phrase that the right place contains. A query is a hit at page level when one of the top 3
 * results is on a page containing the phrase, and at section level when one of the top 3 results'
 * own section contains it. The shared files beside the repo win; the committed copies keep a lone
 * clone working. These are samples, not the goal: they guard against regressions.
 */
function queries(name: string): Array<{ q: string; expect: string[]; needs?: string }> {
  const shared = new URL(`../../../shared/search/${name}`, import.meta.url);
  const file = existsSync(shared) ? shared : new URL(`../fixtures/${name}`, import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { q: string; expect: string[]; needs?: string });
}

async function measure(page: Page, list: ReturnType<typeof queries>) {
  const sectionText = sectionReader(await page.context().newPage());
  let pageHits = 0;
  let sectionHits = 0;
  const misses: string[] = [];
  for (const { q, expect: phrases } of list) {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    await expect(page.locator('main [data-search-status]')).toHaveText(/נמצא|לא נמצאו/);
    const hrefs = (await page.locator('main [data-search-results]').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).slice(0, 3);
    let atPage = false;
    let atSection = false;
    for (const href of hrefs) {
      const t = await sectionText(href);
      const has = (s: string) => phrases.some((p) => s.includes(p));
      atPage ||= has(t.page);
      atSection ||= has(t.section);
    }
    if (atPage) pageHits++;
    if (atSection) sectionHits++;
    if (!atPage || !atSection) misses.push(`${q} → ${hrefs.map(decodeURI).join(' , ') || 'no results'} (page ${atPage}, section ${atSection})`);
  }
  if (misses.length) console.log(`misses:\n${misses.join('\n')}`);
  return { pageHits, sectionHits, misses };
}

test('the dev queries find their phrases in the top 3 at page level, and at least 16 of 18 at section level', async ({ page }) => {
  test.setTimeout(180_000);
  const list = queries('dev-queries.he.jsonl');
  const { pageHits, sectionHits, misses } = await measure(page, list);
  console.log(`dev queries: ${pageHits}/${list.length} at page level, ${sectionHits}/${list.length} at section level`);
  expect(pageHits, `page-level misses:\n${misses.join('\n')}`).toBe(list.length);
  expect(sectionHits, `section-level misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(Math.ceil((list.length * 16) / 18));
});

test('the harder queries (English, synonyms, spelling, inflection, questions) find their phrases in the top 3', async ({ page }) => {
  test.setTimeout(180_000);
  const list = queries('dev-queries-more.he.jsonl');
  const { pageHits, sectionHits, misses } = await measure(page, list);
  console.log(`harder queries: ${pageHits}/${list.length} at page level, ${sectionHits}/${list.length} at section level`);
  expect(pageHits, `page-level misses:\n${misses.join('\n')}`).toBe(list.length);
  expect(sectionHits, `section-level misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(Math.ceil(list.length * 0.9));
});
