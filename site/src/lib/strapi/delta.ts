import { createHash } from 'node:crypto';
import type { ContentVersions } from 'shared-types';

/**
 * Delta reads: what a collection's loader must read again from the CMS since its previous build.
 *
 * The CMS lists the version (row id and time of change) of every published entry and media file
 * (GET /api/site-build/versions, cms/src/site-build/versions.ts). A build keeps that list once,
 * for every loader (snapshots.ts); a loader keeps in its meta which list its entries were read
 * against, and reads again:
 * - its entries whose version changed, and the new ones; it drops those no longer published;
 * - its entries that reference an entry or a file that changed or is gone (relations are read as
 *   documentIds, media files whole): a logo replaced in place, a partner unpublished;
 * - the entries that reference a changed or new entry now, asked of the CMS by relation:
 *   republishing a project brings back the relations of actions that did not change themselves;
 *   and those that referenced it before: an action taken off a project in the project's form
 *   changes neither the action's version nor what references the project now.
 *
 * It reads everything when there is no previous state or list, when the content model, the
 * populate rules or the schema changed, and when its filtered reads would outnumber the pages of
 * a full read.
 */

/** An entry's id in a collection: the same document in each locale is a separate entry. */
export const entryId = (locale: string, documentId: string) => `${locale}/${documentId}`;
export function splitEntryId(id: string): { locale: string; documentId: string } {
  const slash = id.indexOf('/');
  return { locale: id.slice(0, slash), documentId: id.slice(slash + 1) };
}
const fileKey = (documentId: string) => `file:${documentId}`;
/** The media files, beside the types, in a VersionIndex. */
const FILES = 'files';

/** What a loader keeps in its meta between builds. */
export interface SyncState {
  fingerprint: string;
  /** The digest of the versions its entries were read against (snapshots.ts keeps them by it). */
  snapshot: string;
  /** Entries listed then but not stored (unpublished while they were read): read again next time. */
  unread: string[];
}

/** The versions of one answer of the CMS, indexed once per build for every loader. */
export interface VersionIndex {
  /** Per type uid, and FILES: entry id (or file key) → version ("<row id>:<changed at>"). */
  types: Map<string, Map<string, string>>;
  /** The same, of every type and file together. */
  all: Map<string, string>;
}

const version = (rowId: number, changedAt: number) => `${rowId}:${changedAt}`;
/** A type's listed version as [entry id, version]. */
const typeVersion = ([documentId, locale, rowId, changedAt]: ContentVersions['types'][string][number]): [string, string] => [
  entryId(locale, documentId),
  version(rowId, changedAt),
];
/** A media file's listed version as [file key, version]. */
const fileVersion = ([documentId, rowId, changedAt]: ContentVersions['files'][number]): [string, string] => [
  fileKey(documentId),
  version(rowId, changedAt),
];

export function indexVersions(versions: ContentVersions): VersionIndex {
  const types = new Map<string, Map<string, string>>();
  for (const [uid, rows] of Object.entries(versions.types)) types.set(uid, new Map(rows.map(typeVersion)));
  types.set(FILES, new Map(versions.files.map(fileVersion)));
  const all = new Map<string, string>();
  for (const entries of types.values()) for (const [key, value] of entries) all.set(key, value);
  return { types, all };
}

/**
 * The versions now, from the previous build's and the CMS's list of those changed since
 * (`changed.since`), or undefined when its counts say an entry or a file is gone: only the whole
 * list tells which. What changed is then known from that short list alone (versionChanges).
 */
export function mergeVersions(before: VersionIndex, changed: ContentVersions): VersionIndex | undefined {
  const types = new Map<string, Map<string, string>>();
  const all = new Map(before.all);
  const changedKeys = new Map<string, string[]>();
  const apply = (uid: string, rows: Array<[string, string]>, count: number) => {
    const entries = new Map(before.types.get(uid));
    const keys: string[] = [];
    for (const [key, value] of rows) {
      if (entries.get(key) !== value) keys.push(key);
      entries.set(key, value);
      all.set(key, value);
    }
    types.set(uid, entries);
    changedKeys.set(uid, keys);
    return entries.size === count;
  };
  for (const [uid, count] of Object.entries(changed.counts.types)) {
    if (!apply(uid, (changed.types[uid] ?? []).map(typeVersion), count)) return undefined;
  }
  if (!apply(FILES, changed.files.map(fileVersion), changed.counts.files)) return undefined;
  // A type listed before and not now is gone with its entries.
  if ([...before.types.keys()].some((uid) => !types.has(uid))) return undefined;
  const now = { types, all };
  const unchanged = (key: string) => now.all.has(key) && before.all.get(key) === now.all.get(key);
  remember(before, now, { changed: changedKeys, gone: new Set(), unchanged });
  return now;
}

