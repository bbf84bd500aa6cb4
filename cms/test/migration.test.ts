import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, runSeed, startCms, type RunningCms } from 'harness/cms';
import { createTestSchema } from 'harness/postgres';
import { throwawayCmsEnv } from 'harness/test-env';
import { readSeedBundle } from 'harness/seed-bundle';

/**
 * The migration to shared partnerships, on a copy of a seeded database (SQLite or PostgreSQL, as
 * the suite runs). The seeded database is put back in the shape the previous model stored: each
 * language with its own partnership rows and its note in that language, the English list of one
 * project one row short. A CMS started on it must migrate it with every partnership and every
 * note kept, in both languages. The same database holds an officer's home page arranged before the
 * publication widget existed: the widget must be added to it, once. Its tables have no column for
 * former slugs yet: the CMS must add it, empty, and keep the next rename in it.
 */

const require = createRequire(import.meta.url);
const client = process.env.TEST_DATABASE_CLIENT ?? 'sqlite';
const bundle = readSeedBundle();
const SHORTENED = 'connection';

let cms: RunningCms;
let env: Record<string, string>;
let dir: string;
let dropSchema = async () => {};

/** Runs SQL statements on the test database, whichever engine it is. */
async function sql(statements: string[]): Promise<void> {
  if (client === 'postgres') {
    const { Client } = require('pg');
    const db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(`SET search_path TO ${env.DATABASE_SCHEMA}`);
      for (const statement of statements) await db.query(statement);
    } finally {
      await db.end();
    }
  } else {
    const Database = require('better-sqlite3');
    const db = new Database(env.DATABASE_FILENAME);
    try {
      for (const statement of statements) db.prepare(statement).run();
    } finally {
      db.close();
    }
  }
}

/** The previous model's storage: per-language rows, each language's note in `note`. */
const OLD_SHAPE = [
  `UPDATE components_project_partnership SET note = note_en WHERE id IN (
     SELECT cmp_id FROM projects_cmps c JOIN projects p ON p.id = c.entity_id WHERE p.locale = 'en' AND c.field = 'partnerships')`,
  `UPDATE components_project_partnership SET note_en = NULL`,
  // One English list one row short: its Italian row must stay, in both languages.
  `DELETE FROM projects_cmps WHERE id IN (
     SELECT c.id FROM projects_cmps c JOIN projects p ON p.id = c.entity_id
     WHERE p.locale = 'en' AND p.slug = '${SHORTENED}' AND c.field = 'partnerships'
       AND c."order" = (SELECT MAX(c2."order") FROM projects_cmps c2 WHERE c2.entity_id = c.entity_id AND c2.field = 'partnerships'))`,
  `DELETE FROM strapi_core_store_settings WHERE key LIKE '%shared-partnerships%'`,
  // Labels that kept a project's old acronym (before they followed their project's changes), in front (before the 8th).
  `UPDATE actions SET admin_label = 'VECCHIA SIGLA · ' || title`,
  `UPDATE communities_of_practice SET admin_label = 'VECCHIA SIGLA · ' || title`,
  `DELETE FROM strapi_core_store_settings WHERE key LIKE '%project-member-labels%'`,
  // Before the CMS kept the slugs a page was published under.
  ...['projects', 'partners', 'funding_lines', 'themes', 'communities_of_practice'].map(
    (table) => `ALTER TABLE ${table} DROP COLUMN former_slugs`,
  ),
  // Strapi compares its model with the tables only when the model's hash differs from the one it stored.
  `UPDATE strapi_database_schema SET hash = 'a model without former slugs'`,
];

/** An officer's home page arranged before the publication widget existed: Strapi would never show it to them. */
const OLD_HOME_LAYOUT = {
  version: 1,
  widgets: [{ uid: 'plugin::content-manager.last-edited-entries', width: 12 }],
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const savedHomeLayout = () => [
  `DELETE FROM strapi_core_store_settings WHERE key LIKE '%homepage-layout%' OR key LIKE '%publication-widget-in-saved-home-layouts%'`,
  `INSERT INTO strapi_core_store_settings (key, value, type)
     SELECT 'core_admin_homepage-layout:' || id, '${JSON.stringify(OLD_HOME_LAYOUT)}', 'object' FROM admin_users WHERE email = '${env.EDITOR_EMAIL}'`,
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'portfolio-migration-'));
  env = await throwawayCmsEnv(path.join(dir, 'migration.db'), { DATABASE_CLIENT: client });
  if (client === 'postgres') {
    const schema = await createTestSchema();
    Object.assign(env, schema.env);
    dropSchema = schema.drop;
  }
  runSeed(env);
  await sql([...OLD_SHAPE, ...savedHomeLayout()]);
  cms = await startCms(env, () => {});
}, 300_000);

afterAll(async () => {
  await cms?.stop();
  await dropSchema();
  rmSync(dir, { recursive: true, force: true });
});

async function publishedProjects(locale: string) {
  const response = await fetch(
    `${cms.url}/api/projects?locale=${locale}&pagination[pageSize]=100&populate[partnerships][populate][partner][fields][0]=slug`,
    { headers: { Authorization: `Bearer ${env.SITE_BUILD_TOKEN}` } },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Array<{ slug: string; partnerships: Array<Record<string, any>> }> }).data;
}

const editorToken = () => adminLogin(cms.url, env.EDITOR_EMAIL!, env.EDITOR_PASSWORD!);

