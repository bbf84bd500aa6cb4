import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api } from './http.ts';

let token: string;
const base = { acronym: 'TEST', title: 'Progetto di prova', summary: 'Sintesi di prova.' };

/** Saves a project as the admin panel does (content-manager API). */
async function saveProject(data: Record<string, unknown>) {
  return api('/content-manager/collection-types/api::project.project?locale=it', 'public', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...base, slug: `test-${Math.random().toString(36).slice(2, 8)}`, ...data }),
  });
}

async function partnerId(): Promise<string> {
  const { body } = await api('/api/partners?locale=it&pagination[pageSize]=1');
  return body.data[0].documentId;
}

beforeAll(async () => {
  token = await adminToken();
});

const auth = () => ({ Authorization: `Bearer ${token}` });
/** Entries the tests below create, as the admin does; deleted after the file (other suites count published entries). */
const created: Array<{ uid: string; documentId: string }> = [];
async function saveTracked(uid: string, data: Record<string, unknown>, action = '') {
  const response = await api(`/content-manager/collection-types/${uid}${action}?locale=it`, 'public', {
    method: 'POST',
    headers: auth(),
    body: JSON.stringify(data),
  });
  if (response.body?.data?.documentId) created.push({ uid, documentId: response.body.data.documentId });
  return response;
}
const create = (uid: string, data: Record<string, unknown>) => saveTracked(uid, data);
const publish = (uid: string, data: Record<string, unknown>) => saveTracked(uid, data, '/actions/publish');
afterAll(async () => {
  for (const { uid, documentId } of created) {
    await api(`/content-manager/collection-types/${uid}/${documentId}?locale=*`, 'public', { method: 'DELETE', headers: auth() });
  }
});

describe('project validation in the admin', () => {
  it('refuses an end date before the start date, naming both', async () => {
    const { status, body } = await saveProject({
      startDate: { date: '2026-05-01', precision: 'day' },
      endDate: { date: '2026-04-30', precision: 'day' },
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain('La data di fine (2026-04-30) non può precedere la data di inizio (2026-05-01)');
  });

  it('refuses an EU contribution above the total budget', async () => {
    const { status, body } = await saveProject({ totalBudget: 1000, euContribution: 1000.01 });
    expect(status).toBe(400);
    expect(body.error.message).toContain('non può superare il budget totale');
  });

  it('refuses negative money', async () => {
    const { status } = await saveProject({ totalBudget: -5 });
    expect(status).toBe(400);
  });

  it('refuses the same partner twice in the same role', async () => {
    const documentId = await partnerId();
    const partnership = { role: 'partner', partner: { connect: [{ documentId, locale: 'it' }] } };
    const { status, body } = await saveProject({ partnerships: [partnership, partnership] });
    expect(status).toBe(400);
    expect(body.error.message).toContain('compare più volte con lo stesso ruolo');
  });

  it('keeps nothing of a refused save', async () => {
    const slug = `refused-${Date.now()}`;
    await api('/content-manager/collection-types/api::project.project?locale=it', 'public', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...base, slug, totalBudget: 1, euContribution: 2 }),
    });
    const { body } = await api(`/content-manager/collection-types/api::project.project?locale=it&filters[slug][$eq]=${slug}`, 'public', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(body.results).toHaveLength(0);
  });

  it('accepts a valid project and labels it for relation pickers', async () => {
    const documentId = await partnerId();
    const { status, body } = await saveProject({
      startDate: { date: '2026-01-01', precision: 'month' },
      endDate: { date: '2026-12-31', precision: 'day' },
      totalBudget: 1000,
      euContribution: 800,
      partnerships: [
        { role: 'lead', partner: { connect: [{ documentId, locale: 'it' }] } },
        { role: 'partner', partner: { connect: [{ documentId, locale: 'it' }] }, note: 'Ambito A' },
      ],
    });
    expect(status).toBe(201);
    expect(body.data.adminLabel ?? (await fetchLabel(body.data.documentId))).toBe('TEST – Progetto di prova');
    // Each partnership row of the edit view is titled by its role and partner.
    const { body: saved } = await api(
      `/content-manager/collection-types/api::project.project/${body.data.documentId}?locale=it`,
      'public',
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const { body: partner } = await api(`/api/partners/${documentId}?locale=it`);
    expect(saved.data.partnerships.map((row: { adminLabel: string }) => row.adminLabel)).toEqual([
      `Capofila · ${partner.data.name}`,
      `Partner · ${partner.data.name}`,
    ]);
  });
});

async function fetchLabel(documentId: string) {
  const { body } = await api(`/content-manager/collection-types/api::project.project/${documentId}?locale=it`, 'public', {
    headers: { Authorization: `Bearer ${token}` },
  });
  return body.data.adminLabel;
}

describe('link targets', () => {
  // What an editor might paste; the site drops these too (safeExternalUrl), the CMS refuses them first.
  const UNSAFE = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//evil.example/x',
    'https://exa mple.org',
    'http://',
    'ftp://files.example.org/a',
  ];
  const published: string[] = [];
  const publishProject = async (data: Record<string, unknown>) => {
    const response = await api('/content-manager/collection-types/api::project.project/actions/publish?locale=it', 'public', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...base, slug: `links-${Math.random().toString(36).slice(2, 8)}`, ...data }),
    });
    if (response.body?.data?.documentId) published.push(response.body.data.documentId);
    return response;
  };
  // Other suites count the published projects: leave none behind.
  afterAll(async () => {
    for (const documentId of published) {
      await api(`/content-manager/collection-types/api::project.project/${documentId}?locale=*`, 'public', {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      });
    }
  });

  it.each(UNSAFE)('refuses to publish a website or link set to %j', async (url) => {
    expect((await publishProject({ website: url })).status).toBe(400);
    expect((await publishProject({ links: [{ label: 'Link', url, kind: 'website' }] })).status).toBe(400);
  });

  it.each(['https://example.org/a?b=c', 'http://example.org', 'mailto:ufficio@example.org'])('publishes %s', async (url) => {
    const { status } = await publishProject({ website: url, links: [{ label: 'Link', url, kind: 'website' }] });
    expect(status).toBe(200);
  });
});