/** The whole list now, to keep for the next build: the previous build's with the changes of mergeVersions. */
export function mergedList(before: ContentVersions, changed: ContentVersions): ContentVersions {
  const merge = <R extends [string, ...unknown[]]>(rows: R[], newer: R[], key: (row: R) => string) => {
    const byKey = new Map(rows.map((row) => [key(row), row]));
    for (const row of newer) byKey.set(key(row), row);
    return [...byKey.values()];
  };
  const { since: _since, ...list } = changed;
  return {
    ...list,
    types: Object.fromEntries(
      Object.keys(changed.counts.types).map((uid) => [
        uid,
        merge(before.types[uid] ?? [], changed.types[uid] ?? [], (row) => typeVersion(row)[0]),
      ]),
    ),
    files: merge(before.files, changed.files, (row) => fileVersion(row)[0]),
  };
}

/** What changed between the versions of the previous build and these: worked out once per build. */
export interface VersionChanges {
  /** Per type uid (and FILES): entries (or file keys) new or of another version. */
  changed: Map<string, string[]>;
  /** The type uids (and FILES) with an entry gone: unpublished or deleted. */
  gone: Set<string>;
  /** Whether an entry or a file (its key) is listed now with the version it had. */
  unchanged(key: string): boolean;
}

const changesMemo = new WeakMap<VersionIndex, WeakMap<VersionIndex, VersionChanges>>();
function remember(before: VersionIndex, now: VersionIndex, changes: VersionChanges): void {
  let byNow = changesMemo.get(before);
  if (!byNow) changesMemo.set(before, (byNow = new WeakMap()));
  byNow.set(now, changes);
}
export function versionChanges(before: VersionIndex, now: VersionIndex): VersionChanges {
  let changes = changesMemo.get(before)?.get(now);
  if (changes) return changes;
  const changed = new Map<string, string[]>();
  const gone = new Set<string>();
  for (const [uid, entries] of now.types) {
    const previous = before.types.get(uid);
    changed.set(
      uid,
      [...entries].filter(([key, version]) => previous?.get(key) !== version).map(([key]) => key),
    );
  }
  for (const [uid, entries] of before.types) {
    const current = now.types.get(uid);
    for (const key of entries.keys()) {
      if (!current?.has(key)) {
        gone.add(uid);
        break;
      }
    }
  }
  changes = { changed, gone, unchanged: (key) => now.all.has(key) && before.all.get(key) === now.all.get(key) };
  remember(before, now, changes);
  return changes;
}

/** One filtered read: these documentIds, and the entries whose relations point at these references. */
export interface DeltaRequest {
  locale: string;
  documentIds: string[];
  references: string[];
}

export interface DeltaPlan {
  /** Stored entries no longer published. */
  remove: string[];
  /** The reads, each with a URL short enough for the CMS (Node refuses request heads over 16 KB). */
  requests: DeltaRequest[];
}

/** Ids in the filters of one read (a documentId, or a reference once per relation path): about 80 bytes of URL each. */
export const IDS_PER_REQUEST = 40;
/** Entries in a page of a full read (Strapi's maximum page size, cms/config/api.ts). */
export const FULL_READ_PAGE = 100;

/** A digest of what shapes a stored entry besides the CMS's answer: change any of it, read everything. */
export function fingerprint(...parts: unknown[]): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(parts, (_key, value: unknown) => {
    // Zod schemas carry their transforms and refinements as functions: their source is their identity.
    if (typeof value === 'function') return `fn:${value.toString()}`;
    if (value && typeof value === 'object') {
      if (seen.has(value)) return '[seen]';
      seen.add(value);
    }
    return value;
  });
  return createHash('sha256').update(json).digest('hex');
}

/** The documentIds an entry's relations point at, by relation path (["partnerships", "partner"]). */
function relatedDocumentIds(data: unknown, paths: string[][]): string[] {
  const ids: string[] = [];
  const visit = (value: unknown, path: string[], at: number) => {
    if (Array.isArray(value)) for (const item of value) visit(item, path, at);
    else if (value && typeof value === 'object') {
      if (at === path.length) {
        const { documentId } = value as { documentId?: unknown };
        if (typeof documentId === 'string') ids.push(documentId);
      } else visit((value as Record<string, unknown>)[path[at]!], path, at + 1);
    }
  };
  for (const path of paths) visit(data, path, 0);
  return ids;
}

/** Whether an entry's data references, below its own top level, a documentId that is not current. */
function referencesStale(data: unknown, isCurrent: (documentId: string) => boolean, depth = 0): boolean {
  if (Array.isArray(data)) return data.some((item) => referencesStale(item, isCurrent, depth + 1));
  if (!data || typeof data !== 'object') return false;
  for (const key in data) {
    const value = (data as Record<string, unknown>)[key];
    if (key === 'documentId' && depth > 0 && typeof value === 'string') {
      if (!isCurrent(value)) return true;
    } else if (value && typeof value === 'object' && referencesStale(value, isCurrent, depth + 1)) return true;
  }
  return false;
}

/**
 * What a loader of type `uid` reads again, or null for a full read. `previous` is its state,
 * `before` the versions it names (snapshots.ts; undefined when they are no longer kept), `now`
 * the versions the CMS lists now, `stored` its entries and `relations` the relation paths its
 * populate rule reads (relationPaths).
 */
