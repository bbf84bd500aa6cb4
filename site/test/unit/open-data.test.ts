import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from 'shared-types';
import {
  buildOpenData,
  csvField,
  DATASET_NAMES,
  DATASETS,
  dataDictionary,
  datasetJson,
  dcatCatalog,
  LICENSE_URL,
  OPEN_DATA_FILE_NAMES,
  openDataResponse,
  openDataUrl,
  toCsv,
  TYPE_DESCRIPTIONS,
  type DatasetName,
  type OpenDataFile,
  type Row,
} from '../../src/lib/open-data/index.ts';
import { stringify } from 'csv-stringify/sync';
import { parseCsv } from '../support/csv.ts';
import { fixturePortfolios, SITE } from './fixtures/portfolio.ts';

/** A file's content after its byte-order mark. */
const fileText = (file: OpenDataFile) => [...file.pieces()].join('');

const dataset = (name: DatasetName) => DATASETS.find((d) => d.name === name)!;
const rowsOf = (name: DatasetName) => dataset(name).rows(fixturePortfolios(), SITE);
const find = (rows: Row[], locale: string, slug: string) => rows.find((r) => r.locale === locale && r.slug === slug)!;

describe('csvField', () => {
  it('leaves plain text, numbers and booleans unquoted', () => {
    expect(csvField('Bologna')).toBe('Bologna');
    expect(csvField(5611995.92)).toBe('5611995.92');
    expect(csvField(false)).toBe('false');
  });

  it('writes null as an empty field and lists joined by semicolons', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(['comune-di-bologna:lead', 'maison-accueil:partner'])).toBe('comune-di-bologna:lead;maison-accueil:partner');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x', b: 1 }])).toBe('a,b\r\nx,1\r\n');
  });

  it('quotes fields with a comma, a line break or a quote, doubling the quotes', () => {
    const fields = ['a, b', 'line\nbreak', 'cr\rbreak', 'Maison "Accueil"', 'plain'];
    expect(
      toCsv(
        ['f'],
        fields.map((f) => ({ f })),
      ),
    ).toBe('f\r\n"a, b"\r\n"line\nbreak"\r\n"cr\rbreak"\r\n"Maison ""Accueil"""\r\nplain\r\n');
  });

  it('round-trips commas, quotes, line breaks and accented text through an RFC 4180 reader', () => {
    const tricky: Row = { name: 'Maison "Accueil", Paris', text: 'riga uno\r\nriga due\nè così', missing: null, list: ['x', 'y'] };
    const records = parseCsv(toCsv(['name', 'text', 'missing', 'list'], [tricky]));
    expect(records).toEqual([
      ['name', 'text', 'missing', 'list'],
      ['Maison "Accueil", Paris', 'riga uno\r\nriga due\nè così', '', 'x;y'],
    ]);
  });

  it('writes exactly what csv-stringify writes with the same options, for every dataset and tricky fields', () => {
    const portfolios = fixturePortfolios();
    const tricky: Row = { 'a,"b"': 'Maison "Accueil", Paris', text: 'riga uno\r\nriga due\nè così', missing: null, list: ['x', 'y'] };
    const cases = [
      ...DATASETS.map((d) => ({ names: d.columns.map((c) => c.name), rows: d.rows(portfolios, SITE) })),
      { names: Object.keys(tricky), rows: [tricky, {}] },
    ];
    for (const { names, rows } of cases) {
      const records = [names, ...rows.map((row) => names.map((name) => csvField(row[name] ?? null)))];
      expect(toCsv(names, rows)).toBe(stringify(records, { record_delimiter: 'windows', quote_record_delimiter: true }));
    }
  });

  it('writes the columns in the order given and empty fields for keys a row lacks', () => {
    expect(toCsv(['b', 'a', 'c'], [{ a: 1, b: 2 }])).toBe('b,a,c\r\n2,1,\r\n');
  });
});

