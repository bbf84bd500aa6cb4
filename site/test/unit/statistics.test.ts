import { projectStatus, type SeedBundle } from 'shared-types';
import { describe, expect, it } from 'vitest';
import { generateBundle } from 'harness/generate';
import { DATASETS, toCsv, type DatasetName } from '../../src/lib/open-data/index.ts';
import type { Portfolio } from '../../src/lib/portfolio.ts';
import {
  buildTimeline,
  computeStatistics,
  countWithOthers,
  moneyByFundingLine,
  moneyByPeriod,
  mostConnected,
  NOT_STATED,
  OTHERS,
  statusByStartYear,
  TOP_COUNTRIES,
  type StatsInput,
  type StatsPartner,
  type StatsProject,
} from '../../src/lib/statistics.ts';
import { fitLabel } from '../../src/lib/charts.ts';
import { csvRecords } from '../support/csv.ts';
import { fixturePortfolios, SITE } from './fixtures/portfolio.ts';

const TODAY = new Date('2026-11-22T00:00:00Z');

/** A project as the statistics read it; what is not given is not stated. */
function project(
  slug: string,
  fields: Partial<StatsProject['project']> & { line?: string | null; period?: string; status?: StatsProject['status'] } = {},
): StatsProject {
  const { line = 'fami', period = '2021-2027', status = 'ongoing', ...rest } = fields;
  return {
    project: {
      documentId: slug,
      slug,
      acronym: slug.toUpperCase(),
      startDate: null,
      endDate: null,
      totalBudget: null,
      euContribution: null,
      ...rest,
    },
    status,
    fundingLine: line === null ? null : { documentId: line, slug: line, programmingPeriod: period },
    fundingLineLabel: line === null ? null : line.toUpperCase(),
  };
}

describe('moneyByFundingLine', () => {
  it('sums only the stated budgets and says how many projects state one, never reading a gap as zero', () => {
    const rows = moneyByFundingLine([
      project('a', { totalBudget: 1000, euContribution: 900 }),
      project('b', { totalBudget: 500.5 }),
      project('c'),
      project('d', { line: 'esf' }),
    ]);
    expect(rows).toEqual([
      { key: 'fami', name: 'FAMI', projects: 3, withBudget: 2, totalBudget: 1500.5, withEuContribution: 1, euContribution: 900 },
      { key: 'esf', name: 'ESF', projects: 1, withBudget: 0, totalBudget: null, withEuContribution: 0, euContribution: null },
    ]);
  });

  it('puts projects without a funding line in one row, last', () => {
    const rows = moneyByFundingLine([project('a', { line: null, totalBudget: 9e9 }), project('b', { totalBudget: 1 })]);
    expect(rows.map((r) => r.key)).toEqual(['fami', NOT_STATED]);
    expect(rows[1]!.name).toBeNull();
  });
});

describe('moneyByPeriod', () => {
  it('groups by programming period, newest first', () => {
    const rows = moneyByPeriod([
      project('a', { period: '2014-2020', totalBudget: 5 }),
      project('b', { totalBudget: 1 }),
      project('c', { line: null }),
    ]);
    expect(rows.map((r) => [r.key, r.projects, r.totalBudget])).toEqual([
      ['2021-2027', 1, 1],
      ['2014-2020', 1, 5],
      [NOT_STATED, 1, null],
    ]);
  });
});

describe('statusByStartYear', () => {
  it('counts projects by start year and status, the unknown start last', () => {
    const rows = statusByStartYear([
      project('a', { startDate: { date: '2025-06-01', precision: 'month' }, status: 'ongoing' }),
      project('b', { startDate: { date: '2019-01-01', precision: 'year' }, status: 'completed' }),
      project('c', { startDate: { date: '2025-01-10', precision: 'day' }, status: 'completed' }),
      project('d', { status: 'not_stated' }),
    ]);
    expect(rows.map((r) => [r.year, r.projects, r.byStatus.ongoing, r.byStatus.completed, r.byStatus.not_stated])).toEqual([
      [2019, 1, 0, 1, 0],
      [2025, 2, 1, 1, 0],
      [null, 1, 0, 0, 1],
    ]);
  });
});

describe('countWithOthers', () => {
  it('keeps the largest groups by name, sums the long tail as others and puts not stated last', () => {
    const keys = ['IT', 'IT', 'IT', 'FR', 'FR', 'ES', 'DE', 'PT', null];
    expect(countWithOthers(keys, 2)).toEqual([
      { key: 'IT', partners: 3 },
      { key: 'FR', partners: 2 },
      { key: OTHERS, partners: 3, groups: 3 },
      { key: NOT_STATED, partners: 1 },
    ]);
  });

  it('does not fold a single group into others', () => {
    expect(countWithOthers(['IT', 'FR', 'ES'], 2).map((r) => r.key)).toEqual(['ES', 'FR', 'IT']);
  });
});

