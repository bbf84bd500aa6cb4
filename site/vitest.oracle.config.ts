import { defineConfig } from 'vitest/config';

/**
 * The incremental-build oracle (test/incremental/): a CMS of its own with a small synthetic
 * portfolio, random edits, and every incremental build compared with a clean full build.
 */
export default defineConfig({
  test: {
    include: ['test/incremental/**/*.test.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 600_000,
  },
});
