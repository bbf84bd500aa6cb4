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