export function planDelta({
  previous,
  fingerprint: currentFingerprint,
  before,
  now,
  uid,
  stored,
  relations,
}: {
  previous: SyncState | undefined;
  fingerprint: string;
  before: VersionIndex | undefined;
  now: VersionIndex;
  uid: string;
  stored: Iterable<{ id: string; data: unknown }>;
  relations: string[];
}): DeltaPlan | null {
  if (!previous || !before || previous.fingerprint !== currentFingerprint) return null;
  const own = now.types.get(uid) ?? new Map<string, string>();
  // What changed in every type is worked out once for all the loaders: at a thousand projects the
  // CMS lists 17,000 versions, and the entries show about 60,000 documentIds between them.
  const changes = versionChanges(before, now);
  const isCurrent = (locale: string, documentId: string) =>
    now.all.has(fileKey(documentId)) ? changes.unchanged(fileKey(documentId)) : changes.unchanged(entryId(locale, documentId));

  const remove: string[] = [];
  const refetch = new Map<string, Set<string>>();
  const add = (id: string) => {
    const { locale, documentId } = splitEntryId(id);
    if (!refetch.has(locale)) refetch.set(locale, new Set());
    refetch.get(locale)!.add(documentId);
  };
  for (const id of changes.changed.get(uid) ?? []) add(id);
  for (const id of previous.unread) if (own.has(id)) add(id);
  // What the entries of this type can reference: files, and with relations the other types.
  const referenced = new Set(
    [...now.types.keys(), ...changes.gone].filter((type) => type === FILES || (relations.length > 0 && type !== uid)),
  );
  // Entries changed or new since the previous read, which entries of this type may reference now.
  const changed = new Map<string, string[]>();
  const changedIds = new Set<string>();
  for (const type of referenced) {
    if (type === FILES) continue;
    for (const key of changes.changed.get(type) ?? []) {
      const { locale, documentId } = splitEntryId(key);
      if (!changed.has(locale)) changed.set(locale, []);
      changed.get(locale)!.push(documentId);
      changedIds.add(key);
    }
  }
  // An entry that references a changed entry now is read again by relation (below). One that
  // referenced it before is read again too: a relation edited from the other side (an action taken
  // off a project in the project's form) changes the entry's relations, not its version, and the
  // CMS no longer finds it by that relation; its relation paths are enough to tell. Whole entries
  // are walked only when a reference is gone (unpublished or deleted: no relation finds it any
  // more) or a file changed (entries hold their files whole): walking them all cost a tenth of a
  // second at a thousand projects.
  const walk = [...referenced].some((type) => changes.gone.has(type)) || (changes.changed.get(FILES) ?? []).length > 0;
  const paths = relations.map((relation) => relation.split('.'));
  for (const { id, data } of stored) {
    if (!own.has(id)) {
      remove.push(id);
      continue;
    }
    if (!walk && changedIds.size === 0) continue;
    const { locale } = splitEntryId(id);
    const stale = walk
      ? referencesStale(data, (documentId) => isCurrent(locale, documentId))
      : relatedDocumentIds(data, paths).some((documentId) => changedIds.has(entryId(locale, documentId)));
    if (stale) add(id);
  }

  const requests: DeltaRequest[] = [];
  for (const locale of new Set([...refetch.keys(), ...changed.keys()])) {
    let request: DeltaRequest = { locale, documentIds: [], references: [] };
    let weight = 0;
    const put = (list: 'documentIds' | 'references', documentId: string, cost: number) => {
      if (weight + cost > IDS_PER_REQUEST && weight > 0) {
        requests.push(request);
        request = { locale, documentIds: [], references: [] };
        weight = 0;
      }
      request[list].push(documentId);
      weight += cost;
    };
    for (const documentId of refetch.get(locale) ?? []) put('documentIds', documentId, 1);
    for (const documentId of changed.get(locale) ?? []) put('references', documentId, relations.length);
    if (weight > 0) requests.push(request);
  }
  // Many small filtered reads cost more than the pages of a full read: then read everything.
  const perLocale = new Map<string, number>();
  for (const id of own.keys()) {
    const { locale } = splitEntryId(id);
    perLocale.set(locale, (perLocale.get(locale) ?? 0) + 1);
  }
  const fullReadRequests = [...perLocale.values()].reduce((sum, count) => sum + Math.ceil(count / FULL_READ_PAGE), 0);
  if (requests.length > Math.max(fullReadRequests, 1)) return null;
  return { remove, requests };
}

/** The relation paths of a populate rule (relations are read as documentIds only): "partnerships.partner". */
export function relationPaths(populate: object, prefix = ''): string[] {
  return Object.entries(populate).flatMap(([key, rule]) => {
    if (!rule || typeof rule !== 'object') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const { fields, populate: nested } = rule as { fields?: readonly string[]; populate?: object };
    if (fields?.includes('documentId')) return [path];
    return nested ? relationPaths(nested, path) : [];
  });
}
