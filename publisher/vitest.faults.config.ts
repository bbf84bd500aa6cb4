import { defineConfig } from 'vitest/config';

/**
 * Faults injected into a real stack (test/faults/): a CMS of its own on the database named by
 * TEST_DATABASE_CLIENT (sqlite or postgres), killed while the publisher builds from it, and the
 * publisher's process group killed mid-build. `npm test` runs it on both.
 */
export default defineConfig({
  test: {
    include: ['test/faults/*.test.ts'],
    // Each test kills processes and waits for real builds.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
