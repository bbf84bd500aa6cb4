import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { createTestSchema } from 'harness/postgres';
import { buildSite } from 'harness/site';
import { serveFolder } from 'harness/static-server';
import { throwawayCmsEnv } from 'harness/test-env';
import { batteryBundle } from './content.ts';

export const BUILD_SITE_URL = 'http://localhost:4321';
export const BUILD_DATE = '2026-11-22';

/**
 * The reliability battery's world: a fresh CMS on the database under test (TEST_DATABASE_CLIENT:
 * sqlite or postgres) holding only the battery's hostile and extreme content, imported through
 * the seed importer; the site built from it and served like a static host.
 */
export default async function setup(project: TestProject) {
  ensureCmsBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'portfolio-battery-'));
  const databaseClient = process.env.TEST_DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  const env = await throwawayCmsEnv(path.join(dir, 'battery.db'));
  let dropSchema = async () => {};
  if (databaseClient === 'postgres') {
    const schema = await createTestSchema();
    Object.assign(env, schema.env);
    dropSchema = schema.drop;
  }

  const bundleFile = path.join(dir, 'battery-bundle.json');
  writeFileSync(bundleFile, JSON.stringify(batteryBundle()));
  let cms: RunningCms | undefined;
  let server: Server | undefined;
  const cmsLog = path.join(dir, 'cms.log');
  const teardown = async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await cms?.stop();
    await dropSchema();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    runSeed(env, ['--bundle', bundleFile]);
    cms = await startCmsLogged(env, cmsLog);

    const outDir = path.join(dir, 'dist');
    const buildEnv = { STRAPI_URL: cms.url, STRAPI_TOKEN: env.SITE_BUILD_TOKEN!, SITE_URL: BUILD_SITE_URL, BUILD_DATE };
    const build = await buildSite({ outDir, cacheDir: path.join(dir, 'astro-cache'), env: buildEnv });
    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, `battery-build-${databaseClient}.log`), build.output);
    if (!build.ok) throw new Error(`the battery site build failed:\n${build.output.split('\n').slice(-80).join('\n')}`);

    const served = await serveFolder(outDir);
    server = served.server;

    project.provide('battery', {
      databaseClient,
      siteUrl: served.url,
      outDir,
      buildEnv,
      buildDurationMs: build.durationMs,
      resultsDir,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    battery: {
      databaseClient: 'sqlite' | 'postgres';
      /** The built battery site, served like a static host. */
      siteUrl: string;
      outDir: string;
      /** The environment the site was built with (STRAPI_URL, token, SITE_URL, BUILD_DATE). */
      buildEnv: Record<string, string>;
      buildDurationMs: number;
      resultsDir: string;
    };
  }
}
