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
