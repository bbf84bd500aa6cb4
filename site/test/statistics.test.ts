import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { HtmlElement } from 'html-validate';
import type { Page } from 'playwright-core';
import { LOCALES, type Locale } from 'shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { href } from 'shared-types/routes';
import { axeViolations, launchBrowser, type Browser } from './support/browser.ts';
import { readCsv } from './support/csv.ts';
import { attr, euroText, integerText, textOf } from './support/html.ts';
import { readPage, site, type BuiltPage } from './support/site.ts';

/**
 * The statistics page against the open data of the same build: every figure in its tables is the
 * one in the chart's CSV and the one a reader computes from projects.csv and partners.csv; the
 * timeline draws every project with both dates and lists the others; no JavaScript; axe-core
 * with the data tables open, and screenshots at a phone's and a desktop's width.
 */
const NOT_STATED_TEXT: Record<Locale, string> = { it: 'non indicato dalla fonte', en: 'not stated in the source' };

const integer = integerText;
const euro = (value: string, locale: Locale): string => (value === '' ? NOT_STATED_TEXT[locale] : euroText(Number(value), locale));

/** The rows of a chart's table: the key, the row header and the cells' text. */
function tableRows(page: BuiltPage, dataset: string) {
  const table = page.doc.querySelector(`table[data-dataset="${dataset}"]`);
  if (!table) throw new Error(`${page.pathname} has no table for ${dataset}`);
  return table.querySelectorAll('tbody tr').map((tr) => ({
    key: attr(tr, 'data-key'),
    header: textOf(tr.querySelector('th')!),
    cells: tr.querySelectorAll('td').map((td) => textOf(td)),
    statuses: tr.querySelectorAll('td').map((td) => attr(td, 'data-status')),
  }));
}

const section = (page: BuiltPage, id: string): HtmlElement => {
  const found = page.doc.querySelector(`section[aria-labelledby="${id}"]`);
  if (!found) throw new Error(`${page.pathname} has no section labelled by #${id}`);
  return found;
};
/** The SVGs in a page's HTML (the parser leaves SVG content out, so they are read from the source). */
const svgsIn = (html: string): string[] => html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
/** The source of the chart section labelled by `id`. */
const sectionHtml = (page: BuiltPage, id: string): string => {
  const start = page.html.indexOf(`aria-labelledby="${id}"`);
  if (start < 0) throw new Error(`${page.pathname} has no section labelled by #${id}`);
  return page.html.slice(start, page.html.indexOf('</section>', start));
};
/** The links of the bars drawn in a section's SVG: project slug → href. */
const drawnLinks = (html: string): Map<string, string> =>
  new Map(
    svgsIn(html).flatMap((svg) =>
      [...svg.matchAll(/<a\b([^>]*)>/g)].flatMap(([, attrs]) => {
        const slug = /data-project="([^"]+)"/.exec(attrs!)?.[1];
        return slug ? [[slug, /href="([^"]+)"/.exec(attrs!)?.[1] ?? '']] : [];
      }),
    ),
  );
const drawnProjects = (html: string) => [...drawnLinks(html).keys()].sort();
const listedProjects = (root: HtmlElement) =>
  root
    .querySelectorAll('.undated li[data-project]')
    .map((li) => attr(li, 'data-project')!)
    .sort();

