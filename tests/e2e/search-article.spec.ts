import { existsSync, readFileSync } from 'node:fs';
import { searchPageReady } from './site.ts';
import { expect, test } from '@playwright/test';
import { parseYamlList } from '../../src/lib/yaml-list.ts';

/**
 * The source article's own words still find their section where the guide reworded them (issue
 * 10). content/search/article.yaml holds the article under the guide section each part became;
 * first, it must hold the whole article (every word of the seed, but for the web page's chrome and
 * the typos the guide fixed); then every word of each part, searched alone, must list its section.
 */
const seed = new URL('../../../shared/seed/article.he.txt', import.meta.url);
const source = readFileSync(existsSync(seed) ? seed : new URL('../fixtures/article.he.txt', import.meta.url), 'utf8');
const CHROME = new Set(['שיתוף', 'אין תגובות', 'השאר תגובה']);
/** The source's typos, fixed in the guide and in article.yaml (PRODUCT.md names ען for וגם). */
const TYPOS = new Set(['ען']);
const parts = parseYamlList(readFileSync('content/search/article.yaml', 'utf8'), 'content/search/article.yaml') as Array<{ id: string; text: string }>;

const wordsOf = (s: string) => s.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 && !/^\d+$/.test(w));

test('content/search/article.yaml holds every word of the source article', () => {
  const held = new Set(parts.flatMap((p) => wordsOf(p.text)));
  const body = source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !CHROME.has(l));
  const missing = [...new Set(body.flatMap(wordsOf))].filter((w) => !held.has(w) && !TYPOS.has(w));
  expect(missing).toEqual([]);
});

test('every word of the source article finds the guide section that says it, even where the guide reworded it', async ({ page }) => {
  test.setTimeout(180_000);
  const sections = new Map<string, string>(); // section id → its address
  for (const path of ['/guide/decision/', '/guide/in-house/', '/guide/outsource/', '/guide/hr-control/', '/guide/bottom-line/']) {
    await page.goto(path);
    for (const id of await page.locator('.prose :is(h2, h3)[id]').evaluateAll((hs) => hs.map((h) => h.id))) sections.set(id, `${path}#${id}`);
  }
  const expected = new Map<string, Set<string>>(); // word → the sections the article says it in
  for (const part of parts) {
    const href = sections.get(part.id);
    expect(href, `article.yaml: "${part.id}" is a guide section`).toBeDefined();
    for (const w of wordsOf(part.text)) {
      if (!expected.has(w)) expected.set(w, new Set());
      expected.get(w)!.add(href!);
    }
  }

  await page.goto('/search/');
  await searchPageReady(page); // the words are typed through the page's own script
  await expect(page.getByRole('searchbox', { name: 'חיפוש במדריך' })).toBeVisible();
  // Typed into the search box one word at a time, inside the page (one round trip for them all).
  const answers = await page.evaluate(async (words) => {
    const box = document.querySelector<HTMLInputElement>('main input[type="search"]')!;
    const status = document.querySelector<HTMLElement>('main [data-search-status]')!;
    const out: Array<{ word: string; status: string; hrefs: string[] }> = [];
    for (const word of words) {
      const done = new Promise<void>((resolve) => {
        const check = () => {
          const text = status.textContent ?? '';
          if (text.includes(`„${word}”`) && !/טוענים|איטי/.test(text)) {
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(status, { childList: true, subtree: true, characterData: true });
      });
      box.value = `${word} `;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      const hrefs = [...document.querySelectorAll<HTMLAnchorElement>('main [data-search-results] a')].map((a) => (a.getAttribute('href') ?? '').replace(/\?[^#]*/, ''));
      out.push({ word, status: status.textContent ?? '', hrefs });
    }
    return out;
  }, [...expected.keys()]);
  const misses: string[] = [];
  let searched = 0;
  for (const { word, status, hrefs } of answers) {
    if (/כללי מדי|קצר מדי/.test(status)) continue; // a stop word: never searched
    searched++;
    const want = expected.get(word)!;
    if (![...want].some((s) => hrefs.includes(s))) misses.push(`${word} → ${[...want].join(', ')}`);
  }
  console.log(`article words: ${searched - misses.length}/${searched} find their section`);
  expect(misses, `article words that miss their section:\n${misses.join('\n')}`).toEqual([]);
});
