/**
 * Finding the parts of a server-rendered widget (the talk's windows, the search panel). Kept out
 * of browser.ts, which every page loads.
 */

/** The element `selector` finds inside `root`; the markup is server-rendered, so a missing one is a bug, named here. */
export function required<T extends Element = HTMLElement>(root: ParentNode, selector: string, where: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`${where}: ${selector} is missing`);
  return el;
}
