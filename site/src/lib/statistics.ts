import { endOfPeriod, sumKnown, type DatePrecision, type OrganisationType, type ProjectStatus } from 'shared-types';
import { parseISO } from 'date-fns/parseISO';
import { groupBy } from './group-by.ts';

/**
 * The figures of the statistics page, computed once from the joined portfolio: the page draws
 * them and the open-data export writes them (statistics-*.csv), so the two cannot disagree.
 * Pure functions of their input; labels are left to the page and the export (keys only here).
 */

/** A date at its precision, as projects store it. */
export interface DateLike {
  date: string;
  precision: DatePrecision;
  estimated?: boolean | null;
}

/** What the statistics read of a project view (ProjectView satisfies it). */
export interface StatsProject {
  project: {
    documentId: string;
    slug: string;
    acronym: string;
    startDate: DateLike | null;
    endDate: DateLike | null;
    totalBudget: number | null;
    euContribution: number | null;
  };
  status: ProjectStatus;
  fundingLine: { documentId: string; slug: string; programmingPeriod?: string | null } | null;
  /** The funding line's short label (acronym, with its period where two lines share it). */
  fundingLineLabel: string | null;
}

/** What the statistics read of a partner view (PartnerView satisfies it). */
export interface StatsPartner {
  partner: { documentId: string; slug: string; name: string; country: string | null; organisationType: OrganisationType | null };
  projects: readonly unknown[];
}

export interface StatsInput {
  projects: readonly StatsProject[];
  partners: readonly StatsPartner[];
}

/** Key of the group of items the source says nothing about, and of the aggregated long tail. */
export const NOT_STATED = 'not_stated';
export const OTHERS = 'others';

/** Money of a group of projects, with how many of them state each figure. */
export interface MoneyRow {
  /** Funding line slug or programming period; NOT_STATED for projects without one. */
  key: string;
  /** The funding line's short label or the period; null for NOT_STATED. */
  name: string | null;
  projects: number;
  /** Projects stating a total budget. */
  withBudget: number;
  /** Sum of the stated budgets; null when none is stated (never read as zero). */
  totalBudget: number | null;
  withEuContribution: number;
  euContribution: number | null;
}

export interface StatusYearRow {
  /** Year the projects start; null when the start is not stated. */
  year: number | null;
  projects: number;
  byStatus: Record<ProjectStatus, number>;
}

export interface CountRow {
  /** Country code, organisation type, OTHERS or NOT_STATED. */
  key: string;
  partners: number;
  /** For OTHERS: how many groups it aggregates. */
  groups?: number;
}

export interface ConnectedPartner {
  slug: string;
  name: string;
  projects: number;
}

export interface Statistics {
  projects: number;
  withBudget: number;
  totalBudget: number | null;
  withEuContribution: number;
  euContribution: number | null;
  byFundingLine: MoneyRow[];
  byPeriod: MoneyRow[];
  byStartYear: StatusYearRow[];
  partners: number;
  byCountry: CountRow[];
  byOrganisationType: CountRow[];
  mostConnected: ConnectedPartner[];
}

/** Every status, in the order charts stack them and tables list them. */
export const STATUS_ORDER: readonly ProjectStatus[] = [
  'completed',
  'ongoing',
  'planned',
  'grant_agreement_in_preparation',
  'suspended',
  'cancelled',
  'not_stated',
];

/** Groups shown by name before the long tail is aggregated as OTHERS. */
export const TOP_COUNTRIES = 12;
export const TOP_CONNECTED = 10;

function money(key: string, name: string | null, projects: readonly StatsProject[]): MoneyRow {
  const budgets = projects.map((v) => v.project.totalBudget);
  const eu = projects.map((v) => v.project.euContribution);
  return {
    key,
    name,
    projects: projects.length,
    withBudget: budgets.filter((b) => b !== null).length,
    totalBudget: sumKnown(budgets),
    withEuContribution: eu.filter((b) => b !== null).length,
    euContribution: sumKnown(eu),
  };
}

