import { describe, expect, it } from 'vitest';
import { adminToken, api } from './http.ts';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

describe('scheduled publishing', () => {
  it('publishes a draft once its "publish at" date has come, and not before', async () => {
    const token = await adminToken();
    const create = (name: string, slug: string, publishAt: string) =>
      api('/content-manager/collection-types/api::theme.theme?locale=it', 'public', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, slug, publishAt }),
      });
    const stamp = Date.now();
    const due = await create('Tema programmato', `programmato-${stamp}`, new Date(stamp - 60_000).toISOString());
    const later = await create('Tema futuro', `futuro-${stamp}`, new Date(stamp + 3_600_000).toISOString());
    expect(due.status).toBe(201);
    expect(later.status).toBe(201);

    const published = await waitFor(async () => {
      const { body } = await api(`/api/themes?locale=it&filters[slug][$eq]=programmato-${stamp}`);
      return body.data.length === 1;
    }, 20_000);
    expect(published).toBe(true);
    const { body } = await api(`/api/themes?locale=it&filters[slug][$eq]=futuro-${stamp}`);
    expect(body.data).toHaveLength(0);
  });
});

describe('a scheduled publish the CMS refuses', () => {
  it('keeps the date, tells the edit view why, and publishes once the entry is mended', async () => {
    const token = await adminToken();
    const auth = { Authorization: `Bearer ${token}` };
    const ACTION = 'api::action.action';
    // An action with no project: refused (integrity.test.ts), every run of the task.
    const created = await api(`/content-manager/collection-types/${ACTION}?locale=it`, 'public', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Azione programmata', actionType: 'other', publishAt: new Date(Date.now() - 60_000).toISOString() }),
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const entry = async () =>
      (await api(`/portfolio/publication-status?uid=${ACTION}&documentId=${documentId}&locale=it`, 'public', { headers: auth })).body.data
        .entry;

    expect(await waitFor(async () => Boolean((await entry()).scheduled?.failure), 20_000)).toBe(true);
    const refused = await entry();
    expect(refused.publishedAt).toBeNull();
    expect(refused.scheduled.failure.message).toContain('nel campo «Progetto»');

    const { body: projects } = await api('/api/projects?locale=it&pagination[pageSize]=1');
    const mended = await api(`/content-manager/collection-types/${ACTION}/${documentId}?locale=it`, 'public', {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ project: { connect: [{ documentId: projects.data[0].documentId, locale: 'it' }] } }),
    });
    expect(mended.status).toBe(200);
    expect(await waitFor(async () => (await entry()).publishedAt !== null, 20_000)).toBe(true);
    expect((await entry()).scheduled).toBeNull();
    // The failure is gone with the date: scheduling it again starts clean.
    await api(`/content-manager/collection-types/${ACTION}/${documentId}?locale=*`, 'public', { method: 'DELETE', headers: auth });
  });
});