describe('DATASETS', () => {
  it('has one dataset per collection', () => {
    expect(DATASETS.map((d) => d.name)).toEqual([...DATASET_NAMES]);
  });

  it('gives every row exactly the declared columns, in order, starting with locale', () => {
    const portfolios = fixturePortfolios();
    for (const d of DATASETS) {
      const names = d.columns.map((c) => c.name);
      expect(names[0]).toBe('locale');
      expect(new Set(names).size).toBe(names.length);
      for (const row of d.rows(portfolios, SITE)) expect(Object.keys(row)).toEqual(names);
    }
  });

  it('lists Italian rows first, then English, each in slug order', () => {
    expect(rowsOf('projects').map((r) => `${r.locale}/${r.slug}`)).toEqual(['it/pleiadi', 'it/quiet', 'en/pleiadi', 'en/quiet']);
  });

  it('builds a project row with dates and precision, amounts as numbers, the localized acronym and partner roles', () => {
    const rows = rowsOf('projects');
    const it_ = find(rows, 'it', 'pleiadi');
    expect(it_).toMatchObject({
      id: 'pr-pleiadi',
      acronym: 'PLEIADI',
      status: 'ongoing',
      start_date: '2025-06-01',
      start_date_precision: 'month',
      start_date_estimated: true,
      end_date: '2029-09-30',
      end_date_precision: 'day',
      end_date_estimated: false,
      total_budget_eur: 5611995.92,
      eu_contribution_eur: 4000000,
      grant_agreement_number: '101234567',
      funding_line_id: 'fl-fami',
      funding_line_slug: 'fami-os2',
      funding_line_acronym: 'FAMI',
      themes: ['housing'],
      partner_roles: ['comune-di-bologna:lead', 'maison-accueil:partner'],
      partner_count: 2,
      countries: ['FR', 'IT'],
      url: 'https://integrazione.example.it/progetti/pleiadi/',
    });
    const en = find(rows, 'en', 'pleiadi');
    expect(en.funding_line_acronym).toBe('AMIF');
    expect(en.url).toBe('https://integrazione.example.it/en/projects/pleiadi/');
    expect(en.id).toBe(it_.id);
  });

  it('leaves unknown facts empty instead of guessing', () => {
    expect(find(rowsOf('projects'), 'it', 'quiet')).toMatchObject({
      start_date: null,
      start_date_precision: null,
      start_date_estimated: null,
      total_budget_eur: null,
      eu_contribution_eur: null,
      funding_line_id: null,
      funding_line_acronym: null,
      partner_roles: [],
      partner_count: 0,
    });
  });

  it('builds partner rows with project roles and the country name in the row language', () => {
    const rows = rowsOf('partners');
    expect(find(rows, 'it', 'comune-di-bologna')).toMatchObject({
      country: 'IT',
      country_name: 'Italia',
      project_roles: ['pleiadi:lead'],
      project_count: 1,
      communities: ['pleiadi-cop1'],
    });
    expect(find(rows, 'en', 'maison-accueil')).toMatchObject({
      country_name: 'France',
      organisation_type: 'ngo',
      url: 'https://integrazione.example.it/en/partners/maison-accueil/',
    });
  });

  it('gives a partner’s alternative names as a list, one per line in the CMS, blanks and repeats dropped, in both languages', () => {
    const rows = rowsOf('partners');
    for (const locale of ['it', 'en']) {
      expect(find(rows, locale, 'maison-accueil')).toMatchObject({
        alternative_names: ['Maison d’accueil de Paris', 'Casa dell’accoglienza'],
      });
      expect(find(rows, locale, 'comune-di-bologna')).toMatchObject({ alternative_names: [] });
    }
  });

  it('builds action rows pointing to their project, with sub-actions one per line, lettered when they have a letter', () => {
    const [row] = rowsOf('actions');
    expect(row).toMatchObject({
      locale: 'it',
      project_id: 'pr-pleiadi',
      project_slug: 'pleiadi',
      code: 'Azione 01',
      sub_actions: 'a) Tavoli territoriali\nb) Rete regionale\nCoordinamento',
    });
  });

  it('builds funding-line, community and theme rows with their relations', () => {
    expect(find(rowsOf('funding-lines'), 'en', 'fami-os2')).toMatchObject({
      acronym: 'AMIF',
      management_mode: 'shared',
      projects: ['pleiadi'],
      total_budget_eur: 5611995.92,
    });
    expect(find(rowsOf('communities'), 'it', 'pleiadi-cop1')).toMatchObject({
      project_slug: 'pleiadi',
      theme_slug: 'housing',
      members: ['comune-di-bologna'],
      member_count: 1,
    });
    expect(find(rowsOf('themes'), 'it', 'housing')).toMatchObject({ name: 'Casa', projects: ['pleiadi'], communities: ['pleiadi-cop1'] });
  });

  it('exports no editorial or internal field', () => {
    const columns = DATASETS.flatMap((d) => d.columns.map((c) => c.name));
    for (const name of ['source_notes', 'sourceNotes', 'notes', 'created_at', 'published_at', 'status_override'])
      expect(columns).not.toContain(name);
  });
});

