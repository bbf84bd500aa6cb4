import { randomBytes } from 'node:crypto';
import { CONTENT_TYPES, toQueryString, type ContentTypeName } from 'shared-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, api, cms } from './http.ts';

/**
 * The full REST access matrix: every caller × every public content type × every REST action,
 * drafts asked for in every way we know, and the routes that are not content. Only find and
 * findOne of published entries may succeed, for the public role and the build token alone.
 */

type Caller = 'public' | 'token' | 'wrong-token';
type Action = 'find' | 'findOne' | 'create' | 'update' | 'delete';
type Collection = Exclude<ContentTypeName, 'siteSettings'>;

const CALLERS: Caller[] = ['public', 'token', 'wrong-token'];
const WRONG_TOKEN = randomBytes(32).toString('hex');
const COLLECTION_ACTIONS: Action[] = ['find', 'findOne', 'create', 'update', 'delete'];
const SINGLE_ACTIONS: Action[] = ['find', 'update', 'delete'];
const READS = new Set<string>(['find', 'findOne']);
const TYPES = Object.keys(CONTENT_TYPES) as ContentTypeName[];
const COLLECTIONS = TYPES.filter((name) => !CONTENT_TYPES[name].single) as Collection[];

const stamp = randomBytes(4).toString('hex');
/** In the name and slug of every draft: it must never appear in a REST response. */
const MARKER = `riservato${stamp}`;

/** The field that names an entry of each collection (localized, required). */
const LABEL: Record<Collection, string> = {
  projects: 'title',
  partners: 'name',
  actions: 'title',
  communities: 'title',
  fundingLines: 'name',
  themes: 'name',
};

/** Minimal valid data for each collection: required fields, a unique uid slug. */
const SAMPLE: Record<Collection, (tag: string) => Record<string, unknown>> = {
  projects: (tag) => ({ acronym: 'MTX', title: `Progetto ${tag}`, summary: 'Sintesi di prova.', slug: `progetto-${tag}` }),
  partners: (tag) => ({ name: `Partner ${tag}`, slug: `partner-${tag}`, organisationType: 'other' }),
  actions: (tag) => ({ title: `Azione ${tag}`, actionType: 'other' }),
  communities: (tag) => ({ title: `Comunità ${tag}`, slug: `comunita-${tag}` }),
  fundingLines: (tag) => ({ name: `Linea ${tag}`, acronym: 'LMX', slug: `linea-${tag}`, fundingStatement: 'co_funded' }),
  themes: (tag) => ({ name: `Tema ${tag}`, slug: `tema-${tag}` }),
};

/**
 * Relations from a published entry to a draft, as [owner, field, draft]: each published fixture's
 * draft version links to the drafts below, so a leaky populate would show them.
 * (Projects also reach the draft partner through the partnerships component.)
 */
const LINKS: Array<[Collection, string, Collection]> = [
  ['projects', 'themes', 'themes'],
  ['projects', 'fundingLine', 'fundingLines'],
  ['projects', 'actions', 'actions'],
  ['projects', 'communities', 'communities'],
  ['actions', 'project', 'projects'],
  ['communities', 'project', 'projects'],
  ['communities', 'theme', 'themes'],
  ['communities', 'members', 'partners'],
  ['themes', 'projects', 'projects'],
  ['themes', 'communities', 'communities'],
  ['fundingLines', 'projects', 'projects'],
  ['partners', 'communities', 'communities'],
];
const referrers = (draft: Collection): Collection[] => [
  ...LINKS.filter(([, , target]) => target === draft).map(([owner]) => owner),
  ...(draft === 'partners' ? (['projects'] as const) : []),
];

/** Never published, one per collection. */
const drafts = {} as Record<Collection, string>;
/** Published, one per collection, each with an unpublished English translation. */
const published = {} as Record<Collection, string>;

// --- requests and their tally ---------------------------------------------------------------

