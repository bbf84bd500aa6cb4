import { stringify } from 'csv-stringify/sync';
import { alternativeNameList, LOCALES, newestDate, STATUS_LABELS, type Action, type Locale } from 'shared-types';
import {
  ACTION_TYPE_LABELS,
  FUNDING_STATEMENTS,
  MANAGEMENT_MODE_LABELS,
  ORGANISATION_LABELS,
  ROLE_LABELS,
  byText,
  countryName,
} from './i18n.ts';
import { buildDay } from './build-date.ts';
import type { CommunityView, FundingLineView, PartnerView, Portfolio, ProjectView, ThemeView } from './portfolio.ts';
import {
  barEnd,
  buildTimeline,
  NOT_STATED,
  OTHERS,
  STATUS_ORDER,
  statisticsOf,
  type BarEnd,
  type ConnectedPartner,
  type CountRow,
  type MoneyRow,
  type StatusYearRow,
} from './statistics.ts';
import { countLabel, moneyLabel, statusLabel, yearLabel } from './statistics-labels.ts';
import { href, type Route } from './routes.ts';

/**
 * The open-data export: every published collection as flat rows (one per entity per language),
 * serialised as CSV and JSON, with a bilingual data dictionary and a DCAT-AP_IT catalogue.
 * Pure functions of the two portfolios and the site URL; the endpoint and the data page share them.
 * Columns are declared once below: the files and the dictionary cannot drift apart.
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

interface Column<T> extends ColumnInfo {
  value: (item: T, context: RowContext) => Cell;
}

interface RowContext {
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

/** Separator of list items in CSV; list items are slugs, codes and ids, which never contain it. */
export const LIST_SEPARATOR = ';';
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const LICENSE_NAME: Bilingual = {
  it: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
};
/** Site path of the files. */
export const OPEN_DATA_PATH = '/opendata/';
export const CATALOG_FILE = 'catalog.jsonld';
export const DICTIONARY_FILE = 'dictionary.json';

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

const codes = (labels: Record<string, Bilingual>) => Object.entries(labels).map(([code, label]) => ({ code, label }));
const pageUrl = (context: RowContext, route: Route) => new URL(href(context.locale, route), context.site).href;
const unique = (items: string[]) => [...new Set(items)];

const DATE_PRECISIONS: Record<string, Bilingual> = {
  day: { it: 'giorno', en: 'day' },
  month: { it: 'mese', en: 'month' },
  year: { it: 'anno', en: 'year' },
};

