/**
 * The page's one polite live region (#announcer, rendered by BaseLayout) and the tiny template
 * filler for the Hebrew strings that pages pass in data-* attributes. Shared by every script
 * that speaks to screen readers.
 */

/** Says `message` once through the live region; a repeated message is announced again. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region || !message) return;
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}

/** Fills `{name}` placeholders of a dictionary string; values are text, never markup. */
export const fill = (template: string | undefined, values: Record<string, string | number>): string =>
  (template ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
