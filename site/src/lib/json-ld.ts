import {
  LOCALES,
  type FundingLine,
  type Locale,
  type OrganisationType,
  type PartialDate,
  type Partner,
  type SiteSetting,
} from 'shared-types';
import { markdownToText, safeExternalUrl } from './markdown.ts';
import { LICENSE_URL, openDataUrl, type OpenDataExport } from './open-data/index.ts';
import type { FundingLineView, PartnerView, ProjectView } from './portfolio.ts';
import { absoluteUrl, href, type Route } from 'shared-types/routes';

/**
 * schema.org JSON-LD for the pages (Base.astro's `jsonLd` prop). Pure functions returning plain
 * objects; empty values are left out rather than written as null.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonLdObject = { [key: string]: Json };

const CONTEXT = 'https://schema.org';

/** The object without undefined, null, empty strings and empty arrays. */
function compact(fields: Record<string, Json | undefined>): JsonLdObject {
  const out: JsonLdObject = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

const absolute = (base: string | URL, locale: Locale, route: Route) => absoluteUrl(base, href(locale, route));

/** A date at the precision it is known: "2029-09-30", "2025-06" or "2027" (ISO 8601). */
export function schemaDate(value: Pick<PartialDate, 'date' | 'precision'> | null): string | undefined {
  if (!value) return undefined;
  if (value.precision === 'day') return value.date;
  return value.precision === 'month' ? value.date.slice(0, 7) : value.date.slice(0, 4);
}

const SCHEMA_TYPES: Record<OrganisationType, string> = {
  municipality: 'GovernmentOrganization',
  region: 'GovernmentOrganization',
  provincial_authority: 'GovernmentOrganization',
  national_authority: 'GovernmentOrganization',
  municipal_association: 'Organization',
  ngo: 'NGO',
  network: 'Organization',
  research: 'ResearchOrganization',
  cooperative: 'Organization',
  school_training: 'EducationalOrganization',
  development_agency: 'Organization',
  other: 'Organization',
};

/** A partner as a schema.org organisation, with its page on this site and its country. */
function partnerOrganization(partner: Partner, locale: Locale, base: string | URL): JsonLdObject {
  const url = absolute(base, locale, { page: 'partner', slug: partner.slug });
  return compact({
    '@type': SCHEMA_TYPES[partner.organisationType],
    '@id': `${url}#organization`,
    name: partner.name,
    alternateName: partner.shortName ?? undefined,
    url,
    sameAs: safeExternalUrl(partner.website) ?? undefined,
    address:
      partner.country || partner.city
        ? compact({ '@type': 'PostalAddress', addressCountry: partner.country ?? undefined, addressLocality: partner.city ?? undefined })
        : undefined,
  });
}

/** Who provides the money of a funding line: its managing body, else its programme. */
function fundingBody(line: FundingLine): JsonLdObject | undefined {
  const name = line.managingBody ?? line.programme;
  return name ? { '@type': 'Organization', name } : undefined;
}

/**
 * A project: schema.org Project with its period, partners (member), funder and the EU grant as a
 * MonetaryGrant (amount = EU contribution in EUR when known, identifier = grant agreement number).
 */
export function projectJsonLd(view: ProjectView, locale: Locale, url: string): JsonLdObject {
  const { project, fundingLine } = view;
  const funder = fundingLine ? fundingBody(fundingLine) : undefined;
  const grant =
    fundingLine || project.grantAgreementNumber
      ? compact({
          '@type': 'MonetaryGrant',
          name: fundingLine?.name,
          identifier: project.grantAgreementNumber ?? undefined,
          url: fundingLine ? absolute(url, locale, { page: 'fundingLine', slug: fundingLine.slug }) : undefined,
          funder,
          amount:
            project.euContribution === null ? undefined : { '@type': 'MonetaryAmount', currency: 'EUR', value: project.euContribution },
        })
      : undefined;
  const partners = [...new Map(view.partnerships.map((p) => [p.partner.documentId, p.partner])).values()];
  return compact({
    '@context': CONTEXT,
    '@type': 'Project',
    '@id': `${url}#project`,
    name: project.title,
    alternateName: project.acronym === project.title ? undefined : project.acronym,
    description: project.summary,
    url,
    sameAs: safeExternalUrl(project.website) ?? undefined,
    startDate: schemaDate(project.startDate),
    endDate: schemaDate(project.endDate),
    funder,
    funding: grant,
    member: partners.map((partner) => partnerOrganization(partner, locale, url)),
    keywords: view.themes.map((theme) => theme.name),
  });
}

/** A partner's page: the organisation and the projects it takes part in (memberOf). */
export function organizationJsonLd(view: PartnerView, locale: Locale, url: string): JsonLdObject {
  return compact({
    '@context': CONTEXT,
    ...partnerOrganization(view.partner, locale, url),
    url,
    description: markdownToText(view.partner.description),
    memberOf: view.projects.map(({ view: p }) => ({
      '@type': 'Project',
      '@id': `${absolute(url, locale, { page: 'project', slug: p.project.slug })}#project`,
      name: p.project.title,
      url: absolute(url, locale, { page: 'project', slug: p.project.slug }),
    })),
  });
}

/**
 * A funding line's page: schema.org FundingScheme, funded by its managing body. The locale is
 * unused (the view is already in one language) and kept so every page builder is called alike.
 */
export function fundingSchemeJsonLd(view: FundingLineView, _locale: Locale, url: string): JsonLdObject {
  const line = view.fundingLine;
  return compact({
    '@context': CONTEXT,
    '@type': 'FundingScheme',
    '@id': `${url}#funding-scheme`,
    name: line.name,
    alternateName: line.acronym === line.name ? undefined : line.acronym,
    description: markdownToText(line.description),
    url,
    sameAs: safeExternalUrl(line.website) ?? undefined,
    funder: fundingBody(line),
  });
}

/** The site: schema.org WebSite in one language, published by the institution (GovernmentOrganization). */
export function siteJsonLd(settings: SiteSetting, locale: Locale, siteUrl: string | URL): JsonLdObject {
  const home = absolute(siteUrl, locale, { page: 'home' });
  return compact({
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${home}#website`,
    name: settings.siteName,
    description: settings.tagline ?? undefined,
    url: home,
    inLanguage: locale,
    license: LICENSE_URL,
    publisher: compact({
      '@type': 'GovernmentOrganization',
      name: settings.institutionName,
      url: safeExternalUrl(settings.institutionUrl) ?? undefined,
      email: settings.contactEmail ?? undefined,
      telephone: settings.phone ?? undefined,
      address: settings.address ?? undefined,
      parentOrganization: settings.parentInstitutionName
        ? { '@type': 'GovernmentOrganization', name: settings.parentInstitutionName }
        : undefined,
    }),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absolute(siteUrl, locale, { page: 'search' })}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  });
}

/** The open-data page: schema.org DataCatalog with a Dataset (CSV and JSON downloads) per collection. */
export function dataCatalogJsonLd(openData: OpenDataExport, settings: SiteSetting, locale: Locale, url: string): JsonLdObject {
  const publisher = { '@type': 'GovernmentOrganization', name: settings.institutionName };
  return {
    '@context': CONTEXT,
    '@type': 'DataCatalog',
    '@id': `${url}#catalog`,
    name: settings.siteName,
    url,
    inLanguage: locale,
    license: LICENSE_URL,
    publisher,
    dateModified: openData.modified,
    dataset: openData.datasets.map(({ dataset, csv, json, modified }) => ({
      '@type': 'Dataset',
      '@id': `${url}#${dataset.name}`,
      name: dataset.title[locale],
      description: dataset.description[locale],
      url: `${url}#${dataset.name}`,
      license: LICENSE_URL,
      creator: publisher,
      inLanguage: [...LOCALES],
      dateModified: modified,
      distribution: [csv, json].map((file) => ({
        '@type': 'DataDownload',
        encodingFormat: file.mediaType,
        contentUrl: openDataUrl(new URL(url), file.name),
      })),
    })),
  };
}
