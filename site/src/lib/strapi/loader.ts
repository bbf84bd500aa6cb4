import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { CONTENT_TYPES, LOCALES, type ContentTypeName, type ContentVersions } from 'shared-types';
import { afterPages, whileAtGate } from '../build-phases.ts';
import { timed } from '../build-timing.ts';
import { siteConfig } from '../config.ts';
import { createClient, type CmsClient } from './client.ts';
import {
  entryId,
  fingerprint,
  indexVersions,
  mergedList,
  mergeVersions,
  planDelta,
  relationPaths,
  type SyncState,
  type VersionIndex,
} from './delta.ts';
import { buildFailureLine, ContentContractError } from './errors.ts';
import { loadSnapshot, newestSnapshotName, newSnapshotName, saveSnapshot } from './snapshots.ts';

let sharedClient: CmsClient | undefined;
/** One client for the whole build, so request counts and settings are shared. */
export function cmsClient(): CmsClient {
  const { cmsUrl, cmsToken, cmsAttempts, cmsBackoffMs, previewSecret } = siteConfig();
  return (sharedClient ??= createClient({
    baseUrl: cmsUrl,
    token: cmsToken,
    attempts: cmsAttempts,
    backoffMs: cmsBackoffMs,
    previewSecret,
  }));
}

/** A draft rendered in preview looks as it will once published: its publish date is "now". */
function asIfPublished(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const entry = raw as Record<string, unknown>;
  return entry.publishedAt ? entry : { ...entry, publishedAt: entry.updatedAt };
}

/**
 * Parses one raw entry with the shared schema; throws a ContentContractError naming the content
 * type, documentId, locale, field path and reason when it does not fit.
 */
export function parseEntry<T extends ContentTypeName>(type: T, raw: unknown, locale: string) {
  const { schema, uid } = CONTENT_TYPES[type];
  const result = schema.safeParse(siteConfig().previewSecret ? asIfPublished(raw) : raw);
  if (result.success) return result.data;
  const documentId = (raw as { documentId?: unknown } | null)?.documentId;
  const error = new ContentContractError(
    uid,
    typeof documentId === 'string' ? documentId : '(none)',
    locale,
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), reason: issue.message })),
  );
  // One machine-readable line beside Astro's report of the error: the publisher reads it, so the
  // admin can name the entry and the field (publisher/src/publisher.ts, lastBuild.failure).
  console.error(buildFailureLine(error));
  throw error;
}

interface BuildVersions {
  /** The content model's digest the CMS gives: part of each loader's fingerprint. */
  schema: string;
  index: VersionIndex;
  /** The name under which the list is kept for the next build (snapshots.ts). */
  snapshot: string;
}

/**
 * How far before the previous list's time the CMS is asked for what changed since: a write that
 * took that long to commit is still seen. The answer is then the few versions changed in that
 * time; those that did not change are told apart by their version.
 */
const SINCE_MARGIN_MS = 5 * 60_000;

let sharedVersions: Promise<BuildVersions | null> | undefined;
/**
 * The versions now, asked once per build for every collection's loader (they run together). With
 * the list the previous build kept, only what changed since (about 60 ms at a thousand projects
 * instead of 0.2 s for the whole list, its parse and its index); the whole list when none is
 * kept or an entry is gone. Kept for the next build once the pages are written.
 */
