import { describe, expect, it } from 'vitest';
import { api, type Auth } from './http.ts';

// The full caller × type × action matrix, drafts and other routes are in access-matrix.test.ts;
// this file pins down the published-only rule itself: which values of `status` pass.
const CALLERS: Auth[] = ['public', 'token'];

describe.each(CALLERS)('the %s caller', (auth) => {
  it('may ask for published content explicitly', async () => {
    const { status, body } = await api('/api/projects?locale=it&status=published', auth);
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((p: any) => p.publishedAt)).toBe(true);
  });

  it.each(['status=anything', 'status=', 'status=Published', 'publicationState=live', 'hasPublishedVersion=true'])(
    'is refused any other publication state: ?%s',
    async (param) => {
      const { status, body } = await api(`/api/projects?${param}`, auth);
      expect(status).toBe(403);
      expect(body.error.message).toMatch(/published content only/);
      expect(body.error.details.parameter).toBe(param.split('=')[0]);
    },
  );
});
