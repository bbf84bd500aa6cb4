import { readFileSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import { CONTENT_TYPES, LOCALES, type ContentTypeName } from 'shared-types';
import { siteConfig } from '../config.ts';
import { createClient, type CmsClient } from './client.ts';
import { buildFailureLine, ContentContractError } from './errors.ts';

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

/** Entry id in a collection: the same document in each locale is a separate entry. */
export const entryId = (locale: string, documentId: string) => `${locale}/${documentId}`;

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

/**
 * Astro content-layer loader for one public Strapi type: reads every published entry in every
 * locale (paged, populate rules from shared-types), validates each, stores it with a digest so
 * unchanged entries are not re-rendered, and drops entries that are gone from the CMS.
 */
export function strapiLoader(type: ContentTypeName, client: () => CmsClient = cmsClient): Loader {
  const { path, populate, single, schema } = CONTENT_TYPES[type];
  return {
    name: `strapi-${type}`,
    schema,
    async load({ store, logger, generateDigest }) {
      // Benchmark floor only (pnpm bench): entries from a JSON dump, no HTTP and no schema parse.
      const fixtureFile = process.env.SITE_FIXTURE_FILE;
      if (fixtureFile) {
        const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Partial<
          Record<ContentTypeName, Record<string, Array<{ documentId: string } & Record<string, unknown>>>>
        >;
        store.clear();
        for (const locale of LOCALES) {
          for (const data of fixture[type]?.[locale] ?? [])
            store.set({ id: entryId(locale, data.documentId), data, digest: generateDigest(data) });
        }
        logger.info(`${store.keys().length} ${type} entries from SITE_FIXTURE_FILE (no fetch, no validation)`);
        return;
      }
      const seen = new Set<string>();
      for (const locale of LOCALES) {
        const raws = single
          ? [await client().getSingle(path, locale, populate)].filter((raw) => raw !== null)
          : await client().listAll(path, locale, populate);
        for (const raw of raws) {
          const data = parseEntry(type, raw, locale) as { documentId: string } & Record<string, unknown>;
          const id = entryId(locale, data.documentId);
          seen.add(id);
          store.set({ id, data, digest: generateDigest(data) });
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${seen.size} published ${type} entries (${LOCALES.join(', ')})`);
    },
  };
}