/** Larger first, NOT_STATED last; ties by key for a stable order. */
const byMoney = (a: MoneyRow, b: MoneyRow) =>
  Number(a.key === NOT_STATED) - Number(b.key === NOT_STATED) ||
  (b.totalBudget ?? -1) - (a.totalBudget ?? -1) ||
  b.projects - a.projects ||
  (a.key < b.key ? -1 : 1);

/** Money per funding line, largest budget first; projects without a line in one NOT_STATED row. */
export function moneyByFundingLine(projects: readonly StatsProject[]): MoneyRow[] {
  return [...groupBy(projects, (v) => [v.fundingLine?.slug ?? NOT_STATED])]
    .map(([key, group]) => money(key, key === NOT_STATED ? null : (group[0]!.fundingLineLabel ?? key), group))
    .sort(byMoney);
}

/** Money per programming period (of the projects' funding lines), newest period first. */
export function moneyByPeriod(projects: readonly StatsProject[]): MoneyRow[] {
  return [...groupBy(projects, (v) => [v.fundingLine?.programmingPeriod ?? NOT_STATED])]
    .map(([key, group]) => money(key, key === NOT_STATED ? null : key, group))
    .sort((a, b) => Number(a.key === NOT_STATED) - Number(b.key === NOT_STATED) || (a.key < b.key ? 1 : -1));
}

const emptyByStatus = (): Record<ProjectStatus, number> =>
  Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<ProjectStatus, number>;

