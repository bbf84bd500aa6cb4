import { byText } from '../i18n.ts';
import { buildDay } from '../build-date.ts';
import type { Portfolio, ProjectView } from '../portfolio.ts';
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
} from '../statistics.ts';
import { countLabel, moneyLabel, statusLabel, yearLabel } from '../statistics-labels.ts';
import {
  dataset,
  euro,
  integer,
  keyColumn,
  labelColumn,
  localeColumn,
  slugColumn,
  text,
  urlColumn,
  type Bilingual,
  type Column,
  type Dataset,
  type DatasetName,
} from './columns.ts';

// The statistics page's figures: rows in the order the page shows them.

/** The statistics of a portfolio, the same object the page draws. */
const statsOf = (portfolio: Portfolio) => statisticsOf(portfolio, byText(portfolio.locale));
/** A row with its position, so the files keep the page's order. */
type Ordered<T> = { row: T; index: number };
const ordered = <T>(rows: readonly T[]): Ordered<T>[] => rows.map((row, index) => ({ row, index }));
const position = (item: { index: number }) => String(item.index).padStart(6, '0');
export const NOT_STATED_KEY: Bilingual = {
  it: `"${NOT_STATED}" per i progetti che non lo indicano`,
  en: `"${NOT_STATED}" for the projects that do not state it`,
};

export function moneyDataset(
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

export const statisticsFundingLines = moneyDataset('statistics-funding-lines', 'fundingLine', {
  title: { it: 'Statistiche: budget per linea di finanziamento', en: 'Statistics: budget by funding line' },
  description: {
    it: 'Budget totale e contributo UE dei progetti per linea di finanziamento, con quanti progetti indicano ciascun importo.',
    en: 'Total budget and EU contribution of the projects by funding line, with how many projects state each amount.',
  },
  rows: (portfolio) => statsOf(portfolio).byFundingLine,
});

export const statisticsPeriods = moneyDataset('statistics-periods', 'period', {
  title: { it: 'Statistiche: budget per periodo di programmazione', en: 'Statistics: budget by programming period' },
  description: {
    it: 'Budget totale e contributo UE dei progetti per periodo di programmazione, con quanti progetti indicano ciascun importo.',
    en: 'Total budget and EU contribution of the projects by programming period, with how many projects state each amount.',
  },
  rows: (portfolio) => statsOf(portfolio).byPeriod,
});

export const statisticsStartYears = dataset<Ordered<StatusYearRow>>({
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

export function partnerCountDataset(
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

export const statisticsPartnerCountries = partnerCountDataset('statistics-partner-countries', 'country', {
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

export const statisticsPartnerTypes = partnerCountDataset('statistics-partner-types', 'organisationType', {
  title: { it: 'Statistiche: partner per tipo di organizzazione', en: 'Statistics: partners by type of organisation' },
  description: { it: 'Numero di partner per tipo di organizzazione.', en: 'Number of partners by type of organisation.' },
  key: {
    it: 'Codice del tipo di organizzazione (vedi partners, organisation_type).',
    en: 'Code of the type of organisation (see partners, organisation_type).',
  },
  rows: (portfolio) => statsOf(portfolio).byOrganisationType,
});

export const statisticsConnectedPartners = dataset<Ordered<ConnectedPartner>>({
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

export type TimelineItem = { view: ProjectView; drawn: boolean; start: BarEnd | null; end: BarEnd | null; index: number };
export const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
export const barColumns = (which: 'start' | 'end'): Column<TimelineItem>[] => {
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

export const statisticsTimeline = dataset<TimelineItem>({
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
