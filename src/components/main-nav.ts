import { t } from '../i18n/he.ts';

/** The site's main sections, in the order the header's menu and the footer list them. */
export const MAIN_NAV: ReadonlyArray<{ readonly href: string; readonly label: string }> = [
  { href: '/guide/', label: t.nav.guide },
  { href: '/checklist/', label: t.nav.checklist },
  { href: '/talk/', label: t.nav.talk },
  { href: '/trainers/', label: t.nav.trainers },
];
