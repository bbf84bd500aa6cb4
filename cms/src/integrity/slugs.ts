import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * One slug per document: every language version and both the draft and the published version
 * carry the same slug, no two documents share one (in any language), and it is never the
 * placeholder the admin proposes before a name is typed. Strapi treats a `uid` field as always
 * localized and checks its uniqueness per language, so these rules are ours.
 */

type Strapi = Core.Strapi;
type Uid = Parameters<Strapi['contentType']>[0];
type SlugRow = { documentId: string; locale: string; publishedAt: string | null; [field: string]: unknown };

/** The content type's uid field and the field it is generated from, if it has one. */
export function slugFieldOf(strapi: Strapi, uid: string): { field: string; targetField?: string } | null {
  const model = strapi.contentTypes[uid as Uid];
  if (!model) return null;
  for (const [field, attribute] of Object.entries(model.attributes)) {
    if (attribute.type === 'uid') return { field, targetField: (attribute as { targetField?: string }).targetField };
  }
  return null;
}

async function rowsOf(strapi: Strapi, uid: string, field: string, documentId: string): Promise<SlugRow[]> {
  return strapi.db.query(uid as Uid).findMany({ where: { documentId }, select: ['documentId', 'locale', 'publishedAt', field] });
}

/** Whether another document uses the slug, in any language, drafts and published versions alike. */
export async function slugTakenByAnother(strapi: Strapi, uid: string, field: string, slug: string, documentId?: string): Promise<boolean> {
  const clash = await strapi.db.query(uid as Uid).findOne({
    where: { [field]: slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    select: ['id'],
  });
  return Boolean(clash);
}

/** `base`, or `base-2`, `base-3`... : the first one no other document uses. */
export async function uniqueSlug(strapi: Strapi, uid: string, field: string, base: string, documentId?: string): Promise<string> {
  const used = new Set<string>(
    (
      await strapi.db.query(uid as Uid).findMany({
        where: { [field]: { $startsWith: base }, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
        select: [field],
      })
    ).map((row: Record<string, string>) => row[field]),
  );
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The slug the document already has (its first language version's), if it exists. */
export async function documentSlug(strapi: Strapi, uid: string, field: string, documentId: string): Promise<string | null> {
  const rows = await rowsOf(strapi, uid, field, documentId);
  const row = rows.find((r) => !r.publishedAt && r[field]) ?? rows.find((r) => r[field]);
  return (row?.[field] as string | undefined) ?? null;
}

/**
 * The slugify of Strapi's content manager (the admin's generator), kept as it was before
 * `extendUidService` replaced the uniqueness rules around it.
 */
let generateFromText: (uid: string, field: string, text: string, locale?: string) => Promise<string>;

/**
 * The admin's placeholder before a name is typed: the model's name, e.g. `partner` or `partner-1`
 * (Strapi's counter, never zero-padded: an import's `partner-00001` is a real slug).
 */
function isPlaceholder(strapi: Strapi, uid: string, slug: string): boolean {
  const modelName = strapi.contentTypes[uid as Uid].modelName;
  return new RegExp(`^${modelName}(-[1-9]\\d*)?$`).test(slug);
}

/**
 * Before a create or update: a new language version takes the document's slug whatever the form
 * sent; a new document gets one generated from its name when it has none or the placeholder; a
 * slug another document uses is refused.
 */
export async function prepareSlug(
  strapi: Strapi,
  uid: string,
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> },
): Promise<void> {
  const slug = slugFieldOf(strapi, uid);
  if (!slug || !params.data) return;
  const { field, targetField } = slug;
  const data = params.data;
  const locale = params.locale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
  const rows = params.documentId ? await rowsOf(strapi, uid, field, params.documentId) : [];
  const ownVersion = rows.some((r) => r.locale === locale);
  const shared = rows.find((r) => r[field])?.[field] as string | undefined;

  if (!ownVersion && shared) {
    data[field] = shared;
    return;
  }
  if (!(field in data) && ownVersion) return;

  const requested = typeof data[field] === 'string' ? (data[field] as string).trim() : '';
  const name = targetField && typeof data[targetField] === 'string' ? (data[targetField] as string).trim() : '';
  const fromName = name ? await generateFromText(uid, field, name, locale) : '';
  if (fromName && (!requested || (!ownVersion && isPlaceholder(strapi, uid, requested) && requested !== fromName))) {
    data[field] = await uniqueSlug(strapi, uid, field, fromName, params.documentId);
    return;
  }
  if (requested && (await slugTakenByAnother(strapi, uid, field, requested, params.documentId))) {
    const typeName = strapi.contentTypes[uid as Uid].info.displayName;
    throw new errors.ValidationError(`Lo slug «${requested}» è già usato da un’altra voce di tipo «${typeName}»: sceglierne un altro.`, {
      errors: [{ path: [field], message: `Lo slug «${requested}» è già usato: sceglierne un altro.`, name: 'ValidationError' }],
    });
  }
}

/**
 * After a write: the document's other language versions in the same state (draft or published)
 * take the slug just saved, so a rename in one language renames every language.
 */
export async function shareSlug(
  strapi: Strapi,
  uid: string,
  saved: { documentId?: string; publishedAt?: unknown } & Record<string, unknown>,
): Promise<void> {
  const slug = slugFieldOf(strapi, uid);
  if (!slug || !saved.documentId || typeof saved[slug.field] !== 'string') return;
  await strapi.db.query(uid as Uid).updateMany({
    where: {
      documentId: saved.documentId,
      publishedAt: saved.publishedAt ? { $notNull: true } : { $null: true },
      [slug.field]: { $ne: saved[slug.field] },
    },
    data: { [slug.field]: saved[slug.field], ...(saved.publishedAt ? republished() : {}) },
  });
}

/**
 * What a direct write into published versions adds: their REST answer changed, so their version
 * must (site-build/versions.ts), or the site would keep the other language at its old address.
 * `publishedAt` rather than `updatedAt`: the admin marks a draft newer than its published
 * version as modified, which a published version touched here must not undo.
 */
const republished = () => ({ publishedAt: new Date() });

/** Where a document keeps the slugs it was published under before: the site sends their addresses on to its page. */
export const FORMER_SLUGS = 'formerSlugs';

/** The slug the document's pages are online under now, or null when it has no published version. */
export async function publishedSlug(strapi: Strapi, uid: string, documentId: string): Promise<string | null> {
  const slug = slugFieldOf(strapi, uid);
  if (!slug) return null;
  const row = await strapi.db.query(uid as Uid).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: [slug.field] });
  return (row?.[slug.field] as string | undefined) ?? null;
}

/**
 * After a publish: when the document went online under a new slug, the one it had is kept among
 * its former slugs, in every version, so that links to the old address (shared, printed, indexed)
 * lead to the page instead of nowhere. A slug it takes back leaves the list. Bookkeeping, written
 * directly; no form writes it (`withoutFormerSlugs`).
 */
export async function keepFormerSlug(strapi: Strapi, uid: string, documentId: string, before: string | null): Promise<void> {
  const after = await publishedSlug(strapi, uid, documentId);
  // `before` is null after an unpublish; the draft then carries the slug it was online under (keepUnpublishedSlug).
  if (after && after !== before) await writeFormerSlugs(strapi, uid, documentId, before, after);
}

/**
 * After an unpublish that took the document offline in every language: the slug it was online
 * under joins the former slugs of its drafts, which the next publish copies, so that a page that
 * comes back under a new slug still takes the old address's links.
 */
export async function keepUnpublishedSlug(strapi: Strapi, uid: string, documentId: string, before: string | null): Promise<void> {
  if (before && !(await publishedSlug(strapi, uid, documentId))) await writeFormerSlugs(strapi, uid, documentId, before, null);
}

/** Adds `former` to the document's former slugs and takes `current` out, in every version whose list changes. */
async function writeFormerSlugs(
  strapi: Strapi,
  uid: string,
  documentId: string,
  former: string | null,
  current: string | null,
): Promise<void> {
  if (!(FORMER_SLUGS in strapi.getModel(uid as Uid).attributes)) return;
  const query = strapi.db.query(uid as Uid);
  const rows: Array<{ id: number; publishedAt: string | null; [FORMER_SLUGS]?: unknown }> = await query.findMany({
    where: { documentId },
    select: ['id', 'publishedAt', FORMER_SLUGS],
  });
  const listOf = (row: (typeof rows)[number]) => (Array.isArray(row[FORMER_SLUGS]) ? (row[FORMER_SLUGS] as string[]) : []);
  const kept = [...new Set([...rows.flatMap(listOf), ...(former ? [former] : [])])].filter((slug) => slug !== current).sort();
  const changed = rows.filter((row) => listOf(row).join('\n') !== kept.join('\n'));
  const ids = (published: boolean) => changed.filter((row) => Boolean(row.publishedAt) === published).map((row) => row.id);
  // Written only where the list changes: a published version given a new one is read again by the site build.
  if (ids(false).length) await query.updateMany({ where: { id: { $in: ids(false) } }, data: { [FORMER_SLUGS]: kept } });
  if (ids(true).length) await query.updateMany({ where: { id: { $in: ids(true) } }, data: { [FORMER_SLUGS]: kept, ...republished() } });
}

/** A write's data without the former slugs: the CMS keeps them, a form or a script never sets them. */
export function withoutFormerSlugs(data: Record<string, unknown> | undefined): void {
  if (data) delete data[FORMER_SLUGS];
}

/** The document a request of the admin's edit view is about, from its address (`.../<uid>/<documentId>`). */
function documentIdOfAdminPage(strapi: Strapi, uid: string): string | undefined {
  const referer = strapi.requestContext.get()?.request.headers.referer;
  const match = referer && new URL(referer).pathname.match(new RegExp(`/${uid.replace(/[.]/g, '\\.')}/([a-z0-9]+)$`));
  return match?.[1];
}

/**
 * The admin's slug field asks the content manager's uid service to propose and check slugs. It
 * proposes the document's own slug for a new language version, and checks uniqueness across
 * languages (Strapi checks per language only).
 */
/** The part of the content manager's uid service this extension calls (the plugin exports no type for it). */
interface UidService {
  generateUIDField(args: { contentTypeUID: string; field: string; data: Record<string, unknown>; locale?: string }): Promise<string>;
}

export function extendUidService(strapi: Strapi): void {
  strapi.get('services').extend('plugin::content-manager.uid', (original: UidService) => {
    generateFromText = async (uid, field, text, locale) => {
      const targetField = slugFieldOf(strapi, uid)?.targetField ?? field;
      // The content manager's own generator slugifies with the field's options; its uniqueness check is replaced by ours.
      return original.generateUIDField.call(
        { ...original, findUniqueUID: async ({ value }: { value: string }) => value },
        {
          contentTypeUID: uid,
          field,
          data: { [targetField]: text },
          locale,
        },
      );
    };
    return {
      ...original,
      async generateUIDField(args: { contentTypeUID: string; field: string; data: Record<string, unknown>; locale?: string }) {
        const documentId = typeof args.data?.id === 'string' && args.data.id ? args.data.id : undefined;
        if (documentId) {
          const rows = await rowsOf(strapi, args.contentTypeUID, args.field, documentId);
          const shared = rows.find((r) => r[args.field])?.[args.field] as string | undefined;
          if (shared && !rows.some((r) => r.locale === args.locale)) return shared;
        }
        const base = await original.generateUIDField.call(
          { ...original, findUniqueUID: async ({ value }: { value: string }) => value },
          args,
        );
        return uniqueSlug(strapi, args.contentTypeUID, args.field, base, documentId);
      },
      async findUniqueUID(args: { contentTypeUID: string; field: string; value: string }) {
        return uniqueSlug(strapi, args.contentTypeUID, args.field, args.value, documentIdOfAdminPage(strapi, args.contentTypeUID));
      },
      async checkUIDAvailability(args: { contentTypeUID: string; field: string; value: string }) {
        return !(await slugTakenByAnother(
          strapi,
          args.contentTypeUID,
          args.field,
          args.value,
          documentIdOfAdminPage(strapi, args.contentTypeUID),
        ));
      },
    };
  });
}
