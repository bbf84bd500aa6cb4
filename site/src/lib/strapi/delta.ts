import { createHash } from 'node:crypto';
import type { ContentVersions } from 'shared-types';

/**
 * Delta reads: what a collection's loader must read again from the CMS since its previous build.
 *
 * The CMS lists the version (row id and time of change) of every published entry and media file
 * (GET /api/site-build/versions, cms/src/site-build/versions.ts). A loader keeps in its meta the
 * versions of its entries and of everything they can reference, as they were when it read them,
 * and reads again:
 * - its entries whose version changed, and the new ones; it drops those no longer published;
 * - its entries that reference an entry or a file that changed or is gone (relations are read as
 *   documentIds, media files whole): a logo replaced in place, a partner unpublished;
 * - the entries that reference a changed or new entry now, asked of the CMS by relation:
 *   republishing a project brings back the relations of actions that did not change themselves.
 *
 * It reads everything when there is no previous state, when the content model, the populate rules
 * or the schema changed, and when its filtered reads would outnumber the pages of a full read.
 */

/** An entry's id in a collection: the same document in each locale is a separate entry. */
export const entryId = (locale: string, documentId: string) => `${locale}/${documentId}`;
export function splitEntryId(id: string): { locale: string; documentId: string } {
  const slash = id.indexOf('/');
  return { locale: id.slice(0, slash), documentId: id.slice(slash + 1) };
}
const fileKey = (documentId: string) => `file:${documentId}`;

/** What a loader keeps in its meta between builds. */
export interface SyncState {
  fingerprint: string;
  /** Entry id → version ("<row id>:<changed at>") of every stored entry. */
  versions: Record<string, string>;
  /** The versions of what the entries could reference when read: files, and for a type with relations every other type's entries. */
  references: Record<string, string>;
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

const version = (rowId: number, changedAt: number) => `${rowId}:${changedAt}`;

/** The versions of one type's published entries, by entry id. */
export function ownVersions(versions: ContentVersions, uid: string): Map<string, string> {
  return new Map(
    (versions.types[uid] ?? []).map(([documentId, locale, rowId, changedAt]) => [entryId(locale, documentId), version(rowId, changedAt)]),
  );
}

/** The versions of what a type's entries can reference: every file, and with relations every other type's entries. */
export function referenceVersions(versions: ContentVersions, uid: string, hasRelations: boolean): Map<string, string> {
  const references = new Map(versions.files.map(([documentId, rowId, changedAt]) => [fileKey(documentId), version(rowId, changedAt)]));
  if (hasRelations) {
    for (const [type, rows] of Object.entries(versions.types)) {
      if (type === uid) continue;
      for (const [documentId, locale, rowId, changedAt] of rows) references.set(entryId(locale, documentId), version(rowId, changedAt));
    }
  }
  return references;
}

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
 * What to read again, or null for a full read. `stored` are the loader's entries, `own` and
 * `references` the versions the CMS lists now (ownVersions, referenceVersions), `relations` the
 * relation paths the type's populate rule reads (relationPaths).
 */
export function planDelta({
  previous,
  fingerprint: currentFingerprint,
  own,
  references,
  stored,
  relations,
}: {
  previous: SyncState | undefined;
  fingerprint: string;
  own: Map<string, string>;
  references: Map<string, string>;
  stored: Iterable<{ id: string; data: unknown }>;
  relations: string[];
}): DeltaPlan | null {
  if (!previous || previous.fingerprint !== currentFingerprint) return null;
  // The references unchanged since the previous read, compared once: at a thousand projects there
  // are 17,000 of them, and the entries show about 60,000 documentIds between them.
  const unchanged = new Set<string>();
  for (const [key, current] of references) if (previous.references[key] === current) unchanged.add(key);
  const isCurrent = (locale: string, documentId: string) =>
    references.has(fileKey(documentId)) ? unchanged.has(fileKey(documentId)) : unchanged.has(entryId(locale, documentId));

  const remove: string[] = [];
  const refetch = new Map<string, Set<string>>();
  const add = (id: string) => {
    const { locale, documentId } = splitEntryId(id);
    if (!refetch.has(locale)) refetch.set(locale, new Set());
    refetch.get(locale)!.add(documentId);
  };
  for (const [id, current] of own) if (previous.versions[id] !== current) add(id);
  // An entry that references a changed entry is read again by relation (below). The stored
  // entries are walked only when a reference is gone (unpublished or deleted: no relation finds
  // it any more) or a file changed (entries hold their files whole): walking them all cost a
  // tenth of a second at a thousand projects.
  const walk =
    Object.keys(previous.references).some((key) => !references.has(key)) ||
    [...references.keys()].some((key) => key.startsWith('file:') && !unchanged.has(key));
  for (const { id, data } of stored) {
    if (!own.has(id)) remove.push(id);
    else if (walk) {
      const { locale } = splitEntryId(id);
      if (referencesStale(data, (documentId) => isCurrent(locale, documentId))) add(id);
    }
  }
  // Entries changed or new since the previous read, which entries of this type may reference now.
  const changed = new Map<string, string[]>();
  if (relations.length > 0) {
    for (const key of references.keys()) {
      if (key.startsWith('file:') || unchanged.has(key)) continue;
      const { locale, documentId } = splitEntryId(key);
      if (!changed.has(locale)) changed.set(locale, []);
      changed.get(locale)!.push(documentId);
    }
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
  for (const id of own.keys()) perLocale.set(splitEntryId(id).locale, (perLocale.get(splitEntryId(id).locale) ?? 0) + 1);
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