// Columns every dataset starts or ends with.
const localeColumn = <T>(): Column<T> => ({
  name: 'locale',
  type: 'code',
  description: {
    it: 'Lingua della riga: ogni elemento compare una volta per lingua.',
    en: 'Language of the row: each item appears once per language.',
  },
  values: codes({ it: { it: 'italiano', en: 'Italian' }, en: { it: 'inglese', en: 'English' } }),
  value: (_item, context) => context.locale,
});
const idColumn = <T>(name: string, what: Bilingual, get: (item: T) => string | null | undefined): Column<T> => ({
  name,
  type: 'string',
  description: {
    it: `Identificativo stabile ${what.it} (documentId del CMS), uguale nelle due lingue.`,
    en: `Stable identifier of ${what.en} (CMS documentId), the same in both languages.`,
  },
  value: (item) => get(item) ?? null,
});
const slugColumn = <T>(name: string, what: Bilingual, get: (item: T) => string | null | undefined): Column<T> => ({
  name,
  type: 'string',
  description: {
    it: `Slug ${what.it}: la parte finale dell'indirizzo della pagina, uguale nelle due lingue.`,
    en: `Slug of ${what.en}: the last part of its page address, the same in both languages.`,
  },
  value: (item) => get(item) ?? null,
});
const updatedColumn = <T>(get: (item: T) => string): Column<T> => ({
  name: 'updated_at',
  type: 'datetime',
  description: { it: 'Ultima modifica pubblicata di questa voce.', en: 'Last published change to this entry.' },
  value: (item) => get(item),
});
const urlColumn = <T>(description: Bilingual, route: (item: T) => Route | null): Column<T> => ({
  name: 'url',
  type: 'url',
  description,
  value: (item, context) => {
    const target = route(item);
    return target ? pageUrl(context, target) : null;
  },
});
const text = <T>(
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
const count = <T>(name: string, description: Bilingual, get: (item: T) => unknown[]): Column<T> => ({
  name,
  type: 'integer',
  description,
  value: (item) => get(item).length,
});
const list = <T>(name: string, description: Bilingual, get: (item: T) => string[]): Column<T> => ({
  name,
  type: 'list',
  description,
  value: (item) => unique(get(item)),
});
const euro = <T>(name: string, description: Bilingual, get: (item: T) => number | null): Column<T> => ({
  name,
  type: 'number',
  description,
  value: (item) => get(item),
});

/** Start or end date of a project: the date, its precision and whether it is an estimate. */
function dateColumns(prefix: 'start' | 'end', get: (view: ProjectView) => ProjectView['project']['startDate']): Column<ProjectView>[] {
  const what = prefix === 'start' ? { it: 'inizio', en: 'start' } : { it: 'fine', en: 'end' };
  return [
    {
      name: `${prefix}_date`,
      type: 'date',
      description: {
        it: `Data di ${what.it} del progetto; se nota solo al mese o all'anno, è il primo giorno del periodo (vedi ${prefix}_date_precision). Vuota se la fonte non la indica.`,
        en: `Project ${what.en} date; when known only to the month or year it is the first day of that period (see ${prefix}_date_precision). Empty when the source does not state it.`,
      },
      value: (view) => get(view)?.date ?? null,
    },
    {
      name: `${prefix}_date_precision`,
      type: 'code',
      description: { it: `Precisione con cui è nota ${prefix}_date.`, en: `How precisely ${prefix}_date is known.` },
      values: codes(DATE_PRECISIONS),
      value: (view) => get(view)?.precision ?? null,
    },
    {
      name: `${prefix}_date_estimated`,
      type: 'boolean',
      description: {
        it: `true se ${prefix}_date è una data prevista e non ancora confermata.`,
        en: `true when ${prefix}_date is expected rather than confirmed.`,
      },
      value: (view) => (get(view) ? get(view)?.estimated === true : null),
    },
  ];
}

/** Builds a dataset from its columns; `items` lists the entities of one language. */
function dataset<T>(spec: {
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

const projects = dataset<ProjectView>({
  name: 'projects',
  title: { it: 'Progetti', en: 'Projects' },
  description: {
    it: "I progetti finanziati dall'Unione europea per l'integrazione dei cittadini migranti: date, importi, linea di finanziamento, temi e partenariato.",
    en: 'The EU-funded projects for the integration of migrants: dates, amounts, funding line, themes and partnership.',
  },
  items: (portfolio) => portfolio.projects,
  sortKey: (view) => view.project.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'del progetto', en: 'the project' }, (v) => v.project.documentId),
    slugColumn('slug', { it: 'del progetto', en: 'the project' }, (v) => v.project.slug),
    text('acronym', { it: 'Acronimo o nome breve del progetto.', en: 'Acronym or short name of the project.' }, (v) => v.project.acronym),
    text('title', { it: 'Titolo del progetto.', en: 'Project title.' }, (v) => v.project.title),
    text('subtitle', { it: 'Sottotitolo, se presente.', en: 'Subtitle, if any.' }, (v) => v.project.subtitle),
    text('summary', { it: 'Sintesi del progetto (testo semplice).', en: 'Summary of the project (plain text).' }, (v) => v.project.summary),
    text('description', { it: 'Descrizione del progetto.', en: 'Description of the project.' }, (v) => v.project.description, 'markdown'),
    {
      name: 'status',
      type: 'code',
      description: {
        it: 'Stato del progetto alla data di pubblicazione del sito: deriva dalle date, salvo quando la redazione lo indica espressamente.',
        en: 'Project status on the day the site was published: derived from the dates unless the editors state it explicitly.',
      },
      values: codes(STATUS_LABELS),
      value: (v) => v.status,
    },
    ...dateColumns('start', (v) => v.project.startDate),
    ...dateColumns('end', (v) => v.project.endDate),
    {
      name: 'duration_months',
      type: 'integer',
      description: { it: 'Durata in mesi indicata dalla fonte.', en: 'Duration in months as stated by the source.' },
      value: (v) => v.project.durationMonths,
    },
    euro(
      'total_budget_eur',
      { it: 'Budget totale del progetto in euro; vuoto se non indicato.', en: 'Total project budget in euro; empty when not stated.' },
      (v) => v.project.totalBudget,
    ),
    euro(
      'eu_contribution_eur',
      { it: "Contributo dell'Unione europea in euro; vuoto se non indicato.", en: 'EU contribution in euro; empty when not stated.' },
      (v) => v.project.euContribution,
    ),
    text(
      'grant_agreement_number',
      { it: 'Numero del grant agreement (convenzione di sovvenzione).', en: 'Grant agreement number.' },
      (v) => v.project.grantAgreementNumber,
    ),
    text(
      'project_code',
      { it: 'Codice del progetto (es. CUP o codice del programma).', en: 'Project code (e.g. CUP or programme code).' },
      (v) => v.project.internalReference,
    ),
    idColumn(
      'funding_line_id',
      { it: 'della linea di finanziamento (vedi funding-lines)', en: 'the funding line (see funding-lines)' },
      (v) => v.fundingLine?.documentId,
    ),
    slugColumn('funding_line_slug', { it: 'della linea di finanziamento', en: 'the funding line' }, (v) => v.fundingLine?.slug),
    text(
      'funding_line_acronym',
      {
        it: 'Sigla della linea di finanziamento nella lingua della riga (es. FAMI / AMIF).',
        en: 'Acronym of the funding line in the language of the row (e.g. FAMI / AMIF).',
      },
      (v) => v.fundingLine?.acronym ?? null,
    ),
    list('themes', { it: 'Slug dei temi del progetto (vedi themes).', en: 'Slugs of the project themes (see themes).' }, (v) =>
      v.themes.map((t) => t.slug),
    ),
    {
      name: 'partner_roles',
      type: 'list',
      description: {
        it: `Partner del progetto come "slug-del-partner:ruolo" (vedi partners); ruoli: ${codes(ROLE_LABELS)
          .map((r) => `${r.code} (${r.label.it})`)
          .join(', ')}.`,
        en: `Project partners as "partner-slug:role" (see partners); roles: ${codes(ROLE_LABELS)
          .map((r) => `${r.code} (${r.label.en})`)
          .join(', ')}.`,
      },
      value: (v) => unique(v.partnerships.map((p) => `${p.partner.slug}:${p.role}`)),
    },
    count('partner_count', { it: 'Numero di partner distinti.', en: 'Number of distinct partners.' }, (v) =>
      unique(v.partnerships.map((p) => p.partner.documentId)),
    ),
    list(
      'countries',
      { it: 'Paesi dei partner, codici ISO 3166-1 alpha-2.', en: 'Partner countries, ISO 3166-1 alpha-2 codes.' },
      (v) => v.countries,
    ),
    text('website', { it: 'Sito ufficiale del progetto.', en: 'Official project website.' }, (v) => v.project.website),
    {
      name: 'source_updated_on',
      type: 'date',
      description: {
        it: 'Data di aggiornamento dichiarata dalla pagina ufficiale di origine.',
        en: 'Update date stated by the official source page.',
      },
      value: (v) => v.project.sourceUpdatedOn,
    },
    updatedColumn((v) => v.project.updatedAt),
    urlColumn({ it: 'Pagina del progetto su questo sito.', en: 'Project page on this site.' }, (v) => ({
      page: 'project',
      slug: v.project.slug,
    })),
  ],
});

