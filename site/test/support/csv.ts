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

/** A built open-data CSV file as records keyed by column name. */
export function readCsv(pathname: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(fileFor(pathname), 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
