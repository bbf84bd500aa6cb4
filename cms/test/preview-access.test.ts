import { describe, expect, it } from 'vitest';
import { api, cms } from './http.ts';

describe('the preview path', () => {
  it('reads drafts only with the preview secret', async () => {
    const secret = cms().env.PREVIEW_SECRET!;
    const withSecret = await api('/api/projects?locale=it&status=draft', 'token', { headers: { 'x-preview-secret': secret } });
    expect(withSecret.status).toBe(200);
    expect(withSecret.body.data.some((p: { publishedAt: string | null }) => p.publishedAt === null)).toBe(true);

    const wrong = await api('/api/projects?locale=it&status=draft', 'token', { headers: { 'x-preview-secret': `${secret}x` } });
    expect(wrong.status).toBe(403);
  });
});