const partners = dataset<PartnerView>({
  name: 'partners',
  title: { it: 'Partner', en: 'Partners' },
  description: {
    it: 'Le organizzazioni che partecipano ai progetti, con paese, tipo e ruoli nei progetti.',
    en: 'The organisations taking part in the projects, with country, type and roles in the projects.',
  },
  items: (portfolio) => portfolio.partners,
  sortKey: (view) => view.partner.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'del partner', en: 'the partner' }, (v) => v.partner.documentId),
    slugColumn('slug', { it: 'del partner', en: 'the partner' }, (v) => v.partner.slug),
    text('name', { it: "Nome dell'organizzazione.", en: 'Name of the organisation.' }, (v) => v.partner.name),
    text('short_name', { it: 'Nome breve o sigla.', en: 'Short name or acronym.' }, (v) => v.partner.shortName),
    list(
      'alternative_names',
      {
        it: "Altri nomi dell'organizzazione (es. nella lingua originale), uguali nelle due lingue.",
        en: 'Other names of the organisation (e.g. in its own language), the same in both languages.',
      },
      (v) => alternativeNameList(v.partner.alternativeNames),
    ),
    {
      name: 'organisation_type',
      type: 'code',
      description: { it: 'Tipo di organizzazione.', en: 'Type of organisation.' },
      values: codes(ORGANISATION_LABELS),
      value: (v) => v.partner.organisationType,
    },
    {
      name: 'country',
      type: 'code',
      description: {
        it: 'Paese, codice ISO 3166-1 alpha-2; vuoto se la fonte non lo indica.',
        en: 'Country, ISO 3166-1 alpha-2 code; empty when the source does not state it.',
      },
      value: (v) => v.partner.country,
    },
    {
      name: 'country_name',
      type: 'string',
      description: { it: 'Nome del paese nella lingua della riga.', en: 'Country name in the language of the row.' },
      value: (v, context) => (v.partner.country ? countryName(v.partner.country, context.locale) : null),
    },
    text('city', { it: 'Città.', en: 'City.' }, (v) => v.partner.city),
    text('website', { it: "Sito web dell'organizzazione.", en: 'Website of the organisation.' }, (v) => v.partner.website),
    text(
      'description',
      { it: "Descrizione dell'organizzazione.", en: 'Description of the organisation.' },
      (v) => v.partner.description,
      'markdown',
    ),
    {
      name: 'project_roles',
      type: 'list',
      description: {
        it: 'Progetti del partner come "slug-del-progetto:ruolo" (vedi projects e la colonna partner_roles).',
        en: 'Projects of the partner as "project-slug:role" (see projects and the partner_roles column).',
      },
      value: (v) => unique(v.projects.flatMap((p) => p.roles.map((role) => `${p.view.project.slug}:${role}`))),
    },
    count('project_count', { it: 'Numero di progetti del partner.', en: 'Number of projects of the partner.' }, (v) => v.projects),
    list(
      'communities',
      {
        it: 'Slug delle comunità di pratica di cui il partner è membro.',
        en: 'Slugs of the communities of practice the partner belongs to.',
      },
      (v) => v.communities.map((c) => c.community.slug),
    ),
    updatedColumn((v) => v.partner.updatedAt),
    urlColumn({ it: 'Pagina del partner su questo sito.', en: 'Partner page on this site.' }, (v) => ({
      page: 'partner',
      slug: v.partner.slug,
    })),
  ],
});

type ActionItem = { action: Action; view: ProjectView };

