import type { Core } from '@strapi/strapi';

type Uid = Parameters<Core.Strapi['contentType']>[0];

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
    const { documentId, locale } = context.params as { documentId?: string; locale?: unknown };
    const model = strapi.getModel(context.uid as Uid);
    if (!['create', 'update'].includes(context.action) || !context.uid.startsWith('api::') || !documentId || typeof locale !== 'string'
      || !contentTypes.isLocalizedContentType(model)) {
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
    const result = await next();
    if (source) await localizations.syncNonLocalizedAttributes(source, model);
    return result;
  });
}
