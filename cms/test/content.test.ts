import { CONTENT_TYPES, strictSchema, toQueryString, type ContentTypeName, type Locale } from 'shared-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedBundle } from 'harness/seed-bundle';
import { api } from './http.ts';

const bundle = readSeedBundle();

/**
 * Every published entry of a type in a locale, parsed with the shared schema made strict (throws on
 * drift, including a key the REST API returns that the schema does not declare: a field added in
 * Strapi that would never reach the site).
 */
async function readAll(name: ContentTypeName, locale: Locale) {
  const type = CONTENT_TYPES[name];
  const schema = strictSchema(type.schema);
  const { status, body } = await api(
    `/api/${type.path}?${toQueryString({ locale, populate: type.populate, pagination: { pageSize: 100 } })}`,
  );
  expect(status).toBe(200);
  const entries = type.single ? [body.data] : body.data;
  return entries.map((entry: unknown, index: number) => {
    const result = schema.safeParse(entry);
    if (!result.success) throw new Error(`${name}[${index}] (${locale}) breaks the contract: ${result.error.message}`);
    return result.data;
  }) as any[];
}

const data: Record<Locale, Record<ContentTypeName, any[]>> = { it: {} as never, en: {} as never };

beforeAll(async () => {
  for (const locale of ['it', 'en'] as const) {
    for (const name of Object.keys(CONTENT_TYPES) as ContentTypeName[]) data[locale][name] = await readAll(name, locale);
  }
});

const project = (slug: string, locale: Locale = 'it') => data[locale].projects.find((p) => p.slug === slug);

describe('seeded content over the REST API', () => {
  it('serves every seed project, published, in Italian and English, valid against the schemas', () => {
    for (const locale of ['it', 'en'] as const) {
      expect(data[locale].projects.map((p) => p.slug).sort()).toEqual(bundle.projects.map((p) => p.slug).sort());
      for (const seed of bundle.projects) {
        expect(project(seed.slug, locale).title).toBe(seed.title[locale]);
        expect(project(seed.slug, locale).summary).toBe(seed.summary[locale]);
      }
    }
  });

  it('gives each project the same document in both locales', () => {
    for (const seed of bundle.projects) expect(project(seed.slug, 'en').documentId).toBe(project(seed.slug, 'it').documentId);
  });

  it('carries PLEIADI’s budget, reference and dates at their precision', () => {
    const pleiadi = project('pleiadi');
    expect(pleiadi.totalBudget).toBe(5611995.92);
    expect(pleiadi.internalReference).toBe('Prog. 1063');
    expect(pleiadi.startDate).toMatchObject({ date: '2025-06-01', precision: 'month', estimated: true });
    expect(pleiadi.endDate).toMatchObject({ date: '2029-09-30', precision: 'day' });
    expect(pleiadi.partnerships).toHaveLength(10);
    expect(new Set(pleiadi.partnerships.map((p: any) => p.partner.documentId)).size).toBe(9);
  });

  it('carries EPI’s grant agreement and dates', () => {
    const epi = project('epi');
    expect(epi.grantAgreementNumber).toBe('863614');
    expect(epi.startDate).toMatchObject({ date: '2020-01-01', precision: 'day' });
    expect(epi.endDate).toMatchObject({ date: '2022-06-30', precision: 'day' });
  });

  it('gives CONNECTION its seventeen partners and four communities of practice with guiding questions', () => {
    const connection = project('connection');
    expect(connection.partnerships).toHaveLength(17);
    const communities = data.it.communities.filter((c) => c.project?.documentId === connection.documentId);
    expect(communities.map((c) => c.code).sort()).toEqual(['CoP1', 'CoP2', 'CoP3', 'CoP4']);
    expect(communities.every((c) => c.guidingQuestion?.endsWith('?'))).toBe(true);
    const cop1 = communities.find((c) => c.code === 'CoP1');
    expect(cop1.members).toHaveLength(5);
  });

  it('resolves an organisation shared by two projects to one partner document', () => {
    const athens = data.it.partners.filter((p) => p.country === 'GR' && /Aten|Athin/i.test(p.name));
    expect(athens).toHaveLength(1);
    const inProjects = data.it.projects.filter((p) => p.partnerships.some((s: any) => s.partner?.documentId === athens[0].documentId));
    expect(inProjects.map((p) => p.slug).sort()).toEqual(['connection', 'consolidate']);
  });

  it('lands every partnership of the seed on the right partner and role', () => {
    const partnerBySlug = new Map(data.it.partners.map((p) => [p.slug, p.documentId]));
    for (const seed of bundle.projects) {
      const actual = project(seed.slug).partnerships.map((p: any) => `${p.partner.documentId}:${p.role}`);
      const expected = seed.partnerships.map((p) => `${partnerBySlug.get(p.partner)}:${p.role}`);
      expect(actual).toEqual(expected);
    }
  });

  it('fixes Utrecht’s country (the source says FI)', () => {
    const utrecht = data.it.partners.find((p) => /Utrecht/.test(p.name));
    expect(utrecht?.country).toBe('NL');
  });

  it('leaves CONSOLIDATE without a funding line and marks its grant agreement in preparation', () => {
    const consolidate = project('consolidate');
    expect(consolidate.fundingLine).toBeNull();
    expect(consolidate.statusOverride).toBe('grant_agreement_in_preparation');
    expect(consolidate.sourceUpdatedOn).toBe('2024-03-15');
  });

  it('gives PLEIADI’s actions their lettered sub-actions in both languages', () => {
    for (const locale of ['it', 'en'] as const) {
      const actions = data[locale].actions.filter((a) => a.project?.documentId === project('pleiadi').documentId);
      expect(actions.map((a) => a.code)).toEqual(['Azione 01', 'Azione 02', 'Azione 03']);
      expect(actions[1].subActions.map((s: any) => s.letter)).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
  });

  it('gives merged partners their alternative names in both languages, and PLEIADI’s third action its type', () => {
    for (const locale of ['it', 'en'] as const) {
      const athens = data[locale].partners.find((p) => p.slug === 'city-of-athens');
      expect(athens.alternativeNames).toBe('Dimos Athinaion');
      expect(data[locale].partners.find((p) => p.slug === 'city-of-turin').alternativeNames).toBeNull();
      const actions = data[locale].actions.filter((a) => a.project?.documentId === project('pleiadi').documentId);
      expect(actions[2].actionType).toBe('participation');
    }
  });

  it('never exposes editorial fields', () => {
    expect(project('connection')).not.toHaveProperty('sourceNotes');
    expect(data.it.partners[0]).not.toHaveProperty('adminLabel');
  });

  it('serves the site settings in both locales', () => {
    expect(data.it.siteSettings[0].siteName).toBe(bundle.settings.siteName.it);
    expect(data.en.siteSettings[0].siteName).toBe(bundle.settings.siteName.en);
  });
});