const actions = dataset<ActionItem>({
  name: 'actions',
  title: { it: 'Azioni', en: 'Actions' },
  description: {
    it: 'Le azioni (linee di lavoro) di ciascun progetto, con tipo, destinatari e sotto-azioni.',
    en: 'The actions (work strands) of each project, with type, audience and sub-actions.',
  },
  items: (portfolio) => portfolio.projects.flatMap((view) => view.actions.map((action) => ({ action, view }))),
  sortKey: ({ action, view }) => `${view.project.slug}/${String(action.order ?? 0).padStart(6, '0')}/${action.documentId}`,
  columns: [
    localeColumn(),
    idColumn('id', { it: "dell'azione", en: 'the action' }, (a) => a.action.documentId),
    idColumn('project_id', { it: 'del progetto (vedi projects)', en: 'the project (see projects)' }, (a) => a.view.project.documentId),
    slugColumn('project_slug', { it: 'del progetto', en: 'the project' }, (a) => a.view.project.slug),
    text('project_acronym', { it: 'Acronimo del progetto.', en: 'Project acronym.' }, (a) => a.view.project.acronym),
    text(
      'code',
      { it: 'Codice dell\'azione come nella fonte (es. "Azione 01").', en: 'Action code as in the source (e.g. "Azione 01").' },
      (a) => a.action.code,
    ),
    text('title', { it: "Titolo dell'azione.", en: 'Action title.' }, (a) => a.action.title),
    {
      name: 'action_type',
      type: 'code',
      description: { it: 'Tipo di azione.', en: 'Type of action.' },
      values: codes(ACTION_TYPE_LABELS),
      value: (a) => a.action.actionType,
    },
    text('description', { it: "Descrizione dell'azione.", en: 'Description of the action.' }, (a) => a.action.description, 'markdown'),
    {
      name: 'sub_actions',
      type: 'string',
      description: {
        it: 'Sotto-azioni, una per riga nella forma "a) testo" (solo il testo se la sotto-azione non ha lettera).',
        en: 'Sub-actions, one per line as "a) text" (the text alone when the sub-action has no letter).',
      },
      value: (a) =>
        a.action.subActions.length === 0
          ? null
          : a.action.subActions.map((s) => (s.letter?.trim() ? `${s.letter.trim()}) ${s.text}` : s.text)).join('\n'),
    },
    text('target_audience', { it: "Destinatari dell'azione.", en: 'Target audience of the action.' }, (a) => a.action.targetAudience),
    {
      name: 'order',
      type: 'integer',
      description: { it: "Posizione dell'azione nel progetto.", en: 'Position of the action within the project.' },
      value: (a) => a.action.order,
    },
    updatedColumn((a) => a.action.updatedAt),
    urlColumn({ it: "Pagina del progetto che descrive l'azione.", en: 'Page of the project describing the action.' }, (a) => ({
      page: 'project',
      slug: a.view.project.slug,
    })),
  ],
});

const communities = dataset<CommunityView>({
  name: 'communities',
  title: { it: 'Comunità di pratica', en: 'Communities of practice' },
  description: {
    it: 'Le comunità di pratica: gruppi di partner di un progetto che lavorano su una domanda guida.',
    en: 'The communities of practice: groups of partners of a project working on a guiding question.',
  },
  items: (portfolio) => portfolio.communities,
  sortKey: (view) => view.community.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'della comunità', en: 'the community' }, (c) => c.community.documentId),
    slugColumn('slug', { it: 'della comunità', en: 'the community' }, (c) => c.community.slug),
    text('code', { it: 'Codice della comunità (es. CoP1).', en: 'Community code (e.g. CoP1).' }, (c) => c.community.code),
    text('title', { it: 'Titolo della comunità.', en: 'Community title.' }, (c) => c.community.title),
    text('guiding_question', { it: 'Domanda guida.', en: 'Guiding question.' }, (c) => c.community.guidingQuestion),
    text(
      'description',
      { it: 'Descrizione della comunità.', en: 'Description of the community.' },
      (c) => c.community.description,
      'markdown',
    ),
    idColumn('project_id', { it: 'del progetto (vedi projects)', en: 'the project (see projects)' }, (c) => c.project?.documentId),
    slugColumn('project_slug', { it: 'del progetto', en: 'the project' }, (c) => c.project?.slug),
    slugColumn('theme_slug', { it: 'del tema (vedi themes)', en: 'the theme (see themes)' }, (c) => c.theme?.slug),
    list('members', { it: 'Slug dei partner membri (vedi partners).', en: 'Slugs of the member partners (see partners).' }, (c) =>
      c.members.map((m) => m.slug),
    ),
    count('member_count', { it: 'Numero di partner membri.', en: 'Number of member partners.' }, (c) => c.members),
    updatedColumn((c) => c.community.updatedAt),
    urlColumn({ it: 'Pagina della comunità su questo sito.', en: 'Community page on this site.' }, (c) => ({
      page: 'community',
      slug: c.community.slug,
    })),
  ],
});

