import { SECTION_IDS } from './contract.ts';

/** A guide page as the build sees it: its file, its order and the ids of its headings. */
export interface PageIds {
  readonly file: string;
  readonly order: number;
  readonly ids: readonly string[];
}

/**
 * Checks the promises the guide makes to trainers: every contract id stands on exactly one page,
 * no id repeats, and no two pages claim the same position. Returns messages that name the file
 * and the field, so the build can fail with something an editor can act on.
 */
export function guideProblems(pages: readonly PageIds[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const id of page.ids) {
      if (seen.has(id)) problems.push(`${page.file}: heading id "${id}" appears twice on the page`);
      seen.add(id);
      const other = owner.get(id);
      if (other !== undefined && other !== page.file) {
        problems.push(`${page.file}: heading id "${id}" is already used in ${other}; each id stands on one page`);
      } else {
        owner.set(id, page.file);
      }
    }
  }
  for (const id of SECTION_IDS) {
    if (!owner.has(id)) problems.push(`content/guide: no page has a heading with the contract id "[#${id}]"`);
  }
  const byOrder = new Map<number, string>();
  for (const page of pages) {
    const other = byOrder.get(page.order);
    if (other !== undefined) problems.push(`${page.file}: field "order" ${page.order} is also used by ${other}`);
    byOrder.set(page.order, page.file);
  }
  return problems;
}
