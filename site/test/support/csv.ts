import { readFileSync } from 'node:fs';
import { fileFor } from './site.ts';

/** An RFC 4180 reader (quoted fields may hold commas, quotes and line breaks), as a consumer of the files reads them. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
    } else if (text[i] === ',') record.push(field), (field = ''), i++;
    else if (text.startsWith('\r\n', i)) record.push(field), records.push(record), (record = []), (field = ''), (i += 2);
    else field += text[i++];
  }
  return records;
}

/** A built open-data CSV file as records keyed by column name. */
export function readCsv(pathname: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(fileFor(pathname), 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