const fundingLines = dataset<FundingLineView>({
  name: 'funding-lines',
  title: { it: 'Linee di finanziamento', en: 'Funding lines' },
  description: {
    it: 'I fondi, programmi e avvisi europei che finanziano i progetti, con i totali dei progetti finanziati.',
    en: 'The EU funds, programmes and calls financing the projects, with the totals of the projects they fund.',
  },
  items: (portfolio) => portfolio.fundingLines,
  sortKey: (view) => view.fundingLine.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'della linea di finanziamento', en: 'the funding line' }, (f) => f.fundingLine.documentId),
    slugColumn('slug', { it: 'della linea di finanziamento', en: 'the funding line' }, (f) => f.fundingLine.slug),
    text('name', { it: 'Nome della linea di finanziamento.', en: 'Name of the funding line.' }, (f) => f.fundingLine.name),
    text(
      'acronym',
      { it: 'Sigla nella lingua della riga (es. FAMI / AMIF).', en: 'Acronym in the language of the row (e.g. FAMI / AMIF).' },
      (f) => f.fundingLine.acronym,
    ),
    text('programme', { it: 'Programma o fondo europeo.', en: 'EU programme or fund.' }, (f) => f.fundingLine.programme),
    text(
      'programming_period',
      { it: 'Periodo di programmazione (es. 2021-2027).', en: 'Programming period (e.g. 2021-2027).' },
      (f) => f.fundingLine.programmingPeriod,
    ),
    text('managing_body', { it: 'Ente che gestisce i fondi.', en: 'Body managing the funds.' }, (f) => f.fundingLine.managingBody),
    {
      name: 'management_mode',
      type: 'code',
      description: { it: 'Modalità di gestione dei fondi UE.', en: 'EU funding management mode.' },
      values: codes(MANAGEMENT_MODE_LABELS),
      value: (f) => f.fundingLine.managementMode,
    },
    text('call_reference', { it: "Riferimento dell'avviso.", en: 'Reference of the call.' }, (f) => f.fundingLine.callReference),
    text('decree_reference', { it: 'Riferimento del decreto.', en: 'Reference of the decree.' }, (f) => f.fundingLine.decreeReference),
    text(
      'specific_objective',
      { it: 'Obiettivo specifico del programma.', en: 'Specific objective of the programme.' },
      (f) => f.fundingLine.specificObjective,
    ),
    text(
      'application_areas',
      { it: 'Ambiti di applicazione.', en: 'Areas of application.' },
      (f) => f.fundingLine.applicationAreas,
      'markdown',
    ),
    {
      name: 'funding_statement',
      type: 'code',
      description: { it: "Dicitura che accompagna l'emblema UE.", en: 'Statement that goes with the EU emblem.' },
      values: codes(FUNDING_STATEMENTS),
      value: (f) => f.fundingLine.fundingStatement,
    },
    text(
      'description',
      { it: 'Descrizione della linea di finanziamento.', en: 'Description of the funding line.' },
      (f) => f.fundingLine.description,
      'markdown',
    ),
    text(
      'website',
      { it: 'Sito ufficiale del programma o avviso.', en: 'Official website of the programme or call.' },
      (f) => f.fundingLine.website,
    ),
    list('projects', { it: 'Slug dei progetti finanziati (vedi projects).', en: 'Slugs of the funded projects (see projects).' }, (f) =>
      f.projects.map((p) => p.project.slug),
    ),
    count('project_count', { it: 'Numero di progetti finanziati.', en: 'Number of funded projects.' }, (f) => f.projects),
    euro(
      'total_budget_eur',
      {
        it: 'Somma dei budget totali noti dei progetti, in euro; vuota se nessuno è noto.',
        en: 'Sum of the known total budgets of the projects, in euro; empty when none is known.',
      },
      (f) => f.totalBudget,
    ),
    euro(
      'eu_contribution_eur',
      {
        it: 'Somma dei contributi UE noti dei progetti, in euro; vuota se nessuno è noto.',
        en: 'Sum of the known EU contributions of the projects, in euro; empty when none is known.',
      },
      (f) => f.euContribution,
    ),
    updatedColumn((f) => f.fundingLine.updatedAt),
    urlColumn({ it: 'Pagina della linea di finanziamento su questo sito.', en: 'Funding line page on this site.' }, (f) => ({
      page: 'fundingLine',
      slug: f.fundingLine.slug,
    })),
  ],
});

const themes = dataset<ThemeView>({
  name: 'themes',
  title: { it: 'Temi', en: 'Themes' },
  description: {
    it: 'I temi trasversali che collegano progetti e comunità di pratica.',
    en: 'The cross-cutting themes linking projects and communities of practice.',
  },
  items: (portfolio) => portfolio.themes,
  sortKey: (view) => view.theme.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'del tema', en: 'the theme' }, (t) => t.theme.documentId),
    slugColumn('slug', { it: 'del tema', en: 'the theme' }, (t) => t.theme.slug),
    text('name', { it: 'Nome del tema.', en: 'Name of the theme.' }, (t) => t.theme.name),
    text('description', { it: 'Descrizione del tema.', en: 'Description of the theme.' }, (t) => t.theme.description, 'markdown'),
    list('projects', { it: 'Slug dei progetti del tema (vedi projects).', en: 'Slugs of the projects on the theme (see projects).' }, (t) =>
      t.projects.map((p) => p.project.slug),
    ),
    count('project_count', { it: 'Numero di progetti del tema.', en: 'Number of projects on the theme.' }, (t) => t.projects),
    list('communities', { it: 'Slug delle comunità di pratica del tema.', en: 'Slugs of the communities of practice on the theme.' }, (t) =>
      t.communities.map((c) => c.community.slug),
    ),
    updatedColumn((t) => t.theme.updatedAt),
    urlColumn({ it: 'Pagina del tema su questo sito.', en: 'Theme page on this site.' }, (t) => ({ page: 'theme', slug: t.theme.slug })),
  ],
});

