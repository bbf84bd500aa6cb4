import { CONTENT_TYPES } from 'shared-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, cms } from './http.ts';

/**
 * The communications officer's account (Strapi's Editor role), through the admin HTTP API as the
 * admin panel uses it: everything the editing guide needs, and none of the developers' tools.
 * Refusals are checked next to the super admin's answer to the same request where that is safe,
 * so a 403 proves a missing permission, not a missing route.
 */
const editor = () => inject('editor').token;
const admin = () => inject('admin').token;
const as = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
});

const OUR_TYPES: string[] = [
  ...new Set<string>(Object.values(CONTENT_TYPES).map((type) => type.uid)).add('api::site-setting.site-setting'),
].sort();
const CONTENT_ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map((action) => `plugin::content-manager.explorer.${action}`);
const FIELD_ACTIONS = ['create', 'read', 'update'].map((action) => `plugin::content-manager.explorer.${action}`);
const UPLOAD_ACTIONS = ['read', 'configure-view', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map(
  (action) => `plugin::upload.${action}`,
);
const ALLOWED_ACTIONS = new Set([...CONTENT_ACTIONS, ...UPLOAD_ACTIONS]);
const PROJECT = 'api::project.project';

type Permission = { action: string; subject: string | null; properties: { fields?: string[]; locales?: string[] }; conditions: string[] };

async function permissionsOf(token: string): Promise<Permission[]> {
  const { status, body } = await api('/admin/users/me/permissions', 'public', as(token));
  expect(status).toBe(200);
  return body.data;
}

describe('the officer account', () => {
  it('has the Editor role only, named in Italian, and the Italian interface', async () => {
    const { status, body } = await api('/admin/users/me', 'public', as(editor()));
    expect(status).toBe(200);
    expect(body.data.email).toBe(inject('editor').email);
    // The name is what the officer's profile card and menu show.
    expect(body.data.roles.map((role: { code: string; name: string }) => [role.code, role.name])).toEqual([['strapi-editor', 'Redattore']]);
    expect(body.data.preferedLanguage).toBe('it');
  });
});

describe('the Editor role', () => {
  let mine: Permission[];
  let superAdmin: Permission[];
  beforeAll(async () => {
    mine = await permissionsOf(editor());
    superAdmin = await permissionsOf(admin());
  });

  it('has no permission outside content editing of our types and the media library', () => {
    const list = mine.map((p) => `${p.action} ${p.subject ?? ''}`.trim()).sort();
    const outside = mine.filter(
      (p) => !ALLOWED_ACTIONS.has(p.action) || (p.action.startsWith('plugin::content-manager.') && !OUR_TYPES.includes(p.subject ?? '')),
    );
    expect(outside, `the Editor's permissions:\n${list.join('\n')}`).toEqual([]);
    expect(
      mine.filter((p) => p.conditions.length > 0),
      'no conditions (e.g. "is creator")',
    ).toEqual([]);
    expect(list).toHaveLength(OUR_TYPES.length * CONTENT_ACTIONS.length + UPLOAD_ACTIONS.length);
  });

  it('has no access to the marketplace, the users-permissions users or any settings', () => {
    const actions = mine.map((p) => p.action);
    expect(actions).not.toContain('admin::marketplace.read');
    expect(actions.filter((action) => action.startsWith('admin::') || action.includes('settings'))).toEqual([]);
    expect(mine.filter((p) => p.subject === 'plugin::users-permissions.user')).toEqual([]);
  });

  it.each(OUR_TYPES)('may create, read, update, delete and publish every field of %s in both locales', (uid) => {
    for (const action of CONTENT_ACTIONS) {
      const granted = mine.filter((p) => p.action === action && p.subject === uid);
      expect(granted, `${action} on ${uid}`).toHaveLength(1);
      expect([...(granted[0]!.properties.locales ?? [])].sort(), `${action} on ${uid}`).toEqual(['en', 'it']);
      if (FIELD_ACTIONS.includes(action)) {
        // Every field: the same list the super admin has.
        const all = superAdmin.find((p) => p.action === action && p.subject === uid)!.properties.fields!;
        expect(all.length).toBeGreaterThan(0);
        expect([...granted[0]!.properties.fields!].sort(), `${action} on ${uid}`).toEqual([...all].sort());
      }
    }
  });

  it('may use the media library', () => {
    for (const action of UPLOAD_ACTIONS)
      expect(
        mine.map((p) => p.action),
        action,
      ).toContain(action);
  });
});

describe('what the officer cannot reach', () => {
  // [method, path, body]: refused to the editor (403). GETs are also asked as the super admin (200).
  const REFUSED: Array<[string, string, unknown?]> = [
    ['GET', '/content-type-builder/content-types'],
    ['GET', '/content-type-builder/schema'],
    ['POST', '/content-type-builder/update-schema', { data: { contentTypes: [], components: [] } }],
    [
      'POST',
      '/content-type-builder/content-types',
      { contentType: { displayName: 'Intruso', singularName: 'intruso', pluralName: 'intrusi', attributes: {} } },
    ],
    ['GET', '/admin/webhooks'],
    ['POST', '/admin/webhooks', { name: 'x', url: 'http://127.0.0.1:9/x', events: ['entry.publish'], headers: {} }],
    ['GET', '/admin/api-tokens'],
    ['POST', '/admin/api-tokens', { name: 'intruso', type: 'full-access', lifespan: null }],
    ['GET', '/admin/roles'],
    ['GET', '/admin/users'],
    ['POST', '/admin/users', { email: 'nuovo@test.local', firstname: 'N', lastname: 'U', roles: [1] }],
    ['GET', '/admin/plugins'], // the Marketplace (admin::marketplace.read)
    ['POST', '/i18n/locales', { code: 'fr', name: 'Français (fr)', isDefault: false }],
    ['GET', '/upload/settings'],
    ['PUT', '/upload/settings', { sizeOptimization: false, responsiveDimensions: false, autoOrientation: false }],
    ['GET', '/users-permissions/roles'],
    ['GET', '/content-manager/collection-types/plugin::users-permissions.user'],
    [
      'POST',
      '/content-manager/collection-types/plugin::users-permissions.user',
      { username: 'intruso', email: 'intruso@test.local', password: 'Intruso-123' },
    ],
  ];

  it.each(REFUSED)('%s %s is refused', async (method, path, body) => {
    const init: RequestInit = { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    const { status } = await api(path, 'public', as(editor(), init));
    expect(status).toBe(403);
    if (method === 'GET') expect((await api(path, 'public', as(admin()))).status).toBe(200);
  });
});

describe('what the officer does, as the editing guide says', () => {
  const slug = `redazione-${Date.now()}`;
  const data = { acronym: 'RED', title: 'Progetto della redazione', summary: 'Sintesi della redazione.', slug };
  const cm = (suffix: string) => `/content-manager/collection-types/${PROJECT}${suffix}`;
  let documentId: string;
  const uploaded: number[] = [];

  afterAll(async () => {
    // Other suites count projects and files: leave nothing behind (as the admin, should a step have failed).
    if (documentId) await api(cm(`/${documentId}?locale=*`), 'public', as(admin(), { method: 'DELETE' }));
    for (const id of uploaded) await api(`/upload/files/${id}`, 'public', as(admin(), { method: 'DELETE' }));
  });

  const published = async (locale: string) =>
    (await api(`/api/projects?locale=${locale}&filters[slug][$eq]=${slug}`)).body.data as unknown[];

  it.each(OUR_TYPES)('reads %s in both locales', async (uid) => {
    const single = Object.values(CONTENT_TYPES).find((type) => type.uid === uid)?.single;
    for (const locale of ['it', 'en']) {
      const path = single
        ? `/content-manager/single-types/${uid}?locale=${locale}`
        : `/content-manager/collection-types/${uid}?locale=${locale}`;
      const { status, body } = await api(path, 'public', as(editor()));
      expect(status, `${path}: ${JSON.stringify(body)}`).toBe(200);
      if (single) expect(body.data.documentId).toBeTruthy();
      else expect(body.results.length).toBeGreaterThan(0);
    }
  });

  it('creates a draft', async () => {
    const { status, body } = await api(cm('?locale=it'), 'public', as(editor(), { method: 'POST', body: JSON.stringify(data) }));
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.data.publishedAt).toBeNull();
    documentId = body.data.documentId;
    expect(await published('it')).toHaveLength(0);
  });

  it('lists the drafts, the new one among them', async () => {
    const { status, body } = await api(cm(`?locale=it&filters[slug][$eq]=${slug}`), 'public', as(editor()));
    expect(status).toBe(200);
    expect(body.results.map((entry: { documentId: string }) => entry.documentId)).toEqual([documentId]);
  });

  it('updates the draft', async () => {
    const { status, body } = await api(
      cm(`/${documentId}?locale=it`),
      'public',
      as(editor(), { method: 'PUT', body: JSON.stringify({ ...data, title: 'Titolo corretto' }) }),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    const read = await api(cm(`/${documentId}?locale=it`), 'public', as(editor()));
    expect(read.body.data.title).toBe('Titolo corretto');
  });

  it('creates the English version of the entry', async () => {
    const english = { ...data, title: 'The editorial project', summary: 'The editorial summary.' };
    const { status, body } = await api(
      cm(`/${documentId}?locale=en`),
      'public',
      as(editor(), { method: 'PUT', body: JSON.stringify(english) }),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    const read = await api(cm(`/${documentId}?locale=en`), 'public', as(editor()));
    expect(read.body.data.locale).toBe('en');
    expect(read.body.data.title).toBe('The editorial project');
  });

  it('opens the preview of the draft', async () => {
    const { status, body } = await api(
      `/content-manager/preview/url/${PROJECT}?documentId=${documentId}&locale=it&status=draft`,
      'public',
      as(editor()),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.data.url).toContain('/preview?');
  });

  it('publishes the entry: it reaches the public API', async () => {
    const { status, body } = await api(
      cm(`/${documentId}/actions/publish?locale=it`),
      'public',
      as(editor(), { method: 'POST', body: JSON.stringify({ ...data, title: 'Titolo corretto' }) }),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await published('it')).toHaveLength(1);
  });

  it('unpublishes the entry: it leaves the public API', async () => {
    const { status, body } = await api(
      cm(`/${documentId}/actions/unpublish?locale=it`),
      'public',
      as(editor(), { method: 'POST', body: '{}' }),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await published('it')).toHaveLength(0);
  });

  it('deletes the entry', async () => {
    const { status } = await api(cm(`/${documentId}?locale=*`), 'public', as(editor(), { method: 'DELETE' }));
    expect(status).toBe(200);
    expect((await api(cm(`/${documentId}?locale=it`), 'public', as(editor()))).status).toBe(404);
    documentId = '';
  });

  it('uploads a file to the media library and finds it there', async () => {
    const form = new FormData();
    form.append('files', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'redazione-check.pdf');
    const response = await fetch(`${cms().url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${editor()}` }, body: form });
    const body = (await response.json()) as Array<{ id: number; name: string }>;
    expect(response.status, JSON.stringify(body)).toBe(201);
    uploaded.push(body[0]!.id);
    const list = await api('/upload/files?pageSize=100', 'public', as(editor()));
    expect(list.status).toBe(200);
    expect(list.body.results.map((file: { name: string }) => file.name)).toContain('redazione-check.pdf');
  });
});