interface Logged {
  caller: Caller;
  action: Action | 'other';
  method: string;
  path: string;
  status: number;
  /** A cell of the caller × type × action matrix (not a draft probe or another route). */
  cell: boolean;
}
const log: Logged[] = [];

/** One request as `caller`, logged for the figures and the final check. */
async function probe(
  caller: Caller,
  action: Action | 'other',
  method: string,
  path: string,
  options: { body?: unknown; cell?: boolean } = {},
) {
  const headers = new Headers();
  if (caller === 'wrong-token') headers.set('Authorization', `Bearer ${WRONG_TOKEN}`);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await api(path, caller === 'token' ? 'token' : 'public', { method, headers, body });
  log.push({ caller, action, method, path, status: response.status, cell: options.cell ?? false });
  return response;
}

/** GETs a list page by page (the REST API caps pages at 100). */
async function findAll(caller: Caller, pathAndQuery: string, cell = false) {
  const pages: Array<{ status: number; body: any }> = [];
  for (let page = 1; ; page++) {
    const response = await probe(caller, 'find', 'GET', `${pathAndQuery}&pagination[pageSize]=100&pagination[page]=${page}`, { cell });
    pages.push(response);
    if (response.status !== 200 || page >= response.body.meta.pagination.pageCount) return pages;
  }
}

/** Whatever of the drafts a response shows: their documentIds or the marker in their names. */
function leaks(body: unknown): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return [...Object.values(drafts), MARKER].filter((trace) => text.includes(trace));
}

/** The status a caller gets: reads for the two real callers, nothing for a wrong token. */
function expectedStatus(caller: Caller, action: Action): number {
  // A bearer that matches no API token (and is no users-permissions JWT) fails authentication,
  // before any permission check: 401.
  if (caller === 'wrong-token') return 401;
  // Writes pass authentication (as the public role or the token) and fail the permission check: 403.
  return READS.has(action) ? 200 : 403;
}

// --- admin side (fixtures, ground truth) -----------------------------------------------------

