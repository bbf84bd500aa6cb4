import { describe, expect, it } from 'vitest';
import { projectPopulate, type ContentVersions } from 'shared-types';
import {
  entryId,
  FULL_READ_PAGE,
  fingerprint,
  IDS_PER_REQUEST,
  indexVersions,
  mergedList,
  mergeVersions,
  planDelta,
  relationPaths,
  versionChanges,
} from '../../src/lib/strapi/delta.ts';

const PROJECT = 'api::project.project';
const PARTNER = 'api::partner.partner';
type Row = [string, string, number, number];
const RELATIONS = ['fundingLine', 'partnerships.partner', 'themes'];

/** What the CMS lists: ten projects (p0…p9) in both languages, partners a (both languages) and b, one logo. */
function cms({
  projects,
  partners,
  files,
}: {
  projects?: Row[];
  partners?: Row[];
  files?: ContentVersions['files'];
} = {}): ContentVersions {
  const types = {
    [PROJECT]: projects ?? Array.from({ length: 10 }, (_, i) => ['it', 'en'].map((locale): Row => [`p${i}`, locale, i, 100])).flat(),
    [PARTNER]: partners ?? [
      ['a', 'it', 1, 100],
      ['a', 'en', 2, 100],
      ['b', 'it', 3, 100],
    ],
  };
  const fileRows = files ?? [['logo', 1, 100]];
  const counts = { types: Object.fromEntries(Object.entries(types).map(([uid, rows]) => [uid, rows.length])), files: fileRows.length };
  return { schema: 'model', listedAt: 1000, counts, types, files: fileRows };
}
/** The CMS's answer with ?since=: only the versions changed at or after `since`, with the counts of all. */
const changedSince = (list: ContentVersions, since: number): ContentVersions => ({
  ...list,
  since,
  types: Object.fromEntries(Object.entries(list.types).map(([uid, rows]) => [uid, rows.filter((row) => row[3] >= since)])),
  files: list.files.filter((row) => row[2] >= since),
});
const changedRow = (rows: Row[], documentId: string, locale: string): Row[] =>
  rows.map((row) => (row[0] === documentId && row[1] === locale ? [documentId, locale, 999, 200] : row));

/** The loader's entries as the previous build stored them: p0 has partner a, p1 shows the logo. */
const stored = ['it', 'en'].flatMap((locale) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: entryId(locale, `p${i}`),
    data: {
      documentId: `p${i}`,
      partnerships: i === 0 ? [{ id: 1, partner: { id: 7, documentId: 'a' } }] : [],
      coverImage: i === 1 ? { documentId: 'logo', url: '/uploads/logo.png' } : null,
    },
  })),
);

/** The loader's plan now, its entries read against `before` (null: a list no longer kept); `state: false`: a first build. */
function plan(
  now: ContentVersions,
  {
    before = cms(),
    state = true,
    fp = 'fp',
    unread = [],
  }: { before?: ContentVersions | null; state?: boolean; fp?: string; unread?: string[] } = {},
) {
  return planDelta({
    previous: state ? { fingerprint: 'fp', snapshot: 'before', unread } : undefined,
    fingerprint: fp,
    before: before ? indexVersions(before) : undefined,
    now: indexVersions(now),
    uid: PROJECT,
    stored,
    relations: RELATIONS,
  });
}
const read = (result: ReturnType<typeof plan>) =>
  result?.requests.flatMap(({ locale, documentIds }) => documentIds.map((id) => entryId(locale, id))).sort();
const asked = (result: ReturnType<typeof plan>) =>
  result?.requests.flatMap(({ locale, references }) => references.map((id) => entryId(locale, id))).sort();

