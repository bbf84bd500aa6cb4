import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

/**
 * The end-to-end publishing test: a real Strapi, the publisher building real releases, the
 * preview server and Chromium, in one long run. Run it with the site package's vitest (whose
 * playwright-core it uses), from site/:
 *   node node_modules/vitest/vitest.mjs run --config ../e2e/vitest.config.ts
 * The root (the repository) is set here: with `--root ..` vitest would look for the config
 * under the root. A plain object, no `defineConfig` import: vitest is the site package's.
 */
const config: ViteUserConfig = {
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/*.e2e.test.ts'],
    // A CMS start, a cold site build and five more builds of 15-25 s each.
    testTimeout: 600_000,
    // One file at a time: each starts its own CMS, and the machine has two cores.
    fileParallelism: false,
    hookTimeout: 600_000,
  },
};

export default config;