describe('mostConnected', () => {
  const partner = (slug: string, projects: number): StatsPartner => ({
    partner: { documentId: slug, slug, name: slug, country: null, organisationType: 'ngo' },
    projects: Array.from({ length: projects }),
  });

  it('ranks partners by their number of projects, ties by name, and leaves out those in none', () => {
    expect(mostConnected([partner('b', 2), partner('a', 2), partner('c', 5), partner('z', 0)], 10)).toEqual([
      { slug: 'c', name: 'c', projects: 5 },
      { slug: 'a', name: 'a', projects: 2 },
      { slug: 'b', name: 'b', projects: 2 },
    ]);
    expect(mostConnected([partner('b', 2), partner('a', 2), partner('c', 5)], 1)).toHaveLength(1);
  });
});

describe('buildTimeline', () => {
  const views = [
    project('late', {
      startDate: { date: '2025-06-01', precision: 'month', estimated: true },
      endDate: { date: '2029-09-30', precision: 'day' },
    }),
    project('early', {
      startDate: { date: '2019-01-01', precision: 'year' },
      endDate: { date: '2022-01-01', precision: 'year' },
      line: 'esf',
    }),
    project('open', { startDate: { date: '2025-01-01', precision: 'day' } }),
    project('nothing', { line: null }),
  ];

  it('draws every project with both dates and lists the others', () => {
    const timeline = buildTimeline(views, TODAY);
    expect(timeline.drawn).toBe(2);
    expect(timeline.groups.flatMap((g) => g.bars.map((b) => b.view.project.slug)).sort()).toEqual(['early', 'late']);
    expect(timeline.undated.map((v) => v.project.slug)).toEqual(['open', 'nothing']);
  });

  it('gives each end the period it may fall in, with its precision and estimate', () => {
    const bars = buildTimeline(views, TODAY).groups.flatMap((g) => g.bars);
    const early = bars.find((b) => b.view.project.slug === 'early')!;
    expect(early.start.from.getFullYear()).toBe(2019);
    expect([early.start.to.getMonth(), early.start.to.getDate()]).toEqual([11, 31]);
    expect(early.end.precision).toBe('year');
    const late = bars.find((b) => b.view.project.slug === 'late')!;
    expect(late.start.estimated).toBe(true);
    expect([late.start.to.getMonth(), late.start.to.getDate()]).toEqual([5, 30]);
    expect(late.end.from.getTime()).toBe(late.end.to.getTime());
  });

  it('groups bars by funding line, earliest line first, and spans today', () => {
    const timeline = buildTimeline(views, new Date('2031-01-01'));
    expect(timeline.groups.map((g) => g.key)).toEqual(['esf', 'fami']);
    expect(timeline.domain[0].getFullYear()).toBe(2019);
    expect(timeline.domain[1].getFullYear()).toBe(2031);
  });
});

/** A generated portfolio as the statistics read it, joined from the bench generator's seed bundle. */
function statsInputOf(bundle: SeedBundle): StatsInput {
  const lines = new Map(bundle.fundingLines.map((f) => [f.slug, f]));
  const projects: StatsProject[] = bundle.projects.map((p) => {
    const line = p.fundingLine ? lines.get(p.fundingLine)! : null;
    return {
      project: {
        documentId: p.slug,
        slug: p.slug,
        acronym: p.acronym,
        startDate: p.startDate ?? null,
        endDate: p.endDate ?? null,
        totalBudget: p.totalBudget ?? null,
        euContribution: p.euContribution ?? null,
      },
      status: projectStatus(
        { statusOverride: p.statusOverride, startDate: p.startDate, endDate: p.endDate, durationMonths: p.durationMonths },
        TODAY,
      ),
      fundingLine: line && { documentId: line.slug, slug: line.slug, programmingPeriod: line.programmingPeriod ?? null },
      fundingLineLabel: line?.acronym.it ?? null,
    };
  });
  const projectsOf = new Map<string, string[]>();
  for (const p of bundle.projects)
    for (const m of new Set(p.partnerships.map((x) => x.partner))) projectsOf.set(m, [...(projectsOf.get(m) ?? []), p.slug]);
  const partners: StatsPartner[] = bundle.partners.map((p) => ({
    partner: { documentId: p.slug, slug: p.slug, name: p.name.it, country: p.country ?? null, organisationType: p.organisationType },
    projects: projectsOf.get(p.slug) ?? [],
  }));
  return { projects, partners };
}

