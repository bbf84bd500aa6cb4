import { describe, expect, it } from 'vitest';
import { ContentVersionsSchema } from 'shared-types';
import { adminToken, api, cms } from './http.ts';
import { PUBLIC_CONTENT_TYPES } from '../src/bootstrap/public-types.ts';

/**
 * GET /api/site-build/versions: the version of every published entry and media file, from which
 * the site build reads again only what changed (site/src/lib/strapi/delta.ts).
 */
const versions = async (query = '') => {
  const { status, body } = await api(`/api/site-build/versions${query}`, 'token');
  expect(status).toBe(200);
  return ContentVersionsSchema.parse(body.data);
};
const PROJECT = 'api::project.project';
/** Publishes a project's Italian version again, as the admin does: a new published row. */
async function republish(documentId: string) {
  const publish = await fetch(`${cms().url}/content-manager/collection-types/${PROJECT}/${documentId}/actions/publish?locale=it`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken()}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(publish.status).toBe(200);
}

describe('GET /api/site-build/versions', () => {
  it('answers the site-build token only', async () => {
    expect((await api('/api/site-build/versions', 'public')).status).toBe(401);
    const wrong = await api('/api/site-build/versions', 'public', { headers: { Authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/site-build API token/);
  });

  it('lists every published entry of every public type, in each language, and no draft', async () => {
    const answer = await versions();
    expect(Object.keys(answer.types).sort()).toEqual([...PUBLIC_CONTENT_TYPES].sort());
    for (const locale of ['it', 'en']) {
      const { body } = await api(`/api/projects?locale=${locale}&fields[0]=documentId&pagination[pageSize]=100`, 'token');
      const listed = answer.types[PROJECT]!.filter(([, rowLocale]) => rowLocale === locale).map(([documentId]) => documentId);
      expect(listed.sort()).toEqual(body.data.map((project: { documentId: string }) => project.documentId).sort());
    }
    expect(answer.schema).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.counts).toEqual({
      types: Object.fromEntries(Object.entries(answer.types).map(([uid, rows]) => [uid, rows.length])),
      files: answer.files.length,
    });
    expect(Math.abs(answer.listedAt - Date.now())).toBeLessThan(60_000);
    expect(answer.since).toBeUndefined();
  });

  it('lists only what changed since a time, with the counts of all, when asked', async () => {
    const all = await versions();
    const [documentId] = all.types[PROJECT]!.find(([, locale]) => locale === 'it')!;
    await republish(documentId);
    const changed = await versions(`?since=${all.listedAt}`);
    expect(changed.since).toBe(all.listedAt);
    expect(changed.counts).toEqual(all.counts);
    // The republished project (its other language may change too: shared fields), and nothing else.
    expect(changed.types[PROJECT]!.length).toBeGreaterThan(0);
    expect(new Set(changed.types[PROJECT]!.map(([id]) => id))).toEqual(new Set([documentId]));
    for (const [uid, rows] of Object.entries(changed.types)) if (uid !== PROJECT) expect(rows, uid).toEqual([]);
    expect(changed.files).toEqual([]);
    expect((await api('/api/site-build/versions?since=yesterday', 'token')).status).toBe(400);
  });

  it('gives a republished entry a new version and leaves other documents as they were', async () => {
    const before = await versions();
    const [documentId] = before.types[PROJECT]!.find(([, locale]) => locale === 'it')!;
    await republish(documentId);
    const after = await versions();
    const byEntry = (answer: typeof before) =>
      new Map(answer.types[PROJECT]!.map(([id, locale, rowId, changedAt]) => [`${locale}/${id}`, `${rowId}:${changedAt}`]));
    const [was, now] = [byEntry(before), byEntry(after)];
    expect(now.get(`it/${documentId}`)).not.toBe(was.get(`it/${documentId}`));
    // Its other language may change too: publishing writes the fields shared by both languages.
    for (const key of [`it/${documentId}`, `en/${documentId}`]) {
      now.delete(key);
      was.delete(key);
    }
    expect(now).toEqual(was);
  });
});
