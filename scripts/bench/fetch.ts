import { strapi } from '@strapi/client';
import { CONTENT_TYPES, LOCALES, type ContentTypeName } from 'shared-types';
import { importSiteClient } from './site-client.ts';

/** Raw published entries as the CMS returned them, by content type and locale: the floor's fixture. */
export type Fixture = Record<ContentTypeName, Record<string, unknown[]>>;

export interface FetchResult {
  durationMs: number;
  requests: number;
  entries: number;
}

/**
 * Reads all published content the way the site's loader does: the site's own client, the
 * populate rules of shared-types, every type in both locales, one after the other.
 */
export async function fetchLikeTheSite(cmsUrl: string, token: string): Promise<FetchResult & { fixture: Fixture }> {
  const client = (await importSiteClient())({ baseUrl: cmsUrl, token, attempts: 1 });
  const fixture = {} as Fixture;
  let entries = 0;
  const started = performance.now();
  for (const [type, { path, populate, single }] of Object.entries(CONTENT_TYPES) as Array<
    [ContentTypeName, (typeof CONTENT_TYPES)[ContentTypeName]]
  >) {
    fixture[type] = {};
    for (const locale of LOCALES) {
      const raws = single
        ? [await client.getSingle(path, locale, populate)].filter((raw) => raw !== null)
        : await client.listAll(path, locale, populate);
      fixture[type][locale] = raws;
      entries += raws.length;
    }
  }
  return { durationMs: performance.now() - started, requests: client.requestCount, entries, fixture };
}

/** Counts the requests made through globalThis.fetch while `run` runs (the official client uses it). */
async function countingFetch<T>(run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const original = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = (input, init) => {
    requests++;
    return original(input, init);
  };
  try {
    return { value: await run(), requests };
  } finally {
    globalThis.fetch = original;
  }
}

interface Page {
  data: Array<{ documentId: string }>;
  meta: { pagination: { pageCount: number } };
}

/**
 * The peer: what a developer does with the official @strapi/client without our loader. Every
 * collection in every locale with `populate=*` at the default page size, following pageCount;
 * `populate=*` stops one level down, so the partners inside each project's partnership
 * components need one more request per project and locale (populate[partnerships][populate]=*).
 */
export async function fetchNaively(cmsUrl: string, token: string): Promise<FetchResult> {
  const client = strapi({ baseURL: `${cmsUrl}/api`, auth: token });
  const started = performance.now();
  const { value: entries, requests } = await countingFetch(async () => {
    let count = 0;
    for (const { path, single } of Object.values(CONTENT_TYPES)) {
      for (const locale of LOCALES) {
        if (single) {
          await client.single(path).find({ locale, populate: '*' });
          count++;
          continue;
        }
        for (let page = 1; ; page++) {
          const result = (await client.collection(path).find({ locale, populate: '*', pagination: { page } })) as unknown as Page;
          count += result.data.length;
          if (path === 'projects') {
            for (const { documentId } of result.data) {
              await client.collection(path).findOne(documentId, { locale, populate: { partnerships: { populate: '*' } } });
            }
          }
          if (page >= result.meta.pagination.pageCount) break;
        }
      }
    }
    return count;
  });
  return { durationMs: performance.now() - started, requests, entries };
}
