import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ADMIN_LABELS } from './admin-labels';
import { projectRuleViolations } from './project-rules';

const WRITE_ACTIONS = new Set(['create', 'update']);

/**
 * Runs after every create/update of a document, inside the write's transaction: the saved draft
 * is re-read (whatever shape the request had, partial updates included), checked against the
 * cross-field rules, and the write is rolled back with a message the admin shows when it breaks one.
 */
export function registerDocumentMiddleware(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const labels = ADMIN_LABELS[context.uid];
    const isProject = context.uid === 'api::project.project';
    if (!WRITE_ACTIONS.has(context.action) || (!labels && !isProject)) return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const { documentId, locale } = (result ?? {}) as { documentId?: string; locale?: string };
      if (!documentId) return result;

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
        const violations = saved ? projectRuleViolations(saved as never) : [];
        if (violations.length > 0) {
          throw new errors.ValidationError(violations.map((v) => v.message).join(' '), {
            errors: violations.map((v) => ({ path: v.path, message: v.message, name: 'ValidationError' })),
          });
        }
      }

      if (labels) {
        const saved = await strapi.documents(context.uid as any).findOne({
          documentId,
          locale,
          status: 'draft',
          populate: labels.populate as any,
        });
        const adminLabel = saved ? labels.label(saved) : null;
        if (adminLabel && saved.adminLabel !== adminLabel) {
          // A direct query: the label is bookkeeping, not an edit that should run this middleware again.
          // 255: a string column is varchar(255) on PostgreSQL.
          await strapi.db.query(context.uid as any).updateMany({
            where: { documentId, ...(locale ? { locale } : {}) },
            data: { adminLabel: adminLabel.slice(0, 255) },
          });
        }
      }
      return result;
    });
  });
}
