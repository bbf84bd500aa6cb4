import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTION, refuseActionWithoutProject, unpublishActionsLeftWithoutProject } from '../integrity/action-project';
import { refuseUnnamed } from '../integrity/entry-name';
import { refuseWhileLinkedByPublished } from '../integrity/linked-by-published';
import { explainMissingTranslation, refusePublishWithoutRelated } from '../integrity/related-drafts';
import { keepFormerSlug, keepUnpublishedSlug, prepareSlug, publishedSlug, shareSlug, withoutFormerSlugs } from '../integrity/slugs';
import { LABELLED_WITH_PROJECT, labelPartnerships, labelProjectPartnerships, relabel } from './admin-labels';
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
 * - an entry is saved with its name, drafts included (integrity/entry-name.ts);
 * - one slug per document, shared by its languages, and the slugs it was published under before
 *   (an unpublished page's included) kept for the site's redirects (integrity/slugs.ts);
 * - a publish that would leave out related entries never published is refused (integrity/related-drafts.ts),
 *   and so is an action's without a project, whose page it is shown on (integrity/action-project.ts);
 * - unpublishing or deleting a partner or a funding line that published entries link to is refused,
 *   naming them (integrity/linked-by-published.ts);
 * - after a create or update, the saved draft is re-read (whatever shape the request had, partial
 *   updates included) and checked against the project's cross-field rules; the write is rolled
 *   back with a message the admin shows when it breaks one;
 * - a deleted project's actions go back to drafts, kept: published, they would be on no page;
 * - the labels relation pickers and partnership rows show are recomputed, an action's and a
 *   community's also when their project's form links or unlinks them, or the project is renamed or deleted.
 */
export function registerDocumentMiddleware(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!context.uid.startsWith('api::')) return next();
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };

    if (context.action === 'publish') {
      return strapi.db.transaction(async () => {
        await refuseActionWithoutProject(strapi, context.uid, params.documentId!);
        await refusePublishWithoutRelated(strapi, context.uid, params.documentId!, params.locale);
        const online = await publishedSlug(strapi, context.uid, params.documentId!);
        const result = await next();
        for (const entry of (result as { entries?: Array<Record<string, unknown>> })?.entries ?? []) {
          await shareSlug(strapi, context.uid, entry);
        }
        await keepFormerSlug(strapi, context.uid, params.documentId!, online);
        return result;
      });
    }
    if ((context.action === 'unpublish' || context.action === 'delete') && params.documentId) {
      await refuseWhileLinkedByPublished(strapi, context.action, context.uid, params.documentId, params.locale);
    }
    if (context.action === 'unpublish' && params.documentId) {
      return strapi.db.transaction(async () => {
        const online = await publishedSlug(strapi, context.uid, params.documentId!);
        const result = await next();
        await keepUnpublishedSlug(strapi, context.uid, params.documentId!, online);
        return result;
      });
    }
    if (context.action === 'delete' && context.uid === 'api::project.project' && params.documentId) {
      return strapi.db.transaction(async () => {
        const membersBefore = await projectMembers(strapi, params.documentId!);
        const result = await next();
        await unpublishActionsLeftWithoutProject(
          strapi,
          membersBefore.filter(([uid]) => uid === ACTION).map(([, documentId]) => documentId),
        );
        await relabelProjectMembers(strapi, params.documentId!, membersBefore);
        return result;
      });
    }
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const isProject = context.uid === 'api::project.project';
    withoutFormerSlugs(params.data);

    const formatViolations = checkFieldFormats(context.uid, params.data);
    if (formatViolations.length > 0) throw refusal(formatViolations);

    return strapi.db.transaction(async () => {
      const membersBefore = isProject && params.documentId ? await projectMembers(strapi, params.documentId) : [];
      await prepareSlug(strapi, context.uid, params as { documentId?: string; locale?: string; data?: Record<string, unknown> });
      const result = await next().catch((error) => explainMissingTranslation(strapi, error));
      const { documentId, locale } = (result ?? {}) as { documentId?: string; locale?: string };
      if (!documentId) return result;
      refuseUnnamed(strapi, context.uid, result as Record<string, unknown>);
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
      await relabel(strapi, context.uid, [documentId]);
      if (isProject) await relabelProjectMembers(strapi, documentId, membersBefore);
      return result;
    });
  });
}

type Member = [uid: string, documentId: string];

/** The actions and communities whose draft links to the project. */
async function projectMembers(strapi: Core.Strapi, projectDocumentId: string): Promise<Member[]> {
  const members: Member[] = [];
  for (const uid of LABELLED_WITH_PROJECT) {
    const rows: Array<{ documentId: string }> = await strapi.db.query(uid as never).findMany({
      where: { publishedAt: { $null: true }, project: { documentId: projectDocumentId } },
      select: ['documentId'],
    });
    members.push(...rows.map((row): Member => [uid, row.documentId]));
  }
  return members;
}

/**
 * After a project's write or deletion: its actions and communities, and those it had before (the
 * project's form links and unlinks them, and a renamed acronym renames them all).
 */
async function relabelProjectMembers(strapi: Core.Strapi, projectDocumentId: string, before: Member[]): Promise<void> {
  const members = [...before, ...(await projectMembers(strapi, projectDocumentId))];
  for (const uid of LABELLED_WITH_PROJECT) {
    await relabel(
      strapi,
      uid,
      members.filter(([type]) => type === uid).map(([, documentId]) => documentId),
    );
  }
}
