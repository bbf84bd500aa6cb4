import type { APIRoute } from 'astro';
import { newestDate, type Locale } from 'shared-types';
import { timed } from '../lib/build-timing.ts';
import { allRoutes } from '../lib/pages.ts';
import { getPortfolio, type Portfolio } from '../lib/portfolio.ts';
import { absoluteUrl, href, otherLocale, type Route } from 'shared-types/routes';
import { escapeMarkup } from '../lib/markup.ts';
import { batched, textResponse } from '../lib/large-text.ts';
import { partnersInCountry, projectsWithStatus, viewBySlug } from '../lib/view-index.ts';

/**
 * When a page last changed: the newest update of the content it shows, and never older than the
 * site settings every page's header and footer carry.
 */
function lastModified(portfolio: Portfolio, route: Route): string {
  const floor = portfolio.settings.updatedAt;
  const projectDates = (views: readonly Portfolio['projects'][number][]) => views.map((v) => v.updatedAt);
  switch (route.page) {
    case 'project': {
      const view = viewBySlug(portfolio, 'projects', route.slug);
      return newestDate([floor, ...(view ? [view.updatedAt] : [])]);
    }
    case 'status':
      return newestDate([floor, ...projectDates(projectsWithStatus(portfolio, route.status))]);
    case 'partner': {
      const view = viewBySlug(portfolio, 'partners', route.slug);
      return newestDate([floor, ...(view ? [view.partner.updatedAt, ...view.projects.map((p) => p.view.updatedAt)] : [])]);
    }
    case 'fundingLine': {
      const view = viewBySlug(portfolio, 'fundingLines', route.slug);
      return newestDate([floor, ...(view ? [view.fundingLine.updatedAt, ...projectDates(view.projects)] : [])]);
    }
    case 'community': {
      const view = viewBySlug(portfolio, 'communities', route.slug);
      return newestDate([
        floor,
        ...(view
          ? [view.community.updatedAt, ...view.members.map((m) => m.updatedAt), ...(view.project ? [view.project.updatedAt] : [])]
          : []),
      ]);
    }
    case 'theme': {
      const view = viewBySlug(portfolio, 'themes', route.slug);
      return newestDate([
        floor,
        ...(view ? [view.theme.updatedAt, ...projectDates(view.projects), ...view.communities.map((c) => c.community.updatedAt)] : []),
      ]);
    }
    case 'country': {
      const views = partnersInCountry(portfolio, route.code);
      return newestDate([floor, ...views.flatMap((v) => [v.partner.updatedAt, ...v.projects.map((p) => p.view.updatedAt)])]);
    }
    case 'legal':
    case 'privacy':
    case 'contacts':
    case 'accessibility':
      return floor;
    default:
      return portfolio.updatedAt;
  }
}

/**
 * /sitemap.xml: every page of allRoutes() in both languages with absolute URLs, its last
 * modification, and hreflang alternates (it, en, x-default = Italian) where the twin page exists.
 */
const sitemap: APIRoute = async ({ site }) => {
  if (!site) throw new Error('The sitemap needs absolute URLs: set `site` in astro.config.ts (SITE_URL).');
  // The search pages are noindex: search engines must not be sent there.
  const routes = (await allRoutes()).filter(({ route }) => route.page !== 'search');
  const portfolios: Record<Locale, Portfolio> = { it: await getPortfolio('it'), en: await getPortfolio('en') };
  const published = new Set(routes.map(({ locale, route }) => href(locale, route)));
  // Each page's URL is written up to three times (its entry, its twin's, x-default): made once.
  const urls = new Map<string, string>();
  const url = (locale: Locale, route: Route) => {
    const path = href(locale, route);
    let absolute = urls.get(path);
    if (absolute === undefined) urls.set(path, (absolute = escapeMarkup(absoluteUrl(site, path))));
    return absolute;
  };
  // The later pages of a paged list changed when its first did: each list's date is worked out once.
  const dates = new Map<string, string>();
  const modified = (locale: Locale, route: Route) => {
    const list = `${locale} ${href(locale, { ...route, pageNumber: undefined } as Route)}`;
    let date = dates.get(list);
    if (date === undefined) dates.set(list, (date = lastModified(portfolios[locale], route)));
    return date;
  };
  const entries = routes.map(({ locale, route }) => {
    const twin = otherLocale(locale);
    const versions = ([locale, twin] as Locale[]).filter((l) => published.has(href(l, route))).sort();
    const alternates =
      versions.length < 2
        ? []
        : [
            ...versions.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${url(l, route)}"/>`),
            `    <xhtml:link rel="alternate" hreflang="x-default" href="${url('it', route)}"/>`,
          ];
    return `${['  <url>', `    <loc>${url(locale, route)}</loc>`, `    <lastmod>${modified(locale, route)}</lastmod>`, ...alternates, '  </url>'].join('\n')}\n`;
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
    ...entries,
    '</urlset>\n',
  ];
  return textResponse(batched(lines), 'application/xml; charset=utf-8');
};

export const GET: APIRoute = (context) => timed('sitemap', () => sitemap(context));