describe.each(LOCALES)('the statistics page (%s)', (locale) => {
  const pathname = href(locale, { page: 'statistics' });
  const projects = () => readCsv('/opendata/projects.csv').filter((r) => r.locale === locale);
  const csv = (name: string) => readCsv(`/opendata/${name}.csv`).filter((r) => r.locale === locale);

  it('is linked from the home page and from the navigation of every page', async () => {
    const home = await readPage(href(locale, { page: 'home' }));
    expect(home.doc.querySelectorAll('main a[href]').map((a) => attr(a, 'href'))).toContain(pathname);
    const page = await readPage(pathname);
    const nav = page.doc.querySelectorAll('header nav a[href]');
    expect(nav.map((a) => attr(a, 'href'))).toContain(pathname);
    expect(nav.find((a) => attr(a, 'href') === pathname)!.getAttributeValue('aria-current')).toBe('page');
  });

  it('shows in its tables the figures of the charts’ CSV files, row by row', async () => {
    const page = await readPage(pathname);
    for (const name of ['statistics-funding-lines', 'statistics-periods']) {
      const records = csv(name);
      const rows = tableRows(page, name);
      expect(rows.map((r) => r.key)).toEqual(records.map((r) => r.key));
      rows.forEach((row, i) => {
        const r = records[i]!;
        expect([row.header, ...row.cells]).toEqual([
          r.label,
          integer(r.projects!, locale),
          integer(r.projects_with_budget!, locale),
          euro(r.total_budget_eur!, locale),
          integer(r.projects_with_eu_contribution!, locale),
          euro(r.eu_contribution_eur!, locale),
        ]);
      });
    }
    for (const name of ['statistics-partner-countries', 'statistics-partner-types']) {
      const records = csv(name);
      expect(tableRows(page, name).map((r) => [r.key, r.header, ...r.cells])).toEqual(
        records.map((r) => [r.key, r.label, integer(r.partners!, locale)]),
      );
    }
    const connected = csv('statistics-connected-partners');
    expect(tableRows(page, 'statistics-connected-partners').map((r) => [r.key, r.header, ...r.cells])).toEqual(
      connected.map((r) => [r.partner_slug, r.partner_name, integer(r.projects!, locale)]),
    );
    const years = csv('statistics-start-years');
    const yearRows = tableRows(page, 'statistics-start-years');
    expect(yearRows.map((r) => r.header)).toEqual(years.map((r) => r.label));
    yearRows.forEach((row, i) => {
      const r = years[i]!;
      row.statuses.forEach((status, c) =>
        expect(row.cells[c]).toBe(integer(status === null ? r.projects! : r[`status_${status}`]!, locale)),
      );
    });
  });

  it('adds up budgets per funding line as a reader of projects.csv would, counting only the stated ones', async () => {
    const page = await readPage(pathname);
    const rows = tableRows(page, 'statistics-funding-lines');
    const lines = new Set(projects().map((p) => p.funding_line_slug || 'not_stated'));
    expect(new Set(rows.map((r) => r.key))).toEqual(lines);
    for (const row of rows) {
      const mine = projects().filter((p) => (p.funding_line_slug || 'not_stated') === row.key);
      const budgets = mine.filter((p) => p.total_budget_eur !== '').map((p) => Number(p.total_budget_eur));
      expect(row.cells[0]).toBe(integer(mine.length, locale));
      expect(row.cells[1]).toBe(integer(budgets.length, locale));
      expect(row.cells[2]).toBe(
        budgets.length === 0 ? NOT_STATED_TEXT[locale] : euro(String(Math.round(budgets.reduce((a, b) => a + b, 0) * 100) / 100), locale),
      );
    }
    // "3 of 6 projects state a budget": the share is said next to each total.
    const stated = projects().filter((p) => p.total_budget_eur !== '').length;
    expect(page.main).toContain(
      locale === 'it' ? `${stated} di ${projects().length} progetti` : `${stated} of ${projects().length} projects`,
    );
  });

  it('counts partners per country and type as a reader of partners.csv would', async () => {
    const page = await readPage(pathname);
    const partners = readCsv('/opendata/partners.csv').filter((r) => r.locale === locale);
    for (const row of tableRows(page, 'statistics-partner-types')) {
      expect(row.cells[0], row.key!).toBe(
        integer(partners.filter((p) => (p.organisation_type || 'not_stated') === row.key).length, locale),
      );
    }
    const countries = tableRows(page, 'statistics-partner-countries');
    expect(countries.reduce((n, r) => n + Number(r.cells[0]!.replace(/\D/g, '')), 0)).toBe(partners.length);
  });

  it('draws every project with a start and an end on the timeline, linked to its page, and lists the others', async () => {
    const page = await readPage(pathname);
    const timeline = section(page, 'timeline');
    const dated = projects().filter((p) => p.start_date && p.end_date);
    const undated = projects().filter((p) => !(p.start_date && p.end_date));
    expect(dated.length).toBeGreaterThan(0);
    expect(undated.length).toBeGreaterThan(0);
    expect(drawnProjects(sectionHtml(page, 'timeline'))).toEqual(dated.map((p) => p.slug).sort());
    expect(listedProjects(timeline)).toEqual(undated.map((p) => p.slug).sort());
    for (const [slug, link] of drawnLinks(sectionHtml(page, 'timeline'))) expect(link).toBe(href(locale, { page: 'project', slug }));
    // Today's line and the timeline's file.
    expect(textOf(timeline)).toContain(locale === 'it' ? '22 novembre 2026' : '22 November 2026');
    expect(
      csv('statistics-timeline')
        .filter((r) => r.drawn === 'true')
        .map((r) => r.slug)
        .sort(),
    ).toEqual(dated.map((p) => p.slug).sort());
  });

  it('draws the timeline of its projects on each funding line and theme page', async () => {
    const dated = projects().filter((p) => p.start_date && p.end_date);
    for (const line of csv('funding-lines')) {
      const page = await readPage(href(locale, { page: 'fundingLine', slug: line.slug! }));
      const mine = projects().filter((p) => p.funding_line_slug === line.slug);
      if (mine.length === 0) continue;
      const timeline = section(page, 'timeline');
      expect(drawnProjects(sectionHtml(page, 'timeline')), line.slug).toEqual(
        dated
          .filter((p) => p.funding_line_slug === line.slug)
          .map((p) => p.slug)
          .sort(),
      );
      expect(listedProjects(timeline), line.slug).toEqual(
        mine
          .filter((p) => !(p.start_date && p.end_date))
          .map((p) => p.slug)
          .sort(),
      );
    }
    for (const theme of csv('themes')) {
      const slugs = theme.projects ? theme.projects.split(';') : [];
      if (slugs.length === 0) continue;
      const page = await readPage(href(locale, { page: 'theme', slug: theme.slug! }));
      expect(drawnProjects(sectionHtml(page, 'timeline')), theme.slug).toEqual(
        dated
          .filter((p) => slugs.includes(p.slug!))
          .map((p) => p.slug)
          .sort(),
      );
    }
  });

  it('gives every chart a title, a text summary, a data table and its CSV file in the open data', async () => {
    const page = await readPage(pathname);
    const charts = page.doc.querySelectorAll('main section.chart');
    expect(charts.length).toBe(7);
    for (const chart of charts) {
      const id = attr(chart, 'aria-labelledby')!;
      expect(textOf(chart.querySelector(`#${id}`)!).length, id).toBeGreaterThan(0);
      expect(textOf(chart.querySelector('.chart-summary')!).length, id).toBeGreaterThan(20);
      expect(chart.querySelector('details table caption'), id).not.toBeNull();
      const file = attr(chart.querySelector('.chart-csv a')!, 'href')!;
      expect(readCsv(file).length, file).toBeGreaterThan(0);
    }
    const svgs = svgsIn(page.html).filter((svg) => svg.includes('class="chart-svg'));
    expect(svgs).toHaveLength(7);
    for (const svg of svgs) {
      expect(svg, 'every chart SVG has a title').toMatch(/<title id="[^"]+"[^>]*>[^<]+<\/title>/);
      expect(svg, 'and a description').toMatch(/<desc id="[^"]+"[^>]*>[^<]+<\/desc>/);
    }
  });

  it('ships no JavaScript: static SVG, no script, no island', async () => {
    const page = await readPage(pathname);
    expect(page.doc.querySelectorAll('script').filter((s) => s.getAttributeValue('type') !== 'application/ld+json')).toEqual([]);
    expect(page.doc.querySelectorAll('astro-island, link[rel="modulepreload"]')).toEqual([]);
    expect(page.doc.querySelectorAll('main svg').length).toBeGreaterThan(5);
  });
});

describe('the statistics page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser({ injectsScripts: true });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LOCALES.flatMap((locale) => [1280, 390].map((width) => [locale, width] as const)))(
    '%s at %i pixels: a screenshot for review, nothing sideways, and no axe-core violation with the data tables open',
    async (locale, width) => {
      const dir = path.join(site().resultsDir, 'screenshots');
      mkdirSync(dir, { recursive: true });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site().url}${href(locale, { page: 'statistics' })}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(dir, `statistics-${locale}-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `the page is ${overflow}px wider than the window`).toBeLessThanOrEqual(0);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});
