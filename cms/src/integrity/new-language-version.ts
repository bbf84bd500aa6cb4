import type { Core } from '@strapi/strapi';

type Uid = Parameters<Core.Strapi['contentType']>[0];

type Attribute = { type: string; target?: string; mappedBy?: string; pluginOptions?: { i18n?: { localized?: boolean } } };

/** Whether a relation value of a write links anything: an id, a list, or a connect/set with entries. */
function linksSomething(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const { connect, set } = value as { connect?: unknown[]; set?: unknown[] };
    return Boolean(connect?.length || set?.length);
  }
  return true;
}

/**
 * Relations the model declares shared (i18n `localized: false`) are per language in Strapi all the
 * same. A new language version left without them links the same entries as the source, in its
 * own language where they have a version there (an English action then belongs to the English
 * project; an English project has its funding line and themes).
 */
async function fillSharedRelations(
  strapi: Core.Strapi,
  uid: string,
  source: { id: number },
  locale: string,
  data: Record<string, unknown>,
) {
  const shared = Object.entries(strapi.getModel(uid as Uid).attributes as Record<string, Attribute>).filter(
    ([name, a]) =>
      a.type === 'relation' &&
      a.target?.startsWith('api::') &&
      !a.mappedBy &&
      a.pluginOptions?.i18n?.localized === false &&
      !linksSomething(data[name]),
  );
  if (shared.length === 0) return;
  const linked = await strapi.db.query(uid as Uid).findOne({
    where: { id: source.id },
    populate: Object.fromEntries(shared.map(([name]) => [name, { select: ['documentId'] }])),
  });
  for (const [name, attribute] of shared) {
    const documentIds = ([] as Array<{ documentId: string }>).concat(linked?.[name] ?? []).map((entry) => entry.documentId);
    const inLocale: Array<{ documentId: string }> = await strapi.db.query(attribute.target as Uid).findMany({
      where: { documentId: { $in: documentIds }, locale, publishedAt: { $null: true } },
      select: ['documentId'],
    });
    if (inLocale.length > 0) data[name] = { set: inLocale.map(({ documentId }) => ({ documentId, locale })) };
  }
}

/**
 * A new language version of an existing document starts with the document's shared (not
 * localized) fields, whatever the form sent. Strapi's i18n would otherwise take the new version's
 * values, often empty ("Create English locale" opens a nearly empty form), and copy them to every
 * other language: an English version saved without partners would empty the Italian list.
 *
 * Registered at bootstrap, after i18n's own middleware, so it runs inside it: the new version is
 * aligned before i18n compares it with the document and finds nothing to copy.
 */
export function registerNewLanguageVersionSync(strapi: Core.Strapi): void {
  const contentTypes = strapi.plugin('i18n').service('content-types');
  const localizations = strapi.plugin('i18n').service('localizations');

  strapi.documents.use(async (context, next) => {
    const { documentId, locale, data } = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    const model = strapi.getModel(context.uid as Uid);
    if (
      !['create', 'update'].includes(context.action) ||
      !context.uid.startsWith('api::') ||
      !documentId ||
      typeof locale !== 'string' ||
      !contentTypes.isLocalizedContentType(model)
    ) {
      return next();
    }
    const query = strapi.db.query(context.uid as Uid);
    const isNewVersion = !(await query.findOne({ where: { documentId, locale, publishedAt: { $null: true } }, select: ['id'] }));
    const source = isNewVersion
      ? await query.findOne({
          where: { documentId, locale: { $ne: locale }, publishedAt: { $null: true } },
          populate: contentTypes.getNestedPopulateOfNonLocalizedAttributes(context.uid),
        })
      : null;
    if (source && data) await fillSharedRelations(strapi, context.uid, source, locale, data);
    const result = await next();
    if (source) await localizations.syncNonLocalizedAttributes(source, model);
    return result;
  });
}