describe('the statistics of a generated portfolio of 1,000 projects', () => {
  const bundle = generateBundle({ projects: 1000 });
  const input = statsInputOf(bundle);
  const stats = computeStatistics(input);
  // The open-data rows of the statistics need only what the statistics read and the language.
  const portfolio = (locale: 'it' | 'en') => ({ ...input, locale }) as unknown as Portfolio;
  const files = new Map<DatasetName, Array<Record<string, string>>>();
  const csv = (name: DatasetName) => {
    if (!files.has(name)) {
      const dataset = DATASETS.find((d) => d.name === name)!;
      const rows = dataset.rows({ it: portfolio('it'), en: portfolio('en') }, SITE);
      files.set(
        name,
        csvRecords(
          toCsv(
            dataset.columns.map((c) => c.name),
            rows,
          ),
        ).filter((r) => r.locale === 'it'),
      );
    }
    return files.get(name)!;
  };

  it('adds up to the same totals as the projects themselves', () => {
    const budgets = bundle.projects.flatMap((p) => (p.totalBudget === undefined ? [] : [p.totalBudget]));
    expect(stats.projects).toBe(1000);
    expect(stats.withBudget).toBe(budgets.length);
    expect(stats.totalBudget).toBe(budgets.reduce((a, b) => a + b, 0));
    expect(stats.byFundingLine.reduce((n, r) => n + r.projects, 0)).toBe(1000);
    expect(stats.byFundingLine.reduce((n, r) => n + (r.totalBudget ?? 0), 0)).toBe(stats.totalBudget);
    expect(stats.byPeriod.reduce((n, r) => n + r.projects, 0)).toBe(1000);
    expect(stats.byStartYear.reduce((n, r) => n + r.projects, 0)).toBe(1000);
  });

  it('writes the same figures into the open-data files, computed independently from the bundle', () => {
    for (const line of bundle.fundingLines) {
      const projects = bundle.projects.filter((p) => p.fundingLine === line.slug);
      const record = csv('statistics-funding-lines').find((r) => r.key === line.slug)!;
      expect(Number(record.projects)).toBe(projects.length);
      expect(Number(record.total_budget_eur)).toBe(projects.reduce((n, p) => n + (p.totalBudget ?? 0), 0));
      expect(Number(record.eu_contribution_eur)).toBe(projects.reduce((n, p) => n + (p.euContribution ?? 0), 0));
    }
    const countries = csv('statistics-partner-countries');
    expect(countries.reduce((n, r) => n + Number(r.partners), 0)).toBe(bundle.partners.length);
    for (const record of countries.filter((r) => r.key !== OTHERS && r.key !== NOT_STATED)) {
      expect(Number(record.partners)).toBe(bundle.partners.filter((p) => p.country === record.key).length);
    }
    const top = csv('statistics-connected-partners')[0]!;
    const counts = new Map<string, number>();
    for (const p of bundle.projects)
      for (const partner of new Set(p.partnerships.map((m) => m.partner))) counts.set(partner, (counts.get(partner) ?? 0) + 1);
    const most = Math.max(...counts.values());
    expect(Number(top.projects)).toBe(most);
    const timeline = csv('statistics-timeline');
    expect(timeline).toHaveLength(1000);
    expect(timeline.every((r) => r.drawn === 'true')).toBe(true);
  });

  it('keeps the charts short: the long tail of countries becomes one "others" row, the timeline groups by funding line', () => {
    expect(stats.byCountry.length).toBeLessThanOrEqual(TOP_COUNTRIES + 2);
    expect(stats.byCountry.some((r) => r.key === OTHERS)).toBe(true);
    expect(stats.mostConnected).toHaveLength(10);
    const timeline = buildTimeline(input.projects, TODAY);
    expect(timeline.drawn).toBe(1000);
    expect(timeline.groups).toHaveLength(bundle.fundingLines.length);
  });
});

describe('the statistics datasets of the hand-made portfolio', () => {
  it('say how many projects state a budget next to the sum', () => {
    const rows = DATASETS.find((d) => d.name === 'statistics-funding-lines')!.rows(fixturePortfolios(), SITE);
    const it_ = rows.filter((r) => r.locale === 'it');
    expect(it_.map((r) => [r.key, r.projects, r.projects_with_budget])).toEqual([
      ['fami-os2', 1, 1],
      [NOT_STATED, 1, 0],
    ]);
    expect(it_.find((r) => r.key === NOT_STATED)!.total_budget_eur).toBeNull();
    expect(rows.find((r) => r.locale === 'en' && r.key === NOT_STATED)!.label).toBe('Funding line not stated');
  });
});

describe('fitLabel', () => {
  it('leaves a short label alone and cuts a long one at a word, with an ellipsis', () => {
    expect(fitLabel('Comune di Bologna')).toBe('Comune di Bologna');
    expect(fitLabel('Agenzia regionale per lo sviluppo economico e la coesione territoriale', 30)).toBe('Agenzia regionale per lo…');
  });

  it('cuts a long word where it must', () => {
    expect(fitLabel('x'.repeat(250), 20)).toBe(`${'x'.repeat(19)}…`);
  });
});
