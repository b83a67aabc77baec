import type { AstroIntegration } from 'astro';

/**
 * Says loudly when a build has no SITE_URL. Canonical URLs, link previews and the sitemap then
 * name a placeholder origin, and so do printed addresses and QR codes for readers without
 * JavaScript (with JavaScript they follow the page's own origin: src/scripts/site-address.ts).
 * `npm start` builds this way on purpose, so it is a warning, not an error.
 */
export function siteUrlWarning(site: string): AstroIntegration {
  return {
    name: 'site-url-warning',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (process.env['SITE_URL']) return;
        logger.warn(
          [
            '',
            '┌──────────────────────────────────────────────────────────────────────────┐',
            `│ SITE_URL is not set: canonical URLs, link previews and the sitemap name ${site}.`,
            '│ QR codes and printed addresses follow the real address only with JavaScript.',
            '│ For a deployment: SITE_URL=https://your.domain npm run build',
            '└──────────────────────────────────────────────────────────────────────────┘',
          ].join('\n'),
        );
      },
    },
  };
}
