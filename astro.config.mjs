// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig, fontProviders } from 'astro/config';
import { guideMdxRules } from './src/integrations/guide-mdx-rules.ts';
import { postBuild } from './src/integrations/post-build.ts';
import { sectionIds } from './src/integrations/section-ids.ts';
import { siteUrlWarning } from './src/integrations/site-url.ts';

/**
 * The public origin. Canonical URLs, link previews and the sitemap are absolute, so a deployment
 * sets SITE_URL (e.g. `SITE_URL=https://guide.example.org npm run build`). QR codes and printed
 * addresses are rebased on the page's own origin in the browser, so they are right anywhere.
 */
const site = process.env.SITE_URL ?? 'https://bifnim.example';

/** Heebo's Hebrew subset, from the npm package: served by the site itself, never by a CDN. */
const heebo = (/** @type {string} */ subset) =>
  `./node_modules/@fontsource-variable/heebo/files/heebo-${subset}-wght-normal.woff2`;

export default defineConfig({
  site,
  // postBuild() runs the steps over dist/ (search index, service worker, _headers) in its own
  // explicit order (src/integrations/post-build.ts); it is last so it sees everything else's output.
  integrations: [siteUrlWarning(site), mdx(), sitemap({ filter: (page) => !page.includes('/search/') && !page.includes('/offline/') && !page.includes('/talk/presenter/') }), postBuild()],
  build: {
    // The site's CSS (about 19 KB, 4.5 KB brotli) goes into each page's <head>: the first paint
    // waits for no second request (Lighthouse mobile LCP 1.2 s → see README). Astro hashes each
    // inline <style> into the page's CSP, so no 'unsafe-inline' is needed.
    inlineStylesheets: 'always',
  },
  vite: {
    build: {
      rollupOptions: {
        output: {
          // Vite's preload helper (every page's script imports it for its lazy imports) and the
          // browser helpers both page scripts of a guide page share go into one chunk: one
          // request and one chunk's overhead less before interaction (guide page 3,087 → 2,995 B
          // brotli, under the 3 KiB budget with the inline theme script).
          advancedChunks: {
            groups: [
              { name: 'shared', test: /preload-helper|src\/scripts\/browser\.ts/ },
              // The two tiny helpers (DOM and template, 200 B) that the lazily loaded features and
              // the talk share travel as one file: page scripts and the loader list each lazily
              // loaded file by name, and those names count as JavaScript before interaction.
              { name: 'helpers', test: /src\/scripts\/dom\.ts|src\/lib\/template\.ts/ },
            ],
          },
        },
      },
    },
  },
  markdown: {
    // No code blocks in this guide: no highlighter, and so no inline styles for the CSP to allow.
    syntaxHighlight: false,
    // Heading ids from `[#id]`, then the guide's rules: Markdown plus the site's components only.
    processor: satteri({ hastPlugins: [sectionIds(), guideMdxRules()] }),
  },
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Heebo',
      cssVariable: '--font-heebo',
      fallbacks: ['Arial', 'sans-serif'],
      options: {
        variants: [
          {
            src: [heebo('hebrew')],
            weight: '100 900',
            style: 'normal',
            display: 'swap',
            unicodeRange: ['U+0307-0308', 'U+0590-05FF', 'U+200C-2010', 'U+20AA', 'U+25CC', 'U+FB1D-FB4F'],
          },
        ],
      },
    },
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'", // Pagefind 1.6 starts its worker from /pagefind/pagefind-worker.js, not a blob
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Inline scripts and styles are allowed by hash, each page exactly its own: the page-csp
      // build step (src/integrations/page-csp.ts) rewrites the hashes Astro lists, and adds those
      // of the code Astro never sees (the theme script, the scripts' loader).
      scriptDirective: {
        // Pagefind compiles its WebAssembly search engine at run time.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
});