// The statistics page's figures: rows in the order the page shows them.

/** The statistics of a portfolio, the same object the page draws. */
const statsOf = (portfolio: Portfolio) => statisticsOf(portfolio, byText(portfolio.locale));
/** A row with its position, so the files keep the page's order. */
type Ordered<T> = { row: T; index: number };
const ordered = <T>(rows: readonly T[]): Ordered<T>[] => rows.map((row, index) => ({ row, index }));
const position = (item: { index: number }) => String(item.index).padStart(6, '0');
const integer = <T>(name: string, description: Bilingual, get: (item: T) => number): Column<T> => ({
  name,
  type: 'integer',
  description,
  value: (item) => get(item),
});
const keyColumn = <T>(description: Bilingual, get: (item: T) => string): Column<T> => ({
  name: 'key',
  type: 'string',
  description,
  value: (item) => get(item),
});
const labelColumn = <T>(description: Bilingual, get: (item: T, locale: Locale) => string): Column<T> => ({
  name: 'label',
  type: 'string',
  description,
  value: (item, context) => get(item, context.locale),
});
const NOT_STATED_KEY: Bilingual = {
  it: `"${NOT_STATED}" per i progetti che non lo indicano`,
  en: `"${NOT_STATED}" for the projects that do not state it`,
};

function moneyDataset(
  name: DatasetName,
  kind: 'fundingLine' | 'period',
  spec: { title: Bilingual; description: Bilingual; rows: (portfolio: Portfolio) => MoneyRow[] },
): Dataset {
  const key: Bilingual =
    kind === 'fundingLine'
      ? {
          it: `Slug della linea di finanziamento (vedi funding-lines), o ${NOT_STATED_KEY.it}.`,
          en: `Slug of the funding line (see funding-lines), or ${NOT_STATED_KEY.en}.`,
        }
      : {
          it: `Periodo di programmazione della linea di finanziamento, o ${NOT_STATED_KEY.it}.`,
          en: `Programming period of the funding line, or ${NOT_STATED_KEY.en}.`,
        };
  return dataset<Ordered<MoneyRow>>({
    name,
    title: spec.title,
    description: spec.description,
    items: (portfolio) => ordered(spec.rows(portfolio)),
    sortKey: position,
    columns: [
      localeColumn(),
      keyColumn(key, ({ row }) => row.key),
      labelColumn(
        { it: 'Nome del gruppo come lo mostra la pagina delle statistiche.', en: 'Name of the group as the statistics page shows it.' },
        ({ row }, locale) => moneyLabel(row, kind, locale),
      ),
      integer('projects', { it: 'Numero di progetti.', en: 'Number of projects.' }, ({ row }) => row.projects),
      integer(
        'projects_with_budget',
        { it: 'Progetti che indicano il budget totale.', en: 'Projects stating their total budget.' },
        ({ row }) => row.withBudget,
      ),
      euro(
        'total_budget_eur',
        {
          it: 'Somma dei budget totali indicati, in euro; vuota se nessun progetto lo indica.',
          en: 'Sum of the stated total budgets, in euro; empty when no project states one.',
        },
        ({ row }) => row.totalBudget,
      ),
      integer(
        'projects_with_eu_contribution',
        { it: 'Progetti che indicano il contributo UE.', en: 'Projects stating their EU contribution.' },
        ({ row }) => row.withEuContribution,
      ),
      euro(
        'eu_contribution_eur',
        {
          it: 'Somma dei contributi UE indicati, in euro; vuota se nessun progetto lo indica.',
          en: 'Sum of the stated EU contributions, in euro; empty when no project states one.',
        },
        ({ row }) => row.euContribution,
      ),
    ],
  });
}

const statisticsFundingLines = moneyDataset('statistics-funding-lines', 'fundingLine', {
  title: { it: 'Statistiche: budget per linea di finanziamento', en: 'Statistics: budget by funding line' },
  description: {
    it: 'Budget totale e contributo UE dei progetti per linea di finanziamento, con quanti progetti indicano ciascun importo.',
    en: 'Total budget and EU contribution of the projects by funding line, with how many projects state each amount.',
  },
  rows: (portfolio) => statsOf(portfolio).byFundingLine,
});

const statisticsPeriods = moneyDataset('statistics-periods', 'period', {
  title: { it: 'Statistiche: budget per periodo di programmazione', en: 'Statistics: budget by programming period' },
  description: {
    it: 'Budget totale e contributo UE dei progetti per periodo di programmazione, con quanti progetti indicano ciascun importo.',
    en: 'Total budget and EU contribution of the projects by programming period, with how many projects state each amount.',
  },
  rows: (portfolio) => statsOf(portfolio).byPeriod,
});

