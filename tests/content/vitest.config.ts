import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Broken-content tests: each one copies the project, breaks one content file and runs a real
// `astro build`, so they are slow and live outside the unit-test config. Each build is mostly one
// busy core: two at a time keep a 2-core machine full (CONTENT_BUILDS overrides).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/content/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxConcurrency: Number(process.env['CONTENT_BUILDS'] ?? Math.max(2, Math.floor(availableParallelism() / 2))),
  },
});
