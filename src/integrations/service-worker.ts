import type { AstroIntegration } from 'astro';

/** Placeholder: generates dist/sw.js after the build (filled in by the offline work). */
export function serviceWorker(): AstroIntegration {
  return { name: 'service-worker', hooks: {} };
}
