import { LOCALES, type Locale } from 'shared-types';
import type { Portfolio } from '../portfolio.ts';
import { absoluteUrl, href, type Route } from 'shared-types/routes';
import { LIST_SEPARATOR } from './csv.ts';

/**
 * The column mini-language of the open-data export: each dataset declares its columns once, with
 * their type, bilingual description, code values and how to read the value from an entity, so the
 * files and the data dictionary cannot drift apart.
 */

/** The same text in Italian and English. */
export type Bilingual = Record<Locale, string>;

/** Both languages of the published portfolio. */
export type Portfolios = Record<Locale, Portfolio>;

/** One value: lists are arrays in JSON and `;`-joined in CSV; null is an empty CSV field. */
export type Cell = string | number | boolean | null | string[];
export type Row = Record<string, Cell>;

export type ColumnType = 'string' | 'markdown' | 'code' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'url' | 'list';

/** What the dictionary says about a column. */
export interface ColumnInfo {
  /** snake_case, the CSV header and the JSON key. */
  name: string;
  type: ColumnType;
  description: Bilingual;
  /** For `code` columns with a closed set of values: each value and its label. */
  values?: Array<{ code: string; label: Bilingual }>;
}

export interface Column<T> extends ColumnInfo {
  value: (item: T, context: RowContext) => Cell;
}

export interface RowContext {
  locale: Locale;
  site: URL;
}

