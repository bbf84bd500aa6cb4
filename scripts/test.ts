/**
 * `npm test`: type-checks every package, then runs each package's tests — unit tests first, then
 * the integration tests that start a real Strapi. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths.ts';

// Tools run straight from each package's node_modules: no package manager in the loop.
const tsc = (pkg: string, project = '.') => [pkg, 'node_modules/typescript/bin/tsc', '--noEmit', '-p', project];
const vitest = (pkg: string) => [pkg, 'node_modules/vitest/vitest.mjs', 'run'];

const STEPS: Array<[title: string, command: string[], env?: Record<string, string>]> = [
  ['shared-types: type-check', tsc('shared-types')],
  ['scripts: type-check', tsc('scripts')],
  ['cms: type-check', tsc('cms')],
  ['cms: type-check of the tests', tsc('cms', 'test')],
  ['shared-types: unit tests', vitest('shared-types')],
  ['scripts: unit tests', vitest('scripts')],
  ['site: unit tests', ['site', 'node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.unit.config.ts']],
  ['cms: integration tests (real Strapi, SQLite)', vitest('cms')],
  ['cms: integration tests (real Strapi, PostgreSQL)', vitest('cms'), { TEST_DATABASE_CLIENT: 'postgres' }],
  ['site: build and browser tests (real Strapi, Chromium)', vitest('site')],
  ['site at scale: paged lists, explorer data, page weight (real Strapi, generated portfolio, Chromium)', [...vitest('site'), '--config', 'vitest.scale.config.ts']],
  ['battery: hostile and extreme content, faults (real Strapi, SQLite, Chromium)', [...vitest('site'), '--config', 'vitest.battery.config.ts']],
  ['battery: hostile and extreme content, faults (real Strapi, PostgreSQL, Chromium)', [...vitest('site'), '--config', 'vitest.battery.config.ts'], { TEST_DATABASE_CLIENT: 'postgres' }],
  ['site: incremental build oracle (real Strapi, random edits, each build vs a clean full build)', [...vitest('site'), '--config', 'vitest.oracle.config.ts']],
  // After the site tests: their build generated the content types (.astro/) this check reads.
  ['site: type-check', tsc('site')],
  ['e2e: edit, preview, publish and unpublish in the admin (real stack, Chromium)', ['site', 'node_modules/vitest/vitest.mjs', 'run', '--config', '../e2e/vitest.config.ts']],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [title, [pkg, ...args], env = {}] of STEPS) {
  if (only.length > 0 && !only.some((word) => title.includes(word))) continue;
  console.log(`\n=== ${title}`);
  const stepStarted = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: path.join(ROOT, pkg!), stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status}) after ${Math.round((Date.now() - stepStarted) / 1000)} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${Math.round((Date.now() - stepStarted) / 1000)} s)`);
}
console.log(`\nAll checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
