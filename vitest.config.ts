/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests cover the pure modules in src/lib: no DOM, no build, no browser.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
