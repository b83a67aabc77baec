import { t } from '../../src/i18n/he.ts';
import { fillWithBdiText } from './offline-text.ts';

/**
 * The exact status line search shows for `n` results of a query, as the page shows the query
 * (`shown`: normalised, inside „…”), in the Hebrew plural the site uses.
 */
export const countText = (n: number, shown: string): string =>
  fillWithBdiText(n === 0 ? t.search.none : n === 1 ? t.search.countOne : t.search.countOther, { n, q: `„${shown}”` });