function buildVersions(client: CmsClient, cacheDir: string, previousSnapshot: string | undefined): Promise<BuildVersions | null> {
  return (sharedVersions ??= timed('CMS versions', async () => {
    const before = previousSnapshot === undefined ? undefined : keptVersions(cacheDir, previousSnapshot);
    if (before) {
      const changed = await client.getVersions(before.versions.listedAt - SINCE_MARGIN_MS);
      if (!changed) return null;
      const index = mergeVersions(before.index, changed);
      const listed = Object.values(changed.types).reduce((sum, rows) => sum + rows.length, changed.files.length);
      if (index) {
        console.log(`[versions] ${listed} listed as changed since the previous build's list`);
        return keep(cacheDir, changed, index, () => mergedList(before.versions, changed));
      }
      console.log(`[versions] an entry or a file is gone since the previous build's list: the whole list is read`);
    } else {
      const why =
        previousSnapshot === undefined
          ? 'no previous list is named (a first or a full read)'
          : "the previous build's list is no longer kept";
      console.log(`[versions] the whole list is read: ${why}`);
    }
    const versions = await client.getVersions();
    return versions && keep(cacheDir, versions, indexVersions(versions), () => versions);
  }));
}

function keep(cacheDir: string, answer: ContentVersions, index: VersionIndex, list: () => ContentVersions): BuildVersions {
  const snapshot = newSnapshotName(answer);
  afterPages(() => saveSnapshot(cacheDir, snapshot, list()));
  return { schema: answer.schema, index, snapshot };
}

const kept = new Map<string, { versions: ContentVersions; index: VersionIndex } | undefined>();
/** The versions a previous build kept, indexed once however many loaders name them. */
function keptVersions(cacheDir: string, snapshot: string): { versions: ContentVersions; index: VersionIndex } | undefined {
  const key = `${cacheDir}\n${snapshot}`;
  if (!kept.has(key)) {
    const versions = loadSnapshot(cacheDir, snapshot);
    kept.set(key, versions && { versions, index: indexVersions(versions) });
  }
  return kept.get(key);
}

// While a build started ahead of time waits for the next edit: the list the last build kept, which
// its loaders' states most likely name, read and indexed (about 50 ms at a thousand projects).
whileAtGate(() => {
  const { cacheDir } = siteConfig();
  const newest = newestSnapshotName(cacheDir);
  if (newest) keptVersions(cacheDir, newest);
});

const STATE_KEY = 'delta-state';

/**
 * Astro content-layer loader for one public Strapi type: reads every published entry in every
 * locale (paged, populate rules from shared-types), validates each, stores it with a digest so
 * unchanged entries are not re-rendered, and drops entries that are gone from the CMS.
 *
 * After a first full read it reads only what changed (delta.ts), from the versions the CMS lists:
 * in a build (not `astro dev`, whose loaders run again in one process) of published content.
 */
