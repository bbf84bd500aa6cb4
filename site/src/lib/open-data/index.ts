import { newestDate } from 'shared-types';
import { DATASET_NAMES, TYPE_DESCRIPTIONS, type Dataset, type Portfolios, type Row } from './columns.ts';
import { actions, communities, fundingLines, partners, projects, themes } from './collections.ts';
import { csvLines, LIST_SEPARATOR } from './csv.ts';
import { dcatCatalog } from './dcat.ts';
import {
  attribution,
  CATALOG_FILE,
  DICTIONARY_FILE,
  lastUpdate,
  LICENSE_URL,
  openDataFile,
  openDataUrl,
  type DatasetExport,
  type OpenDataExport,
} from './files.ts';
import {
  statisticsConnectedPartners,
  statisticsFundingLines,
  statisticsPartnerCountries,
  statisticsPartnerTypes,
  statisticsPeriods,
  statisticsStartYears,
  statisticsTimeline,
} from './statistics.ts';

/**
 * The open-data export: every published collection as flat rows (one per entity per language),
 * serialised as CSV and JSON, with a bilingual data dictionary and a DCAT-AP_IT catalogue.
 * Pure functions of the two portfolios and the site URL; the endpoint and the data page share them.
 * The column language is in columns.ts, the datasets in collections.ts and statistics.ts, the CSV
 * writer in csv.ts, the DCAT-AP_IT catalogue in dcat.ts; this module assembles the files.
 */

export * from './columns.ts';
export * from './csv.ts';
export * from './dcat.ts';
export * from './files.ts';

/** Every dataset of the export, in the order the data page lists them. */
export const DATASETS: readonly Dataset[] = [
  projects,
  partners,
  actions,
  communities,
  fundingLines,
  themes,
  statisticsFundingLines,
  statisticsPeriods,
  statisticsStartYears,
  statisticsPartnerCountries,
  statisticsPartnerTypes,
  statisticsConnectedPartners,
  statisticsTimeline,
];

/** Every file the endpoint serves from /opendata/. */
export const OPEN_DATA_FILE_NAMES: readonly string[] = [
  ...DATASET_NAMES.flatMap((name) => [`${name}.csv`, `${name}.json`]),
  CATALOG_FILE,
  DICTIONARY_FILE,
];

/** The dictionary of every dataset: column names, types, descriptions and code values in it and en. */
export function dataDictionary() {
  return {
    title: { it: 'Dizionario dei dati', en: 'Data dictionary' },
    listSeparator: LIST_SEPARATOR,
    types: TYPE_DESCRIPTIONS,
    datasets: DATASETS.map((d) => ({
      dataset: d.name,
      files: [`${d.name}.csv`, `${d.name}.json`],
      title: d.title,
      description: d.description,
      columns: d.columns,
    })),
  };
}

/**
 * A dataset's JSON file: indented, with each row on a line of its own. Indenting every key of
 * every row made the files a third larger and took twice as long (30 MB on every publish at a
 * thousand projects), for no reader: a program parses them, a person reads a row per line.
 */
export function* datasetJsonLines({ rows, ...head }: { rows: Row[] } & Record<string, unknown>): Generator<string> {
  const opening = JSON.stringify({ ...head, rows: [] }, null, 2);
  if (rows.length === 0) {
    yield `${opening}\n`;
    return;
  }
  // `"rows": []` closes the object; the rows go between its brackets.
  yield `${opening.slice(0, -'[]\n}'.length)}[\n`;
  for (let i = 0; i < rows.length; i++) yield `    ${JSON.stringify(rows[i])}${i < rows.length - 1 ? ',' : ''}\n`;
  yield '  ]\n}\n';
}

/** The text of datasetJsonLines. */
export const datasetJson = (json: { rows: Row[] } & Record<string, unknown>): string => [...datasetJsonLines(json)].join('');

/** Builds every open-data file from both languages of the portfolio. */
export function buildOpenData(portfolios: Portfolios, site: URL): OpenDataExport {
  const modified = lastUpdate(portfolios);
  const credit = attribution(portfolios);
  const datasets = DATASETS.map((dataset): DatasetExport => {
    const rows = dataset.rows(portfolios, site);
    const names = dataset.columns.map((c) => c.name);
    const rowsModified = newestDate(rows.map((row) => (typeof row.updated_at === 'string' ? row.updated_at : ''))) || modified;
    const json = {
      dataset: dataset.name,
      title: dataset.title,
      description: dataset.description,
      license: LICENSE_URL,
      attribution: credit,
      modified: rowsModified,
      dictionary: openDataUrl(site, DICTIONARY_FILE),
      columns: names,
      rows,
    };
    return {
      dataset,
      rows,
      rowsPerLocale: { it: rows.filter((r) => r.locale === 'it').length, en: rows.filter((r) => r.locale === 'en').length },
      modified: rowsModified,
      csv: openDataFile(`${dataset.name}.csv`, 'text/csv', () => csvLines(names, rows), true),
      json: openDataFile(`${dataset.name}.json`, 'application/json', () => datasetJsonLines(json)),
    };
  });
  // Two small files, each made once.
  const dictionaryText = `${JSON.stringify(dataDictionary(), null, 2)}\n`;
  const dictionary = openDataFile(DICTIONARY_FILE, 'application/json', () => [dictionaryText]);
  const catalogText = `${JSON.stringify(dcatCatalog(portfolios, site, datasets), null, 2)}\n`;
  const catalog = openDataFile(CATALOG_FILE, 'application/ld+json', () => [catalogText]);
  const files = new Map([...datasets.flatMap((d) => [d.csv, d.json]), catalog, dictionary].map((f) => [f.name, f]));
  return { datasets, catalog, dictionary, files, modified };
}
