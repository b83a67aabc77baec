/**
 * A scaled copy of a talk screen for the overview and the presenter view: a 16:9 frame in which
 * the screen is laid out as on the stage (src/styles/talk.css sizes it in cqi). The copy has no
 * ids (they stay unique) and is inert and hidden from assistive technology: the real screen, its
 * title or its notes are what people read.
 */
export function previewOf(screen: HTMLElement): HTMLElement {
  const frame = document.createElement('div');
  frame.className = 'talk-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.inert = true;
  const copy = document.createElement('div');
  copy.className = screen.className;
  copy.append(...[...screen.childNodes].map((node) => node.cloneNode(true)));
  for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
  for (const img of copy.querySelectorAll('img')) img.loading = 'eager';
  frame.append(copy);
  return frame;
}

/** The title of a screen, as its heading says it. */
export const titleOf = (screen: HTMLElement | undefined): string => screen?.querySelector('h2')?.textContent?.trim() ?? '';
