import { LOCALES, type Locale, type ProjectStatus } from 'shared-types';
import { isPaged, laterPages } from './pagination.ts';
import { getPortfolio, type CommunityView, type FundingLineView, type PartnerView, type ProjectView, type ThemeView } from './portfolio.ts';
import { href, type PageProps, type Route } from 'shared-types/routes';

/**
 * Every page the site publishes, in both languages, from the published content. The same list
 * feeds the router (getStaticPaths), the sitemap and the release check.
 */
let published: Promise<Set<string>> | undefined;

/** Paths of every published page, to know whether a page has its twin in the other language. */
export function publishedPaths(): Promise<Set<string>> {
  return (published ??= allRoutes().then((routes) => new Set(routes.map(({ locale, route }) => href(locale, route)))));
}

/** The view each entity's page shows. */
export interface EntityViews {
  project: ProjectView;
  partner: PartnerView;
  fundingLine: FundingLineView;
  community: CommunityView;
  theme: ThemeView;
}

/** The props of an entity's page: the view comes resolved with the route, never looked up again. */
export type EntityPageProps<P extends keyof EntityViews> = PageProps<P> & { view: EntityViews[P] };

/** A page to publish: an entity's page carries the entity's view. */
export interface PublishedPage {
  locale: Locale;
  route: Route;
  view?: EntityViews[keyof EntityViews];
}

/** A former address of an entity's page (a slug it was published under before), sent on to the page. */
export interface MovedPage {
  locale: Locale;
  from: Route;
  to: Route;
}

/**
 * The former addresses of the entities' pages, from the slugs the CMS keeps when a page goes
 * online under a new one (cms/src/integrity/slugs.ts): links shared, printed or indexed before a
 * rename still lead to the page (a paged list's later pages to the same page under the new
 * slug). An address a page has now is that page's; an address two documents once had goes to the
 * first in list order.
 */
export async function movedPages(): Promise<MovedPage[]> {
  const live = await publishedPaths();
  const moved = new Map<string, MovedPage>();
  for (const locale of LOCALES) {
    const portfolio = await getPortfolio(locale);
    const entities = [
      ['project', portfolio.projects.map((v) => v.project)],
      ['partner', portfolio.partners.map((v) => v.partner)],
      ['fundingLine', portfolio.fundingLines.map((v) => v.fundingLine)],
      ['community', portfolio.communities.map((v) => v.community)],
      ['theme', portfolio.themes.map((v) => v.theme)],
    ] as const;
    for (const [page, entries] of entities) {
      for (const { slug, formerSlugs } of entries) {
        for (const former of formerSlugs ?? []) {
          const to: Route = { page, slug };
          // A paged list's later pages move with its first, as many as it has now.
          for (const target of [to, ...(isPaged(to) ? laterPages(portfolio, to) : [])]) {
            const from = { ...target, slug: former } as Route;
            const path = href(locale, from);
            if (!live.has(path) && !moved.has(path)) moved.set(path, { locale, from, to: target });
          }
        }
      }
    }
  }
  return [...moved.values()];
}

export async function allRoutes(): Promise<PublishedPage[]> {
  const routes: PublishedPage[] = [];
  for (const locale of LOCALES) {
    const portfolio = await getPortfolio(locale);
    const statuses = [...new Set(portfolio.projects.map((p) => p.status))] as ProjectStatus[];
    // A paged list's first page, then the pages after it.
    const add = (route: Route, view?: PublishedPage['view']) => {
      routes.push({ locale, route, view });
      if (isPaged(route)) laterPages(portfolio, route).forEach((later) => routes.push({ locale, route: later, view }));
    };
    (
      [
        'home',
        'projects',
        'partners',
        'fundingLines',
        'themes',
        'countries',
        'statistics',
        'data',
        'search',
        'legal',
        'privacy',
        'contacts',
        'accessibility',
      ] as const
    ).forEach((page) => add({ page }));
    portfolio.projects.forEach((v) => add({ page: 'project', slug: v.project.slug }, v));
    statuses.forEach((status) => add({ page: 'status', status }));
    portfolio.partners.forEach((v) => add({ page: 'partner', slug: v.partner.slug }, v));
    portfolio.fundingLines.forEach((v) => add({ page: 'fundingLine', slug: v.fundingLine.slug }, v));
    portfolio.communities.forEach((v) => add({ page: 'community', slug: v.community.slug }, v));
    portfolio.themes.forEach((v) => add({ page: 'theme', slug: v.theme.slug }, v));
    portfolio.countries.forEach((code) => add({ page: 'country', code }));
  }
  return routes;
}
