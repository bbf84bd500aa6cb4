import { hash } from 'node:crypto';
import { LOCALES, type Locale } from 'shared-types';
import { buildDayIso } from './build-date.ts';
import { digestText } from './digest.ts';
import { siteConfig } from './config.ts';
import { latestStarted, pageOf, SUMMARY_SIZE } from './pagination.ts';
import { getPortfolio, type Portfolio } from './portfolio.ts';
import { relatedProjects } from './related.ts';
import { partnersInCountry, projectsInCountry, viewBySlug } from './view-index.ts';
import { href, otherLocale, type PageName, type Route } from 'shared-types/routes';

/**
 * What each page shows, declared once, next to the routes (shared-types/src/routes.ts): the incremental build
 * (experimental.incrementalBuild) renders a page again only when the digest of its inputs changed
 * (its `cacheKey`); otherwise Astro reuses the previous output. Code, config and dependencies are
 * Astro's part: a change there re-renders every page.
 *
 * A page's inputs are the resolved views it renders (a project with its partners, funding line,
 * themes, actions, communities and its computed status; a partner with its projects...), so a
 * shared entity edited anywhere changes the key of every page that shows it. Every page also
 * depends on LAYOUT_INPUTS (site settings, the twin in the other language, preview mode).
 * Index pages (home, the explorer's first page, theme/funding/country lists, search, open data)
 * return 'portfolio': they show aggregates of everything, or the site's last update, and are few.
 *
 * An input missing here makes a stale page; the oracle test (test/incremental/) compares every
 * incremental build with a clean full build and names the page and the edit.
 */
type Inputs = unknown[] | 'portfolio' | 'bothPortfolios';

interface InputContext<P extends PageName> {
  locale: Locale;
  route: Extract<Route, { page: P }>;
  portfolio: Portfolio;
}

const PAGE_INPUTS: { [P in PageName]: (context: InputContext<P>) => Inputs } = {
  project: ({ route, portfolio }) => {
    const view = viewBySlug(portfolio, 'projects', route.slug)!;
    // Related projects are shown as cards: which ones, and what they show.
    return [view, relatedProjects(view, portfolio.projects)];
  },
  partner: ({ route, portfolio }) => [viewBySlug(portfolio, 'partners', route.slug)!],
  // Paged lists (lib/pagination.ts): every page shows its slice and the list's totals (pageOf);
  // the first page also the introduction: the whole view, and for funding-line and theme pages
  // (and the statistics page) a timeline with today's line. Later pages show the entity's name.
  fundingLine: ({ route, portfolio }) => {
    const view = viewBySlug(portfolio, 'fundingLines', route.slug)!;
    const page = pageOf(portfolio, route);
    return page.pageNumber === 1 ? [view, buildDayIso(), page] : [view.fundingLine, view.shortLabel, page];
  },
  community: ({ route, portfolio }) => [viewBySlug(portfolio, 'communities', route.slug)!],
  theme: ({ route, portfolio }) => {
    const view = viewBySlug(portfolio, 'themes', route.slug)!;
    const page = pageOf(portfolio, route);
    return page.pageNumber === 1 ? [view, buildDayIso(), page] : [view.theme, page];
  },
  // A country's partners a page at a time; the first page also counts its projects and shows the latest.
  country: ({ route, portfolio }) => {
    const code = route.code.toUpperCase();
    const page = pageOf(portfolio, route);
    const projects = projectsInCountry(portfolio, code);
    return [code, page, projects.length, page.pageNumber === 1 ? latestStarted(projects).slice(0, SUMMARY_SIZE) : null];
  },
  // The slice of partners, their count and the countries' chips (each with its count of partners).
  partners: ({ route, portfolio }) => [
    pageOf(portfolio, route),
    portfolio.countries.map((code) => [code, partnersInCountry(portfolio, code).length]),
  ],
  // Built from the site settings alone (a layout input).
  legal: () => [],
  privacy: () => [],
  contacts: () => [],
  accessibility: () => [],
  // The first page also carries the explorer (its data file holds every project) and the browse
  // lists (statuses, funding lines, themes, countries in use): the whole portfolio. Later pages
  // show their slice.
  projects: ({ route, portfolio }) => ((route.pageNumber ?? 1) === 1 ? 'portfolio' : [pageOf(portfolio, route)]),
  status: ({ route, portfolio }) => [pageOf(portfolio, route)],
  home: () => 'portfolio',
  fundingLines: () => 'portfolio',
  themes: () => 'portfolio',
  countries: () => 'portfolio',
  search: () => 'portfolio',
  statistics: ({ portfolio }) => [portfolio, buildDayIso()],
  // The open-data page describes the files of both languages.
  data: () => 'bothPortfolios',
};

// Read once: siteConfig() reads the environment each time, and a key is made for each of 11,000 pages at a thousand projects.
let isPreview: boolean | undefined;

/** Shown by the layout on every page. */
function layoutInputs(locale: Locale, route: Route, portfolio: Portfolio, published: Set<string>): unknown[] {
  isPreview ??= siteConfig().previewSecret !== null;
  return [portfolio.settings, published.has(href(otherLocale(locale), route)), isPreview];
}

/** The cache key of one page: the digest of its declared inputs and of the layout's. */
export async function pageCacheKey(locale: Locale, route: Route, published: Set<string>): Promise<string> {
  const portfolio = await getPortfolio(locale);
  const declare = PAGE_INPUTS[route.page] as (context: InputContext<PageName>) => Inputs;
  const inputs = declare({ locale, route, portfolio });
  const own =
    inputs === 'portfolio' ? [portfolio] : inputs === 'bothPortfolios' ? await Promise.all(LOCALES.map((l) => getPortfolio(l))) : inputs;
  // One hash per page: the route and the lists of inputs are made for this key alone.
  const parts = [route, locale, layoutInputs(locale, route, portfolio, published), own];
  return hash('sha1', parts.map(digestText).join('\n'), 'base64url');
}

/** The cache key of a former address's page (lib/pages.ts, movedPages): it shows only where the page is now. */
export const movedPageCacheKey = (locale: Locale, from: Route, to: Route): string =>
  hash('sha1', digestText(['moved', locale, from, to]), 'base64url');