/** The officer's saved home page, as the admin reads it. */
async function homeLayout(): Promise<{ widgets: Array<{ uid: string; width: number }> }> {
  const response = await fetch(`${cms.url}/admin/homepage/layout`, { headers: { Authorization: `Bearer ${await editorToken()}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { widgets: Array<{ uid: string; width: number }> } }).data;
}

describe('migrations of an existing database, on start', () => {
  it('keeps every partnership and both notes, the same list in both languages', async () => {
    const it = new Map((await publishedProjects('it')).map((p) => [p.slug, p.partnerships]));
    const en = new Map((await publishedProjects('en')).map((p) => [p.slug, p.partnerships]));
    expect(it.size).toBe(bundle.projects.length);
    for (const project of bundle.projects) {
      const expected = project.partnerships.map((p) => ({
        partner: p.partner,
        role: p.role,
        note: p.note?.it ?? null,
        noteEn: p.note?.en ?? null,
      }));
      // The Italian list is the base: the row missing from the shortened English list is kept, its English note lost with it.
      if (project.slug === SHORTENED) expected[expected.length - 1]!.noteEn = null;
      for (const [locale, lists] of [
        ['it', it],
        ['en', en],
      ] as const) {
        const actual = lists.get(project.slug)!.map((p) => ({ partner: p.partner?.slug, role: p.role, note: p.note, noteEn: p.noteEn }));
        expect(actual, `${project.slug} (${locale})`).toEqual(expected);
      }
    }
  });

  it('enforces the integrity rules in the Document Service too (in-process writes, not only the admin API)', async () => {
    await cms.stop();
    const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'support', 'document-service-rules.ts');
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(seen.generatedSlug).toBe('ente-del-servizio-documenti');
    expect(seen.englishSlug).toBe(seen.generatedSlug);
    expect(seen.partnerships).toEqual([['true:lead:Nota:Note'], ['true:lead:Nota:Note']]);
    expect(seen.publishWithDraftPartner).toContain('Partner «Ente del servizio documenti»');
    expect(seen.publishedProjects).toBe(0);
    cms = await startCms(env, () => {});
  });

  it('puts the publication widget first in a home page the officer had arranged before it existed', async () => {
    expect((await homeLayout()).widgets).toEqual([{ uid: 'global::publication-status', width: 6 }, ...OLD_HOME_LAYOUT.widgets]);
  });

  it('names every action and community with its project’s acronym again, in both languages', async () => {
    const token = await adminLogin(cms.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
    for (const [uid, entries] of [
      ['api::action.action', bundle.projects.flatMap((p) => p.actions.map((a) => ({ project: p.acronym, code: a.code, title: a.title })))],
      [
        'api::community-of-practice.community-of-practice',
        bundle.projects.flatMap((p) => p.communities.map((c) => ({ project: p.acronym, code: c.code, title: c.title }))),
      ],
    ] as const) {
      for (const locale of ['it', 'en'] as const) {
        const response = await fetch(`${cms.url}/content-manager/collection-types/${uid}?locale=${locale}&page=1&pageSize=500`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const labels = ((await response.json()) as { results: Array<{ adminLabel: string }> }).results.map((r) => r.adminLabel).sort();
        const expected = entries.map((e) => [e.code, e.title[locale], e.project].filter(Boolean).join(' · ')).sort();
        expect(labels, `${uid} (${locale})`).toEqual(expected);
      }
    }
  });

  it('adds the former slugs to every entry, none yet, and keeps the next rename', async () => {
    const themes = async () => {
      const response = await fetch(`${cms.url}/api/themes?locale=it&pagination[pageSize]=100`, {
        headers: { Authorization: `Bearer ${env.SITE_BUILD_TOKEN}` },
      });
      return ((await response.json()) as { data: Array<{ documentId: string; slug: string; formerSlugs: string[] | null }> }).data;
    };
    const before = await themes();
    expect(before.map((theme) => theme.slug).sort()).toEqual(bundle.themes.map((theme) => theme.slug).sort());
    expect(before.map((theme) => theme.formerSlugs)).toEqual(before.map(() => null));

    const [theme] = before;
    const call = async (method: string, pathAndQuery: string, body: object) =>
      fetch(`${cms.url}/content-manager/collection-types/api::theme.theme/${theme!.documentId}${pathAndQuery}`, {
        method,
        headers: { Authorization: `Bearer ${await editorToken()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call('PUT', '?locale=it', { slug: `${theme!.slug}-rinominato` })).status).toBe(200);
    expect((await call('POST', '/actions/publish?locale=it', {})).status).toBe(200);
    expect((await themes()).find((t) => t.documentId === theme!.documentId)).toMatchObject({
      slug: `${theme!.slug}-rinominato`,
      formerSlugs: [theme!.slug],
    });
  });

  it('runs once: a restart changes nothing', async () => {
    const before = JSON.stringify(await publishedProjects('en'));
    await cms.stop();
    cms = await startCms(env, () => {});
    expect(JSON.stringify(await publishedProjects('en'))).toBe(before);
    // An officer who then removes the widget keeps it removed.
    const withoutWidget = { widgets: OLD_HOME_LAYOUT.widgets };
    const saved = await fetch(`${cms.url}/admin/homepage/layout`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await editorToken()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(withoutWidget),
    });
    expect(saved.status).toBe(200);
    await cms.stop();
    cms = await startCms(env, () => {});
    expect((await homeLayout()).widgets).toEqual(OLD_HOME_LAYOUT.widgets);
  });
});