async function admin(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${await adminToken()}`);
  return api(path, 'public', { ...init, headers });
}

const connect = (...documentIds: string[]) => ({ connect: documentIds.map((documentId) => ({ documentId, locale: 'it' })) });
const cmPath = (name: Collection) => `/content-manager/collection-types/${CONTENT_TYPES[name].uid}`;

/** Saves an Italian entry as the admin panel does, as a draft or created-and-published. */
async function save(name: Collection, data: Record<string, unknown>, publish: boolean): Promise<string> {
  const { status, body } = await admin(`${cmPath(name)}${publish ? '/actions/publish' : ''}?locale=it`, {
    method: 'POST',
    body: JSON.stringify(data),
  });
  expect(status, JSON.stringify(body)).toBe(publish ? 200 : 201);
  return body.data.documentId;
}

const draftData = (name: Collection) => SAMPLE[name](`${MARKER}-${name.toLowerCase()}`);
const publishedData = (name: Collection) => SAMPLE[name](`pubblicato${stamp}-${name.toLowerCase()}`);

/** Takes an entry's Italian version offline, as the admin's Unpublish does. */
async function unpublish(name: Collection, documentId: string) {
  const { status, body } = await admin(`${cmPath(name)}/${documentId}/actions/unpublish?locale=it`, { method: 'POST', body: '{}' });
  expect(status, JSON.stringify(body)).toBe(200);
}

/** Saves the draft of a published entry's Italian version with these links; the published version keeps its own. */
async function linkDraft(name: Collection, documentId: string, links: Record<string, unknown>) {
  const { status, body } = await admin(`${cmPath(name)}/${documentId}?locale=it`, { method: 'PUT', body: JSON.stringify(links) });
  expect(status, JSON.stringify(body)).toBe(200);
}

async function createFixtures() {
  // A publish that links to entries not published is refused, and so is unpublishing a partner or a
  // funding line that published entries link to. So each published entry is published linked to
  // published entries, then its draft is saved linked to the drafts: published entries whose
  // draft points at drafts, as an officer's unfinished edit leaves them.
  for (const name of ['themes', 'fundingLines', 'partners'] as const) {
    drafts[name] = await save(name, draftData(name), false);
    published[name] = await save(name, publishedData(name), true);
    // An English version (never published): the English versions of the entries linking it need one.
    const data = draftData(name);
    const { status, body } = await admin(`${cmPath(name)}/${drafts[name]}?locale=en`, {
      method: 'PUT',
      body: JSON.stringify({ ...data, [LABEL[name]]: `${data[LABEL[name]]} EN` }),
    });
    expect(status, JSON.stringify(body)).toBe(200);
  }
  const linkedToPublished = {
    themes: connect(published.themes),
    fundingLine: connect(published.fundingLines),
    partnerships: [{ role: 'lead', partner: connect(published.partners) }],
  };
  // Published first and unpublished last: the project the published action and community belong to.
  drafts.projects = await save('projects', { ...draftData('projects'), ...linkedToPublished }, true);
  published.projects = await save('projects', { ...publishedData('projects'), ...linkedToPublished }, true);
  await linkDraft('projects', published.projects, {
    themes: { set: [{ documentId: drafts.themes, locale: 'it' }] },
    fundingLine: { set: [{ documentId: drafts.fundingLines, locale: 'it' }] },
    partnerships: [{ role: 'lead', partner: connect(drafts.partners) }],
  });
  drafts.actions = await save('actions', { ...draftData('actions'), project: connect(published.projects) }, false);
  drafts.communities = await save(
    'communities',
    {
      ...draftData('communities'),
      project: connect(published.projects),
      theme: connect(published.themes),
      members: connect(published.partners),
    },
    false,
  );
  published.actions = await save('actions', { ...publishedData('actions'), project: connect(drafts.projects) }, true);
  published.communities = await save(
    'communities',
    {
      ...publishedData('communities'),
      project: connect(drafts.projects),
      theme: connect(published.themes),
      members: connect(published.partners),
    },
    true,
  );
  await linkDraft('communities', published.communities, {
    theme: { set: [{ documentId: drafts.themes, locale: 'it' }] },
    members: { set: [{ documentId: drafts.partners, locale: 'it' }] },
  });
  await unpublish('projects', drafts.projects);
  // A draft can also be a translation nobody published yet. Linked entries first: an English
  // version is saved only when the entries it links to have one.
  const linkedFirst = ['themes', 'fundingLines', 'partners'];
  for (const name of [...COLLECTIONS].sort((a, b) => Number(!linkedFirst.includes(a)) - Number(!linkedFirst.includes(b)))) {
    const data = publishedData(name);
    const { status, body } = await admin(`${cmPath(name)}/${published[name]}?locale=en`, {
      method: 'PUT',
      body: JSON.stringify({ ...data, [LABEL[name]]: `${data[LABEL[name]]} EN ${MARKER}` }),
    });
    expect(status, JSON.stringify(body)).toBe(200);
  }
}

/** What the write attempts must not change: the target entry as read back, and the counts. */
async function snapshot(name: ContentTypeName) {
  const type = CONTENT_TYPES[name];
  if (type.single) return { entry: (await api(`/api/${type.path}?locale=it&populate=*`)).body };
  const collection = name as Collection;
  const entry = (await api(`/api/${type.path}/${published[collection]}?locale=it&populate=*`)).body;
  const restTotal = (await api(`/api/${type.path}?locale=it&pagination[pageSize]=1`)).body.meta.pagination.total;
  const adminTotal = (await admin(`${cmPath(collection)}?locale=it&page=1&pageSize=1`)).body.pagination.total;
  return { entry, restTotal, adminTotal };
}
const before = {} as Record<ContentTypeName, Awaited<ReturnType<typeof snapshot>>>;

beforeAll(async () => {
  await createFixtures();
  for (const name of TYPES) before[name] = await snapshot(name);
});

afterAll(async () => {
  // Leave the shared CMS as the seed made it (other files count the seeded entries).
  for (const name of COLLECTIONS) {
    for (const documentId of [drafts[name], published[name]]) {
      if (documentId) await admin(`${cmPath(name)}/${documentId}?locale=*`, { method: 'DELETE' });
    }
  }
  const allowed = log.filter((r) => r.status < 300).length;
  const notFound = log.filter((r) => r.status === 404).length;
  const cells = new Set(log.filter((r) => r.cell).map((r) => `${r.caller} ${r.path.split('?')[0]} ${r.action}`)).size;
  console.log(
    `[access matrix] ${CALLERS.length} callers × ${TYPES.length} types × ${COLLECTION_ACTIONS.length} actions ` +
      `(${SINGLE_ACTIONS.length} on the single type) = ${cells} cells; ${log.length} requests in all: ` +
      `${allowed} allowed (find/findOne only), ${log.length - allowed - notFound} refused, ${notFound} not found (drafts)`,
  );
});

// --- the matrix -----------------------------------------------------------------------------

/** The request for one cell: method, path and body. */
function cellRequest(name: ContentTypeName, action: Action): [string, string, unknown?] {
  const type = CONTENT_TYPES[name];
  const base = `/api/${type.path}`;
  const one = type.single ? base : `${base}/${published[name as Collection]}`;
  const change = type.single ? { siteName: 'Sito violato' } : { [LABEL[name as Collection]]: 'Violato' };
  switch (action) {
    case 'find':
      return ['GET', `${base}?locale=it`];
    case 'findOne':
      return ['GET', `${one}?locale=it`];
    case 'create':
      return ['POST', base, { data: SAMPLE[name as Collection](`violato${stamp}`) }];
    case 'update':
      return ['PUT', one, { data: change }];
    case 'delete':
      return ['DELETE', one];
  }
}

describe.each(TYPES)('the %s type', (name) => {
  const type = CONTENT_TYPES[name];
  const actions = type.single ? SINGLE_ACTIONS : COLLECTION_ACTIONS;

  describe.each(CALLERS)('called by %s', (caller) => {
    it.each(actions.map((action) => [action, expectedStatus(caller, action)] as const))('%s answers %i', async (action, expected) => {
      const [method, path, body] = cellRequest(name, action);
      if (action === 'find' && !type.single) {
        const pages = await findAll(caller, path, true);
        for (const page of pages) expect(page.status).toBe(expected);
        if (expected !== 200) return;
        const entries = pages.flatMap((page) => page.body.data);
        expect(entries.map((entry: any) => entry.documentId)).toContain(published[name as Collection]);
        expect(entries.every((entry: any) => entry.publishedAt)).toBe(true);
        expect(leaks(pages.map((page) => page.body))).toEqual([]);
        return;
      }
      const response = await probe(caller, action, method, path, { body, cell: true });
      expect(response.status).toBe(expected);
      if (expected === 200) {
        expect(response.body.data.publishedAt).toBeTruthy();
        if (!type.single) expect(response.body.data.documentId).toBe(published[name as Collection]);
        expect(leaks(response.body)).toEqual([]);
      } else {
        expect(response.body.data).toBeNull();
      }
    });
  });

  it('is unchanged after every write attempt', async () => {
    expect(await snapshot(name)).toEqual(before[name]);
  });
});

// --- drafts ---------------------------------------------------------------------------------

/** Ways of asking for drafts that the published-only middleware refuses outright. */
const REFUSED_PARAMS = [
  'status=draft',
  'status=DRAFT',
  'status=%64raft',
  '%73tatus=draft',
  'status[0]=draft',
  'status=published&status=draft',
  'publicationState=preview',
  'hasPublishedVersion=false',
];
/**
 * Tricks Strapi answers normally: parameter names are case-sensitive (so these variants are
 * ignored), and filters, locales and populate only ever see published rows. `{draft}` is the
 * draft's documentId.
 */
const IGNORED_PARAMS = [
  'locale=it',
  'locale=it&Status=draft',
  'locale=it&STATUS=draft',
  'locale=it&publicationstate=preview',
  'locale=it&filters[publishedAt][$null]=true',
  'locale=it&filters[documentId][$eq]={draft}',
  'locale=it&filters[$or][0][publishedAt][$null]=true&filters[$or][1][documentId][$eq]={draft}',
  'locale=*',
  'locale=all',
  'locale=en',
  'locale=it&populate=*',
];
const withDraft = (params: string, name: Collection) => params.replace('{draft}', drafts[name]);
/** What `caller` gets where the real callers get `status`: a wrong token never gets past authentication. */
const statusFor = (caller: Caller, status: number) => (caller === 'wrong-token' ? 401 : status);

describe('the fixtures', () => {
  it.each(LINKS)('the published %s links its %s to the draft %s (as the admin sees it)', async (owner, field, target) => {
    const uid = CONTENT_TYPES[owner].uid;
    const { status, body } = await admin(`/content-manager/relations/${uid}/${published[owner]}/${field}?locale=it&status=draft`);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => r.documentId)).toContain(drafts[target]);
  });
});

describe.each(COLLECTIONS)('a draft of %s', (name) => {
  const path = `/api/${CONTENT_TYPES[name].path}`;

  describe.each(CALLERS)('called by %s', (caller) => {
    it.each(REFUSED_PARAMS.flatMap((params) => [['list', params] as const, ['findOne', params] as const]))(
      'is refused on %s with ?%s',
      async (target, params) => {
        const base = target === 'list' ? path : `${path}/${drafts[name]}`;
        const { status, body } = await probe(caller, target === 'list' ? 'find' : 'findOne', 'GET', `${base}?${params}`);
        // The middleware answers before authentication, so a wrong token gets this 403 too.
        expect(status).toBe(403);
        expect(body.error.message).toMatch(/published content only/);
      },
    );

    it.each(IGNORED_PARAMS)('is missing from the list with ?%s', async (params) => {
      const pages = await findAll(caller, `${path}?${withDraft(params, name)}`);
      for (const page of pages) expect(page.status).toBe(statusFor(caller, 200));
      expect(leaks(pages.map((page) => page.body))).toEqual([]);
    });

    it.each(IGNORED_PARAMS)('is not found by documentId with ?%s', async (params) => {
      const { status, body } = await probe(caller, 'findOne', 'GET', `${path}/${drafts[name]}?${withDraft(params, name)}`);
      expect(status).toBe(statusFor(caller, 404));
      expect(leaks(body)).toEqual([]);
    });

    it('is not found as the unpublished English translation of a published entry', async () => {
      const { status, body } = await probe(caller, 'findOne', 'GET', `${path}/${published[name]}?locale=en`);
      expect(status).toBe(statusFor(caller, 404));
      expect(leaks(body)).toEqual([]);
    });

    it.each(referrers(name))('is not exposed by populating the published %s that points at it', async (owner) => {
      const type = CONTENT_TYPES[owner];
      // Every relation one level deep, then the site's own populate (which reaches into components).
      for (const populate of ['populate=*', toQueryString({ populate: type.populate })]) {
        const { status, body } = await probe(caller, 'findOne', 'GET', `/api/${type.path}/${published[owner]}?locale=it&${populate}`);
        expect(status).toBe(statusFor(caller, 200));
        expect(leaks(body)).toEqual([]);
      }
    });

    it('is refused when a nested populate asks for drafts (Strapi rejects the key: 400)', async () => {
      const [owner, field] = LINKS.find(([, , target]) => target === name)!;
      const url = `/api/${CONTENT_TYPES[owner].path}/${published[owner]}?locale=it&populate[${field}][status]=draft`;
      const { status, body } = await probe(caller, 'findOne', 'GET', url);
      expect(status).toBe(statusFor(caller, 400));
      expect(leaks(body)).toEqual([]);
    });
  });
});

// --- everything that is not public content ---------------------------------------------------

/** Routes no caller may use, with the refusals accepted for each. */
const OTHER_ROUTES: Array<[string, string, number[], unknown?]> = [
  ['GET', '/api/users', [401, 403]],
  ['GET', '/api/users/me', [401, 403]],
  ['GET', '/api/users/1', [401, 403]],
  ['GET', '/api/users/count', [401, 403]],
  ['GET', '/api/users-permissions/roles', [401, 403]],
  ['GET', '/api/users-permissions/roles/1', [401, 403]],
  ['GET', '/api/users-permissions/permissions', [401, 403]],
  ['POST', '/api/auth/local/register', [401, 403], { username: 'intruder', email: 'intruder@example.org', password: 'Password123!' }],
  ['POST', '/api/auth/local', [401, 403], { identifier: 'nobody@example.org', password: 'wrong-password' }],
  ['POST', '/api/auth/forgot-password', [401, 403], { email: 'nobody@example.org' }],
  ['GET', '/api/upload/files', [401, 403]],
  ['GET', '/api/upload/files/1', [401, 403]],
  ['POST', '/api/upload', [401, 403], {}],
  ['GET', '/api/i18n/locales', [401, 403]],
  ['GET', '/admin/users', [401, 403]],
  ['GET', '/admin/users/me', [401, 403]],
  ['GET', '/admin/roles', [401, 403]],
  ['GET', '/admin/api-tokens', [401, 403]],
  ['POST', '/admin/api-tokens', [401, 403], { name: 'intruder', type: 'full-access', lifespan: null }],
  ['GET', '/admin/transfer/tokens', [401, 403]],
  ['GET', '/admin/webhooks', [401, 403]],
  ['GET', '/admin/information', [401, 403]],
  ['GET', '/content-manager/collection-types/api::project.project', [401, 403]],
  ['POST', '/content-manager/collection-types/api::theme.theme', [401, 403], { name: 'Intruso', slug: `intruso-${stamp}` }],
  ['GET', '/content-manager/single-types/api::site-setting.site-setting', [401, 403]],
  ['GET', '/content-type-builder/content-types', [401, 403]],
  ['GET', '/upload/files', [401, 403]],
  ['GET', '/i18n/locales', [401, 403]],
  ['GET', '/users-permissions/roles', [401, 403]],
  // Releases are not part of this Strapi (Community Edition without the plugin): not found.
  ['GET', '/content-releases', [401, 403, 404]],
];

describe.each(CALLERS)('other routes called by %s', (caller) => {
  it.each(OTHER_ROUTES)('%s %s is refused', async (method, path, accepted, body) => {
    const response = await probe(caller, 'other', method, path, { body });
    expect(accepted).toContain(response.status);
    if (caller === 'wrong-token' && response.status !== 404) expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.jwt).toBeUndefined();
    const text = JSON.stringify(response.body);
    for (const secret of [inject('admin').email, cms().token, 'documentId']) expect(text).not.toContain(secret);
  });
});

// --- the tally ------------------------------------------------------------------------------

describe('the tally', () => {
  it('allowed exactly the find/findOne requests of the public role and the build token', () => {
    const isRead = (r: Logged) => r.method === 'GET' && READS.has(r.action) && r.caller !== 'wrong-token';
    const allowed = log.filter((r) => r.status < 300);
    expect(allowed.filter((r) => !isRead(r))).toEqual([]);
    const key = (r: Logged) => `${r.caller} ${r.method} ${r.path}`;
    expect(allowed.filter((r) => r.cell).map(key)).toEqual(log.filter((r) => r.cell && isRead(r)).map(key));
    expect(log.every((r) => r.status < 500)).toBe(true);
  });
});
