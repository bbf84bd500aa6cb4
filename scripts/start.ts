/**
 * `npm start`: everything a newcomer needs, from a fresh clone, in one command.
 * Creates the env files with fresh secrets, builds the CMS when its sources changed, imports the
 * seed content into an empty database, starts Strapi and the publisher (which builds the static
 * site from the published content, serves it and rebuilds it whenever an editor publishes),
 * then prints where to look and where to log in.
 */
import path from 'node:path';
import { ensureCmsBuilt, runSeed, startCms } from 'harness/cms';
import { ensureEnvFiles, readEnvFile } from 'harness/env-file';
import { CMS_ENV_FILE, SITE_DIR, SITE_ENV_FILE } from 'harness/paths';
import { createPreviewServer } from 'publisher/preview';
import { createPublisher } from 'publisher/publisher';

const started = Date.now();
// Keys a newer .env.example adds (the officer's account, say) get their password printed once too.
const hadEditorPassword = 'EDITOR_PASSWORD' in readEnvFile(CMS_ENV_FILE);
const firstRun = ensureEnvFiles();
if (firstRun) console.log('[start] created cms/.env and site/.env with fresh secrets (git-ignored)');
const env = readEnvFile(CMS_ENV_FILE);
const siteEnv = readEnvFile(SITE_ENV_FILE);

ensureCmsBuilt();
process.stdout.write(runSeed({}, ['--if-empty']));

const cms = await startCms({}, (chunk) => {
  // Strapi's own banner is noise next to ours; keep its log lines.
  for (const line of chunk.split('\n')) if (/^\[\d{4}-/.test(line)) console.log(`[cms] ${line}`);
});

const webhookUrl = new URL(env.PUBLISH_WEBHOOK_URL ?? 'http://127.0.0.1:4322/webhook');
const publisher = createPublisher({
  mode: 'build',
  secret: env.PUBLISH_WEBHOOK_SECRET ?? '',
  port: Number(webhookUrl.port),
  releasesDir: path.join(SITE_DIR, 'releases'),
  cacheDir: path.join(SITE_DIR, 'node_modules', '.astro'),
  sitePort: Number(process.env.SITE_PORT ?? 4321),
  dailyRebuild: true,
  buildEnv: { STRAPI_URL: siteEnv.STRAPI_URL ?? cms.url, STRAPI_TOKEN: siteEnv.STRAPI_TOKEN ?? '' },
});
const { sitePort, apiPort } = await publisher.start();

const previewUrl = new URL(env.PREVIEW_URL ?? 'http://localhost:4323');
const preview = createPreviewServer({
  port: Number(previewUrl.port),
  secret: env.PREVIEW_SECRET ?? '',
  cmsUrl: siteEnv.STRAPI_URL ?? cms.url,
  token: siteEnv.STRAPI_TOKEN ?? '',
  dir: path.join(SITE_DIR, 'preview'),
  cacheDir: path.join(SITE_DIR, 'node_modules', '.astro-preview'),
});
await preview.start();
console.log('[site] building the static site from the published content...');
await publisher.settled();
const build = publisher.status().lastBuild;
if (!build?.ok) console.error(`[site] the build failed; the CMS stays up so the content can be fixed:\n${build?.error ?? ''}`);

const port = env.PORT ?? '1337';
console.log(`
  Portfolio is running (ready in ${Math.round((Date.now() - started) / 1000)} s)

  Site:      http://localhost:${sitePort}/   (English: http://localhost:${sitePort}/en/)
  Admin:     http://localhost:${port}/admin
  Login:     ${env.ADMIN_EMAIL}  /  ${firstRun ? `password: ${env.ADMIN_PASSWORD}` : 'password: ADMIN_PASSWORD in cms/.env'}   (developers: super admin)
  Officers:  ${env.EDITOR_EMAIL}  /  ${hadEditorPassword ? 'password: EDITOR_PASSWORD in cms/.env' : `password: ${env.EDITOR_PASSWORD}`}   (content and media only)
  REST API:  http://localhost:${port}/api/projects?locale=it   (published content only)
  Publisher: http://localhost:${apiPort}/status   (publishing in the admin rebuilds the site)
  Preview:   the Preview button in the admin (drafts built on ${previewUrl.origin}, editors only)

  Press Ctrl+C to stop.
`);

const shutdown = async () => {
  await Promise.all([publisher.stop(), preview.stop()]);
  await cms.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
cms.process.on('exit', (code) => {
  console.error(`[start] the CMS stopped (exit code ${code})`);
  process.exit(code ?? 1);
});
