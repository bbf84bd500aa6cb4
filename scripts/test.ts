/**
 * `npm test`: type-checks every package, then runs each package's tests — unit tests first, then
 * the integration tests that start a real Strapi. Stops at the first failing step.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from 'harness/paths';

// Tools run straight from each package's node_modules: no package manager in the loop.
const tsc = (pkg: string, project = '.') => [pkg, 'node_modules/typescript/bin/tsc', '--noEmit', '-p', project];
const vitest = (pkg: string) => [pkg, 'node_modules/vitest/vitest.mjs', 'run'];

type Step = [title: string, command: string[], env?: Record<string, string>];

/**
 * Steps in order. The two CMS suites do not run side by side: `strapi export` and `import`
 * recompile the CMS into cms/dist, rewriting every file, and a Strapi of the other suite starting
 * meanwhile read a half-written schema.json (a CI run failed so).
 */
const STEPS: Step[] = [
  ['workspace: format and lint (Biome)', ['.', 'node_modules/@biomejs/biome/bin/biome', 'ci', '--error-on-warnings', '.']],
  ['shared-types: type-check', tsc('shared-types')],
  ['harness: type-check', tsc('harness')],
  ['publisher: type-check', tsc('publisher')],
  ['scripts: type-check', tsc('scripts')],
  ['cms: type-check', tsc('cms')],
  ['cms: type-check of the admin customisations', tsc('cms', 'src/admin')],
  ['cms: type-check of the tests', tsc('cms', 'test')],
  // The e2e tests run under the site's Vitest: its TypeScript checks them, with e2e/tsconfig.json.
  ['e2e: type-check', tsc('site', '../e2e')],
  ['shared-types: unit tests', vitest('shared-types')],
  ['harness: unit tests', vitest('harness')],
  ['publisher: tests (real HTTP, a stand-in build, a stand-in for GitHub)', vitest('publisher')],
  ['scripts: unit tests', vitest('scripts')],
  ['site: unit tests', ['site', 'node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.unit.config.ts']],
  ['cms: integration tests (real Strapi, SQLite)', vitest('cms')],
  ['cms: integration tests (real Strapi, PostgreSQL)', vitest('cms'), { TEST_DATABASE_CLIENT: 'postgres' }],
  ['site: build and browser tests (real Strapi, Chromium)', vitest('site')],
  [
    'site at scale: paged lists, explorer data, page weight (real Strapi, generated portfolio, Chromium)',
    [...vitest('site'), '--config', 'vitest.scale.config.ts'],
  ],
  ['battery: hostile and extreme content (real Strapi, SQLite, Chromium)', [...vitest('site'), '--config', 'vitest.battery.config.ts']],
  [
    'battery: hostile and extreme content (real Strapi, PostgreSQL, Chromium)',
    [...vitest('site'), '--config', 'vitest.battery.config.ts'],
    { TEST_DATABASE_CLIENT: 'postgres' },
  ],
  [
    'battery: faults injected into the CMS and the publisher (real Strapi, SQLite)',
    [...vitest('publisher'), '--config', 'vitest.faults.config.ts'],
  ],
  [
    'battery: faults injected into the CMS and the publisher (real Strapi, PostgreSQL)',
    [...vitest('publisher'), '--config', 'vitest.faults.config.ts'],
    { TEST_DATABASE_CLIENT: 'postgres' },
  ],
  [
    'site: incremental build oracle (real Strapi, random edits, each build vs a clean full build)',
    [...vitest('site'), '--config', 'vitest.oracle.config.ts'],
  ],
  // After the site tests: their build generated the content types (.astro/) this check reads;
  // --noSync, because syncing runs the content loaders, which need a running CMS.
  ['site: type-check of the templates and code (astro check)', ['site', 'node_modules/astro/bin/astro.mjs', 'check', '--noSync']],
  [
    'e2e: edit, preview, publish and unpublish in the admin (real stack, Chromium)',
    ['site', 'node_modules/vitest/vitest.mjs', 'run', '--config', '../e2e/vitest.config.ts'],
  ],
];

/** Runs one step, its output straight to the terminal; resolves with its exit status. */
function run([, [pkg, ...args], env = {}]: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: path.join(ROOT, pkg!),
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

// `npm test -- <word>...` runs only the steps whose title contains one of the words.
const { positionals: only } = parseArgs({ allowPositionals: true });
const steps = STEPS.filter(([title]) => only.length === 0 || only.some((word) => title.includes(word)));
if (steps.length === 0) {
  console.error(`No step's title contains ${only.map((word) => `"${word}"`).join(' or ')}.`);
  process.exit(1);
}
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);
const started = Date.now();
for (const step of steps) {
  console.log(`\n=== ${step[0]}`);
  const stepStarted = Date.now();
  const status = await run(step);
  if (status !== 0) {
    console.log(`\n✗ ${step[0]} failed (exit ${status}) after ${seconds(stepStarted)} s`);
    process.exit(status);
  }
  console.log(`✓ ${step[0]} (${seconds(stepStarted)} s)`);
}
console.log(`\nAll checks passed in ${seconds(started)} s`);
