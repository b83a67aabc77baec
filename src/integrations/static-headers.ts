import type { AstroIntegration } from 'astro';

/** Placeholder: writes dist/_headers after the build (filled in by the hardening work). */
export function staticHeaders(): AstroIntegration {
  return { name: 'static-headers', hooks: {} };
}
