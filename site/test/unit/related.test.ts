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

  it('answers for another list with that list, not a stale index', () => {
    expect(relatedProjects(a, [a, c]).map((v) => v.project.documentId)).toEqual(['c']);
  });
});
