import { describe, expect, it } from 'vitest';
import { adminToken, api, type Auth } from './http.ts';

const CALLERS: Auth[] = ['public', 'token'];

async function createDraftTheme() {
  const token = await adminToken();
  const { status, body } = await api('/content-manager/collection-types/api::theme.theme?locale=it', 'public', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'Bozza riservata', slug: `bozza-${Date.now()}` }),
  });
  expect(status).toBe(201);
  return body.data.documentId as string;
}

describe.each(CALLERS)('the %s caller', (auth) => {
  it('reads published projects', async () => {
    const { status, body } = await api('/api/projects?locale=it', auth);
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((p: any) => p.publishedAt)).toBe(true);
  });

  it.each(['status=draft', 'status=DRAFT', 'status=anything', 'publicationState=preview', 'hasPublishedVersion=false'])(
    'is refused drafts asked with ?%s',
    async (param) => {
      const { status, body } = await api(`/api/projects?${param}`, auth);
      expect(status).toBe(403);
      expect(body.error.message).toMatch(/published content only/);
    },
  );

  it('never sees a draft, neither in lists nor by documentId', async () => {
    const documentId = await createDraftTheme();
    const list = await api('/api/themes?locale=it&pagination[pageSize]=100', auth);
    expect(list.body.data.map((t: any) => t.documentId)).not.toContain(documentId);
    expect((await api(`/api/themes/${documentId}?locale=it`, auth)).status).toBe(404);
  });

  it.each([
    ['POST', '/api/projects'],
    ['PUT', '/api/projects/x'],
    ['DELETE', '/api/projects/x'],
    ['POST', '/api/partners'],
    ['PUT', '/api/site-setting'],
  ])('cannot write: %s %s', async (method, path) => {
    const { status } = await api(path, auth, { method, body: JSON.stringify({ data: { acronym: 'X' } }) });
    expect(status).toBe(403);
  });

  it.each(['/api/users', '/api/users/me', '/api/users-permissions/roles', '/api/upload/files', '/api/i18n/locales'])(
    'cannot read %s',
    async (path) => {
      const { status } = await api(path, auth);
      expect([401, 403]).toContain(status);
    },
  );
});

describe('public registration', () => {
  it('is closed', async () => {
    const { status } = await api('/api/auth/local/register', 'public', {
      method: 'POST',
      body: JSON.stringify({ username: 'intruder', email: 'intruder@example.org', password: 'Password123!' }),
    });
    expect(status).toBeGreaterThanOrEqual(400);
  });
});