/** Projects by the year they start and their status today; unknown starts last (year null). */
export function statusByStartYear(projects: readonly StatsProject[]): StatusYearRow[] {
  const rows = new Map<number | null, StatusYearRow>();
  for (const view of projects) {
    const year = view.project.startDate ? Number(view.project.startDate.date.slice(0, 4)) : null;
    const row = rows.get(year) ?? { year, projects: 0, byStatus: emptyByStatus() };
    row.projects++;
    row.byStatus[view.status]++;
    rows.set(year, row);
  }
  return [...rows.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

/**
 * Counts per key, largest first, the first `top` by name and the rest as one OTHERS row;
 * NOT_STATED always last and never folded into OTHERS.
 */
export function countWithOthers(keys: ReadonlyArray<string | null>, top = Infinity): CountRow[] {
  const counts = new Map<string, number>();
  let notStated = 0;
  for (const key of keys) {
    if (key === null) notStated++;
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts]
    .map(([key, partners]) => ({ key, partners }))
    .sort((a, b) => b.partners - a.partners || (a.key < b.key ? -1 : 1));
  // Folding a single group into "others" hides a name and saves nothing.
  const shown = sorted.length > top + 1 ? sorted.slice(0, top) : sorted;
  const rest = sorted.slice(shown.length);
  return [
    ...shown,
    ...(rest.length > 0 ? [{ key: OTHERS, partners: rest.reduce((n, r) => n + r.partners, 0), groups: rest.length }] : []),
    ...(notStated > 0 ? [{ key: NOT_STATED, partners: notStated }] : []),
  ];
}

/** Partners in the most projects (at least one), ties by name. */
export function mostConnected(
  partners: readonly StatsPartner[],
  top = TOP_CONNECTED,
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): ConnectedPartner[] {
  return partners
    .filter((v) => v.projects.length > 0)
    .map((v) => ({ slug: v.partner.slug, name: v.partner.name, projects: v.projects.length }))
    .sort((a, b) => b.projects - a.projects || compare(a.name, b.name))
    .slice(0, top);
}

/** Every figure of the statistics page. */
export function computeStatistics(input: StatsInput, compare?: (a: string, b: string) => number): Statistics {
  const all = money('', null, input.projects);
  return {
    projects: all.projects,
    withBudget: all.withBudget,
    totalBudget: all.totalBudget,
    withEuContribution: all.withEuContribution,
    euContribution: all.euContribution,
    byFundingLine: moneyByFundingLine(input.projects),
    byPeriod: moneyByPeriod(input.projects),
    byStartYear: statusByStartYear(input.projects),
    partners: input.partners.length,
    byCountry: countWithOthers(
      input.partners.map((v) => v.partner.country),
      TOP_COUNTRIES,
    ),
    byOrganisationType: countWithOthers(input.partners.map((v) => v.partner.organisationType)),
    mostConnected: mostConnected(input.partners, TOP_CONNECTED, compare),
  };
}

const memo = new WeakMap<StatsInput, Statistics>();

/** computeStatistics, once per portfolio: the page and the open-data export share the result. */
export function statisticsOf(input: StatsInput, compare?: (a: string, b: string) => number): Statistics {
  let stats = memo.get(input);
  if (!stats) memo.set(input, (stats = computeStatistics(input, compare)));
  return stats;
}

// The timeline.

/** One end of a bar: the period the date may fall in (a day, a month or a year). */
export interface BarEnd {
  from: Date;
  to: Date;
  precision: DatePrecision;
  estimated: boolean;
}

export interface TimelineBar<P extends StatsProject = StatsProject> {
  view: P;
  start: BarEnd;
  end: BarEnd;
}

export interface TimelineGroup<P extends StatsProject = StatsProject> {
  /** Funding line slug, or NOT_STATED. */
  key: string;
  name: string | null;
  bars: TimelineBar<P>[];
  /** Earliest start and latest end of its bars. */
  from: Date;
  to: Date;
}

export interface Timeline<P extends StatsProject = StatsProject> {
  groups: TimelineGroup<P>[];
  /** Projects with a start or an end not stated: listed, not drawn. */
  undated: P[];
  /** From the earliest start to the latest end or today, whichever is later. */
  domain: [Date, Date];
  today: Date;
  drawn: number;
}

const barEnds = new WeakMap<DateLike, BarEnd>();
/**
 * The period a stated date may fall in; null when it is not stated. Made once per date: the
 * timelines of the statistics page, the open data and every theme and funding line draw the same
 * projects, and parsing their dates again cost tens of milliseconds at a thousand projects.
 */
export function barEnd(value: DateLike): BarEnd;
export function barEnd(value: DateLike | null): BarEnd | null;
export function barEnd(value: DateLike | null): BarEnd | null {
  if (!value) return null;
  let end = barEnds.get(value);
  if (!end) {
    end = {
      from: parseISO(value.date),
      to: endOfPeriod(value.date, value.precision),
      precision: value.precision,
      estimated: value.estimated === true,
    };
    barEnds.set(value, end);
  }
  return end;
}

/**
 * The projects with both dates stated as bars, grouped by funding line (the line whose projects
 * start first first, projects without a line last) and within a group by start; the others in
 * `undated`, to be listed. The domain always includes today, so today's line is on the chart.
 */
export function buildTimeline<P extends StatsProject>(projects: readonly P[], today: Date): Timeline<P> {
  const bars: TimelineBar<P>[] = [];
  const undated: P[] = [];
  for (const view of projects) {
    const { startDate, endDate } = view.project;
    if (startDate && endDate) bars.push({ view, start: barEnd(startDate), end: barEnd(endDate) });
    else undated.push(view);
  }
  bars.sort(
    (a, b) =>
      a.start.from.getTime() - b.start.from.getTime() ||
      a.end.to.getTime() - b.end.to.getTime() ||
      (a.view.project.acronym < b.view.project.acronym ? -1 : 1),
  );
  const groups = [...groupBy(bars, (bar) => [bar.view.fundingLine?.slug ?? NOT_STATED])].map(
    ([key, group]): TimelineGroup<P> => ({
      key,
      name: key === NOT_STATED ? null : (group[0]!.view.fundingLineLabel ?? key),
      bars: group,
      from: new Date(Math.min(...group.map((b) => b.start.from.getTime()))),
      to: new Date(Math.max(...group.map((b) => b.end.to.getTime()))),
    }),
  );
  groups.sort(
    (a, b) =>
      Number(a.key === NOT_STATED) - Number(b.key === NOT_STATED) || a.from.getTime() - b.from.getTime() || (a.key < b.key ? -1 : 1),
  );
  const times = [...bars.flatMap((b) => [b.start.from.getTime(), b.end.to.getTime()]), today.getTime()];
  return {
    groups,
    undated,
    domain: [new Date(Math.min(...times)), new Date(Math.max(...times))],
    today,
    drawn: bars.length,
  };
}