const statisticsStartYears = dataset<Ordered<StatusYearRow>>({
  name: 'statistics-start-years',
  title: { it: 'Statistiche: progetti per anno di inizio e stato', en: 'Statistics: projects by start year and status' },
  description: {
    it: 'Numero di progetti per anno di inizio, suddivisi per stato alla data di pubblicazione del sito.',
    en: 'Number of projects by start year, split by status on the day the site was published.',
  },
  items: (portfolio) => ordered(statsOf(portfolio).byStartYear),
  sortKey: position,
  columns: [
    localeColumn(),
    {
      name: 'start_year',
      type: 'integer',
      description: {
        it: 'Anno di inizio dei progetti; vuoto per i progetti che non indicano la data di inizio.',
        en: 'Start year of the projects; empty for the projects that do not state a start date.',
      },
      value: ({ row }) => row.year,
    },
    labelColumn(
      {
        it: "L'anno, o la dicitura per i progetti senza data di inizio.",
        en: 'The year, or the wording for the projects without a start date.',
      },
      ({ row }, locale) => yearLabel(row.year, locale),
    ),
    integer('projects', { it: 'Numero di progetti.', en: 'Number of projects.' }, ({ row }) => row.projects),
    ...STATUS_ORDER.map((status) =>
      integer<Ordered<StatusYearRow>>(
        `status_${status}`,
        { it: `Progetti nello stato «${statusLabel(status, 'it')}».`, en: `Projects with status “${statusLabel(status, 'en')}”.` },
        ({ row }) => row.byStatus[status],
      ),
    ),
  ],
});

function partnerCountDataset(
  name: DatasetName,
  kind: 'country' | 'organisationType',
  spec: { title: Bilingual; description: Bilingual; key: Bilingual; rows: (portfolio: Portfolio) => CountRow[] },
): Dataset {
  return dataset<Ordered<CountRow>>({
    name,
    title: spec.title,
    description: spec.description,
    items: (portfolio) => ordered(spec.rows(portfolio)),
    sortKey: position,
    columns: [
      localeColumn(),
      keyColumn(spec.key, ({ row }) => row.key),
      labelColumn(
        { it: 'Nome del gruppo come lo mostra la pagina delle statistiche.', en: 'Name of the group as the statistics page shows it.' },
        ({ row }, locale) => countLabel(row, kind, locale),
      ),
      integer('partners', { it: 'Numero di partner.', en: 'Number of partners.' }, ({ row }) => row.partners),
    ],
  });
}

const statisticsPartnerCountries = partnerCountDataset('statistics-partner-countries', 'country', {
  title: { it: 'Statistiche: partner per paese', en: 'Statistics: partners by country' },
  description: {
    it: 'Numero di partner per paese; i paesi oltre i primi sono sommati in una riga «Altri paesi».',
    en: 'Number of partners by country; the countries beyond the first ones are summed in one “Other countries” row.',
  },
  key: {
    it: `Codice ISO 3166-1 alpha-2 del paese, "${OTHERS}" per gli altri paesi sommati, o "${NOT_STATED}" per i partner senza paese.`,
    en: `ISO 3166-1 alpha-2 country code, "${OTHERS}" for the other countries summed, or "${NOT_STATED}" for the partners without a country.`,
  },
  rows: (portfolio) => statsOf(portfolio).byCountry,
});

const statisticsPartnerTypes = partnerCountDataset('statistics-partner-types', 'organisationType', {
  title: { it: 'Statistiche: partner per tipo di organizzazione', en: 'Statistics: partners by type of organisation' },
  description: { it: 'Numero di partner per tipo di organizzazione.', en: 'Number of partners by type of organisation.' },
  key: {
    it: 'Codice del tipo di organizzazione (vedi partners, organisation_type).',
    en: 'Code of the type of organisation (see partners, organisation_type).',
  },
  rows: (portfolio) => statsOf(portfolio).byOrganisationType,
});

const statisticsConnectedPartners = dataset<Ordered<ConnectedPartner>>({
  name: 'statistics-connected-partners',
  title: { it: 'Statistiche: partner con più progetti', en: 'Statistics: partners in the most projects' },
  description: { it: 'I partner che partecipano al maggior numero di progetti.', en: 'The partners taking part in the most projects.' },
  items: (portfolio) => ordered(statsOf(portfolio).mostConnected),
  sortKey: position,
  columns: [
    localeColumn(),
    slugColumn('partner_slug', { it: 'del partner (vedi partners)', en: 'the partner (see partners)' }, ({ row }) => row.slug),
    text('partner_name', { it: 'Nome del partner.', en: 'Name of the partner.' }, ({ row }) => row.name),
    integer(
      'projects',
      { it: 'Numero di progetti a cui partecipa.', en: 'Number of projects it takes part in.' },
      ({ row }) => row.projects,
    ),
  ],
});

