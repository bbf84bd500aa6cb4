/**
 * `node publisher/src/run.ts`: the publisher on its own, for a server next to the CMS
 * (`npm start` starts its own, next to Strapi). Settings come from the environment:
 *
 * - PUBLISH_WEBHOOK_SECRET: the secret Strapi sends (required).
 * - PUBLISHER_PORT, PUBLISHER_HOST: the webhook and status API (default 4322 on 127.0.0.1).
 * - PUBLISHER_MODE=build (default): builds releases into PUBLISHER_RELEASES_DIR (default
 *   site/releases) and serves the live one on SITE_PORT (default 4321; `off` when nginx serves
 *   site/releases/current). The build reads STRAPI_URL, STRAPI_TOKEN, SITE_URL (or site/.env);
 *   Astro's cache goes to PUBLISHER_CACHE_DIR (default site/node_modules/.astro).
 * - PUBLISHER_MODE=relay: asks GitHub Actions to rebuild instead: GITHUB_REPOSITORY (owner/name)
 *   and GITHUB_TOKEN (required), GITHUB_API_URL (default https://api.github.com).
 */
import path from 'node:path';
import { SITE_DIR } from 'harness/paths';
import { createPublisher } from './publisher.ts';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set: the publisher needs it (see README, "Publishing").`);
    process.exit(1);
  }
  return value;
}

const mode = process.env.PUBLISHER_MODE ?? 'build';
if (mode !== 'build' && mode !== 'relay') {
  console.error(`PUBLISHER_MODE is "${mode}": use build (build and serve the site here) or relay (GitHub Actions builds it).`);
  process.exit(1);
}
const sitePort = process.env.SITE_PORT ?? '4321';

const publisher = createPublisher({
  mode,
  secret: setting('PUBLISH_WEBHOOK_SECRET'),
  port: Number(process.env.PUBLISHER_PORT ?? 4322),
  host: process.env.PUBLISHER_HOST ?? '127.0.0.1',
  dailyRebuild: true,
  ...(mode === 'build'
    ? {
        releasesDir: process.env.PUBLISHER_RELEASES_DIR ?? path.join(SITE_DIR, 'releases'),
        cacheDir: process.env.PUBLISHER_CACHE_DIR ?? path.join(SITE_DIR, 'node_modules', '.astro'),
        sitePort: sitePort === 'off' ? undefined : Number(sitePort),
      }
    : {
        relay: {
          apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
          repository: setting('GITHUB_REPOSITORY'),
          token: setting('GITHUB_TOKEN'),
        },
      }),
});
await publisher.start();

const stop = async () => {
  await publisher.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
