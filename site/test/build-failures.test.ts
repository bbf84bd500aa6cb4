import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from 'harness/test-env';
import { buildSite, type SiteBuildResult } from 'harness/site';
import { parseBuildFailure } from '../src/lib/strapi/errors.ts';

/**
 * The build refuses to publish a broken or empty site: it fails, and its output says what went
 * wrong and what to do, when the CMS does not answer, when an entry breaks the content contract
 * and when the token is wrong. Each build writes to its own temporary folders.
 */
const cms = inject('cms');
const siteEnv = inject('site').buildEnv;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function buildWith(env: Record<string, string>): Promise<SiteBuildResult & { outDir: string }> {
  const root = mkdtempSync(path.join(cms.tempDir, 'failing-build-'));
  folders.push(root);
  const outDir = path.join(root, 'dist');
  const result = await buildSite({ outDir, cacheDir: path.join(root, 'cache'), env: { ...siteEnv, ...env } });
  return { ...result, outDir };
}

interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
  close(): void;
}
/** better-sqlite3 is the CMS's SQLite driver; the site does not depend on it. */
const openDatabase = (file: string): Database => {
  const Driver = createRequire(fileURLToPath(new URL('../../cms/package.json', import.meta.url)))('better-sqlite3') as new (
    file: string,
  ) => Database;
  return new Driver(file);
};

describe('a build against a CMS that does not answer', () => {
  it('fails after the configured attempts, naming the URL, and writes no site', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const build = await buildWith({ STRAPI_URL: url, STRAPI_ATTEMPTS: '3', STRAPI_BACKOFF_MS: '50' });
    expect(build.ok, build.output).toBe(false);
    expect(build.output).toContain(`The CMS at ${url} did not answer`);
    expect(build.output).toContain('after 3 attempts');
    expect(build.output).toContain(`${url}/api/`);
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  });
});

describe('a build with an entry that breaks the content contract', () => {
  it('fails naming the content type, documentId, locale, field and reason', async () => {
    const db = openDatabase(cms.databaseFile);
    const row = db
      .prepare(
        "SELECT id, document_id AS documentId, country FROM partners WHERE locale = 'en' AND published_at IS NOT NULL AND country IS NOT NULL ORDER BY id LIMIT 1",
      )
      .get() as { id: number; documentId: string; country: string } | undefined;
    expect(row, 'a published English partner with a country').toBeDefined();
    const update = db.prepare('UPDATE partners SET country = ? WHERE id = ?');
    try {
      expect(update.run('xx', row!.id).changes).toBe(1);
      const build = await buildWith({});
      expect(build.ok, build.output).toBe(false);
      expect(build.output).toContain('api::partner.partner');
      expect(build.output).toContain(`documentId=${row!.documentId}`);
      expect(build.output).toContain('locale=en');
      expect(build.output).toMatch(/country: .*ISO 3166-1 alpha-2/);
      // The same, on one machine-readable line the publisher passes on to the admin.
      expect(parseBuildFailure(build.output)).toEqual({
        contentType: 'api::partner.partner',
        documentId: row!.documentId,
        locale: 'en',
        field: 'country',
        reason: expect.stringMatching(/ISO 3166-1 alpha-2/),
      });
      expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
    } finally {
      update.run(row!.country, row!.id);
      db.close();
    }
  });
});

describe('a build with a wrong API token', () => {
  it('fails at the first request and points at STRAPI_TOKEN', async () => {
    const build = await buildWith({ STRAPI_TOKEN: 'not-the-site-build-token', STRAPI_ATTEMPTS: '3', STRAPI_BACKOFF_MS: '50' });
    expect(build.ok, build.output).toBe(false);
    expect(build.output).toContain('The CMS refused');
    expect(build.output).toContain('HTTP 401');
    expect(build.output).toContain('STRAPI_TOKEN');
    expect(build.output).not.toContain('after 3 attempts');
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  });
});