describe('planDelta: what a loader reads again', () => {
  it('reads nothing when nothing changed', () => {
    expect(plan(cms())).toEqual({ remove: [], requests: [] });
  });

  it('reads a republished entry in the language that changed only', () => {
    expect(read(plan(cms({ projects: changedRow(cms().types[PROJECT]!, 'p3', 'en') })))).toEqual(['en/p3']);
  });

  it('reads a new entry and drops an unpublished one', () => {
    const projects = [...cms().types[PROJECT]!.filter((row) => row[0] !== 'p4'), ['p10', 'it', 50, 200] as Row];
    const result = plan(cms({ projects }));
    expect(read(result)).toEqual(['it/p10']);
    expect(result?.remove.sort()).toEqual(['en/p4', 'it/p4']);
  });

  it('asks for the entries that reference a changed partner now, and reads again those that referenced it', () => {
    const result = plan(cms({ partners: changedRow(cms().types[PARTNER]!, 'a', 'it') }));
    expect(asked(result)).toEqual(['it/a']);
    // p0 showed partner a in Italian: the relation may have been taken off from the partner's side,
    // and then the CMS no longer finds p0 by it. English p0 did not change.
    expect(read(result)).toEqual(['it/p0']);
    // One request for both.
    expect(result!.requests).toHaveLength(1);
  });

  it('asks for the entries that reference a partner published again (its relations come back)', () => {
    expect(asked(plan(cms(), { before: cms({ partners: [['b', 'it', 3, 100]] }) }))).toEqual(['en/a', 'it/a']);
  });

  it('reads again an entry listed but not stored last time (unpublished while it was read)', () => {
    expect(read(plan(cms(), { unread: ['it/p5'] }))).toEqual(['it/p5']);
  });

  it('reads the entries that reference a partner no longer published', () => {
    expect(read(plan(cms({ partners: [['b', 'it', 3, 100]] })))).toEqual(['en/p0', 'it/p0']);
  });

  it('reads the entries that show a file replaced in place or deleted', () => {
    expect(read(plan(cms({ files: [['logo', 1, 200]] })))).toEqual(['en/p1', 'it/p1']);
    expect(read(plan(cms({ files: [] })))).toEqual(['en/p1', 'it/p1']);
  });

  it('keeps each read short: a reference costs one id per relation path', () => {
    const partners: Row[] = Array.from({ length: 20 }, (_, i) => [`n${i}`, 'it', 100 + i, 200]);
    const result = plan(cms({ partners: [...cms().types[PARTNER]!, ...partners] }));
    for (const request of result!.requests) {
      expect(request.documentIds.length + request.references.length * RELATIONS.length).toBeLessThanOrEqual(IDS_PER_REQUEST);
    }
    expect(asked(result)).toHaveLength(20);
    expect(result!.requests.length).toBeGreaterThan(1);
  });

  it('reads everything without a previous state or its versions, after a change of fingerprint, or when a full read takes fewer requests', () => {
    expect(plan(cms(), { state: false })).toBeNull();
    expect(plan(cms(), { before: null })).toBeNull();
    expect(plan(cms(), { fp: 'another' })).toBeNull();
    // Ten projects per language fit in one page of a full read each: three filtered reads are more.
    const partners: Row[] = Array.from({ length: Math.ceil((2 * IDS_PER_REQUEST) / RELATIONS.length) + 1 }, (_, i) => [
      `n${i}`,
      'it',
      100 + i,
      200,
    ]);
    expect(FULL_READ_PAGE).toBeGreaterThan(10);
    expect(plan(cms({ partners }))).toBeNull();
  });
});

