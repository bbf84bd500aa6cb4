/**
 * `npm start`: everything a newcomer needs, from a fresh clone, in one command.
 * Creates the env files with fresh secrets, builds the CMS when its sources changed, imports the
 * seed content into an empty database, starts Strapi, builds the static site from the published
 * content and serves it, then prints where to look and where to log in.
 */
import path from 'node:path';
import { ensureCmsBuilt, runSeed, startCms } from './lib/cms.ts';
import { ensureEnvFiles, readEnvFile } from './lib/env-file.ts';
import { CMS_ENV_FILE, SITE_DIR, SITE_ENV_FILE } from './lib/paths.ts';
import { buildSite } from './lib/site.ts';
import { createStaticServer } from './lib/static-server.ts';

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

const siteEnv = readEnvFile(SITE_ENV_FILE);
const siteDir = path.join(SITE_DIR, 'dist');
console.log('[site] building the static site from the published content...');
const build = await buildSite({
  outDir: siteDir,
  env: { STRAPI_URL: siteEnv.STRAPI_URL ?? `http://127.0.0.1:${env.PORT ?? '1337'}`, STRAPI_TOKEN: siteEnv.STRAPI_TOKEN ?? '' },
});
if (!build.ok) {
  console.error(build.output);
  console.error('[site] the build failed: the CMS stays up so you can fix the content (see the message above).');
} else {
  console.log(`[site] built in ${Math.round(build.durationMs / 1000)} s`);
}
const sitePort = Number(process.env.SITE_PORT ?? 4321);
const siteServer = createStaticServer(() => siteDir);
await new Promise<void>((resolve) => siteServer.listen(sitePort, resolve));

const port = env.PORT ?? '1337';
console.log(`
  Portfolio is running (ready in ${Math.round((Date.now() - started) / 1000)} s)

  Site:      http://localhost:${sitePort}/   (English: http://localhost:${sitePort}/en/)
  Admin:     http://localhost:${port}/admin
  Login:     ${env.ADMIN_EMAIL}  /  ${firstRun ? `password: ${env.ADMIN_PASSWORD}` : 'password: ADMIN_PASSWORD in cms/.env'}
  REST API:  http://localhost:${port}/api/projects?locale=it   (published content only)

  Press Ctrl+C to stop.
`);

const shutdown = async () => {
  siteServer.close();
  await cms.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
cms.process.on('exit', (code) => {
  console.error(`[start] the CMS stopped (exit code ${code})`);
  process.exit(code ?? 1);
});
