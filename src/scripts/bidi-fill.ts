/**
 * Dictionary strings with `{name}` placeholders (src/i18n/he.ts, handed to scripts in data-*
 * attributes) turned into nodes: each value isolated in a `<bdi>`, so numbers, sizes and a Latin
 * or mixed query keep their order inside Hebrew text. Values are only ever text, never markup.
 * (Filling into plain text, for a live region or a label, is fillTemplate in src/lib/template.ts.)
 */

/** The template as nodes: text as it is, each value in a <bdi>, the reader's query (`{q}`) also between Hebrew quotation marks. */
export function fillNodes(template: string | undefined, values: Readonly<Record<string, string | number>>): Node[] {
  const text = template ?? '';
  const out: Node[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    out.push(document.createTextNode(text.slice(at, m.index)));
    const value = values[m[1]!];
    const bdi = document.createElement('bdi');
    bdi.textContent = value === undefined ? '' : String(value);
    out.push(...(m[1] === 'q' ? [document.createTextNode('„'), bdi, document.createTextNode('”')] : [bdi]));
    at = m.index + m[0].length;
  }
  out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** Puts the filled template into `element`, replacing what it held. */
export function fillWithBdi(element: Element, template: string | undefined, values: Readonly<Record<string, string | number>>): void {
  element.replaceChildren(...fillNodes(template, values));
}
