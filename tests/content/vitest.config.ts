import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Broken-content tests: each one copies the project, breaks one content file and runs a real
// `astro build`, so they are slow and run one at a time, outside the unit-test config.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/content/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
