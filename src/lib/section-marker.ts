/**
 * Editors give a heading its stable, public id by ending the heading line with `[#id]`:
 *
 *     ### מוצרים מורכבים או מיוחדים [#complex-products]
 *
 * MDX reads `{#id}` as a JavaScript expression, so the familiar syntax cannot be used; square
 * brackets are plain text to MDX and read naturally in a Hebrew line. Pure and DOM-free so the
 * Markdown plugin and the unit tests share it.
 */

/** An ASCII id: lower-case letters and digits in hyphen-separated words (`feedback-loop`). */
export const SECTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const TRAILING_MARKER = /\s*\[#([^\]\s]*)\]\s*$/u;

/** What a heading's trailing text says once its marker is read. */
export type MarkerResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly id: string; readonly text: string }
  | { readonly kind: 'invalid'; readonly raw: string; readonly text: string };

/** Reads a trailing `[#id]` marker from the last text of a heading. */
export function readSectionMarker(text: string): MarkerResult {
  const match = TRAILING_MARKER.exec(text);
  if (!match) return { kind: 'none' };
  const raw = match[1] ?? '';
  const rest = text.slice(0, match.index);
  return SECTION_ID_PATTERN.test(raw)
    ? { kind: 'ok', id: raw, text: rest }
    : { kind: 'invalid', raw, text: rest };
}
