/**
 * The public contract that trainers, printed handouts and QR codes rely on (see PRODUCT.md).
 * These ids never change when a heading is reworded; each must stand on exactly one guide page.
 */
export const SECTION_IDS = [
  'in-house',
  'complex-products',
  'premium-brand',
  'feedback-loop',
  'outsource',
  'volume-peaks',
  'round-the-clock',
  'core-focus',
  'hr-control',
  'culture-brand-voice',
  'service-quality',
  'engagement-retention',
  'labor-compliance',
  'bottom-line',
] as const;

/** One of the contract's stable section ids. */
export type SectionId = (typeof SECTION_IDS)[number];

/** The four HR-control risks shown with an outsource or hybrid result, in the article's order. */
export const RISK_IDS = [
  'culture-brand-voice',
  'service-quality',
  'engagement-retention',
  'labor-compliance',
] as const satisfies readonly SectionId[];

/** Narrows a string to a contract section id. */
export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
