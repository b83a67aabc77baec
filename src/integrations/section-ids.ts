import { defineHastPlugin } from 'satteri';
import type { HastPluginInput } from 'satteri';
import { readSectionMarker } from '../lib/section-marker.ts';

/**
 * A Sätteri hast plugin: turns the `[#id]` marker at the end of an h2/h3 into the heading's `id`
 * and removes it from the visible text. It runs before Astro's own heading-id step, which keeps an
 * existing id, so the table of contents (`headings` from `render()`) carries the same ids.
 * A malformed marker fails the build with the file and the heading, instead of silently
 * producing a Hebrew slug that trainers' links would not match.
 */
export const sectionIds = (): HastPluginInput => () =>
  defineHastPlugin({
    name: 'section-ids',
    element: {
      filter: ['h2', 'h3', 'h4'],
      visit(node, ctx) {
        const last = node.children.at(-1);
        if (!last || last.type !== 'text') return;
        const marker = readSectionMarker(last.value);
        if (marker.kind === 'none') return;
        const file = ctx.fileURL ? decodeURI(ctx.fileURL.pathname) : 'unknown file';
        if (marker.kind === 'invalid') {
          throw new Error(
            `${file}: heading "${ctx.textContent(node).trim()}" has the id marker "[#${marker.raw}]"; ` +
              'an id is lower-case ASCII letters and digits joined by hyphens, e.g. [#feedback-loop].',
          );
        }
        ctx.replaceNode(last, { type: 'text', value: marker.text });
        ctx.setProperty(node, 'id', marker.id);
      },
    },
  });