describe('buildOpenData', () => {
  const openData = buildOpenData(fixturePortfolios(), SITE);

  it('produces exactly the files the endpoint serves', () => {
    expect([...openData.files.keys()].sort()).toEqual([...OPEN_DATA_FILE_NAMES].sort());
  });

  it('writes the project CSV with a header and one record per project per language, line breaks kept inside quotes', () => {
    const csv = openData.files.get('projects.csv')!;
    expect(csv.mediaType).toBe('text/csv');
    const [header, ...records] = parseCsv(fileText(csv));
    expect(header).toEqual(dataset('projects').columns.map((c) => c.name));
    expect(records).toHaveLength(4);
    const description = header!.indexOf('description');
    expect(records[0]![description]).toBe('First line\nsecond line');
    expect(records[0]![header!.indexOf('partner_roles')]).toBe('comune-di-bologna:lead;maison-accueil:partner');
  });

  it('publishes every CSV file with a UTF-8 byte-order mark and no other file with one, each of the size the catalogue states', async () => {
    for (const file of openData.files.values()) {
      const bytes = new Uint8Array(await openDataResponse(file).arrayBuffer());
      const mark = [...bytes.subarray(0, 3)];
      expect(openDataResponse(file).headers.get('Content-Type'), file.name).toBe(`${file.mediaType}; charset=utf-8`);
      if (file.name.endsWith('.csv')) expect(mark, file.name).toEqual([0xef, 0xbb, 0xbf]);
      else expect(mark, file.name).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes), file.name).toBe(fileText(file));
      expect(bytes.length, file.name).toBe(file.bytes);
      // The cache key: the content's hash, so a file is written again exactly when it changes.
      expect(file.sha1, file.name).toBe(createHash('sha1').update(fileText(file)).digest('base64url'));
    }
  });

  it('writes JSON with the same rows, the licence and the attribution', () => {
    const json = JSON.parse(fileText(openData.files.get('partners.json')!));
    expect(json.rows).toEqual(dataset('partners').rows(fixturePortfolios(), SITE));
    expect(json.license).toBe(LICENSE_URL);
    expect(json.attribution).toEqual({ it: 'Fonte: Regione Emilia-Romagna', en: 'Source: Emilia-Romagna Region' });
  });

  it('writes each JSON file indented, a row per line, parsing to the file as a whole', () => {
    for (const d of openData.datasets) {
      const text = fileText(d.json);
      const parsed = JSON.parse(text) as { dataset: string; rows: Row[] };
      expect(parsed.dataset).toBe(d.dataset.name);
      expect(parsed.rows).toEqual(d.rows);
      const rowLines = text.split('\n').filter((line) => line.startsWith('    {'));
      expect(rowLines.map((line) => JSON.parse(line.replace(/,$/, '')))).toEqual(d.rows);
    }
    const empty = datasetJson({ dataset: 'none', rows: [] });
    expect(JSON.parse(empty)).toEqual({ dataset: 'none', rows: [] });
    expect(empty).toBe('{\n  "dataset": "none",\n  "rows": []\n}\n');
  });

  it('counts sizes in UTF-8 bytes and rows per language', () => {
    const projects = openData.datasets.find((d) => d.dataset.name === 'projects')!;
    const text = fileText(projects.csv);
    // The text and the byte-order mark (3 bytes).
    expect(projects.csv.bytes).toBe(new TextEncoder().encode(text).length + 3);
    expect(projects.csv.bytes).toBeGreaterThan(text.length);
    expect(projects.rowsPerLocale).toEqual({ it: 2, en: 2 });
  });

  it('dates the export by the newest update in either language', () => {
    expect(openData.modified).toBe('2026-04-02T00:00:00.000Z');
  });
});

