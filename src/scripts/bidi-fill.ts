/**
 * Puts a dictionary string with `{name}` placeholders into an element, each value isolated in a
 * `<bdi>` so numbers and sizes keep their order inside Hebrew text. Values are text, never markup.
 */
export function fillWithBdi(element: Element, template: string | undefined, values: Record<string, string | number>): void {
  const parts = (template ?? '').split(/\{(\w+)\}/);
  element.replaceChildren(
    ...parts.map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const bdi = document.createElement('bdi');
      bdi.textContent = String(values[part] ?? '');
      return bdi;
    }),
  );
}
