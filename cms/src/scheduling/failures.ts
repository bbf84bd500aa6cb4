import type { Core } from '@strapi/strapi';

/** Why a document's scheduled publish was last refused: the edit view's panel shows it (publication-status/routes.ts). */
export interface ScheduledFailure {
  at: string;
  message: string;
}

const store = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'portfolio-scheduled-publishing' });
const key = (uid: string, documentId: string) => `${uid}:${documentId}`;

/** The last refusal of the document's scheduled publish, kept until it is published. */
export async function scheduledFailure(strapi: Core.Strapi, uid: string, documentId: string): Promise<ScheduledFailure | null> {
  return ((await store(strapi).get({ key: key(uid, documentId) })) as ScheduledFailure | null) ?? null;
}

export async function recordScheduledFailure(strapi: Core.Strapi, uid: string, documentId: string, message: string): Promise<void> {
  await store(strapi).set({ key: key(uid, documentId), value: { at: new Date().toISOString(), message } });
}

export async function clearScheduledFailure(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  await store(strapi).delete({ key: key(uid, documentId) });
}
