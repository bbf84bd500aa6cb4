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
    const add = (key: string, other: ProjectView) => byKey.set(key, [...(byKey.get(key) ?? []), other]);
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
  const position = related.position;
  return [...scores]
    .sort(([a, x], [b, y]) => y - x || position.get(a)! - position.get(b)!)
    .slice(0, limit)
    .map(([other]) => other);
}
