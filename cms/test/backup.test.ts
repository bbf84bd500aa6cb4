import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminLogin, startCms } from 'harness/cms';
import { createTestSchema } from 'harness/postgres';
import { freePort } from 'harness/test-env';
import { exportBackup, importBackup } from 'harness/transfer';
import { adminToken, api, cms } from './http.ts';
import { CONTENT_TYPES } from 'shared-types';

const dir = mkdtempSync(path.join(tmpdir(), 'portfolio-backup-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The collection types (the site settings are one entry, compared apart). */
const TYPES = Object.values(CONTENT_TYPES)
  .filter((type) => !type.single)
  .map((type) => type.uid);

/** Strips what an import may renumber (row ids) so two databases can be compared by content. */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutIds)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => k !== 'id')
            .map(([k, v]) => [k, withoutIds(v)]),
        )
      : value;

/** Every entry of every public type, drafts and published, both locales, as the admin sees them. */
async function snapshot(baseUrl: string, email: string, password: string) {
  const headers = { Authorization: `Bearer ${await adminLogin(baseUrl, email, password)}` };
  const result: Record<string, unknown> = {};
  for (const uid of TYPES) {
    for (const locale of ['it', 'en']) {
      const response = await fetch(`${baseUrl}/content-manager/collection-types/${uid}?locale=${locale}&pageSize=100&sort=documentId:ASC`, {
        headers,
      });
      const list = (await response.json()) as { results: Array<Record<string, unknown>> };
      result[`${uid}/${locale}`] = list.results
        .map((entry): Record<string, unknown> => ({ ...(withoutIds(entry) as object), updatedBy: undefined, createdBy: undefined }))
        .sort((a, b) => String(a.documentId).localeCompare(String(b.documentId)));
    }
  }
  type Files = Array<Record<string, unknown>>;
  const files = (await (await fetch(`${baseUrl}/upload/files?pageSize=100`, { headers })).json()) as { results?: Files } | Files;
  result.files = (Array.isArray(files) ? files : files.results!).map((f) => `${f.name}:${f.size}:${f.hash}`).sort();
  return result;
}

describe('backups', () => {
  it('round-trips every type, both locales, drafts and media — into SQLite and, as a migration, into PostgreSQL', async () => {
    const source = cms();
    // A draft and an uploaded file, so the archive has both to carry.
    const token = await adminToken();
    const form = new FormData();
    form.append('files', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'backup-check.pdf');
    expect(
      (await fetch(`${source.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })).status,
    ).toBe(201);
    const draft = await api('/content-manager/collection-types/api::theme.theme?locale=it', 'public', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Tema in bozza da salvare', slug: `bozza-backup-${Date.now()}` }),
    });
    expect(draft.status).toBe(201);

    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = source.env;
    const before = await snapshot(source.url, email!, password!);
    expect(JSON.stringify(before)).toContain('Tema in bozza da salvare');
    expect((before.files as string[]).some((f) => f.startsWith('backup-check.pdf'))).toBe(true);

    const key = 'a-backup-key-for-tests-1234';
    const archive = exportBackup(path.join(dir, 'portfolio'), { key, env: source.env });
    expect(archive.endsWith('.tar.gz.enc')).toBe(true);

    const targets: Array<[string, Record<string, string>]> = [
      ['sqlite', { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'restored.db') }],
    ];
    const schema = await createTestSchema();
    cleanups.push(schema.drop);
    targets.push(['postgres', schema.env]);

    for (const [name, databaseEnv] of targets) {
      const env = { ...source.env, ...databaseEnv, PORT: String(await freePort()) };
      expect(() => importBackup(archive, { key: 'the-wrong-key-000000000', env })).toThrow(/the key does not open/);
      importBackup(archive, { key, env });
      const restored = await startCms(env, () => {});
      try {
        expect(await snapshot(restored.url, email!, password!), `restored into ${name}`).toEqual(before);
      } finally {
        await restored.stop();
      }
    }
  }, 600_000);
});
