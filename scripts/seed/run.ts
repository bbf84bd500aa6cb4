/**
 * `pnpm seed`: imports the seed data files into the CMS database (see import.ts).
 *   --if-empty       do nothing when the database already holds projects (used by `npm start`)
 *   --bundle <file>  import this JSON bundle (the SeedBundle format) instead of the data files
 * The CMS server must not be running on the same SQLite file meanwhile.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureEnvFiles } from 'harness/env-file';
import { loadStrapi, unloadStrapi } from 'harness/strapi-app';
import { importSeed } from './import.ts';
import { readSeedBundle, readSeedBundleFile } from 'harness/seed-bundle';

const { values: args } = parseArgs({
  // `pnpm seed -- --bundle x` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { 'if-empty': { type: 'boolean', default: false }, bundle: { type: 'string' } },
});
const ifEmpty = args['if-empty'];

const bundle = args.bundle ? readSeedBundleFile(path.resolve(args.bundle)) : readSeedBundle();
ensureEnvFiles();
const strapi = await loadStrapi();
try {
  const projects = await strapi.db.query('api::project.project').count();
  if (ifEmpty && projects > 0) {
    console.log('[seed] the database already holds content: nothing to import');
  } else {
    const started = performance.now();
    const report = await importSeed(strapi, bundle);
    const created = Object.values(report.created).reduce((a, b) => a + b, 0);
    const existing = Object.values(report.existing).reduce((a, b) => a + b, 0);
    console.log(
      `[seed] ${created} localized entries created and published, ${existing} already present ` +
        `(${Math.round(performance.now() - started)} ms)`,
    );
    for (const [uid, n] of Object.entries(report.created)) console.log(`[seed]   + ${n} ${uid}`);
  }
} finally {
  await unloadStrapi(strapi);
}
