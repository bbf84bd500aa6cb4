import { defineConfig } from 'vitest/config';

/**
 * The reliability battery (test/battery/): hostile and extreme content in a CMS of its own on the
 * database named by TEST_DATABASE_CLIENT (sqlite or postgres), one build of it checked as files
 * and in Chromium. `npm test` runs it on both; the faults injected into a CMS and a publisher are
 * the publisher's (publisher/vitest.faults.config.ts).
 */
export default defineConfig({
  test: {
    include: ['test/battery/**/*.test.ts'],
    globalSetup: ['test/battery/global-setup.ts'],
    // One CMS, one build and one browser at a time.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
