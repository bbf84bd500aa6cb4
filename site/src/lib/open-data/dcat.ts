import { LOCALES } from 'shared-types';
import { href } from 'shared-types/routes';
import type { Bilingual, Portfolios } from './columns.ts';
import { CATALOG_FILE, LICENSE_NAME, LICENSE_URL, lastUpdate, openDataUrl, type DatasetExport } from './files.ts';

// DCAT-AP_IT vocabulary: the namespaces of the Italian profile and the EU authority tables it uses.
const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const EU_AUTHORITY = 'http://publications.europa.eu/resource/authority';
const FORMATS = {
  csv: { format: `${EU_AUTHORITY}/file-type/CSV`, mediaType: 'https://www.iana.org/assignments/media-types/text/csv' },
  json: { format: `${EU_AUTHORITY}/file-type/JSON`, mediaType: 'https://www.iana.org/assignments/media-types/application/json' },
};
const LANGUAGES = { it: `${EU_AUTHORITY}/language/ITA`, en: `${EU_AUTHORITY}/language/ENG` };

const literals = (value: Bilingual) => LOCALES.map((locale) => ({ '@value': value[locale], '@language': locale }));
const xsdDate = (iso: string) => ({ '@value': iso.slice(0, 10), '@type': 'xsd:date' });
const iri = (id: string) => ({ '@id': id });

/**
 * The DCAT-AP_IT catalogue as JSON-LD: a dcat:Catalog published by the institution under CC BY 4.0,
 * with one dcatapit:Dataset per collection and a CSV and a JSON dcat:Distribution for each.
 */
export function dcatCatalog(portfolios: Portfolios, site: URL, datasets: readonly DatasetExport[]) {
  const { it, en } = portfolios;
  const catalogUrl = openDataUrl(site, CATALOG_FILE);
  const landingPage = new URL(href('it', { page: 'data' }), site).href;
  const agent = {
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'foaf:name': literals({ it: it.settings.institutionName, en: en.settings.institutionName }),
    ...(it.settings.institutionUrl ? { 'foaf:homepage': iri(it.settings.institutionUrl) } : {}),
  };
  const license = {
    '@id': LICENSE_URL,
    '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
    'dct:type': iri('http://purl.org/adms/licencetype/Attribution'),
    'foaf:name': literals(LICENSE_NAME),
  };
  const contactPoint = it.settings.contactEmail
    ? {
        'dcat:contactPoint': {
          '@type': ['vcard:Organization', 'dcatapit:Organization'],
          'vcard:fn': it.settings.institutionName,
          'vcard:hasEmail': iri(`mailto:${it.settings.contactEmail}`),
        },
      }
    : {};
  const language = [iri(LANGUAGES.it), iri(LANGUAGES.en)];
  const keywords = literals({ it: 'migranti', en: 'migrants' }).concat(
    literals({ it: 'integrazione', en: 'integration' }),
    literals({ it: 'fondi europei', en: 'EU funds' }),
  );
  const distribution = (entry: DatasetExport, kind: 'csv' | 'json') => {
    const f = entry[kind];
    const url = openDataUrl(site, f.name);
    return {
      '@id': url,
      '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
      'dct:title': literals({
        it: `${entry.dataset.title.it} (${kind.toUpperCase()})`,
        en: `${entry.dataset.title.en} (${kind.toUpperCase()})`,
      }),
      'dcat:accessURL': iri(url),
      'dcat:downloadURL': iri(url),
      'dct:format': { '@id': FORMATS[kind].format, '@type': 'dct:MediaTypeOrExtent' },
      'dcat:mediaType': iri(FORMATS[kind].mediaType),
      'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:decimal' },
      // The licence node is described in full once, on the catalogue.
      'dct:license': iri(LICENSE_URL),
      'dct:modified': xsdDate(entry.modified),
    };
  };
  return {
    '@context': DCAT_CONTEXT,
    '@id': catalogUrl,
    '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
    'dct:title': literals({ it: `Dati aperti – ${it.settings.siteName}`, en: `Open data – ${en.settings.siteName}` }),
    'dct:description': literals({
      it: `I progetti europei per l'integrazione dei cittadini migranti di ${it.settings.institutionName}, con partner, azioni, comunità di pratica, linee di finanziamento e temi, in italiano e in inglese.`,
      en: `The European projects for the integration of migrants of ${en.settings.institutionName}, with partners, actions, communities of practice, funding lines and themes, in Italian and English.`,
    }),
    'dct:publisher': agent,
    'dct:license': license,
    'dct:modified': xsdDate(lastUpdate(portfolios)),
    'dct:language': language,
    'foaf:homepage': iri(landingPage),
    'dcat:dataset': datasets.map((entry) => ({
      '@id': `${catalogUrl}#${entry.dataset.name}`,
      '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
      'dct:identifier': `${catalogUrl}#${entry.dataset.name}`,
      'dct:title': literals(entry.dataset.title),
      'dct:description': literals(entry.dataset.description),
      'dct:publisher': agent,
      'dct:rightsHolder': agent,
      'dct:modified': xsdDate(entry.modified),
      'dct:language': language,
      'dct:accrualPeriodicity': iri(`${EU_AUTHORITY}/frequency/IRREG`),
      'dcat:theme': [iri(`${EU_AUTHORITY}/data-theme/SOCI`), iri(`${EU_AUTHORITY}/data-theme/GOVE`)],
      'dcat:keyword': keywords,
      'dcat:landingPage': iri(landingPage),
      ...contactPoint,
      'dcat:distribution': [distribution(entry, 'csv'), distribution(entry, 'json')],
    })),
  };
}
