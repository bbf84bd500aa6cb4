import { defineConfig } from 'vitest/config';

/**
 * The site's integration suite: one real seeded Strapi and one real build for the whole run
 * (test/global-setup.ts), then the built folder checked as files, over HTTP and in Chromium.
 * Unit tests (test/unit/) have their own config, vitest.unit.config.ts.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/unit/**', 'test/battery/**', 'test/incremental/**', 'test/scale/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // The files share one CMS, one build and one browser profile, and some rebuild the site: one at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
