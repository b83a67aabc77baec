/**
 * Counts in Hebrew grammar. A count is never written as "1 תוצאות": Hebrew has its own form for
 * one ("תוצאה אחת", the number after the noun) and, for some nouns, for two ("שעתיים"), so a count
 * is a set of forms chosen by `Intl.PluralRules('he')` (categories `one`, `two`, `other`; older
 * CLDR data also has `many`, which falls back to `other`). `{n}` in a form is the number.
 */

/** The forms of one counted phrase: `one` and `other` always, `two` where Hebrew has a dual. */
export interface CountForms {
  readonly one: string;
  readonly two?: string;
  readonly other: string;
}

const rules = new Intl.PluralRules('he');
const numbers = new Intl.NumberFormat('he');

/** The form of `forms` that Hebrew uses for `n`, with `{n}` replaced by the number as Hebrew writes it. */
export function count(n: number, forms: CountForms): string {
  const category = rules.select(n);
  const form = category === 'one' ? forms.one : category === 'two' ? (forms.two ?? forms.other) : forms.other;
  return form.replaceAll('{n}', numbers.format(n));
}