type TimelineItem = { view: ProjectView; drawn: boolean; start: BarEnd | null; end: BarEnd | null; index: number };
const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const barColumns = (which: 'start' | 'end'): Column<TimelineItem>[] => {
  const what = which === 'start' ? { it: "l'inizio", en: 'the start' } : { it: 'la fine', en: 'the end' };
  return [
    {
      name: `${which}_from`,
      type: 'date',
      description: {
        it: `Primo giorno del periodo in cui cade ${what.it} (un giorno, un mese o un anno); vuoto se non indicato.`,
        en: `First day of the period ${what.en} falls in (a day, a month or a year); empty when not stated.`,
      },
      value: (item) => (item[which] ? isoDay(item[which].from) : null),
    },
    {
      name: `${which}_to`,
      type: 'date',
      description: {
        it: `Ultimo giorno del periodo in cui cade ${what.it}; vuoto se non indicato.`,
        en: `Last day of the period ${what.en} falls in; empty when not stated.`,
      },
      value: (item) => (item[which] ? isoDay(item[which].to) : null),
    },
    {
      name: `${which}_estimated`,
      type: 'boolean',
      description: {
        it: `true se la data è prevista e non ancora confermata.`,
        en: `true when the date is expected rather than confirmed.`,
      },
      value: (item) => (item[which] ? item[which].estimated : null),
    },
  ];
};

const statisticsTimeline = dataset<TimelineItem>({
  name: 'statistics-timeline',
  title: { it: 'Statistiche: cronologia dei progetti', en: 'Statistics: timeline of the projects' },
  description: {
    it: 'Il periodo di ogni progetto come lo disegna la cronologia: per ciascun estremo il periodo in cui può cadere; i progetti senza inizio o fine indicati non sono disegnati.',
    en: 'The period of each project as the timeline draws it: for each end the period it may fall in; the projects without a stated start or end are not drawn.',
  },
  items: (portfolio) => {
    const timeline = buildTimeline(portfolio.projects, buildDay());
    const items = [
      ...timeline.groups.flatMap((g) => g.bars.map((bar) => ({ view: bar.view, drawn: true, start: bar.start, end: bar.end }))),
      ...timeline.undated.map((view) => ({ view, drawn: false, start: barEnd(view.project.startDate), end: barEnd(view.project.endDate) })),
    ];
    return items.map((item, index) => ({ ...item, index }));
  },
  sortKey: position,
  columns: [
    localeColumn(),
    slugColumn('slug', { it: 'del progetto (vedi projects)', en: 'the project (see projects)' }, ({ view }) => view.project.slug),
    text('acronym', { it: 'Acronimo del progetto.', en: 'Acronym of the project.' }, ({ view }) => view.project.acronym),
    slugColumn(
      'funding_line_slug',
      { it: 'della linea di finanziamento sotto cui è disegnato', en: 'the funding line it is drawn under' },
      ({ view }) => view.fundingLine?.slug,
    ),
    {
      name: 'drawn',
      type: 'boolean',
      description: {
        it: 'true se il progetto è disegnato (inizio e fine indicati), false se è solo elencato.',
        en: 'true when the project is drawn (start and end stated), false when it is only listed.',
      },
      value: ({ drawn }) => drawn,
    },
    ...barColumns('start'),
    ...barColumns('end'),
    urlColumn({ it: 'Pagina del progetto su questo sito.', en: 'Project page on this site.' }, ({ view }) => ({
      page: 'project',
      slug: view.project.slug,
    })),
  ],
});

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

/** Absolute URL of an open-data file. */
export const openDataUrl = (site: URL, file: string): string => new URL(`${OPEN_DATA_PATH}${file}`, site).href;

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

/** The newest updatedAt of the portfolio in either language. */
export const lastUpdate = (portfolios: Portfolios): string => newestDate(LOCALES.map((locale) => portfolios[locale].updatedAt));

/** "Fonte: Regione Emilia-Romagna" / "Source: Emilia-Romagna Region": how to credit the data. */
export const attribution = (portfolios: Portfolios): Bilingual => ({
  it: `Fonte: ${portfolios.it.settings.institutionName}`,
  en: `Source: ${portfolios.en.settings.institutionName}`,
});

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

/** A file of the export with its text. */
export interface OpenDataFile {
  name: string;
  mediaType: string;
  body: string;
  /** UTF-8 size in bytes. */
  bytes: number;
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

const file = (name: string, mediaType: string, body: string): OpenDataFile => ({
  name,
  mediaType,
  body,
  bytes: new TextEncoder().encode(body).length,
});

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
      csv: file(`${dataset.name}.csv`, 'text/csv', toCsv(names, rows)),
      json: file(`${dataset.name}.json`, 'application/json', `${JSON.stringify(json, null, 2)}\n`),
    };
  });
  const dictionary = file(DICTIONARY_FILE, 'application/json', `${JSON.stringify(dataDictionary(), null, 2)}\n`);
  const catalog = file(CATALOG_FILE, 'application/ld+json', `${JSON.stringify(dcatCatalog(portfolios, site, datasets), null, 2)}\n`);
  const files = new Map([...datasets.flatMap((d) => [d.csv, d.json]), catalog, dictionary].map((f) => [f.name, f]));
  return { datasets, catalog, dictionary, files, modified };
}

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
