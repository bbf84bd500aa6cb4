import { ContentVersionsSchema, ListEnvelopeSchema, SingleEnvelopeSchema, toQueryString, type ContentVersions } from 'shared-types';
import { CmsUnavailableError } from './errors.ts';

export interface ClientOptions {
  baseUrl: string;
  token: string;
  /** Attempts per request before giving up (network errors, 5xx, 429). */
  attempts?: number;
  /** First backoff delay in ms; doubles on each retry. */
  backoffMs?: number;
  /** Draft preview only: sent as x-preview-secret so the CMS allows status=draft. */
  previewSecret?: string | null;
  fetch?: typeof fetch;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A tiny read-only REST client: bearer token, retries with exponential backoff, clear failures. */
export function createClient({
  baseUrl,
  token,
  attempts = 5,
  backoffMs = 500,
  previewSecret = null,
  fetch: fetchImpl = fetch,
}: ClientOptions) {
  let requests = 0;

  async function getJson(path: string): Promise<unknown> {
    const url = `${baseUrl}/api/${path}`;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      requests++;
      try {
        const headers: Record<string, string> = {};
        if (token) headers.Authorization = `Bearer ${token}`;
        if (previewSecret) headers['x-preview-secret'] = previewSecret;
        const response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(30_000) });
        if (response.ok) return await response.json();
        const body = await response.text();
        lastProblem = `HTTP ${response.status} ${body.slice(0, 300)}`;
        // 4xx other than 429 will not get better by asking again.
        if (response.status < 500 && response.status !== 429) {
          throw new CmsUnavailableError(
            `The CMS refused ${url}: ${lastProblem}` +
              (response.status === 401 || response.status === 403 ? '\nCheck STRAPI_TOKEN in site/.env (the site-build API token).' : ''),
          );
        }
      } catch (error) {
        if (error instanceof CmsUnavailableError) throw error;
        const cause = (error as Error).cause as { code?: string } | undefined;
        lastProblem = `${(error as Error).message}${cause ? ` (${String(cause.code ?? cause)})` : ''}`;
      }
      if (attempt < attempts) await sleep(backoffMs * 2 ** (attempt - 1));
    }
    throw new CmsUnavailableError(
      `The CMS at ${baseUrl} did not answer ${url} after ${attempts} attempts: ${lastProblem}\n` +
        'Is it running (npm start) and is STRAPI_URL right? The build stops here rather than publish an empty site.',
    );
  }

  return {
    get requestCount() {
      return requests;
    },

    /** Every entry of a collection in a locale, page by page (100 per request, Strapi's maximum). */
    async listAll(path: string, locale: string, populate: object, extra: Record<string, unknown> = {}): Promise<unknown[]> {
      const entries: unknown[] = [];
      for (let page = 1; ; page++) {
        const status = previewSecret ? { status: 'draft' } : {};
        const query = toQueryString({ locale, populate, sort: 'id:asc', pagination: { page, pageSize: 100 }, ...status, ...extra });
        const envelope = ListEnvelopeSchema.parse(await getJson(`${path}?${query}`));
        entries.push(...envelope.data);
        if (page >= envelope.meta.pagination.pageCount) return entries;
      }
    },

    /**
     * The version of every published entry and media file, or with `since` (ms) only those changed
     * since then and the counts of all; null from a CMS without the route (site/src/lib/strapi/delta.ts).
     */
    async getVersions(since?: number): Promise<ContentVersions | null> {
      try {
        const query = since === undefined ? '' : `?since=${Math.max(0, Math.floor(since))}`;
        return ContentVersionsSchema.parse(SingleEnvelopeSchema.parse(await getJson(`site-build/versions${query}`)).data);
      } catch (error) {
        if (error instanceof CmsUnavailableError && error.message.includes('HTTP 404')) return null;
        throw error;
      }
    },

    /** A single type in a locale; null when it has no published entry. */
    async getSingle(path: string, locale: string, populate: object): Promise<unknown | null> {
      try {
        const status = previewSecret ? { status: 'draft' } : {};
        return SingleEnvelopeSchema.parse(await getJson(`${path}?${toQueryString({ locale, populate, ...status })}`)).data;
      } catch (error) {
        if (error instanceof CmsUnavailableError && error.message.includes('HTTP 404')) return null;
        throw error;
      }
    },
  };
}

export type CmsClient = ReturnType<typeof createClient>;