describe('dataDictionary', () => {
  it('describes every column of every file in Italian and English, with a known type', () => {
    const dictionary = dataDictionary();
    expect(dictionary.datasets.map((d) => d.files)).toEqual(DATASET_NAMES.map((n) => [`${n}.csv`, `${n}.json`]));
    for (const d of dictionary.datasets) {
      expect(d.columns.map((c) => c.name)).toEqual(dataset(d.dataset).columns.map((c) => c.name));
      for (const column of d.columns) {
        expect(column.description.it.length, `${d.dataset}.${column.name}`).toBeGreaterThan(3);
        expect(column.description.en.length, `${d.dataset}.${column.name}`).toBeGreaterThan(3);
        expect(Object.keys(TYPE_DESCRIPTIONS)).toContain(column.type);
      }
    }
  });

  it('lists every code of closed-list columns with labels', () => {
    const status = dataDictionary().datasets[0]!.columns.find((c) => c.name === 'status')!;
    expect(status.values?.map((v) => v.code)).toEqual(Object.keys(STATUS_LABELS));
    expect(status.values?.find((v) => v.code === 'ongoing')?.label).toEqual({ it: 'In corso', en: 'Ongoing' });
  });
});

describe('dcatCatalog', () => {
  const openData = buildOpenData(fixturePortfolios(), SITE);
  const catalog = dcatCatalog(fixturePortfolios(), SITE, openData.datasets);

  it('declares the DCAT-AP_IT, DCAT and Dublin Core namespaces', () => {
    expect(catalog['@context']).toMatchObject({
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
  });

  it('is a catalogue titled in both languages, published by the institution under CC BY 4.0', () => {
    expect(catalog['@type']).toEqual(['dcat:Catalog', 'dcatapit:Catalog']);
    expect(catalog['dct:title'].map((t) => t['@language'])).toEqual(['it', 'en']);
    expect(catalog['dct:publisher']['foaf:name']).toContainEqual({ '@value': 'Regione Emilia-Romagna', '@language': 'it' });
    expect(catalog['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(catalog['dct:modified']).toEqual({ '@value': '2026-04-02', '@type': 'xsd:date' });
  });

  it('has one dcatapit:Dataset per collection with a CSV and a JSON distribution', () => {
    expect(catalog['dcat:dataset']).toHaveLength(DATASET_NAMES.length);
    catalog['dcat:dataset'].forEach((entry, index) => {
      const name = DATASET_NAMES[index]!;
      expect(entry['@type']).toContain('dcatapit:Dataset');
      expect(entry['dct:rightsHolder']).toBeDefined();
      const [csv, json] = entry['dcat:distribution'];
      expect(csv!['dcat:downloadURL']['@id']).toBe(openDataUrl(SITE, `${name}.csv`));
      expect(csv!['dcat:accessURL']['@id']).toBe(`https://integrazione.example.it/opendata/${name}.csv`);
      expect(csv!['dct:format']['@id']).toBe('http://publications.europa.eu/resource/authority/file-type/CSV');
      expect(csv!['dcat:mediaType']['@id']).toMatch(/text\/csv$/);
      expect(json!['dcat:downloadURL']['@id']).toBe(openDataUrl(SITE, `${name}.json`));
      expect(json!['dct:format']['@id']).toBe('http://publications.europa.eu/resource/authority/file-type/JSON');
      expect(json!['dcat:mediaType']['@id']).toMatch(/application\/json$/);
      expect(csv!['dcat:byteSize']['@value']).toBe(String(openData.files.get(`${name}.csv`)!.bytes));
    });
  });

  it('is what catalog.jsonld contains', () => {
    expect(JSON.parse(fileText(openData.catalog))).toEqual(JSON.parse(JSON.stringify(catalog)));
  });
});
