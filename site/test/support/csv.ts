import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fileFor } from './site.ts';

/**
 * Reads CSV text as a strict RFC 4180 consumer does, with a parser independent of the writer:
 * every record has the header's field count and ends with CRLF, and a line break outside quotes is
 * an error rather than a new record.
 */
export function parseCsv(text: string): string[][] {
  if (!text.endsWith('\r\n')) throw new Error('last record not ended by CRLF');
  return parse(text, {
    bom: true,
    record_delimiter: '\r\n',
    cast: (value, { quoting, index, lines }) => {
      if (!quoting && /[\r\n]/.test(value)) throw new Error(`bare line break outside quotes in field ${index} of line ${lines}`);
      return value;
    },
  });
}

/** CSV text as records keyed by the header's column names. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

/** A built open-data CSV file as records keyed by column name. */
export const readCsv = (pathname: string) => csvRecords(readFileSync(fileFor(pathname), 'utf8'));
