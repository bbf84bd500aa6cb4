import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminLogin, ensureCmsBuilt, runSeed, startCmsLogged } from 'harness/cms';
import { createTestSchema } from 'harness/postgres';
import { freePort, throwawayCmsEnv } from 'harness/test-env';

/**
 * One real Strapi for the whole suite: built from the current sources, on a fresh database,
 * seeded with the seed data files, listening on a free port. Tests get its URL, the build token,
 * the admin's and the officer's logins and the environment (to run the seed again) through `inject`.
 */
export default async function setup(project: TestProject) {
  ensureCmsBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'portfolio-cms-test-'));
  const client = process.env.TEST_DATABASE_CLIENT ?? 'sqlite';
  const env = await throwawayCmsEnv(path.join(dir, 'test.db'), {
    DATABASE_CLIENT: client,
    // Scheduled publishing checks every 2 s instead of every minute.
    PUBLISH_SCHEDULE_RULE: '*/2 * * * * *',
    // Where the CMS reads the publisher's status: nothing listens there unless a test starts a
    // stand-in (publication-status.test.ts). The public site's address for "Vedi sul sito".
    PUBLISHER_STATUS_URL: `http://127.0.0.1:${await freePort()}/status`,
    SITE_URL: 'https://progetti.example.it',
  });
  let dropSchema = async () => {};
  if (client === 'postgres') {
    // A fresh schema per run in the test database, dropped afterwards.
    const schema = await createTestSchema();
    Object.assign(env, schema.env);
    dropSchema = schema.drop;
  }

  const seedOutput = runSeed(env);
  const logFile = path.join(dir, 'cms.log');
  const cms = await startCmsLogged(env, logFile);

  project.provide('cms', { url: cms.url, token: env.SITE_BUILD_TOKEN!, env, seedOutput });
  // One admin login for the whole suite: Strapi rate-limits logins (as it should).
  const token = await adminLogin(cms.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
  project.provide('admin', { email: env.ADMIN_EMAIL!, password: env.ADMIN_PASSWORD!, token });
  // The communications officer (Editor role), logged in once as well.
  const editorToken = await adminLogin(cms.url, env.EDITOR_EMAIL!, env.EDITOR_PASSWORD!);
  project.provide('editor', { email: env.EDITOR_EMAIL!, password: env.EDITOR_PASSWORD!, token: editorToken });

  return async () => {
    await cms.stop();
    await dropSchema();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    cms: { url: string; token: string; env: Record<string, string>; seedOutput: string };
    admin: { email: string; password: string; token: string };
    editor: { email: string; password: string; token: string };
  }
}
