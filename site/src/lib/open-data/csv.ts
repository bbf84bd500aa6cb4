import { stringify } from 'csv-stringify/sync';
import type { Cell, Row } from './columns.ts';

/** Separator of list items in CSV; list items are slugs, codes and ids, which never contain it. */
export const LIST_SEPARATOR = ';';

/** One CSV field's text: null is empty, a list is joined by the list separator. */
export function csvField(cell: Cell): string {
  return cell === null ? '' : Array.isArray(cell) ? cell.join(LIST_SEPARATOR) : String(cell);
}

/**
 * A CSV file (RFC 4180): header line of column names, one record per row, CRLF line ends, fields
 * quoted when they hold a comma, quote or line break, and a UTF-8 byte-order mark first so
 * spreadsheet programs read accented text correctly.
 */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const records = [columns as string[], ...rows.map((row) => columns.map((name) => csvField(row[name] ?? null)))];
  return stringify(records, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
}
