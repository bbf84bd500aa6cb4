import { defineConfig } from 'vitest/config';

/** The publisher's own tests: real HTTP, a stand-in build, a stand-in for GitHub. */
export default defineConfig({
  test: {
    include: ['test/*.test.ts'],
  },
});
