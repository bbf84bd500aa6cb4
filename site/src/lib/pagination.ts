import type { Locale } from 'shared-types';
import { t } from './i18n.ts';
import type { Portfolio } from './portfolio.ts';
import { partnersInCountry, projectsWithStatus, viewBySlug } from './view-index.ts';
import type { Route } from 'shared-types/routes';

/**
 * Lists that grow with the portfolio are split into pages of static HTML, so that no page grows
 * with it: page 1 at the list's own URL, the next ones at .../pagina/2/ (shared-types/src/routes.ts). Each
 * paged list is declared once here: its page size and the items it pages through, in the order
 * shown. The router (lib/pages.ts) makes one route per page, the page components show
 * `pageOf(...)`, and the cache keys (lib/page-inputs.ts) cover the page's slice.
 */
export type PagedRoute = Extract<Route, { pageNumber?: number }>;
export type PagedPageName = PagedRoute['page'];

interface PagedList<P extends PagedPageName> {
  /** Items per page: small enough for a phone, large enough to browse. */
  size: number;
  /** The items the list pages through, in the order shown. */
  items: (portfolio: Portfolio, route: Extract<PagedRoute, { page: P }>) => readonly unknown[];
}

export const PAGED_LISTS: { [P in PagedPageName]: PagedList<P> } = {
  projects: { size: 24, items: (portfolio) => portfolio.projects },
  status: { size: 24, items: (portfolio, route) => projectsWithStatus(portfolio, route.status) },
  partners: { size: 100, items: (portfolio) => portfolio.partners },
  fundingLine: {
    size: 24,
    items: (portfolio, route) => viewBySlug(portfolio, 'fundingLines', route.slug)?.projects ?? [],
  },
  theme: { size: 24, items: (portfolio, route) => viewBySlug(portfolio, 'themes', route.slug)?.projects ?? [] },
  country: { size: 50, items: (portfolio, route) => partnersInCountry(portfolio, route.code.toUpperCase()) },
};

export const isPaged = (route: Route): route is PagedRoute => route.page in PAGED_LISTS;

export interface PageOf<T> {
  /** The items on this page. */
  items: T[];
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  /** Items in the whole list. */
  total: number;
  /** 1-based position of the first item on this page (0 when the list is empty). */
  first: number;
  last: number;
}

/** The slice of a paged list a route shows; a list that fits on one page has one page. */
export function pageOf<T>(portfolio: Portfolio, route: PagedRoute): PageOf<T> {
  const list = PAGED_LISTS[route.page] as PagedList<PagedPageName>;
  const all = list.items(portfolio, route as never) as T[];
  const pageCount = Math.max(1, Math.ceil(all.length / list.size));
  const pageNumber = route.pageNumber ?? 1;
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > pageCount) {
    throw new Error(`Page ${pageNumber} of the ${route.page} list does not exist: it has ${pageCount}.`);
  }
  const start = (pageNumber - 1) * list.size;
  const items = all.slice(start, start + list.size);
  return { items, pageNumber, pageCount, total: all.length, first: items.length ? start + 1 : 0, last: start + items.length };
}

/** Every page of a paged list after the first (the first is the list's own route). */
export function laterPages<R extends PagedRoute>(portfolio: Portfolio, route: R): R[] {
  const { pageCount } = pageOf(portfolio, route);
  return Array.from({ length: pageCount - 1 }, (_, i) => ({ ...route, pageNumber: i + 2 }));
}

/** A page's title, with its place in the list after the first page: "In corso – pagina 2 di 5". */
export function pagedTitle(locale: Locale, title: string, page: Pick<PageOf<unknown>, 'pageNumber' | 'pageCount'>): string {
  return page.pageNumber > 1 ? `${title} – ${t(locale, 'paging.pageOf', { number: page.pageNumber, count: page.pageCount })}` : title;
}

/** Pages after the first: "Progetti 25–48 di 110". */
export const rangeText = (locale: Locale, page: Pick<PageOf<unknown>, 'first' | 'last' | 'total'>): string =>
  t(locale, 'paging.range', { first: page.first, last: page.last, total: page.total });

/** How many items a summary shows where a list is not paged (home, country and theme pages). */
export const SUMMARY_SIZE = 12;

/**
 * The projects started most recently first (an undated start last), for summaries of "the latest
 * N": the order of the portfolio (by acronym) among equals.
 */
export function latestStarted<T extends { project: { startDate: { date: string } | null } }>(views: readonly T[]): T[] {
  return [...views].sort((a, b) => (b.project.startDate?.date ?? '').localeCompare(a.project.startDate?.date ?? ''));
}

/** The last breadcrumb of a later page: "Pagina 2". */
export const pageLabel = (locale: Locale, pageNumber: number): string => t(locale, 'paging.page', { number: pageNumber });
