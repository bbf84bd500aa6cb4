import { defineConfig } from 'vitest/config';

/**
 * The site at scale (test/scale/): a generated portfolio of a few hundred projects in a real
 * Strapi, built once for the whole run; paged lists, the explorer's data file and page weight.
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    globalSetup: ['test/scale/global-setup.ts'],
    // The files share one build and one browser profile.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
