import { t } from '../i18n/he.ts';
import { SECTION_IDS } from '../lib/contract.ts';
import { getGuide, guideSection } from './guide-pages.ts';
import { talkScreens } from './talk-screens.ts';

/**
 * Everything a QR code or a trainer's link can point to, with the shortest absolute URL of each
 * target on the configured origin (SITE_URL): the site, every contract section, every talk screen.
 */
export interface LinkTarget {
  /** Stable file name of its QR code: /qr/<name>.svg. */
  readonly name: string;
  /** Site-relative path, e.g. /guide/in-house/#complex-products. */
  readonly path: string;
  /** What a person sees: the section's heading, the screen's title. */
  readonly label: string;
}

export async function sectionTargets(): Promise<LinkTarget[]> {
  return Promise.all(
    SECTION_IDS.map(async (id) => {
      const { href, title } = await guideSection(id);
      return { name: `section-${id}`, path: href, label: title };
    }),
  );
}

/** The site's home and the checklist: the two codes every printed page offers. */
const entryTargets = (): LinkTarget[] => [
  { name: 'site', path: '/', label: t.handout.qr.site },
  { name: 'checklist', path: '/checklist/', label: t.handout.qr.checklist },
];

/** The whole talk, for the large code on its opening and closing screens. */
export const talkTarget: LinkTarget = { name: 'talk', path: '/talk/', label: t.talk.title };

export async function allTargets(): Promise<LinkTarget[]> {
  const talk = await talkScreens();
  return [
    ...entryTargets(),
    ...(await sectionTargets()),
    talkTarget,
    ...talk.map((s) => ({ name: s.name, path: s.path, label: s.title })),
  ];
}

/**
 * The handout's codes: the site, the checklist, and each guide page's first contract section
 * (the part's opening), labelled with the page's short name.
 */
export async function handoutTargets(): Promise<LinkTarget[]> {
  const sections = new Map((await sectionTargets()).map((s) => [s.path, s]));
  const openings = (await getGuide()).flatMap((page) => {
    const first = page.headings.map((h) => sections.get(`${page.href}#${h.slug}`)).find(Boolean);
    return first ? [{ ...first, label: page.entry.data.navLabel }] : [];
  });
  return [...entryTargets(), ...openings];
}

/**
 * Whether the build was told its public origin. Without SITE_URL, absolute addresses use a
 * placeholder origin: the browser rewrites them (src/scripts/site-address.ts), and pages without
 * JavaScript say so (src/components/AddressNote.astro).
 */
export const siteUrlConfigured = Boolean(process.env['SITE_URL']);

/** The absolute URL a QR code encodes at build time (the browser rebases it on its own origin). */
export const absolute = (path: string, site: URL | undefined) => new URL(path, site).href;
