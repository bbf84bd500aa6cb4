import type { Cell, Row } from './columns.ts';

/** Separator of list items in CSV; list items are slugs, codes and ids, which never contain it. */
export const LIST_SEPARATOR = ';';

/** One CSV field's text: null is empty, a list is joined by the list separator. */
export function csvField(cell: Cell): string {
  return cell === null ? '' : Array.isArray(cell) ? cell.join(LIST_SEPARATOR) : String(cell);
}

/** A field quoted when it holds the separator, a quote or a line break, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
const quoted = (field: string): string => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * CSV (RFC 4180), a line at a time: header line of column names, one record per row, CRLF line
 * ends, fields quoted when they hold a comma, quote or line break. The file adds a UTF-8
 * byte-order mark (files.ts). Written here rather than with csv-stringify: the rules are these
 * four, and at a thousand projects (30 MB of CSV on every publish) the library took five times as
 * long. The tests read it back with csv-parse and compare it with csv-stringify's output.
 */
export function* csvLines(columns: readonly string[], rows: readonly Row[]): Generator<string> {
  yield `${columns.map(quoted).join(',')}\r\n`;
  for (const row of rows) yield `${columns.map((name) => quoted(csvField(row[name] ?? null))).join(',')}\r\n`;
}

/** The CSV text of csvLines. */
export const toCsv = (columns: readonly string[], rows: readonly Row[]): string => [...csvLines(columns, rows)].join('');
