import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPE_LAYOUTS } from '../admin-layout/labels';

/**
 * An entry is saved with its name, drafts included. Strapi lets a draft leave its required fields
 * empty, and an entry saved without its name (one click on «Salva» in an empty form) shows in every
 * list and picker as «Senza titolo», under the model's placeholder slug, for an officer to guess
 * what it was. A required short text is a name (a title, an acronym); the other required fields
 * may wait for the publish.
 */

/** The required short texts of a collection type: what names its entries. */
function nameFields(strapi: Core.Strapi, uid: string): string[] {
  const model = strapi.contentTypes[uid as UID.ContentType];
  if (model?.kind !== 'collectionType') return [];
  return Object.entries(model.attributes)
    .filter(([, attribute]) => attribute.type === 'string' && (attribute as { required?: boolean }).required)
    .map(([field]) => field);
}

/** Refuses a saved version (a create's or update's result, every field read) whose name is empty. */
export function refuseUnnamed(strapi: Core.Strapi, uid: string, saved: Record<string, unknown>): void {
  const empty = nameFields(strapi, uid).filter((field) => typeof saved[field] !== 'string' || !(saved[field] as string).trim());
  if (empty.length === 0) return;
  const labels = empty.map((field) => `«${CONTENT_TYPE_LAYOUTS[uid]?.fields[field]?.label ?? field}»`);
  const fieldMessage = 'Da compilare anche in una bozza: è il nome con cui la voce compare negli elenchi.';
  throw new errors.ValidationError(
    `Voce non salvata: ${labels.join(' e ')} ${empty.length === 1 ? 'è vuoto' : 'sono vuoti'}. ${fieldMessage}`,
    { errors: empty.map((field) => ({ path: [field], message: fieldMessage, name: 'ValidationError' })) },
  );
}
