import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { BUILD_TOKEN_NAME } from '../bootstrap/access';
import { PUBLIC_CONTENT_TYPES } from '../bootstrap/public-types';

type Strapi = Core.Strapi;
type Uid = Parameters<Strapi['contentType']>[0];
type Context = { get(header: string): string; status: number; body: unknown };

/**
 * What GET /api/site-build/versions answers (shared-types/src/versions.ts parses it on the site's
 * side). A version's row id and time change whenever its REST answer can, except through its
 * relations, which the site build follows itself (site/src/lib/strapi/delta.ts): publishing writes
 * a new row, and every write sets updatedAt.
 */
export interface ContentVersions {
  /** Changes when the content model does: the site then reads everything again. */
  schema: string;
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

export async function contentVersions(strapi: Strapi): Promise<ContentVersions> {
  const model = createHash('sha256');
  const types: ContentVersions['types'] = {};
  for (const uid of PUBLIC_CONTENT_TYPES) {
    model.update(JSON.stringify([uid, strapi.contentTypes[uid as Uid]?.attributes]));
    const rows = await versionRows(strapi, uid, ['id', 'documentId', 'locale', 'updatedAt', 'publishedAt'], true);
    types[uid] = rows.map((row) => [
      String(row.documentId),
      String(row.locale),
      Number(row.id),
      Math.max(ms(row.updatedAt), ms(row.publishedAt)),
    ]);
  }
  for (const [uid, component] of Object.entries(strapi.components).sort(([a], [b]) => a.localeCompare(b))) {
    model.update(JSON.stringify([uid, component.attributes]));
  }
  const files = await versionRows(strapi, 'plugin::upload.file', ['id', 'documentId', 'updatedAt']);
  return {
    schema: model.digest('hex'),
    types,
    files: files.map((file) => [String(file.documentId), Number(file.id), ms(file.updatedAt)]),
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
 * since its previous build instead of the whole portfolio.
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
          ctx.body = { data: await contentVersions(strapi) };
        },
        // Checked in the handler: this route belongs to no content type, so no role can be granted it.
        config: { auth: false },
      },
    ],
  } as never);
}
