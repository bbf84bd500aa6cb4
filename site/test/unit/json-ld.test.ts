import { describe, expect, it } from 'vitest';
import {
  dataCatalogJsonLd,
  fundingSchemeJsonLd,
  organizationJsonLd,
  projectJsonLd,
  schemaDate,
  siteJsonLd,
  type JsonLdObject,
} from '../../src/lib/json-ld.ts';
import { buildOpenData, DATASET_NAMES } from '../../src/lib/open-data/index.ts';
import { fixturePortfolios, SITE } from './fixtures/portfolio.ts';

const portfolios = fixturePortfolios();
const project = (locale: 'it' | 'en', slug: string) => portfolios[locale].projects.find((v) => v.project.slug === slug)!;
const PLEIADI_IT = 'https://integrazione.example.it/progetti/pleiadi/';
const PLEIADI_EN = 'https://integrazione.example.it/en/projects/pleiadi/';

/** True when the object survives JSON unchanged (no undefined, functions or dates). */
const isPlainJson = (value: JsonLdObject) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

describe('schemaDate', () => {
  it('keeps the day only when the date is known to the day', () => {
    expect(schemaDate({ date: '2029-09-30', precision: 'day' })).toBe('2029-09-30');
    expect(schemaDate({ date: '2025-06-01', precision: 'month' })).toBe('2025-06');
    expect(schemaDate({ date: '2027-01-01', precision: 'year' })).toBe('2027');
    expect(schemaDate(null)).toBeUndefined();
  });
});

describe('projectJsonLd', () => {
  const ld = projectJsonLd(project('it', 'pleiadi'), 'it', PLEIADI_IT);

  it('describes the project with names, description, url and dates at their precision', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Project',
      name: 'Plurale, equa, inclusiva',
      alternateName: 'PLEIADI',
      description: 'Sintesi, con virgola',
      url: PLEIADI_IT,
      startDate: '2025-06',
      endDate: '2029-09-30',
    });
    isPlainJson(ld);
  });

  it('states the EU grant: funder, amount in EUR and grant agreement number', () => {
    const funder = { '@type': 'Organization', name: 'Ministero dell’Interno' };
    expect(ld.funder).toEqual(funder);
    expect(ld.funding).toEqual({
      '@type': 'MonetaryGrant',
      name: 'FAMI 2021-2027 – OS2',
      identifier: '101234567',
      url: 'https://integrazione.example.it/linee-di-finanziamento/fami-os2/',
      funder,
      amount: { '@type': 'MonetaryAmount', currency: 'EUR', value: 4000000 },
    });
  });

  it('lists each partner once as an organisation with its country and page', () => {
    const members = ld.member as JsonLdObject[];
    expect(members.map((m) => m.name)).toEqual(['Comune di Bologna', 'Maison "Accueil", Paris']);
    expect(members[0]).toMatchObject({
      '@type': 'GovernmentOrganization',
      url: 'https://integrazione.example.it/partner/comune-di-bologna/',
      sameAs: 'https://www.comune.bologna.it',
      address: { '@type': 'PostalAddress', addressCountry: 'IT', addressLocality: 'Bologna' },
    });
    expect(members[1]).toMatchObject({ '@type': 'NGO', address: { '@type': 'PostalAddress', addressCountry: 'FR' } });
    expect(members[1]).not.toHaveProperty('sameAs');
  });

  it('links to the English pages in English', () => {
    const en = projectJsonLd(project('en', 'pleiadi'), 'en', PLEIADI_EN);
    expect((en.member as JsonLdObject[])[0]!.url).toBe('https://integrazione.example.it/en/partners/comune-di-bologna/');
    expect((en.funding as JsonLdObject).url).toBe('https://integrazione.example.it/en/funding/fami-os2/');
  });

  it('leaves out what the source does not state', () => {
    const quiet = projectJsonLd(project('it', 'quiet'), 'it', 'https://integrazione.example.it/progetti/quiet/');
    for (const key of ['alternateName', 'startDate', 'endDate', 'funder', 'funding', 'member', 'keywords'])
      expect(quiet).not.toHaveProperty(key);
    isPlainJson(quiet);
  });

  it('omits the grant amount when the EU contribution is unknown', () => {
    const view = project('it', 'pleiadi');
    const ld = projectJsonLd({ ...view, project: { ...view.project, euContribution: null } }, 'it', PLEIADI_IT);
    expect(ld.funding).not.toHaveProperty('amount');
    expect(ld.funding).toHaveProperty('identifier', '101234567');
  });
});

describe('organizationJsonLd', () => {
  it('describes the partner and the projects it belongs to', () => {
    const view = portfolios.en.partners.find((p) => p.partner.slug === 'maison-accueil')!;
    const url = 'https://integrazione.example.it/en/partners/maison-accueil/';
    const ld = organizationJsonLd(view, 'en', url);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NGO',
      name: 'Maison "Accueil", Paris',
      alternateName: 'MAP',
      url,
    });
    expect(ld.memberOf).toEqual([{ '@type': 'Project', '@id': `${PLEIADI_EN}#project`, name: 'Plural, fair, inclusive', url: PLEIADI_EN }]);
    isPlainJson(ld);
  });
});

describe('fundingSchemeJsonLd', () => {
  it('is a FundingScheme with its acronym, website and managing body', () => {
    const url = 'https://integrazione.example.it/en/funding/fami-os2/';
    const ld = fundingSchemeJsonLd(portfolios.en.fundingLines[0]!, 'en', url);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FundingScheme',
      '@id': `${url}#funding-scheme`,
      name: 'AMIF 2021-2027 – SO2',
      alternateName: 'AMIF',
      url,
      sameAs: 'https://example.eu/amif',
      funder: { '@type': 'Organization', name: 'Ministry of the Interior' },
    });
  });
});

describe('siteJsonLd', () => {
  it('is the WebSite in the page language, published by the institution as a GovernmentOrganization', () => {
    const ld = siteJsonLd(portfolios.en.settings, 'en', SITE);
    expect(ld).toMatchObject({
      '@type': 'WebSite',
      name: 'European projects for integration',
      url: 'https://integrazione.example.it/en/',
      inLanguage: 'en',
      publisher: {
        '@type': 'GovernmentOrganization',
        name: 'Emilia-Romagna Region',
        url: 'https://www.regione.emilia-romagna.it',
        email: 'integrazione@example.it',
      },
    });
    expect(ld.potentialAction).toMatchObject({
      target: { urlTemplate: 'https://integrazione.example.it/en/search/?q={search_term_string}' },
    });
    expect(siteJsonLd(portfolios.it.settings, 'it', 'https://integrazione.example.it').url).toBe('https://integrazione.example.it/');
  });
});

describe('dataCatalogJsonLd', () => {
  it('lists a Dataset per collection and per statistics chart with CSV and JSON downloads', () => {
    const url = 'https://integrazione.example.it/dati/';
    const ld = dataCatalogJsonLd(buildOpenData(portfolios, SITE), portfolios.it.settings, 'it', url);
    const datasets = ld.dataset as JsonLdObject[];
    expect(datasets).toHaveLength(DATASET_NAMES.length);
    expect(datasets[0]).toMatchObject({
      '@type': 'Dataset',
      name: 'Progetti',
      distribution: [
        { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'https://integrazione.example.it/opendata/projects.csv' },
        {
          '@type': 'DataDownload',
          encodingFormat: 'application/json',
          contentUrl: 'https://integrazione.example.it/opendata/projects.json',
        },
      ],
    });
  });
});
