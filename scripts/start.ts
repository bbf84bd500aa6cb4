/**
 * `npm start`: everything a newcomer needs, from a fresh clone, in one command.
 * Creates the env files with fresh secrets, builds the CMS when its sources changed, imports the
 * seed content into an empty database, starts Strapi and prints where to log in.
 */
import { ensureCmsBuilt, runSeed, startCms } from './lib/cms.ts';
import { ensureEnvFiles, readEnvFile } from './lib/env-file.ts';
import { CMS_ENV_FILE } from './lib/paths.ts';

const started = Date.now();
const firstRun = ensureEnvFiles();
if (firstRun) console.log('[start] created cms/.env and site/.env with fresh secrets (git-ignored)');
const env = readEnvFile(CMS_ENV_FILE);

ensureCmsBuilt();
process.stdout.write(runSeed({}, ['--if-empty']));

const cms = await startCms({}, (chunk) => {
  // Strapi's own banner is noise next to ours; keep its log lines.
  for (const line of chunk.split('\n')) if (/^\[\d{4}-/.test(line)) console.log(`[cms] ${line}`);
});

const port = env.PORT ?? '1337';
console.log(`
  Portfolio CMS is running (ready in ${Math.round((Date.now() - started) / 1000)} s)

  Admin:     http://localhost:${port}/admin
  Login:     ${env.ADMIN_EMAIL}  /  ${firstRun ? `password: ${env.ADMIN_PASSWORD}` : 'password: ADMIN_PASSWORD in cms/.env'}
  REST API:  http://localhost:${port}/api/projects?locale=it   (published content only)

  Press Ctrl+C to stop.
`);

const shutdown = async () => {
  await cms.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
cms.process.on('exit', (code) => {
  console.error(`[start] the CMS stopped (exit code ${code})`);
  process.exit(code ?? 1);
});