export function strapiLoader(type: ContentTypeName, client: () => CmsClient = cmsClient): Loader {
  const { uid, path, populate, single, schema } = CONTENT_TYPES[type];
  const relations = relationPaths(populate);
  const loader: Loader = {
    name: `strapi-${type}`,
    schema,
    async load({ store, meta, logger, generateDigest, watcher, config }) {
      // Benchmark floor only (pnpm bench): entries from a JSON dump, no HTTP and no schema parse.
      const fixtureFile = process.env.SITE_FIXTURE_FILE;
      if (fixtureFile) {
        const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Partial<
          Record<ContentTypeName, Record<string, Array<{ documentId: string } & Record<string, unknown>>>>
        >;
        store.clear();
        meta.delete(STATE_KEY);
        for (const locale of LOCALES) {
          for (const data of fixture[type]?.[locale] ?? [])
            store.set({ id: entryId(locale, data.documentId), data, digest: generateDigest(data) });
        }
        logger.info(`${store.keys().length} ${type} entries from SITE_FIXTURE_FILE (no fetch, no validation)`);
        return;
      }
      const keep = (locale: string, raw: unknown) => {
        const data = parseEntry(type, raw, locale) as { documentId: string } & Record<string, unknown>;
        const id = entryId(locale, data.documentId);
        store.set({ id, data, digest: generateDigest(data) });
        return id;
      };

      // SITE_FULL_READ=1 (the publisher's manual, daily and startup builds): read everything, keep the state.
      const previousText = process.env.SITE_FULL_READ === '1' ? undefined : meta.get(STATE_KEY);
      const previous = previousText ? (JSON.parse(previousText) as Partial<SyncState>) : undefined;
      const cacheDir = resolve(fileURLToPath(config.cacheDir));
      const current = single || siteConfig().previewSecret || watcher ? null : await buildVersions(client(), cacheDir, previous?.snapshot);
      const currentFingerprint = current ? fingerprint(type, populate, schema, current.schema) : '';
      // Any change of the store or its meta, even deleting a key that is not there, makes Astro
      // write the whole store again (1.5–2.5 s at 1,000 projects): this loader writes the state
      // only when it changed and deletes only what is present.
      const saveState = (ids: Iterable<string>) => {
        if (!current) {
          if (meta.has(STATE_KEY)) meta.delete(STATE_KEY);
          return;
        }
        const stored = new Set(ids);
        // Listed but not stored: unpublished after the versions were taken. (Stored but not
        // listed: published after. It has no version in the list, so it is read again next time.)
        const unread = [...(current.index.types.get(uid)?.keys() ?? [])].filter((id) => !stored.has(id));
        const state: SyncState = { fingerprint: currentFingerprint, snapshot: current.snapshot, unread };
        const text = JSON.stringify(state);
        if (meta.get(STATE_KEY) !== text) meta.set(STATE_KEY, text);
      };

      // A state without a snapshot is of an earlier version of this loader: read everything.
      const plan =
        current && previous?.snapshot
          ? planDelta({
              previous: previous as SyncState,
              fingerprint: currentFingerprint,
              before: keptVersions(cacheDir, previous.snapshot)?.index,
              now: current.index,
              uid,
              stored: store.entries().map(([id, entry]) => ({ id, data: entry.data })),
              relations,
            })
          : null;

      if (plan) {
        for (const id of plan.remove) store.delete(id);
        const returned = new Set<string>();
        // Side by side: each is a round trip to the CMS, and a publish waits for the slowest loader.
        const answers = await Promise.all(
          plan.requests.map(({ locale, documentIds, references }) => {
            const filters = {
              $or: [
                ...(documentIds.length > 0 ? [{ documentId: { $in: documentIds } }] : []),
                ...(references.length > 0 ? relations.map((relation) => nested(relation, { documentId: { $in: references } })) : []),
              ],
            };
            return client().listAll(path, locale, populate, { filters });
          }),
        );
        for (const [i, raws] of answers.entries()) for (const raw of raws) returned.add(keep(plan.requests[i]!.locale, raw));
        // Listed as published but not returned: unpublished since the versions were taken.
        for (const { locale, documentIds } of plan.requests) {
          for (const documentId of documentIds) {
            const id = entryId(locale, documentId);
            if (!returned.has(id) && store.has(id)) store.delete(id);
          }
        }
        saveState(store.keys());
        logger.info(
          `${store.keys().length} published ${type} entries: ${returned.size} read again in ${plan.requests.length} requests, ${plan.remove.length} removed`,
        );
        return;
      }

      const seen = new Set<string>();
      const answers = await Promise.all(
        LOCALES.map(async (locale) =>
          single
            ? [await client().getSingle(path, locale, populate)].filter((raw) => raw !== null)
            : await client().listAll(path, locale, populate),
        ),
      );
      // Stored in the order of LOCALES, as before: the store keeps insertion order.
      for (const [i, raws] of answers.entries()) for (const raw of raws) seen.add(keep(LOCALES[i]!, raw));
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      saveState(seen);
      logger.info(`${seen.size} published ${type} entries (${LOCALES.join(', ')})`);
    },
  };
  // Timed for the build report (build-timing.ts): the loaders sync together, each from its start to its end.
  return { ...loader, load: (context) => timed(`sync ${type}`, () => loader.load(context)) };
}

/** { a: { b: value } } from "a.b": a REST filter on a relation path. */
function nested(dottedPath: string, value: unknown): Record<string, unknown> {
  return dottedPath.split('.').reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>);
}