export const DATASET_NAMES = [
  'projects',
  'partners',
  'actions',
  'communities',
  'funding-lines',
  'themes',
  // The figures of the statistics page, one file per chart.
  'statistics-funding-lines',
  'statistics-periods',
  'statistics-start-years',
  'statistics-partner-countries',
  'statistics-partner-types',
  'statistics-connected-partners',
  'statistics-timeline',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** One collection of the export. */
export interface Dataset {
  /** File stem: projects.csv, projects.json. */
  name: DatasetName;
  title: Bilingual;
  description: Bilingual;
  columns: ColumnInfo[];
  /** Italian rows first, then English; within a language in a stable order (slug), the same in both. */
  rows: (portfolios: Portfolios, site: URL) => Row[];
}

export const TYPE_DESCRIPTIONS: Record<ColumnType, Bilingual> = {
  string: { it: 'Testo semplice.', en: 'Plain text.' },
  markdown: { it: 'Testo formattato in Markdown.', en: 'Text formatted as Markdown.' },
  code: {
    it: 'Codice da un elenco chiuso di valori, uguale in tutte le lingue.',
    en: 'Code from a closed list of values, the same in every language.',
  },
  integer: { it: 'Numero intero.', en: 'Whole number.' },
  number: {
    it: 'Numero decimale con il punto come separatore (es. 5611995.92).',
    en: 'Decimal number with a point as separator (e.g. 5611995.92).',
  },
  boolean: { it: 'true o false.', en: 'true or false.' },
  date: { it: 'Data nel formato AAAA-MM-GG (ISO 8601).', en: 'Date as YYYY-MM-DD (ISO 8601).' },
  datetime: { it: 'Data e ora in UTC nel formato ISO 8601.', en: 'Date and time in UTC, ISO 8601.' },
  url: { it: 'Indirizzo web assoluto.', en: 'Absolute web address.' },
  list: {
    it: `Elenco di valori: array in JSON, separati da "${LIST_SEPARATOR}" in CSV.`,
    en: `List of values: an array in JSON, separated by "${LIST_SEPARATOR}" in CSV.`,
  },
};

export const codes = (labels: Record<string, Bilingual>) => Object.entries(labels).map(([code, label]) => ({ code, label }));
export const pageUrl = (context: RowContext, route: Route) => absoluteUrl(context.site, href(context.locale, route));
export const unique = (items: string[]) => [...new Set(items)];

export const DATE_PRECISIONS: Record<string, Bilingual> = {
  day: { it: 'giorno', en: 'day' },
  month: { it: 'mese', en: 'month' },
  year: { it: 'anno', en: 'year' },
};

// Columns every dataset starts or ends with.
export const localeColumn = <T>(): Column<T> => ({
  name: 'locale',
  type: 'code',
  description: {
    it: 'Lingua della riga: ogni elemento compare una volta per lingua.',
    en: 'Language of the row: each item appears once per language.',
  },
  values: codes({ it: { it: 'italiano', en: 'Italian' }, en: { it: 'inglese', en: 'English' } }),
  value: (_item, context) => context.locale,
});
export const idColumn = <T>(name: string, what: Bilingual, get: (item: T) => string | null | undefined): Column<T> => ({
  name,
  type: 'string',
  description: {
    it: `Identificativo stabile ${what.it} (documentId del CMS), uguale nelle due lingue.`,
    en: `Stable identifier of ${what.en} (CMS documentId), the same in both languages.`,
  },
  value: (item) => get(item) ?? null,
});
export const slugColumn = <T>(name: string, what: Bilingual, get: (item: T) => string | null | undefined): Column<T> => ({
  name,
  type: 'string',
  description: {
    it: `Slug ${what.it}: la parte finale dell'indirizzo della pagina, uguale nelle due lingue.`,
    en: `Slug of ${what.en}: the last part of its page address, the same in both languages.`,
  },
  value: (item) => get(item) ?? null,
});
export const updatedColumn = <T>(get: (item: T) => string): Column<T> => ({
  name: 'updated_at',
  type: 'datetime',
  description: { it: 'Ultima modifica pubblicata di questa voce.', en: 'Last published change to this entry.' },
  value: (item) => get(item),
});
export const urlColumn = <T>(description: Bilingual, route: (item: T) => Route | null): Column<T> => ({
  name: 'url',
  type: 'url',
  description,
  value: (item, context) => {
    const target = route(item);
    return target ? pageUrl(context, target) : null;
  },
});
export const text = <T>(
  name: string,
  description: Bilingual,
  get: (item: T) => string | null,
  type: 'string' | 'markdown' = 'string',
): Column<T> => ({
  name,
  type,
  description,
  value: (item) => get(item),
});
export const count = <T>(name: string, description: Bilingual, get: (item: T) => unknown[]): Column<T> => ({
  name,
  type: 'integer',
  description,
  value: (item) => get(item).length,
});
export const list = <T>(name: string, description: Bilingual, get: (item: T) => string[]): Column<T> => ({
  name,
  type: 'list',
  description,
  value: (item) => unique(get(item)),
});
export const euro = <T>(name: string, description: Bilingual, get: (item: T) => number | null): Column<T> => ({
  name,
  type: 'number',
  description,
  value: (item) => get(item),
});

export const integer = <T>(name: string, description: Bilingual, get: (item: T) => number): Column<T> => ({
  name,
  type: 'integer',
  description,
  value: (item) => get(item),
});
export const keyColumn = <T>(description: Bilingual, get: (item: T) => string): Column<T> => ({
  name: 'key',
  type: 'string',
  description,
  value: (item) => get(item),
});
export const labelColumn = <T>(description: Bilingual, get: (item: T, locale: Locale) => string): Column<T> => ({
  name: 'label',
  type: 'string',
  description,
  value: (item, context) => get(item, context.locale),
});
/** Builds a dataset from its columns; `items` lists the entities of one language. */
export function dataset<T>(spec: {
  name: DatasetName;
  title: Bilingual;
  description: Bilingual;
  items: (portfolio: Portfolio) => T[];
  sortKey: (item: T) => string;
  columns: Column<T>[];
}): Dataset {
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    columns: spec.columns.map((column) => ({
      name: column.name,
      type: column.type,
      description: column.description,
      ...(column.values ? { values: column.values } : {}),
    })),
    rows: (portfolios, site) =>
      LOCALES.flatMap((locale) => {
        const context: RowContext = { locale, site };
        return spec
          .items(portfolios[locale])
          .map((item) => ({ item, key: spec.sortKey(item) }))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map(({ item }) => Object.fromEntries(spec.columns.map((column) => [column.name, column.value(item, context)])));
      }),
  };
}
