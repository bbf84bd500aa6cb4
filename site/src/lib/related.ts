import type { ProjectView } from './portfolio.ts';

/** Per list of projects: where each stands and which share each partner and theme (built once). */
const relationIndex = new WeakMap<ProjectView[], { position: Map<ProjectView, number>; byKey: Map<string, ProjectView[]> }>();

/**
 * Projects related to one: sharing partners (2 points each) or themes (1 point each), strongest
 * link first, then in list order. Counted through an index, so a page costs what it links to,
 * not the size of the portfolio.
 */
export function relatedProjects(view: ProjectView, all: ProjectView[], limit = 4): ProjectView[] {
  let related = relationIndex.get(all);
  if (!related) {
    const byKey = new Map<string, ProjectView[]>();
    const add = (key: string, other: ProjectView) => {
      const list = byKey.get(key);
      if (list) list.push(other);
      else byKey.set(key, [other]);
    };
    for (const other of all) {
      for (const partner of new Set(other.partnerships.map((p) => p.partner.documentId))) add(`partner:${partner}`, other);
      for (const theme of new Set(other.themes.map((t) => t.documentId))) add(`theme:${theme}`, other);
    }
    related = { position: new Map(all.map((other, i) => [other, i])), byKey };
    relationIndex.set(all, related);
  }
  const scores = new Map<ProjectView, number>();
  const score = (key: string, points: number) => {
    for (const other of related.byKey.get(key) ?? []) {
      if (other.project.documentId !== view.project.documentId) scores.set(other, (scores.get(other) ?? 0) + points);
    }
  };
  for (const partner of new Set(view.partnerships.map((p) => p.partner.documentId))) score(`partner:${partner}`, 2);
  for (const theme of new Set(view.themes.map((t) => t.documentId))) score(`theme:${theme}`, 1);
  // The strongest `limit`, kept in order while counting: a project shares a theme with hundreds
  // at a thousand projects, and every project page's cache key asks for its related projects.
  const position = related.position;
  const before = (a: [ProjectView, number], b: [ProjectView, number]) => b[1] - a[1] || position.get(a[0])! - position.get(b[0])!;
  const best: Array<[ProjectView, number]> = [];
  for (const entry of scores) {
    if (best.length === limit && before(entry, best[limit - 1]!) >= 0) continue;
    let i = Math.min(best.length, limit - 1);
    while (i > 0 && before(entry, best[i - 1]!) < 0) i--;
    best.splice(i, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map(([other]) => other);
}
