import { getCollection } from 'astro:content';
import { getGuide, sectionHref, type GuidePage } from './guide-pages.ts';

/** What a talk screen's link leads to: its section, the checklist, or the guide's start. */
export type MoreKind = 'section' | 'checklist' | 'guide';

/** Where a talk screen's full text lives (`more`), and what kind of place that is (for the link's words). */
async function moreOf(
  screen: { section?: string | undefined; leadsTo?: 'checklist' | undefined },
  pages: readonly GuidePage[],
): Promise<{ more: string; moreKind: MoreKind }> {
  if (screen.section) return { more: await sectionHref(screen.section), moreKind: 'section' };
  if (screen.leadsTo === 'checklist') return { more: '/checklist/', moreKind: 'checklist' };
  return { more: pages[0]?.href ?? '/guide/', moreKind: 'guide' };
}

/**
 * The talk's screens in the order content/talk/screens.yaml lists them, numbered from 1, each with
 * its own address (/talk/#n), the name of its QR code and where its full text lives.
 */
export async function talkScreens() {
  const screens = (await getCollection('talk')).sort((a, b) => a.data.position - b.data.position);
  const pages = await getGuide();
  return Promise.all(
    screens.map(async (screen, i) => ({
      ...screen.data,
      number: i + 1,
      name: `talk-${i + 1}`,
      path: `/talk/#${i + 1}`,
      ...(await moreOf(screen.data, pages)),
    })),
  );
}

export type TalkScreen = Awaited<ReturnType<typeof talkScreens>>[number];
