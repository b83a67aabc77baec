/**
 * The public contract that trainers, printed handouts and QR codes rely on (README, "Editing
 * content"): these ids never change when a heading is reworded, and each must stand on exactly one
 * guide page (checked at build time by src/lib/guide-rules.ts).
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
