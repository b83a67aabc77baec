/** The text `fillWithBdi` (src/scripts/bidi-fill.ts) puts into an element: the template with its values. */
export const fillWithBdiText = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