describe('formatted fields: a message that says what to do, small slips mended', () => {
  it('refuses an address without https://, on its field, saying what to write', async () => {
    const { status, body } = await create('api::project.project', {
      ...base,
      slug: `format-${Date.now()}`,
      website: 'comune.esempio.it',
      links: [{ label: 'Sito', url: 'esempio.it/bando', kind: 'website' }],
    });
    expect(status).toBe(400);
    expect(body.error.details.errors).toEqual([
      { path: ['website'], message: expect.stringContaining("L'indirizzo deve iniziare con https://"), name: 'ValidationError' },
      { path: ['links', 0, 'url'], message: expect.stringContaining("L'indirizzo deve iniziare con https://"), name: 'ValidationError' },
    ]);
  });

  it('refuses a country that is not a two-letter code, and a period that is not two years', async () => {
    const partner = await create('api::partner.partner', {
      name: `Partner formato ${Date.now()}`,
      organisationType: 'ngo',
      country: 'Portogallo',
    });
    expect(partner.status).toBe(400);
    expect(partner.body.error.details.errors[0]).toMatchObject({
      path: ['country'],
      message: expect.stringContaining('codice di due lettere'),
    });
    const line = await create('api::funding-line.funding-line', {
      name: `Fondo formato ${Date.now()}`,
      acronym: 'FF',
      programmingPeriod: '2021',
    });
    expect(line.status).toBe(400);
    expect(line.body.error.details.errors[0]).toMatchObject({ path: ['programmingPeriod'], message: expect.stringContaining('2021-2027') });
  });

  it('mends a missing https://, a lowercase country code and a period written with a dash and spaces', async () => {
    const project = await create('api::project.project', {
      ...base,
      slug: `mended-${Date.now()}`,
      website: 'www.comune.esempio.it',
      links: [{ label: 'Sito', url: 'www.esempio.it/bando', kind: 'website' }],
    });
    expect(project.status).toBe(201);
    expect(project.body.data.website).toBe('https://www.comune.esempio.it');
    expect(project.body.data.links[0].url).toBe('https://www.esempio.it/bando');
    const partner = await create('api::partner.partner', {
      name: `Partner minuscolo ${Date.now()}`,
      organisationType: 'ngo',
      country: 'pt',
    });
    expect(partner.status).toBe(201);
    expect(partner.body.data.country).toBe('PT');
    const line = await create('api::funding-line.funding-line', {
      name: `Fondo trattino ${Date.now()}`,
      acronym: 'FT',
      programmingPeriod: '2021 – 2027',
    });
    expect(line.status).toBe(201);
    expect(line.body.data.programmingPeriod).toBe('2021-2027');
  });

  it('leaves the check to the server: the admin is given no regex to check in the browser', async () => {
    const { body } = await api('/content-manager/content-types', 'public', { headers: auth() });
    const partner = body.data.find((type: { uid: string }) => type.uid === 'api::partner.partner');
    expect(partner.attributes.country.type).toBe('string');
    expect(partner.attributes.country.regex).toBeUndefined();
  });
});

