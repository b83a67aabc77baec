import { getCollection, render, type CollectionEntry } from 'astro:content';
import { guideProblems } from '../lib/guide-rules.ts';

/** One rendered guide page with what navigation, TOC and search need. */
export interface GuidePage {
  readonly entry: CollectionEntry<'guide'>;
  readonly slug: string;
  readonly href: string;
  readonly headings: Awaited<ReturnType<typeof render>>['headings'];
  readonly Content: Awaited<ReturnType<typeof render>>['Content'];
}

let cached: Promise<GuidePage[]> | undefined;

/**
 * The guide in reading order, validated once per build: a missing or duplicated contract id, or
 * two pages with the same order, stops the build with the file named.
 */
export function getGuide(): Promise<GuidePage[]> {
  cached ??= load();
  return cached;
}

async function load(): Promise<GuidePage[]> {
  const entries = (await getCollection('guide')).sort((a, b) => a.data.order - b.data.order);
  const pages = await Promise.all(
    entries.map(async (entry) => {
      const { Content, headings } = await render(entry);
      return { entry, slug: entry.id, href: `/guide/${entry.id}/`, headings, Content };
    }),
  );
  const problems = guideProblems(
    pages.map((p) => ({
      file: `content/guide/${p.entry.filePath?.split('/').pop() ?? p.slug}`,
      order: p.entry.data.order,
      ids: p.headings.map((h) => h.slug),
    })),
  );
  if (problems.length > 0) throw new Error(`The guide content is not valid:\n- ${problems.join('\n- ')}`);
  return pages;
}

/** A section of the guide: where it lives and what its heading says. */
export interface GuideSection {
  /** `/guide/<page>/#<id>`. */
  readonly href: string;
  /** The heading's text, as the guide words it. */
  readonly title: string;
  readonly page: GuidePage;
}

let sections: Promise<ReadonlyMap<string, GuideSection>> | undefined;

/** Every h2/h3 section of the guide by its id (the first page that has an id keeps it). */
export function guideSections(): Promise<ReadonlyMap<string, GuideSection>> {
  sections ??= getGuide().then((pages) => {
    const byId = new Map<string, GuideSection>();
    for (const page of pages) {
      for (const h of page.headings) {
        if (!byId.has(h.slug)) byId.set(h.slug, { href: `${page.href}#${h.slug}`, title: h.text, page });
      }
    }
    return byId;
  });
  return sections;
}

/** The section with this id; the build stops when no guide page has it. */
export async function guideSection(id: string): Promise<GuideSection> {
  const section = (await guideSections()).get(id);
  if (!section) throw new Error(`No guide page has the section id "${id}"`);
  return section;
}

/** Where a section lives: `/guide/<page>/#<id>`. */
export async function sectionHref(id: string): Promise<string> {
  return (await guideSection(id)).href;
}
