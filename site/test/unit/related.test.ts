import { describe, expect, it } from 'vitest';
import type { ProjectView } from '../../src/lib/portfolio.ts';
import { relatedProjects } from '../../src/lib/related.ts';

/** Just what relatedProjects reads of a project view. */
const view = (id: string, partners: string[], themes: string[]) =>
  ({
    project: { documentId: id },
    partnerships: partners.map((documentId) => ({ partner: { documentId } })),
    themes: themes.map((documentId) => ({ documentId })),
  }) as unknown as ProjectView;

describe('relatedProjects', () => {
  const a = view('a', ['p1', 'p2'], ['t1']);
  const b = view('b', ['p1'], []); // one shared partner: 2
  const c = view('c', [], ['t1']); // one shared theme: 1
  const d = view('d', ['p1', 'p2', 'p2'], ['t1']); // two shared partners (p2 twice counts once) and the theme: 5
  const e = view('e', ['p9'], ['t9']); // nothing shared
  const f = view('f', [], ['t1']); // 1, listed after c
  const all = [a, b, c, d, e, f];

  it('ranks by shared partners (2 each) then themes (1 each), in list order on ties, never itself', () => {
    expect(relatedProjects(a, all).map((v) => v.project.documentId)).toEqual(['d', 'b', 'c', 'f']);
  });

  it('keeps to the limit and leaves out projects that share nothing', () => {
    expect(relatedProjects(a, all, 2).map((v) => v.project.documentId)).toEqual(['d', 'b']);
    expect(relatedProjects(e, all)).toEqual([]);
  });

  it('ranks a large list as a full sort of every candidate would, at any limit', () => {
    // 300 projects drawing from few themes: many ties, hundreds of candidates each.
    let seed = 7;
    const pick = (n: number, of: string, pool: number) =>
      Array.from({ length: 1 + ((seed = (seed * 48271) % 2147483647) % n) }, (_, i) => `${of}${(seed >> i) % pool}`);
    // Partners from a small pool (most candidates share one) and from a large one (most share only themes).
    const many = [12, 400].flatMap((pool) =>
      Array.from({ length: 150 }, (_, i) => view(`x${pool}-${i}`, pick(3, 'p', pool), pick(3, 't', 12))),
    );
    const score = (one: ProjectView, other: ProjectView) => {
      const shared = (a: string[], b: string[]) => new Set(a.filter((x) => b.includes(x))).size;
      const ids = (v: ProjectView) => v.partnerships.map((p) => p.partner.documentId);
      const themes = (v: ProjectView) => v.themes.map((t) => t.documentId);
      return 2 * shared(ids(one), ids(other)) + shared(themes(one), themes(other));
    };
    for (const one of [...many.slice(0, 30), ...many.slice(150, 180)]) {
      const sorted = many
        .map((other, i) => ({ other, i, points: other === one ? 0 : score(one, other) }))
        .filter((x) => x.points > 0)
        .sort((x, y) => y.points - x.points || x.i - y.i)
        .map((x) => x.other);
      for (const limit of [1, 4, 10]) expect(relatedProjects(one, many, limit)).toEqual(sorted.slice(0, limit));
    }
  });

  it('answers for another list with that list, not a stale index', () => {
    expect(relatedProjects(a, [a, c]).map((v) => v.project.documentId)).toEqual(['c']);
  });
});
