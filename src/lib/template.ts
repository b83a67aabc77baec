/**
 * The dictionary's templates (src/i18n/he.ts) that pages hand to their scripts in data-*
 * attributes: `{name}` placeholders filled with values at run time.
 */

/** Fills `{name}` placeholders with text; an unknown name gives nothing. Values are text, never markup. */
export const fillTemplate = (template: string | undefined, values: Readonly<Record<string, string | number>>): string =>
  (template ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