describe('versionChanges', () => {
  it('lists what is new or changed per type, what is gone, and compares a reference once for every loader', () => {
    const before = indexVersions(cms());
    const now = indexVersions(
      cms({
        partners: [
          ['a', 'it', 9, 300],
          ['a', 'en', 2, 100],
          ['c', 'it', 4, 300],
        ],
        files: [],
      }),
    );
    const changes = versionChanges(before, now);
    expect(changes.changed.get(PARTNER)).toEqual(['it/a', 'it/c']);
    expect(changes.changed.get(PROJECT)).toEqual([]);
    expect([...changes.gone].sort()).toEqual(['files', PARTNER].sort());
    expect([changes.unchanged('en/a'), changes.unchanged('it/a'), changes.unchanged('it/b'), changes.unchanged('file:logo')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(versionChanges(before, now)).toBe(changes);
  });
});

describe('mergeVersions: the versions now from the previous list and what changed since', () => {
  const sorted = (list: ContentVersions) => ({
    ...list,
    types: Object.fromEntries(Object.entries(list.types).map(([uid, rows]) => [uid, [...rows].sort()])),
    files: [...list.files].sort(),
  });

  it('gives the index, the changes and the list the whole answer gives', () => {
    // p2 changed in the margin before `since`, before the previous list: listed again, not a change.
    const projects = cms().types[PROJECT]!.map((row): Row => (row[0] === 'p2' ? [row[0], row[1], row[2], 250] : row));
    const before = cms({ projects });
    const partners: Row[] = [
      ['a', 'it', 9, 300],
      ['a', 'en', 2, 100],
      ['b', 'it', 3, 100],
      ['c', 'it', 4, 300],
    ];
    const now = cms({ partners, projects, files: [['logo', 1, 300]] });
    const beforeIndex = indexVersions(before);
    const merged = mergeVersions(beforeIndex, changedSince(now, 200));
    const expected = indexVersions(now);
    expect(merged?.all).toEqual(expected.all);
    expect(merged?.types).toEqual(expected.types);
    // Told by the short answer alone (mergeVersions remembers them), the same as from the whole list.
    const told = versionChanges(beforeIndex, merged!);
    const whole = versionChanges(indexVersions(before), expected);
    expect(Object.fromEntries(told.changed)).toEqual(Object.fromEntries(whole.changed));
    expect(told.changed.get(PARTNER)).toEqual(['it/a', 'it/c']);
    expect(told.changed.get(PROJECT)).toEqual([]);
    expect([...told.gone]).toEqual([]);
    expect(['it/a', 'it/c', 'en/a', 'file:logo', 'it/p2'].map(told.unchanged)).toEqual([false, false, true, false, true]);
    expect(sorted(mergedList(before, changedSince(now, 200)))).toEqual(sorted(now));
  });

  it('gives nothing when an entry, a file or a type is gone: only the whole list tells which', () => {
    const before = indexVersions(cms());
    const merged = (now: ContentVersions) => mergeVersions(before, changedSince(now, 200));
    const partnerA: Row[] = [
      ['a', 'it', 1, 100],
      ['a', 'en', 2, 100],
    ];
    expect(merged(cms({ partners: partnerA }))).toBeUndefined();
    expect(merged(cms({ files: [] }))).toBeUndefined();
    // Gone and new in the same time: the counts are the same as before, but not of the merged list.
    expect(merged(cms({ partners: [...partnerA, ['c', 'it', 4, 300]] }))).toBeUndefined();
    const withoutPartners = cms();
    delete withoutPartners.types[PARTNER];
    delete withoutPartners.counts.types[PARTNER];
    expect(merged(withoutPartners)).toBeUndefined();
  });
});

describe('relationPaths', () => {
  it('finds the relations a populate rule reads as documentIds, not the media', () => {
    expect(relationPaths(projectPopulate).sort()).toEqual(RELATIONS);
  });
});

describe('fingerprint', () => {
  it('changes with a transform, not with the same code built again', () => {
    const a = { shape: { title: { transform: (value: string) => value.trim() } } };
    const same = { shape: { title: { transform: (value: string) => value.trim() } } };
    const other = { shape: { title: { transform: (value: string) => value.toUpperCase() } } };
    expect(fingerprint('projects', a)).toBe(fingerprint('projects', same));
    expect(fingerprint('projects', a)).not.toBe(fingerprint('projects', other));
  });
});
