import type { Page } from '@playwright/test';

/** The text of a built page, whole and by section. */
export interface PageTexts {
  /** The page's main text (the guide's article on guide pages). */
  readonly page: string;
  /** The text before the page's first section heading. */
  readonly intro: string;
  /** For every element id: the section a heading starts (up to the next heading of its level or higher), or the element's own text. */
  readonly byId: Readonly<Record<string, string>>;
}

/** Reads a built page's texts once per path (results often share a page). */
export function sectionReader(page: Page) {
  const cache = new Map<string, PageTexts>();
  const read = async (path: string): Promise<PageTexts> => {
    const hit = cache.get(path);
    if (hit) return hit;
    await page.goto(path);
    const texts = await page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('[data-pagefind-body]') ?? document.querySelector<HTMLElement>('main')!;
      // The opening text: every text node before the first section heading, kept apart by spaces
      // (blocks such as the title and the lead have no space between them in the markup).
      const first = body.querySelector('.prose h2, .prose h3');
      const stop = first?.closest('.heading') ?? first;
      const intro: string[] = [];
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (stop && stop.compareDocumentPosition(n) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) break;
        intro.push(n.textContent ?? '');
      }
      const byId: Record<string, string> = {};
      for (const el of document.querySelectorAll<HTMLElement>('main [id]')) {
        if (!/^H[1-6]$/.test(el.tagName)) {
          byId[el.id] = el.textContent ?? '';
          continue;
        }
        const level = Number(el.tagName[1]);
        const start = el.closest('.heading') ?? el;
        let text = el.textContent ?? '';
        for (let next = start.nextElementSibling; next; next = next.nextElementSibling) {
          const h = next.matches('h2, h3') ? next : next.querySelector(':scope > h2, :scope > h3');
          if (h && Number(h.tagName[1]) <= level) break;
          text += '\n' + (next.textContent ?? '');
        }
        byId[el.id] = text;
      }
      return { page: body.textContent ?? '', intro: intro.join(' '), byId };
    });
    cache.set(path, texts);
    return texts;
  };
  /** The page's text and the text a result link stands for: its `#id`'s section, or the page's opening text. */
  return async (href: string): Promise<{ page: string; section: string }> => {
    const url = new URL(href, 'http://x');
    const texts = await read(url.pathname);
    const id = decodeURIComponent(url.hash.slice(1));
    return { page: texts.page, section: id ? (texts.byId[id] ?? '') : texts.intro };
  };
}
