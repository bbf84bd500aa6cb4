import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { BUILD_TOKEN_NAME } from '../bootstrap/access';
import { PUBLIC_CONTENT_TYPES } from '../bootstrap/public-types';

type Strapi = Core.Strapi;
type Uid = Parameters<Strapi['contentType']>[0];
type Context = { get(header: string): string; query: Record<string, unknown>; status: number; body: unknown };

/**
 * What GET /api/site-build/versions answers (shared-types/src/versions.ts parses it on the site's
 * side). A version's row id and time change whenever its REST answer can, except through its
 * relations, which the site build follows itself (site/src/lib/strapi/delta.ts): publishing writes
 * a new row, and every write sets updatedAt.
 */
export interface ContentVersions {
  /** Changes when the content model does: the site then reads everything again. */
  schema: string;
  /** The CMS's clock when it read them (ms): the next build asks for what changed since. */
  listedAt: number;
  /** Set when the answer lists only the versions changed at or after this time (ms), not all. */
  since?: number;
  /** How many versions there are in all, per type and of files: with `since`, they tell an entry unpublished or deleted. */
  counts: { types: Record<string, number>; files: number };
  /** Per public type: every published version as [documentId, locale, row id, changed at (ms)]. */
  types: Record<string, Array<[string, string, number, number]>>;
  /** Every media file as [documentId, row id, changed at (ms)]: a file replaced in place keeps its documentId. */
  files: Array<[string, number, number]>;
}

const ms = (value: unknown) => (value == null ? 0 : new Date(value as string | number | Date).getTime());

/**
 * The rows of one table, its columns named by attribute. Read straight from the table: through
 * the query engine, which makes an entity of each row, the 17,000 published versions at a
 * thousand projects took most of this answer's time, and the site build waits for it.
 */
async function versionRows<A extends string>(strapi: Strapi, uid: string, attributes: readonly A[], publishedOnly = false) {
  const { tableName, attributes: declared } = strapi.db.metadata.get(uid);
  const column = (attribute: string) => (declared[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const query = strapi.db
    .getConnection(tableName)
    .select(Object.fromEntries(attributes.map((attribute) => [attribute, column(attribute)])));
  return (await (publishedOnly ? query.whereNotNull(column('publishedAt')) : query)) as Array<Record<A, unknown>>;
}

/**
 * Every version, or with `since` only those changed at or after it (the rows are read all the
 * same: the counts need them, and the answer the site build waits for is then a few rows).
 */
export async function contentVersions(strapi: Strapi, since?: number): Promise<ContentVersions> {
  // Before the reads: a write during them is listed again next time rather than missed.
  const listedAt = Date.now();
  const changed = <T extends unknown[]>(rows: T[], changedAt: (row: T) => number) =>
    since === undefined ? rows : rows.filter((row) => changedAt(row) >= since);
  const model = createHash('sha256');
  const types: ContentVersions['types'] = {};
  const counts: ContentVersions['counts'] = { types: {}, files: 0 };
  for (const uid of PUBLIC_CONTENT_TYPES) {
    model.update(JSON.stringify([uid, strapi.contentTypes[uid as Uid]?.attributes]));
    const rows = await versionRows(strapi, uid, ['id', 'documentId', 'locale', 'updatedAt', 'publishedAt'], true);
    counts.types[uid] = rows.length;
    types[uid] = changed(
      rows.map((row): [string, string, number, number] => [
        String(row.documentId),
        String(row.locale),
        Number(row.id),
        Math.max(ms(row.updatedAt), ms(row.publishedAt)),
      ]),
      (row) => row[3],
    );
  }
  for (const [uid, component] of Object.entries(strapi.components).sort(([a], [b]) => a.localeCompare(b))) {
    model.update(JSON.stringify([uid, component.attributes]));
  }
  const files = await versionRows(strapi, 'plugin::upload.file', ['id', 'documentId', 'updatedAt']);
  counts.files = files.length;
  return {
    schema: model.digest('hex'),
    listedAt,
    ...(since === undefined ? {} : { since }),
    counts,
    types,
    files: changed(
      files.map((file): [string, number, number] => [String(file.documentId), Number(file.id), ms(file.updatedAt)]),
      (file) => file[2],
    ),
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The site-build API token, and only it: the answer lists files that no published entry may use. */
async function isBuildToken(strapi: Strapi, authorization: string): Promise<boolean> {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  if (!bearer) return false;
  const token = await strapi.db.query('admin::api-token').findOne({ where: { name: BUILD_TOKEN_NAME }, select: ['accessKey'] });
  if (!token?.accessKey) return false;
  const hashed: string = strapi.service('admin::api-token').hash(bearer);
  return timingSafeEqual(digest(hashed), digest(token.accessKey));
}

/**
 * GET /api/site-build/versions: a stamp for every published version of every public type and
 * for every media file, in one answer, so that the site build reads again only what changed
 * since its previous build instead of the whole portfolio. With ?since=<ms>, only the stamps
 * changed since then: the build that has the list of the previous one asks for that.
 */
export function registerContentVersionsRoute(strapi: Strapi): void {
  strapi.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/site-build/versions',
        handler: async (ctx: Context) => {
          if (!(await isBuildToken(strapi, ctx.get('authorization')))) {
            ctx.status = 401;
            ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'The site-build API token is required.' } };
            return;
          }
          // ?since=<ms>: only the versions changed since then, with the counts of all.
          const since = Number(ctx.query.since);
          if (ctx.query.since !== undefined && !(Number.isSafeInteger(since) && since >= 0)) {
            ctx.status = 400;
            ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: 'since must be a time in milliseconds.' } };
            return;
          }
          ctx.body = { data: await contentVersions(strapi, ctx.query.since === undefined ? undefined : since) };
        },
        // Checked in the handler: this route belongs to no content type, so no role can be granted it.
        config: { auth: false },
      },
    ],
  } as never);
}
