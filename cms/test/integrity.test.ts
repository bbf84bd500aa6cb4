import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, api } from './http.ts';

/**
 * The integrity rules an officer relies on, through the content-manager API exactly as the admin
 * panel calls it; the rules live in the Document Service middleware, which every screen and API goes
 * through (the seed import exercises them in-process).
 */

let token: string;
const stamp = Date.now().toString(36);
const PROJECT = 'api::project.project';
const PARTNER = 'api::partner.partner';
const FUNDING_LINE = 'api::funding-line.funding-line';

async function admin(method: string, path: string, body?: unknown) {
  return api(path, 'public', {
    method,
    headers: { Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;

/** What this file created, deleted afterwards: the suite's other files expect the seed as published. */
const created: Array<[uid: string, documentId: string]> = [];

async function create(uid: string, data: Record<string, unknown>, locale = 'it') {
  const { status, body } = await admin('POST', cm(uid, `?locale=${locale}`), data);
  expect(status, JSON.stringify(body)).toBe(201);
  created.push([uid, body.data.documentId]);
  return body.data as Record<string, any>;
}
async function saveLocale(uid: string, documentId: string, locale: string, data: Record<string, unknown>) {
  return admin('PUT', cm(uid, `/${documentId}?locale=${locale}`), data);
}
async function draft(uid: string, documentId: string, locale: string) {
  const { status, body } = await admin('GET', cm(uid, `/${documentId}?locale=${locale}`));
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as Record<string, any>;
}
const publish = (uid: string, documentId: string, locale: string) =>
  admin('POST', cm(uid, `/${documentId}/actions/publish?locale=${locale}`), {});
const unpublish = (uid: string, documentId: string, locale: string) =>
  admin('POST', cm(uid, `/${documentId}/actions/unpublish?locale=${locale}`), {});
const connect = (documentId: string, locale = 'it') => ({ connect: [{ documentId, locale }] });
/** What the edit view's panel is told of an entry in Italian (GET /portfolio/publication-status). */
async function panel(uid: string, documentId: string) {
  const { status, body } = await admin('GET', `/portfolio/publication-status?uid=${uid}&documentId=${documentId}&locale=it`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.entry as Record<string, any>;
}

beforeAll(async () => {
  token = await adminToken();
});

afterAll(async () => {
  for (const [uid, documentId] of created.reverse()) {
    for (const locale of ['en', 'it']) await admin('DELETE', cm(uid, `/${documentId}?locale=${locale}`));
  }
});

describe('an entry is saved with its name, drafts included', () => {
  it('refuses an empty form’s «Salva», naming the empty fields, and saves nothing', async () => {
    const before = (await admin('GET', cm(PROJECT, '?locale=it&pageSize=1'))).body.pagination.total;
    // What the admin sends for an empty project form: the slug's placeholder, nothing else.
    const { status, body } = await admin('POST', cm(PROJECT, '?locale=it'), { acronym: '', title: ' ', slug: 'project' });
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'Voce non salvata: «Acronimo» e «Titolo» sono vuoti. Da compilare anche in una bozza: è il nome con cui la voce compare negli elenchi.',
    );
    expect(body.error.details.errors.map((error: { path: string[] }) => error.path)).toEqual([['acronym'], ['title']]);
    expect((await admin('GET', cm(PROJECT, '?locale=it&pageSize=1'))).body.pagination.total).toBe(before);
  });

  it('refuses a save that empties the name, and keeps the name saved; a save that leaves it out keeps it too', async () => {
    const theme = await create('api::theme.theme', { name: `Tema con nome ${stamp}` });
    const emptied = await saveLocale('api::theme.theme', theme.documentId, 'it', { name: '' });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.message).toContain('«Nome» è vuoto');
    expect((await draft('api::theme.theme', theme.documentId, 'it')).name).toBe(`Tema con nome ${stamp}`);
    // A new language version needs its own name; other required fields may wait for the publish.
    expect((await saveLocale('api::theme.theme', theme.documentId, 'en', {})).status).toBe(400);
    const project = await create(PROJECT, { acronym: `NOM${stamp}`.slice(0, 20), title: 'Progetto ancora senza sintesi' });
    expect(project.summary ?? null).toBeNull();
    const edited = await saveLocale(PROJECT, project.documentId, 'it', { subtitle: 'Un sottotitolo' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await draft(PROJECT, project.documentId, 'it')).title).toBe('Progetto ancora senza sintesi');
  });
});

describe('one slug per document', () => {
  it('generates the slug from the name when the form sent the placeholder, and gives the English twin the same slug', async () => {
    const partner = await create(PARTNER, { name: `Consiglio insulare ${stamp}`, slug: 'partner', organisationType: 'other' });
    expect(partner.slug).toBe(`consiglio-insulare-${stamp}`);

    // "Create English locale" sends the placeholder again: the twin takes the document's slug.
    const { status, body } = await saveLocale(PARTNER, partner.documentId, 'en', { name: `Island council ${stamp}`, slug: 'partner' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect((await draft(PARTNER, partner.documentId, 'en')).slug).toBe(partner.slug);
  });

  it('keeps an explicit slug that only looks like the placeholder (an import’s zero-padded partner-00001)', async () => {
    const slug = `partner-0${Date.now()}`;
    expect((await create(PARTNER, { name: `Ente importato ${stamp}`, slug, organisationType: 'ngo' })).slug).toBe(slug);
  });

  it('renames every language when one language renames the slug', async () => {
    const theme = await create('api::theme.theme', { name: `Tema ${stamp}`, slug: `tema-${stamp}` });
    await saveLocale('api::theme.theme', theme.documentId, 'en', { name: `Theme ${stamp}` });
    const renamed = await saveLocale('api::theme.theme', theme.documentId, 'en', { name: `Theme ${stamp}`, slug: `theme-${stamp}` });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await draft('api::theme.theme', theme.documentId, 'it')).slug).toBe(`theme-${stamp}`);
    expect((await draft('api::theme.theme', theme.documentId, 'en')).slug).toBe(`theme-${stamp}`);
  });

  it('refuses a slug another document uses in any language, in Italian', async () => {
    const first = await create(FUNDING_LINE, {
      name: `Linea ${stamp}`,
      acronym: 'FAMI',
      slug: `linea-${stamp}`,
      fundingStatement: 'co_funded',
    });
    const { status, body } = await admin('POST', cm(FUNDING_LINE, '?locale=en'), {
      name: `Line ${stamp}`,
      acronym: 'AMIF',
      slug: first.slug,
      fundingStatement: 'co_funded',
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain(`Lo slug «${first.slug}» è già usato`);
  });

  it('makes a generated slug unique: a second FAMI line gets fami-2, not fami', async () => {
    const taken = (await api(`/api/funding-lines?filters[slug][$eq]=fami&locale=it`)).body.data.length > 0;
    if (!taken)
      await create(FUNDING_LINE, { name: `Primo FAMI ${stamp}`, acronym: 'FAMI', slug: 'funding-line', fundingStatement: 'co_funded' });
    const second = await create(FUNDING_LINE, {
      name: `Secondo FAMI ${stamp}`,
      acronym: 'FAMI',
      slug: 'funding-line',
      fundingStatement: 'co_funded',
    });
    expect(second.slug).toMatch(/^fami-\d+$/);
  });

  it('relabels every language when a shared field changes in one (the picker finds the English version by the new name)', async () => {
    const partner = await create(PARTNER, { name: `Ente rinominato ${stamp}`, organisationType: 'ngo' });
    await saveLocale(PARTNER, partner.documentId, 'en', { name: `Renamed body ${stamp}` });
    const edited = await saveLocale(PARTNER, partner.documentId, 'it', { country: 'ES', alternativeNames: `Cabildo ${stamp}` });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await draft(PARTNER, partner.documentId, 'en')).adminLabel).toBe(`Renamed body ${stamp} (ES) · Cabildo ${stamp}`);
  });

  it('keeps the slugs a page was published under, in every version, for the site to send the old addresses on', async () => {
    const theme = await create('api::theme.theme', { name: `Tema spostato ${stamp}`, slug: `tema-spostato-${stamp}` });
    await saveLocale('api::theme.theme', theme.documentId, 'en', { name: `Moved theme ${stamp}` });
    for (const locale of ['it', 'en']) expect((await publish('api::theme.theme', theme.documentId, locale)).status).toBe(200);
    const online = async (locale: string) => (await api(`/api/themes/${theme.documentId}?locale=${locale}`, 'public')).body.data;
    expect((await online('it')).formerSlugs).toBeNull();

    // Saved under a new slug, the page is still online under the old one: nothing to keep yet.
    expect((await saveLocale('api::theme.theme', theme.documentId, 'it', { slug: `tema-nuovo-${stamp}` })).status).toBe(200);
    expect((await draft('api::theme.theme', theme.documentId, 'it')).formerSlugs).toBeNull();
    // Published under it, in Italian: the old slug is kept, in both languages, draft and published alike.
    const versionOf = async (locale: string) => {
      const rows: Array<[string, string, number, number]> = (await api('/api/site-build/versions', 'token')).body.data.types[
        'api::theme.theme'
      ];
      return JSON.stringify(rows.find(([documentId, rowLocale]) => documentId === theme.documentId && rowLocale === locale));
    };
    const englishBefore = await versionOf('en');
    expect((await publish('api::theme.theme', theme.documentId, 'it')).status).toBe(200);
    // The English version, at a new address too, has a new version: the site build reads it again.
    expect(await versionOf('en')).not.toBe(englishBefore);
    for (const locale of ['it', 'en']) {
      expect(await online(locale), locale).toMatchObject({ slug: `tema-nuovo-${stamp}`, formerSlugs: [`tema-spostato-${stamp}`] });
      expect((await draft('api::theme.theme', theme.documentId, locale)).formerSlugs, locale).toEqual([`tema-spostato-${stamp}`]);
    }
    // No form or script writes them.
    await saveLocale('api::theme.theme', theme.documentId, 'en', { formerSlugs: ['scritto-da-un-modulo'] });
    expect((await draft('api::theme.theme', theme.documentId, 'en')).formerSlugs).toEqual([`tema-spostato-${stamp}`]);
    // Back to the first slug: it leaves the list, and the one it leaves joins it.
    await saveLocale('api::theme.theme', theme.documentId, 'it', { slug: `tema-spostato-${stamp}` });
    expect((await publish('api::theme.theme', theme.documentId, 'it')).status).toBe(200);
    expect((await online('en')).formerSlugs).toEqual([`tema-nuovo-${stamp}`]);
  });

  it('keeps the slug of a page taken offline, so that it comes back under a new one with the old address leading to it', async () => {
    const theme = await create('api::theme.theme', { name: `Tema ritirato ${stamp}`, slug: `tema-ritirato-${stamp}` });
    await saveLocale('api::theme.theme', theme.documentId, 'en', { name: `Withdrawn theme ${stamp}` });
    for (const locale of ['it', 'en']) expect((await publish('api::theme.theme', theme.documentId, locale)).status).toBe(200);
    const online = async (locale: string) => (await api(`/api/themes/${theme.documentId}?locale=${locale}`, 'public')).body.data;

    // Offline in Italian only: the English page still has the address.
    expect((await unpublish('api::theme.theme', theme.documentId, 'it')).status).toBe(200);
    expect((await draft('api::theme.theme', theme.documentId, 'it')).formerSlugs).toBeNull();
    // Offline in both: the drafts keep it.
    expect((await unpublish('api::theme.theme', theme.documentId, 'en')).status).toBe(200);
    for (const locale of ['it', 'en'])
      expect((await draft('api::theme.theme', theme.documentId, locale)).formerSlugs, locale).toEqual([`tema-ritirato-${stamp}`]);

    // Back online under a new slug: the old address is among its former ones.
    await saveLocale('api::theme.theme', theme.documentId, 'it', { slug: `tema-ritornato-${stamp}` });
    for (const locale of ['it', 'en']) expect((await publish('api::theme.theme', theme.documentId, locale)).status).toBe(200);
    for (const locale of ['it', 'en'])
      expect(await online(locale), locale).toMatchObject({ slug: `tema-ritornato-${stamp}`, formerSlugs: [`tema-ritirato-${stamp}`] });

    // Offline again, and back under the slug it had first: that one is its address again, the other is kept.
    for (const locale of ['it', 'en']) expect((await unpublish('api::theme.theme', theme.documentId, locale)).status).toBe(200);
    await saveLocale('api::theme.theme', theme.documentId, 'it', { slug: `tema-ritirato-${stamp}` });
    expect((await publish('api::theme.theme', theme.documentId, 'it')).status).toBe(200);
    expect(await online('it')).toMatchObject({ slug: `tema-ritirato-${stamp}`, formerSlugs: [`tema-ritornato-${stamp}`] });
    expect((await draft('api::theme.theme', theme.documentId, 'en')).formerSlugs).toEqual([`tema-ritornato-${stamp}`]);
  });

  it('proposes the document’s own slug in the English form and says it is available there', async () => {
    const partner = await create(PARTNER, { name: `Ente proposto ${stamp}`, organisationType: 'ngo' });
    const generated = await admin('POST', '/content-manager/uid/generate?locale=en', {
      contentTypeUID: PARTNER,
      field: 'slug',
      data: { id: partner.documentId },
    });
    expect(generated.body.data).toBe(partner.slug);
  });
});

describe('partnerships shared by both languages', () => {
  it('gives a new English version the Italian partners, whatever the form sent, and keeps both notes', async () => {
    const partner = await create(PARTNER, { name: `Partner condiviso ${stamp}`, organisationType: 'ngo' });
    await saveLocale(PARTNER, partner.documentId, 'en', { name: `Shared partner ${stamp}` });
    const project = await create(PROJECT, {
      acronym: `SHR${stamp}`.slice(0, 12),
      title: 'Progetto condiviso',
      summary: 'Sintesi.',
      partnerships: [{ role: 'lead', partner: connect(partner.documentId), note: 'Ambito Nord', noteEn: 'North area' }],
    });
    // The English form, saved with no partnerships at all (as "Create English locale" may send it).
    const { status, body } = await saveLocale(PROJECT, project.documentId, 'en', {
      title: 'Shared project',
      summary: 'Summary.',
      partnerships: [],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    for (const locale of ['it', 'en']) {
      const version = await draft(PROJECT, project.documentId, locale);
      expect(version.partnerships, locale).toHaveLength(1);
      expect(version.partnerships[0]).toMatchObject({ role: 'lead', note: 'Ambito Nord', noteEn: 'North area' });
    }

    // Once both exist, a change in English is a change of the one shared list.
    const en = await draft(PROJECT, project.documentId, 'en');
    const edited = await saveLocale(PROJECT, project.documentId, 'en', {
      partnerships: [{ id: en.partnerships[0].id, role: 'coordinator', note: 'Ambito Nord', noteEn: 'Northern area' }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const it = await draft(PROJECT, project.documentId, 'it');
    expect(it.partnerships).toHaveLength(1);
    expect(it.partnerships[0]).toMatchObject({ role: 'coordinator', noteEn: 'Northern area' });
  });
});

describe('a new English version starts linked like the Italian one', () => {
  it('gives it the funding line and themes of the Italian version, and an English action its project', async () => {
    const line = await create(FUNDING_LINE, { name: `Linea condivisa ${stamp}`, acronym: 'LC', fundingStatement: 'co_funded' });
    await saveLocale(FUNDING_LINE, line.documentId, 'en', { name: `Shared line ${stamp}`, acronym: 'SL' });
    const theme = await create('api::theme.theme', { name: `Tema condiviso ${stamp}` });
    await saveLocale('api::theme.theme', theme.documentId, 'en', { name: `Shared theme ${stamp}` });
    const project = await create(PROJECT, {
      acronym: `LNK${stamp}`.slice(0, 20),
      title: 'Progetto',
      summary: 'Sintesi.',
      fundingLine: connect(line.documentId),
      themes: connect(theme.documentId),
    });
    // As the admin's new-locale form sends it: relation fields present but empty.
    const english = await saveLocale(PROJECT, project.documentId, 'en', {
      title: 'Project',
      summary: 'Summary.',
      fundingLine: { connect: [], disconnect: [] },
      themes: { connect: [], disconnect: [] },
    });
    expect(english.status, JSON.stringify(english.body)).toBe(200);
    const linked = await admin('GET', cm(PROJECT, `/${project.documentId}?locale=en&populate[fundingLine]=true&populate[themes]=true`));
    const en = linked.body.data;
    expect([en.fundingLine?.documentId ?? en.fundingLine?.[0]?.documentId]).toEqual([line.documentId]);

    const action = await create('api::action.action', {
      title: `Azione ${stamp}`,
      actionType: 'workshop',
      project: connect(project.documentId),
    });
    expect((await saveLocale('api::action.action', action.documentId, 'en', { title: `Action ${stamp}` })).status).toBe(200);
    const live = await admin('POST', '/portfolio/publish-with-related', { model: PROJECT, documentId: project.documentId });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    const published = await api(
      `/api/projects?locale=en&filters[documentId][$eq]=${project.documentId}&populate[fundingLine][fields][0]=documentId&populate[themes][fields][0]=documentId&populate[actions][fields][0]=documentId`,
    );
    expect(published.body.data[0].fundingLine?.documentId).toBe(line.documentId);
    expect(published.body.data[0].themes.map((t: any) => t.documentId)).toEqual([theme.documentId]);
    expect(published.body.data[0].actions.map((a: any) => a.documentId)).toEqual([action.documentId]);
  });
});

describe('publishing never silently drops a relation', () => {
  async function projectWithDraftPartner(tag: string) {
    const partner = await create(PARTNER, { name: `Partner in bozza ${tag} ${stamp}`, organisationType: 'ngo' });
    await saveLocale(PARTNER, partner.documentId, 'en', { name: `Draft partner ${tag} ${stamp}` });
    const line = await create(FUNDING_LINE, { name: `Linea in bozza ${tag} ${stamp}`, acronym: 'FAMI', fundingStatement: 'co_funded' });
    await saveLocale(FUNDING_LINE, line.documentId, 'en', { name: `Draft line ${tag} ${stamp}`, acronym: 'AMIF' });
    const project = await create(PROJECT, {
      acronym: `PUB${tag}${stamp}`.slice(0, 20),
      title: `Progetto ${tag}`,
      summary: 'Sintesi.',
      fundingLine: connect(line.documentId),
      partnerships: [{ role: 'lead', partner: connect(partner.documentId), note: 'Nota', noteEn: 'Note' }],
    });
    await saveLocale(PROJECT, project.documentId, 'en', {
      title: `Project ${tag}`,
      summary: 'Summary.',
      fundingLine: connect(line.documentId, 'en'),
    });
    const action = await create('api::action.action', {
      title: `Azione ${tag}`,
      actionType: 'workshop',
      project: connect(project.documentId),
    });
    await saveLocale('api::action.action', action.documentId, 'en', { title: `Action ${tag}`, project: connect(project.documentId, 'en') });
    return { partner, line, project, action };
  }

  it('refuses to publish a project whose partner is a draft, naming it, and the public API stays as it was', async () => {
    const { partner, line, project } = await projectWithDraftPartner('a');
    const { status, body } = await publish(PROJECT, project.documentId, 'it');
    expect(status).toBe(400);
    expect(body.error.message).toContain(`Partner «Partner in bozza a ${stamp}»`);
    expect(body.error.message).toContain(`Linea di finanziamento «FAMI – Linea in bozza a ${stamp}»`);
    expect(body.error.message).toContain('Pubblica con le voci collegate');
    const live = await api(`/api/projects?filters[documentId][$eq]=${project.documentId}&locale=it`);
    expect(live.body.data).toHaveLength(0);
    expect((await api(`/api/partners/${partner.documentId}?locale=it`)).status).toBe(404);
    expect((await api(`/api/funding-lines/${line.documentId}?locale=it`)).status).toBe(404);
  });

  it('"Pubblica con le voci collegate" lists the drafts and publishes them with the project, in both languages', async () => {
    const { partner, line, project, action } = await projectWithDraftPartner('b');
    const plan = await admin('GET', `/portfolio/publish-with-related?model=${PROJECT}&documentId=${project.documentId}`);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const planned = plan.body.data.plan.map((e: any) => `${e.uid}:${e.documentId}:${e.locale}`);
    for (const locale of ['it', 'en']) {
      for (const [uid, documentId] of [
        [PARTNER, partner.documentId],
        [FUNDING_LINE, line.documentId],
        [PROJECT, project.documentId],
        ['api::action.action', action.documentId],
      ]) {
        expect(planned).toContain(`${uid}:${documentId}:${locale}`);
      }
    }
    // Dependencies first, then the project, then what points to it.
    expect(planned.indexOf(`${PARTNER}:${partner.documentId}:it`)).toBeLessThan(planned.indexOf(`${PROJECT}:${project.documentId}:it`));
    expect(planned.indexOf(`${PROJECT}:${project.documentId}:it`)).toBeLessThan(
      planned.indexOf(`api::action.action:${action.documentId}:it`),
    );

    const done = await admin('POST', '/portfolio/publish-with-related', { model: PROJECT, documentId: project.documentId });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    for (const locale of ['it', 'en']) {
      const live = await api(
        `/api/projects?filters[documentId][$eq]=${project.documentId}&locale=${locale}&populate[partnerships][populate][partner][fields][0]=documentId&populate[fundingLine][fields][0]=documentId`,
      );
      expect(live.body.data, locale).toHaveLength(1);
      expect(live.body.data[0].partnerships[0].partner?.documentId, locale).toBe(partner.documentId);
      expect(live.body.data[0].fundingLine?.documentId, locale).toBe(line.documentId);
      expect((await api(`/api/actions/${action.documentId}?locale=${locale}`)).status, locale).toBe(200);
    }
  });

  it('publishes nothing when one of the entries is invalid, and says which', async () => {
    const { partner, project } = await projectWithDraftPartner('c');
    // A draft may lack a required field (not its name); publishing it may not. The partner's English type is emptied.
    const emptied = await saveLocale(PARTNER, partner.documentId, 'en', { organisationType: null });
    expect(emptied.status, JSON.stringify(emptied.body)).toBe(200);
    const done = await admin('POST', '/portfolio/publish-with-related', { model: PROJECT, documentId: project.documentId });
    expect(done.status).toBe(400);
    expect(done.body.error.message).toContain('nulla è stato pubblicato');
    expect(done.body.error.message).toContain(`Partner in bozza c ${stamp}`);
    for (const locale of ['it', 'en']) {
      expect((await api(`/api/partners/${partner.documentId}?locale=${locale}`)).status, locale).toBe(404);
      expect((await api(`/api/projects?filters[documentId][$eq]=${project.documentId}&locale=${locale}`)).body.data, locale).toHaveLength(
        0,
      );
    }
  });

  it('refuses, in Italian and saying what to do, a link to an entry with no version in the language', async () => {
    const partner = await create(PARTNER, { name: `Solo italiano ${stamp}`, organisationType: 'ngo' });
    const project = await create(PROJECT, {
      acronym: `ITA${stamp}`.slice(0, 20),
      title: 'Progetto',
      summary: 'Sintesi.',
      partnerships: [{ role: 'lead', partner: connect(partner.documentId) }],
    });
    // The English version cannot link the partner: saving it says which entry lacks English.
    const english = await saveLocale(PROJECT, project.documentId, 'en', { title: 'Project', summary: 'Summary.' });
    expect(english.status).toBe(400);
    expect(english.body.error.message).toContain(`Partner «Solo italiano ${stamp}» (manca la versione in inglese)`);

    // An English version made before the partner was added: publishing both languages is refused.
    const other = await create(PROJECT, { acronym: `ITB${stamp}`.slice(0, 20), title: 'Progetto', summary: 'Sintesi.' });
    expect((await saveLocale(PROJECT, other.documentId, 'en', { title: 'Project', summary: 'Summary.' })).status).toBe(200);
    const linked = await saveLocale(PROJECT, other.documentId, 'it', {
      partnerships: [{ role: 'lead', partner: connect(partner.documentId) }],
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const done = await admin('POST', '/portfolio/publish-with-related', { model: PROJECT, documentId: other.documentId });
    expect(done.status).toBe(400);
    expect(done.body.error.message).toContain(`Partner «Solo italiano ${stamp}» (manca la versione in inglese)`);
    expect((await api(`/api/partners/${partner.documentId}?locale=it`)).status).toBe(404);
  });
});

describe('an action is shown on its project’s page, so it is published only with a project', () => {
  const ACTION = 'api::action.action';

  it('refuses to publish an action without a project, on the «Progetto» field, and publishes nothing', async () => {
    const action = await create(ACTION, { title: `Azione senza progetto ${stamp}`, actionType: 'workshop' });
    const { status, body } = await publish(ACTION, action.documentId, 'it');
    expect(status).toBe(400);
    expect(body.error.message).toContain('Pubblicazione non eseguita');
    expect(body.error.message).toContain('nel campo «Progetto»');
    expect(body.error.details.errors).toEqual([expect.objectContaining({ path: ['project'] })]);
    expect((await api(`/api/actions/${action.documentId}?locale=it`)).status).toBe(404);
  });

  it('says why a published action is on no page: its project is offline, or it has none', async () => {
    const title = `Progetto delle azioni ${stamp}`;
    const project = await create(PROJECT, { acronym: `ACT${stamp}`.slice(0, 20), title, summary: 'Sintesi.' });
    const action = await create(ACTION, { title: `Azione ${stamp}`, actionType: 'workshop', project: connect(project.documentId) });
    const live = await admin('POST', '/portfolio/publish-with-related', { model: PROJECT, documentId: project.documentId });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    expect(await panel(ACTION, action.documentId)).toMatchObject({ publishedAt: expect.any(String), notShown: null });

    expect((await unpublish(PROJECT, project.documentId, 'it')).status).toBe(200);
    expect((await panel(ACTION, action.documentId)).notShown).toEqual({ reason: 'project-not-published', project: title });

    // Publishing the project again puts its action back on its page.
    expect((await publish(PROJECT, project.documentId, 'it')).status).toBe(200);
    expect((await panel(ACTION, action.documentId)).notShown).toBeNull();
    const page = await api(
      `/api/projects?locale=it&filters[documentId][$eq]=${project.documentId}&populate[actions][fields][0]=documentId`,
    );
    expect(page.body.data[0].actions.map((a: { documentId: string }) => a.documentId)).toEqual([action.documentId]);

    // Taken off in the project's form: the action stays published, and the panel says it shows nowhere.
    const takenOff = await admin('POST', cm(PROJECT, `/${project.documentId}/actions/publish?locale=it`), {
      actions: { disconnect: [{ documentId: action.documentId, locale: 'it' }] },
    });
    expect(takenOff.status, JSON.stringify(takenOff.body)).toBe(200);
    expect(await panel(ACTION, action.documentId)).toMatchObject({ publishedAt: expect.any(String), notShown: { reason: 'no-project' } });
    // The lists no longer name it with the project's acronym.
    expect((await draft(ACTION, action.documentId, 'it')).adminLabel).toBe(`Azione ${stamp}`);
    // Nor can it be published again until it has a project.
    expect((await publish(ACTION, action.documentId, 'it')).status).toBe(400);
  });

  it('names a project’s actions and communities with its new acronym, and with none once it is deleted', async () => {
    const project = await create(PROJECT, { acronym: `OLD${stamp}`.slice(0, 20), title: 'Progetto da rinominare', summary: 'Sintesi.' });
    const action = await create(ACTION, { title: `Laboratorio ${stamp}`, actionType: 'workshop', project: connect(project.documentId) });
    const community = await create('api::community-of-practice.community-of-practice', {
      title: `Comunità ${stamp}`,
      project: connect(project.documentId),
    });
    const renamed = await saveLocale(PROJECT, project.documentId, 'it', { acronym: `NEW${stamp}`.slice(0, 20) });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await draft(ACTION, action.documentId, 'it')).adminLabel).toBe(`Laboratorio ${stamp} · ${`NEW${stamp}`.slice(0, 20)}`);
    expect((await draft('api::community-of-practice.community-of-practice', community.documentId, 'it')).adminLabel).toBe(
      `Comunità ${stamp} · ${`NEW${stamp}`.slice(0, 20)}`,
    );
    expect((await admin('DELETE', cm(PROJECT, `/${project.documentId}?locale=it`))).status).toBe(200);
    expect((await draft(ACTION, action.documentId, 'it')).adminLabel).toBe(`Laboratorio ${stamp}`);
  });

  it('takes a deleted project’s published actions back to drafts, kept, in the languages it was deleted in', async () => {
    const project = await create(PROJECT, { acronym: `DEL${stamp}`.slice(0, 20), title: 'Progetto da eliminare', summary: 'Sintesi.' });
    await saveLocale(PROJECT, project.documentId, 'en', { title: 'Project to delete', summary: 'Summary.' });
    const action = await create(ACTION, {
      title: `Azione da tenere ${stamp}`,
      actionType: 'workshop',
      project: connect(project.documentId),
    });
    await saveLocale(ACTION, action.documentId, 'en', { title: `Action to keep ${stamp}` });
    const live = await admin('POST', '/portfolio/publish-with-related', { model: PROJECT, documentId: project.documentId });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    for (const locale of ['it', 'en']) expect((await api(`/api/actions/${action.documentId}?locale=${locale}`)).status, locale).toBe(200);

    expect((await admin('DELETE', cm(PROJECT, `/${project.documentId}?locale=it`))).status).toBe(200);
    expect((await api(`/api/actions/${action.documentId}?locale=it`)).status).toBe(404);
    expect((await draft(ACTION, action.documentId, 'it')).title).toBe(`Azione da tenere ${stamp}`);
    // The English project is still there, and its action with it.
    expect((await api(`/api/actions/${action.documentId}?locale=en`)).status).toBe(200);
  });
});

describe('unpublishing or deleting what published pages show is refused while they link to it', () => {
  it('keeps a funding line online while a published project carries its EU statement, and lets it go once none does', async () => {
    const line = await create(FUNDING_LINE, { name: `Linea in uso ${stamp}`, acronym: 'FAMI', fundingStatement: 'co_funded' });
    const other = await create(FUNDING_LINE, { name: `Linea sostitutiva ${stamp}`, acronym: 'FSE+', fundingStatement: 'funded' });
    for (const { documentId } of [line, other]) expect((await publish(FUNDING_LINE, documentId, 'it')).status).toBe(200);
    const project = await create(PROJECT, {
      acronym: `EU${stamp}`.slice(0, 20),
      title: 'Progetto finanziato',
      summary: 'Sintesi.',
      fundingLine: connect(line.documentId),
    });
    expect((await publish(PROJECT, project.documentId, 'it')).status).toBe(200);

    for (const refused of [
      await unpublish(FUNDING_LINE, line.documentId, 'it'),
      await admin('DELETE', cm(FUNDING_LINE, `/${line.documentId}?locale=it`)),
    ]) {
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain("perderebbe l'emblema dell'Unione europea");
      expect(refused.body.error.message).toContain(`Progetto «EU${stamp}`.slice(0, 20));
      expect(refused.body.error.details.linkedBy).toEqual([expect.objectContaining({ documentId: project.documentId, locale: 'it' })]);
    }
    expect((await api(`/api/funding-lines/${line.documentId}?locale=it`)).status).toBe(200);
    // The edit view's panel says so beforehand.
    expect((await panel(FUNDING_LINE, line.documentId)).linkedByPublished).toBe(1);

    // The project moves to another line: nothing published links to the first any more.
    const moved = await admin('POST', cm(PROJECT, `/${project.documentId}/actions/publish?locale=it`), {
      fundingLine: { set: [{ documentId: other.documentId, locale: 'it' }] },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await panel(FUNDING_LINE, line.documentId)).linkedByPublished).toBe(0);
    expect((await unpublish(FUNDING_LINE, line.documentId, 'it')).status).toBe(200);
    expect((await api(`/api/funding-lines/${line.documentId}?locale=it`)).status).toBe(404);
  });

  it('keeps a partner online in each language its published partnerships show it in, and not elsewhere', async () => {
    const partner = await create(PARTNER, { name: `Partner in uso ${stamp}`, organisationType: 'ngo' });
    await saveLocale(PARTNER, partner.documentId, 'en', { name: `Partner in use ${stamp}` });
    for (const locale of ['it', 'en']) expect((await publish(PARTNER, partner.documentId, locale)).status).toBe(200);
    const project = await create(PROJECT, {
      acronym: `PRT${stamp}`.slice(0, 20),
      title: 'Progetto con partner',
      summary: 'Sintesi.',
      partnerships: [{ role: 'lead', partner: connect(partner.documentId) }],
    });
    // Published in Italian only: the partner's English version is on no published page.
    expect((await publish(PROJECT, project.documentId, 'it')).status).toBe(200);

    const refused = await unpublish(PARTNER, partner.documentId, 'it');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('non lo mostrerebbe più tra i partner');
    // Named as in the language being unpublished.
    expect(refused.body.error.message).toContain(`(Partner «Partner in uso ${stamp}`);
    expect(refused.body.error.message).toContain('(italiano)');
    expect((await unpublish(PARTNER, partner.documentId, 'en')).status).toBe(200);
    expect((await api(`/api/partners/${partner.documentId}?locale=it`)).status).toBe(200);
  });
});

describe('a form loaded before someone else’s save does not overwrite it', () => {
  /** A Content Manager call as the admin makes it, with the version its form was built from; the version the CMS answers with. */
  async function asAdmin(as: 'admin' | 'editor', method: string, path: string, version?: string, body?: unknown) {
    const headers: Record<string, string> = { Authorization: `Bearer ${as === 'admin' ? token : inject('editor').token}` };
    if (version) headers['x-portfolio-version'] = version;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${inject('cms').url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any, version: response.headers.get('x-portfolio-version') ?? '' };
  }
  /** The version of a draft, as the edit view that opens it receives it. */
  async function opened(documentId: string, locale: string) {
    const read = await asAdmin('admin', 'GET', cm(PROJECT, `/${documentId}?locale=${locale}`));
    expect(read.version, JSON.stringify(read.body)).not.toBe('');
    return read.version;
  }
  const at = (documentId: string, locale: string, action = '') => cm(PROJECT, `/${documentId}${action}?locale=${locale}`);

  it('refuses the save, publish or discard of a form older than the last save, naming who saved it and when', async () => {
    const project = await create(PROJECT, { acronym: `CONF${stamp}`.slice(0, 20), title: 'Titolo iniziale', summary: 'Sintesi.' });
    const both = await opened(project.documentId, 'it');
    // The officer saves first, from the form both opened.
    const theirs = await asAdmin('editor', 'PUT', at(project.documentId, 'it'), both, { title: 'Titolo della redazione' });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(200);
    expect(theirs.version).not.toBe(both);

    const changed =
      'questa voce è cambiata oggi alle \\d{1,2}:\\d{2}, dopo che l’hai aperta \\(ultimo salvataggio di Ufficio Comunicazione\\)';
    for (const [method, action, body, refusal] of [
      ['PUT', '', { title: 'Titolo sovrascritto' }, `^Modifiche non salvate: ${changed}, e salvando ora`],
      ['POST', '/actions/publish', { title: 'Titolo sovrascritto' }, `^Modifiche non salvate: ${changed}`],
      ['POST', '/actions/discard', {}, `^Bozza non scartata: ${changed}, e scartandola ora`],
      ['POST', '/actions/unpublish', { discardDraft: true }, `^Bozza non scartata: ${changed}`],
    ] as const) {
      const stale = await asAdmin('admin', method, at(project.documentId, 'it', action), both, body);
      expect(stale.status, `${method} ${action}`).toBe(409);
      expect(stale.body.error.message).toMatch(new RegExp(refusal));
    }
    expect((await draft(PROJECT, project.documentId, 'it')).title).toBe('Titolo della redazione');
    expect((await api(`/api/projects/${project.documentId}?locale=it`)).status).toBe(404);

    // Reloaded, the form carries the new version: saving works, and so does publishing from its answer.
    const reloaded = await asAdmin('admin', 'PUT', at(project.documentId, 'it'), await opened(project.documentId, 'it'), {
      title: 'Titolo rivisto',
    });
    expect(reloaded.status, JSON.stringify(reloaded.body)).toBe(200);
    const again = await asAdmin('admin', 'POST', at(project.documentId, 'it', '/actions/publish'), reloaded.version, {
      title: 'Titolo rivisto e pubblicato',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    // The same person in another tab is told so.
    const otherTab = await asAdmin('admin', 'PUT', at(project.documentId, 'it'), theirs.version, { title: 'Vecchia scheda' });
    expect(otherTab.status).toBe(409);
    expect(otherTab.body.error.message).toContain('dopo che l’hai aperta (ultimo salvataggio: tuo, forse in un’altra scheda)');
    // Scripts and the REST API, which send no version, are not checked.
    expect((await saveLocale(PROJECT, project.documentId, 'it', { title: 'Titolo da uno script' })).status).toBe(200);
  });

  it('checks each language against its own content: an Italian text leaves the English form valid, shared fields do not', async () => {
    const project = await create(PROJECT, { acronym: `LNG${stamp}`.slice(0, 20), title: 'Progetto bilingue', summary: 'Sintesi.' });
    expect((await saveLocale(PROJECT, project.documentId, 'en', { title: 'Bilingual project', summary: 'Summary.' })).status).toBe(200);
    const english = await opened(project.documentId, 'en');
    // An Italian save of Italian text: the English form opened before it still saves.
    const italian = await asAdmin('editor', 'PUT', at(project.documentId, 'it'), await opened(project.documentId, 'it'), {
      title: 'Titolo nuovo',
    });
    expect(italian.status, JSON.stringify(italian.body)).toBe(200);
    const first = await asAdmin('admin', 'PUT', at(project.documentId, 'en'), english, { title: 'Bilingual project, first tab' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // A second English form opened with the first is refused.
    const second = await asAdmin('editor', 'PUT', at(project.documentId, 'en'), english, { title: 'Bilingual project, second tab' });
    expect(second.status).toBe(409);
    // An Italian save that changes a field both languages share makes the English form stale too.
    const shared = await asAdmin('editor', 'PUT', at(project.documentId, 'it'), italian.version, { grantAgreementNumber: `GA-${stamp}` });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect((await asAdmin('admin', 'PUT', at(project.documentId, 'en'), first.version, { title: 'Bilingual, stale' })).status).toBe(409);
    expect(await draft(PROJECT, project.documentId, 'en')).toMatchObject({
      title: 'Bilingual project, first tab',
      grantAgreementNumber: `GA-${stamp}`,
    });
  });

  it('tells the admin what a refused form would have linked, in words: added and removed entries, a choice by its label, each component row', async () => {
    const kept = await create('api::theme.theme', { name: `Tema tenuto ${stamp}` });
    const removed = await create('api::theme.theme', { name: `Tema tolto ${stamp}` });
    const added = await create('api::theme.theme', { name: `Tema aggiunto ${stamp}` });
    const lead = await create(PARTNER, { name: `Capofila ${stamp}`, organisationType: 'ngo' });
    const joining = await create(PARTNER, { name: `Nuovo partner ${stamp}`, organisationType: 'ngo' });
    const project = await create(PROJECT, {
      acronym: `WRD${stamp}`.slice(0, 20),
      title: 'Progetto da rileggere',
      summary: 'Sintesi.',
      themes: { connect: [kept, removed].map((theme) => ({ documentId: theme.documentId, locale: 'it' })) },
      partnerships: [{ role: 'lead', partner: connect(lead.documentId) }],
    });
    const both = await opened(project.documentId, 'it');
    expect((await asAdmin('editor', 'PUT', at(project.documentId, 'it'), both, { title: 'Salvato prima' })).status).toBe(200);

    const row = (await draft(PROJECT, project.documentId, 'it')).partnerships[0];
    const refused = await asAdmin('admin', 'PUT', at(project.documentId, 'it'), both, {
      title: 'Titolo rifiutato',
      statusOverride: 'completed',
      themes: { connect: [{ documentId: added.documentId, locale: 'it' }], disconnect: [{ documentId: removed.documentId, locale: 'it' }] },
      fundingLine: { connect: [], disconnect: [] },
      // The stored row as the form sends it (its partner unchanged), and a new row.
      partnerships: [
        { id: row.id, role: 'coordinator', note: 'Ambito Nord', partner: { connect: [], disconnect: [] } },
        { role: 'partner', partner: connect(joining.documentId) },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.readable).toEqual({
      statusOverride: ['Concluso'],
      themes: [`Aggiunti: «Tema aggiunto ${stamp}»`, `Tolti: «Tema tolto ${stamp}»`],
      partnerships: [
        `Partner: «Capofila ${stamp}» · Ruolo: Coordinatore · Nota (italiano): Ambito Nord`,
        `Partner: «Nuovo partner ${stamp}» · Ruolo: Partner`,
      ],
    });
  });

  it('writes one of two saves sent at the same instant from the same form, and refuses the other', async () => {
    const project = await create(PROJECT, { acronym: `SAME${stamp}`.slice(0, 20), title: 'Titolo iniziale', summary: 'Sintesi.' });
    const both = await opened(project.documentId, 'it');
    const titles = ['Titolo della prima scheda', 'Titolo della seconda scheda', 'Titolo della terza scheda'];
    const saves = await Promise.all(titles.map((title) => asAdmin('admin', 'PUT', at(project.documentId, 'it'), both, { title })));
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409, 409]);
    const written = titles[saves.findIndex((save) => save.status === 200)];
    expect((await draft(PROJECT, project.documentId, 'it')).title).toBe(written);
  });

  it('checks the site settings too', async () => {
    const path = '/content-manager/single-types/api::site-setting.site-setting?locale=it';
    const before = await asAdmin('admin', 'GET', path);
    expect(before.version).not.toBe('');
    const stale = await asAdmin('editor', 'PUT', path, 'a-version-of-long-ago', { ...before.body.data, institutionName: 'Sovrascritto' });
    expect(stale.status).toBe(409);
    expect((await admin('GET', path)).body.data.updatedAt).toBe(before.body.data.updatedAt);
  });
});

describe('a file that published pages show is not deleted from the media library', () => {
  const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  async function upload(name: string, folder?: number) {
    const form = new FormData();
    form.append('files', new Blob([PIXEL], { type: 'image/png' }), name);
    if (folder) form.append('fileInfo', JSON.stringify({ name, folder }));
    const response = await fetch(`${inject('cms').url}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    const body = (await response.json()) as Array<{ id: number; url: string }>;
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body[0]!;
  }
  const fileExists = async (id: number) => (await admin('GET', `/upload/files/${id}`)).status === 200;

  it('refuses to delete a logo a published partner shows, alone, in a selection or in a folder, and deletes it once unused', async () => {
    const folder = await admin('POST', '/upload/folders', { name: `Loghi ${stamp}`, parent: null });
    expect(folder.status, JSON.stringify(folder.body)).toBe(201);
    const logo = await upload(`logo-${stamp}.png`, folder.body.data.id);
    const unused = await upload(`inutilizzato-${stamp}.png`);
    const partner = await create(PARTNER, { name: `Ente con logo ${stamp}`, organisationType: 'ngo', logo: logo.id });
    expect((await publish(PARTNER, partner.documentId, 'it')).status).toBe(200);

    const alone = await admin('DELETE', `/upload/files/${logo.id}`);
    expect(alone.status).toBe(400);
    expect(alone.body.error.message).toBe(
      `Eliminazione non eseguita: il file «logo-${stamp}.png» compare nelle pagine pubblicate di Partner «Ente con logo ${stamp}» (italiano). ` +
        'Sostituirlo o toglierlo prima in quella voce e pubblicarla, poi riprovare.',
    );
    // A selection with the logo, or with its folder, deletes nothing, not even the file no entry uses.
    expect((await admin('POST', '/upload/actions/bulk-delete', { fileIds: [unused.id, logo.id] })).status).toBe(400);
    expect((await admin('POST', '/upload/actions/bulk-delete', { fileIds: [unused.id], folderIds: [folder.body.data.id] })).status).toBe(
      400,
    );
    expect(await fileExists(logo.id)).toBe(true);
    expect(await fileExists(unused.id)).toBe(true);
    expect((await fetch(`${inject('cms').url}${logo.url}`)).status).toBe(200);
    // The draft's own link does not hold a file: only published pages do.
    expect((await unpublish(PARTNER, partner.documentId, 'it')).status).toBe(200);
    expect(
      (await admin('POST', '/upload/actions/bulk-delete', { fileIds: [unused.id, logo.id], folderIds: [folder.body.data.id] })).status,
    ).toBe(200);
    expect(await fileExists(logo.id)).toBe(false);
    expect(await fileExists(unused.id)).toBe(false);
  });

  it('finds the file inside components too: a document among a published project’s links', async () => {
    const leaflet = await upload(`volantino-${stamp}.png`);
    const project = await create(PROJECT, {
      acronym: `DOC${stamp}`.slice(0, 20),
      title: 'Progetto con documento',
      summary: 'Sintesi.',
      links: [{ label: 'Volantino', file: leaflet.id }],
    });
    expect((await publish(PROJECT, project.documentId, 'it')).status).toBe(200);
    const refused = await admin('DELETE', `/upload/files/${leaflet.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(`Progetto «DOC${stamp}`.slice(0, 30));
    expect(await fileExists(leaflet.id)).toBe(true);
  });
});
