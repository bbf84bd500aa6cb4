import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * An action has no page of its own: the site shows it on its project's page, and nowhere else.
 * Publishing one without a project would put "Pubblicato" on an entry the public never sees.
 */

export const ACTION = 'api::action.action';

export const PROJECT_FIELD_MESSAGE =
  "Scegliere il progetto dell'azione nel campo «Progetto»: sul sito un'azione compare solo nella pagina del suo progetto.";

/** Refuses to publish an action whose draft names no project (the relation is shared by its languages). */
export async function refuseActionWithoutProject(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  if (uid !== ACTION) return;
  const draft = await strapi.db.query(ACTION).findOne({
    where: { documentId, publishedAt: { $null: true } },
    populate: { project: { select: ['id'] } },
  });
  if (!draft || draft.project) return;
  throw new errors.ValidationError(`Pubblicazione non eseguita. ${PROJECT_FIELD_MESSAGE}`, {
    errors: [{ path: ['project'], message: PROJECT_FIELD_MESSAGE, name: 'ValidationError' }],
  });
}

/** Why a published action is on no page: it names no project, or its project is not online in that language. */
export type ActionNotShown = { reason: 'no-project' } | { reason: 'project-not-published'; project: string };

/** For a published action version: null when its project's page shows it. */
export async function whyActionNotShown(strapi: Core.Strapi, documentId: string, locale: string): Promise<ActionNotShown | null> {
  const version = (status: 'published' | 'draft') =>
    strapi.documents(ACTION).findOne({ documentId, locale, status, fields: ['id'], populate: { project: { fields: ['title'] } } });
  const published = await version('published');
  if (!published || published.project) return null;
  // The published version links to the published project only; the draft says which project it is.
  const project = (await version('draft'))?.project;
  return project ? { reason: 'project-not-published', project: String(project.title) } : { reason: 'no-project' };
}

/**
 * After its project's deletion, in the languages deleted: these actions' published versions are on
 * no page, so they become drafts again, nothing lost, rather than "Pubblicato".
 */
export async function unpublishActionsLeftWithoutProject(strapi: Core.Strapi, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const published: Array<{ documentId: string; locale: string; project: unknown }> = await strapi.db.query(ACTION).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale'],
    populate: { project: { select: ['id'] } },
  });
  for (const version of published.filter((row) => !row.project)) {
    await strapi.documents(ACTION).unpublish({ documentId: version.documentId, locale: version.locale });
  }
}
