import { LOCALES, newestDate, type Locale } from 'shared-types';
import { batched, measurePieces, textResponse } from '../large-text.ts';
import type { Bilingual, Dataset, Portfolios, Row } from './columns.ts';

/** Where the open-data files are published, under which licence, and how to credit them. */

export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const LICENSE_NAME: Bilingual = {
  it: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
};
/** Site path of the files. */
export const OPEN_DATA_PATH = '/opendata/';
export const CATALOG_FILE = 'catalog.jsonld';
export const DICTIONARY_FILE = 'dictionary.json';

/** Absolute URL of an open-data file. */
export const openDataUrl = (site: URL, file: string): string => new URL(`${OPEN_DATA_PATH}${file}`, site).href;

/** The newest updatedAt of the portfolio in either language. */
export const lastUpdate = (portfolios: Portfolios): string => newestDate(LOCALES.map((locale) => portfolios[locale].updatedAt));

/** "Fonte: Regione Emilia-Romagna" / "Source: Emilia-Romagna Region": how to credit the data. */
export const attribution = (portfolios: Portfolios): Bilingual => ({
  it: `Fonte: ${portfolios.it.settings.institutionName}`,
  en: `Source: ${portfolios.en.settings.institutionName}`,
});

/**
 * A file of the export. Its content is made again whenever it is asked for, a piece at a time,
 * and kept only as its size and hash: at a thousand projects the export is 60 MB, and one edit
 * changes two or three files (lib/large-text.ts).
 */
export interface OpenDataFile {
  name: string;
  mediaType: string;
  /** The content after the byte-order mark, if the file has one, in pieces. */
  pieces(): Iterable<string>;
  /** Whether the file starts with a UTF-8 byte-order mark: the CSV files do, so that spreadsheet programs read accented text correctly. */
  byteOrderMark: boolean;
  /** Size in UTF-8 bytes, the byte-order mark included. */
  bytes: number;
  /** SHA-1 of the content: the file's cache key for the incremental build, so an unchanged file is reused, not written again. */
  sha1: string;
}

// Not in the text: one U+FEFF makes V8 hold a whole text as UTF-16, several times slower to measure and encode.
const BYTE_ORDER_MARK = new Uint8Array([0xef, 0xbb, 0xbf]);

/** A file as the endpoint publishes it: UTF-8, with its byte-order mark if it has one. */
export const openDataResponse = (file: OpenDataFile): Response =>
  textResponse(file.pieces(), `${file.mediaType}; charset=utf-8`, file.byteOrderMark ? BYTE_ORDER_MARK : undefined);

/** A file of the export from the lines of its content (`byteOrderMark`: see OpenDataFile). */
export function openDataFile(name: string, mediaType: string, lines: () => Iterable<string>, byteOrderMark = false): OpenDataFile {
  const pieces = () => batched(lines());
  const { bytes, sha1 } = measurePieces(pieces());
  return { name, mediaType, pieces, byteOrderMark, bytes: bytes + (byteOrderMark ? BYTE_ORDER_MARK.length : 0), sha1 };
}

/** A dataset with its rows and files, as the data page and the catalogue describe it. */
export interface DatasetExport {
  dataset: Dataset;
  rows: Row[];
  rowsPerLocale: Record<Locale, number>;
  /** Newest updated_at of its rows (or of the portfolio when it has none). */
  modified: string;
  csv: OpenDataFile;
  json: OpenDataFile;
}

export interface OpenDataExport {
  datasets: DatasetExport[];
  catalog: OpenDataFile;
  dictionary: OpenDataFile;
  /** Every file, by name. */
  files: Map<string, OpenDataFile>;
  modified: string;
}
