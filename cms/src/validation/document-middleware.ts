import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { explainMissingTranslation, refusePublishWithoutRelated } from '../integrity/related-drafts';
import { prepareSlug, shareSlug } from '../integrity/slugs';
import { ADMIN_LABELS, labelPartnerships, labelProjectPartnerships } from './admin-labels';
import { checkFieldFormats } from './field-formats';
import { projectRuleViolations, type RuleViolation } from './project-rules';

const WRITE_ACTIONS = new Set(['create', 'update']);

/** A refusal the admin shows on the fields concerned. */
const refusal = (violations: RuleViolation[]) =>
  new errors.ValidationError(violations.map((v) => v.message).join(' '), {
    errors: violations.map((v) => ({ path: v.path, message: v.message, name: 'ValidationError' })),
  });

/**
 * Integrity of every write to our content types, whatever screen or API makes it, inside the
 * write's transaction:
 * - formatted fields (addresses, country codes, periods) are mended or refused in Italian (field-formats.ts);
 * - one slug per document, shared by its languages (integrity/slugs.ts);
 * - a publish that would leave out related entries never published is refused (integrity/related-drafts.ts);
 * - after a create or update, the saved draft is re-read (whatever shape the request had, partial
 *   updates included) and checked against the project's cross-field rules; the write is rolled
 *   back with a message the admin shows when it breaks one;
 * - the labels relation pickers and partnership rows show are recomputed.
 */
export function registerDocumentMiddleware(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!context.uid.startsWith('api::')) return next();
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };

    if (context.action === 'publish') {
      return strapi.db.transaction(async () => {
        await refusePublishWithoutRelated(strapi, context.uid, params.documentId!, params.locale);
        const result = await next();
        for (const entry of (result as { entries?: Array<Record<string, unknown>> })?.entries ?? []) {
          await shareSlug(strapi, context.uid, entry);
        }
        return result;
      });
    }
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const labels = ADMIN_LABELS[context.uid];
    const isProject = context.uid === 'api::project.project';

    const formatViolations = checkFieldFormats(context.uid, params.data);
    if (formatViolations.length > 0) throw refusal(formatViolations);

    return strapi.db.transaction(async () => {
      await prepareSlug(strapi, context.uid, params as { documentId?: string; locale?: string; data?: Record<string, unknown> });
      const result = await next().catch((error) => explainMissingTranslation(strapi, error));
      const { documentId, locale } = (result ?? {}) as { documentId?: string; locale?: string };
      if (!documentId) return result;
      await shareSlug(strapi, context.uid, result as Record<string, unknown>);

      if (isProject) {
        const saved = await strapi.documents('api::project.project').findOne({
          documentId,
          locale,
          status: 'draft',
          populate: {
            startDate: true,
            endDate: true,
            otherAmounts: true,
            partnerships: { populate: { partner: { fields: ['name'] } } },
          },
        });
        const violations = saved ? projectRuleViolations(saved) : [];
        if (violations.length > 0) throw refusal(violations);
      }

      if (isProject) await labelProjectPartnerships(strapi, documentId);
      // A renamed partner: the rows that name it, in every project.
      if (context.uid === 'api::partner.partner') await labelPartnerships(strapi, { partner: { documentId } });
      if (labels) {
        // Every language version: shared fields (a partner's country, its other names) are copied
        // to the other languages, whose labels must follow.
        const versions: Array<Record<string, unknown>> = await strapi.db.query(context.uid).findMany({
          where: { documentId, publishedAt: { $null: true } },
          populate: labels.populate,
        });
        for (const version of versions) {
          const adminLabel = labels.label(version);
          if (adminLabel && version.adminLabel !== adminLabel) {
            // A direct query: the label is bookkeeping, not an edit that should run this middleware again.
            // 255: a string column is varchar(255) on PostgreSQL.
            await strapi.db.query(context.uid).updateMany({
              where: { documentId, locale: version.locale },
              data: { adminLabel: adminLabel.slice(0, 255) },
            });
          }
        }
      }
      return result;
    });
  });
}
