import { groupBy } from './group-by.ts';
import type { Portfolio } from './portfolio.ts';

/** Each list of entity views, with the slug of the entity a view shows. */
const SLUG_OF = {
  projects: (view: Portfolio['projects'][number]) => view.project.slug,
  partners: (view: Portfolio['partners'][number]) => view.partner.slug,
  fundingLines: (view: Portfolio['fundingLines'][number]) => view.fundingLine.slug,
  communities: (view: Portfolio['communities'][number]) => view.community.slug,
  themes: (view: Portfolio['themes'][number]) => view.theme.slug,
};
type ViewList = keyof typeof SLUG_OF;
// Beside the portfolio, not in it: the page keys digest the portfolio, and an index is not content.
const slugIndexes = new WeakMap<Portfolio, Map<ViewList, Map<string, unknown>>>();

/**
 * The view of one entity by its slug, or undefined, through an index built once per portfolio and
 * list: the page keys and the sitemap look up a view for each of 11,000 pages at a thousand
 * projects, and a search of the list each time costs about 0.3 s.
 */
export function viewBySlug<L extends ViewList>(portfolio: Portfolio, list: L, slug: string): Portfolio[L][number] | undefined {
  let indexes = slugIndexes.get(portfolio);
  if (!indexes) slugIndexes.set(portfolio, (indexes = new Map()));
  let index = indexes.get(list);
  if (!index) {
    const slugOf = SLUG_OF[list] as (view: Portfolio[L][number]) => string;
    indexes.set(list, (index = new Map((portfolio[list] as Array<Portfolio[L][number]>).map((view) => [slugOf(view), view]))));
  }
  return index.get(slug) as Portfolio[L][number] | undefined;
}

type ProjectView = Portfolio['projects'][number];
type PartnerView = Portfolio['partners'][number];
interface Groups {
  projectsWithStatus: Map<string, ProjectView[]>;
  projectsInCountry: Map<string, ProjectView[]>;
  partnersInCountry: Map<string, PartnerView[]>;
}
const groupIndexes = new WeakMap<Portfolio, Groups>();

/**
 * The projects of a status and the projects and partners of a country, in list order, grouped
 * once per portfolio: a status or a country has a page for every 24 or 50 of them, and the page
 * keys, the pages and the sitemap each ask for the group of every one.
 */
function groupsOf(portfolio: Portfolio): Groups {
  let groups = groupIndexes.get(portfolio);
  if (!groups) {
    groups = {
      projectsWithStatus: groupBy(portfolio.projects, (view) => [view.status]),
      projectsInCountry: groupBy(portfolio.projects, (view) => view.countries),
      partnersInCountry: groupBy(portfolio.partners, (view) => [view.partner.country]),
    };
    groupIndexes.set(portfolio, groups);
  }
  return groups;
}

export const projectsWithStatus = (portfolio: Portfolio, status: string): readonly ProjectView[] =>
  groupsOf(portfolio).projectsWithStatus.get(status) ?? [];
/** `code`: ISO 3166-1 alpha-2, upper case. */
export const projectsInCountry = (portfolio: Portfolio, code: string): readonly ProjectView[] =>
  groupsOf(portfolio).projectsInCountry.get(code) ?? [];
export const partnersInCountry = (portfolio: Portfolio, code: string): readonly PartnerView[] =>
  groupsOf(portfolio).partnersInCountry.get(code) ?? [];