describe('partners’ alternative names, new enum values and sub-actions without a letter', () => {
  const read = async (uid: string, documentId: string) =>
    (await api(`/content-manager/collection-types/${uid}/${documentId}?locale=it`, 'public', { headers: auth() })).body.data;
  /** What the partner picker of a project's partnership offers for a search, as the admin asks for it. */
  const pickerSearch = async (search: string) => {
    const { status, body } = await api(
      `/content-manager/relations/project.partnership/partner?locale=it&pageSize=20&_q=${encodeURIComponent(search)}`,
      'public',
      { headers: auth() },
    );
    expect(status).toBe(200);
    return body.results as Array<{ documentId: string; adminLabel?: string }>;
  };

  it('saves a partner with alternative names and a provincial authority type, and labels it with every name', async () => {
    const { status, body } = await create('api::partner.partner', {
      name: 'Consiglio insulare di prova',
      slug: `island-council-${Date.now()}`,
      organisationType: 'provincial_authority',
      country: 'ES',
      alternativeNames: 'Consell Insular de Prova\n\n  Cabildo Insular de Prova \nConsell Insular de Prova',
    });
    expect(status).toBe(201);
    const saved = await read('api::partner.partner', body.data.documentId);
    expect(saved.organisationType).toBe('provincial_authority');
    expect(saved.adminLabel).toBe('Consiglio insulare di prova (ES) · Consell Insular de Prova · Cabildo Insular de Prova');
  });

  it('finds a partner in the relation picker by any of its names', async () => {
    const byAlternative = await pickerSearch('Cabildo Insular de Prova');
    expect(byAlternative.map((r) => r.adminLabel)).toEqual([
      'Consiglio insulare di prova (ES) · Consell Insular de Prova · Cabildo Insular de Prova',
    ]);
    // The seed's City of Athens, also listed by CONSOLIDATE as "Dimos Athinaion".
    const athens = await pickerSearch('athinaion');
    expect(athens.map((r) => r.adminLabel)).toEqual(['Città di Atene (GR) · Dimos Athinaion']);
  });

  it('keeps the label within 255 characters however many names a partner has', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Nome alternativo molto lungo numero ${i + 1} dell'organizzazione`).join('\n');
    const { status, body } = await create('api::partner.partner', {
      name: 'Ente dai molti nomi',
      slug: `many-names-${Date.now()}`,
      organisationType: 'other',
      alternativeNames: names,
    });
    expect(status).toBe(201);
    const label: string = (await read('api::partner.partner', body.data.documentId)).adminLabel;
    expect(label.length).toBeLessThanOrEqual(255);
    expect(label.startsWith("Ente dai molti nomi · Nome alternativo molto lungo numero 1 dell'organizzazione · ")).toBe(true);
  });

  it.each(['monitoring_evaluation', 'study_visit', 'participation'])('saves an action of type %s', async (actionType) => {
    const { status } = await create('api::action.action', { title: `Azione ${actionType}`, actionType });
    expect(status).toBe(201);
  });

  it('refuses an action type it does not know', async () => {
    const { status } = await create('api::action.action', { title: 'Azione sconosciuta', actionType: 'study_trip' });
    expect(status).toBe(400);
  });

  // Drafts are saved without the required-field and pattern checks: publishing is where they bite.
  it('publishes sub-actions without a letter beside lettered ones, and still refuses a malformed letter', async () => {
    // An action is published with its project (integrity.test.ts): any seed project will do.
    const { body: projects } = await api('/api/projects?locale=it&pagination[pageSize]=1');
    const project = { connect: [{ documentId: projects.data[0].documentId, locale: 'it' }] };
    const { status, body } = await publish('api::action.action', {
      project,
      title: 'Visite di studio',
      actionType: 'study_visit',
      // Missing, and emptied as the admin's text input leaves it.
      subActions: [
        { text: 'Visita senza lettera' },
        { letter: 'b', text: 'Visita con lettera' },
        { letter: '', text: 'Lettera cancellata' },
      ],
    });
    expect(status).toBe(200);
    expect(body.data.publishedAt).toBeTruthy();
    const saved = await read('api::action.action', body.data.documentId);
    expect(saved.subActions.map((s: { letter: string | null; text: string }) => [s.letter || null, s.text])).toEqual([
      [null, 'Visita senza lettera'],
      ['b', 'Visita con lettera'],
      [null, 'Lettera cancellata'],
    ]);
    const refused = await publish('api::action.action', {
      project,
      title: 'Lettera errata',
      actionType: 'other',
      subActions: [{ letter: 'B)', text: 'x' }],
    });
    expect(refused.status).toBe(400);
  });
});
