import { groupBy } from './group-by.ts';
import type { ProjectView } from './portfolio.ts';

interface RelationIndex {
  position: Map<ProjectView, number>;
  byPartner: Map<string, ProjectView[]>;
  /** Projects grouped by their set of themes, each group in list order. */
  themeGroups: Array<{ themes: Set<string>; projects: ProjectView[] }>;
  /** The positions in themeGroups of the groups with each theme. */
  groupsWithTheme: Map<string, number[]>;
}

/** Per list of projects, built once. */
const relationIndex = new WeakMap<ProjectView[], RelationIndex>();

const partnerIds = (view: ProjectView) => new Set(view.partnerships.map((p) => p.partner.documentId));
const themeSets = new WeakMap<ProjectView, Set<string>>();
/** A project's themes, as a set made once: every project sharing a partner with it asks for them. */
function themeIds(view: ProjectView): Set<string> {
  let ids = themeSets.get(view);
  if (!ids) themeSets.set(view, (ids = new Set(view.themes.map((t) => t.documentId))));
  return ids;
}
const shared = (a: Set<string>, b: Set<string>) => {
  let count = 0;
  for (const id of a) if (b.has(id)) count++;
  return count;
};

function indexOf(all: ProjectView[]): RelationIndex {
  let index = relationIndex.get(all);
  if (index) return index;
  const byPartner = new Map<string, ProjectView[]>();
  const groups = new Map<string, { themes: Set<string>; projects: ProjectView[] }>();
  for (const view of all) {
    for (const partner of partnerIds(view)) {
      const list = byPartner.get(partner);
      if (list) list.push(view);
      else byPartner.set(partner, [view]);
    }
    const themes = themeIds(view);
    const key = [...themes].sort().join(' ');
    const group = groups.get(key);
    if (group) group.projects.push(view);
    else groups.set(key, { themes, projects: [view] });
  }
  const themeGroups = [...groups.values()];
  const groupsWithTheme = groupBy(
    themeGroups.map((_, at) => at),
    (at) => [...themeGroups[at]!.themes],
  );
  index = { position: new Map(all.map((view, i) => [view, i])), byPartner, themeGroups, groupsWithTheme };
  relationIndex.set(all, index);
  return index;
}

/**
 * Projects related to one: sharing partners (2 points each) or themes (1 point each), strongest
 * link first, then in list order. A page costs what it links to, not the size of the portfolio:
 * the few projects sharing a partner are scored one by one; the hundreds sharing only themes at a
 * thousand projects are taken by their set of themes, where everyone scores the same and only the
 * first few in list order can make the cut.
 */
export function relatedProjects(view: ProjectView, all: ProjectView[], limit = 4): ProjectView[] {
  const { position, byPartner, themeGroups, groupsWithTheme } = indexOf(all);
  const self = view.project.documentId;
  const themes = themeIds(view);

  // The strongest `limit` so far, strongest first, ties in list order.
  const best: Array<{ view: ProjectView; score: number; position: number }> = [];
  const offer = (other: ProjectView, score: number): boolean => {
    const at = position.get(other)!;
    let i = best.length;
    while (i > 0 && (best[i - 1]!.score < score || (best[i - 1]!.score === score && best[i - 1]!.position > at))) i--;
    if (i === limit) return false;
    best.splice(i, 0, { view: other, score, position: at });
    if (best.length > limit) best.pop();
    return true;
  };

  const sharedPartners = new Map<ProjectView, number>();
  for (const partner of partnerIds(view)) {
    for (const other of byPartner.get(partner) ?? []) {
      if (other.project.documentId !== self) sharedPartners.set(other, (sharedPartners.get(other) ?? 0) + 1);
    }
  }
  for (const [other, partners] of sharedPartners) offer(other, 2 * partners + shared(themeIds(other), themes));
  // The themes each group shares with this one, counted through the groups of each of its themes.
  // (`best` keeps the strongest in list order whatever order they are offered in.)
  const groupScores = new Map<number, number>();
  for (const theme of themes) for (const at of groupsWithTheme.get(theme) ?? []) groupScores.set(at, (groupScores.get(at) ?? 0) + 1);
  for (const [at, score] of groupScores) {
    if (best.length === limit && best[limit - 1]!.score > score) continue;
    // Everyone in the group scores the same, in list order: once one misses the cut, the rest do.
    for (const other of themeGroups[at]!.projects) {
      if (other.project.documentId === self || sharedPartners.has(other)) continue;
      if (!offer(other, score)) break;
    }
  }
  return best.map((entry) => entry.view);
}
