import type { Core, Schema } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../bootstrap/locales';
import { PUBLIC_CONTENT_TYPES, type PublicContentType } from '../bootstrap/public-types';
import { clearScheduledFailure, recordScheduledFailure } from './failures';

/** The public types with a "publish at" date (types/generated/contentTypes.d.ts). */
type ScheduledType = {
  [T in PublicContentType]: 'publishAt' extends keyof Schema.ContentType<T>['attributes'] ? T : never;
}[PublicContentType];

const isScheduled = (strapi: Core.Strapi, uid: PublicContentType): uid is ScheduledType =>
  'publishAt' in strapi.contentType(uid).attributes;

/**
 * Publishes every draft whose "publish at" date has come, in all its locales. The date is cleared
 * first, so the published version does not carry a stale schedule; if the publish is refused, the
 * date stays, the next run tries again, and the reason is kept for the edit view's panel. Publishing fires Strapi's
 * entry.publish webhook, so the site rebuild follows by itself.
 */
export async function publishScheduled({ strapi }: { strapi: Core.Strapi }): Promise<void> {
  const now = new Date().toISOString();
  for (const uid of PUBLIC_CONTENT_TYPES) {
    if (!isScheduled(strapi, uid)) continue;
    const documents = strapi.documents(uid);
    const due = await documents.findMany({
      status: 'draft',
      locale: '*',
      filters: { publishAt: { $lte: now } },
      fields: ['documentId', 'locale', 'publishAt'],
    });
    const ids = [...new Set(due.map((entry) => entry.documentId))];
    for (const documentId of ids) {
      try {
        // One transaction: a refused publish (a related entry still a draft) keeps the schedule, and is retried.
        await strapi.db.transaction(async () => {
          await documents.update({ documentId, locale: DEFAULT_LOCALE, data: { publishAt: null } });
          await documents.publish({ documentId, locale: '*' });
        });
        strapi.log.info(`Scheduled publishing: published ${uid} ${documentId}`);
        await clearScheduledFailure(strapi, uid, documentId);
      } catch (error) {
        const message = (error as Error).message;
        strapi.log.error(`Scheduled publishing of ${uid} ${documentId} failed: ${message}`);
        // Kept for the officer, who is not watching the log when the date comes.
        await recordScheduledFailure(strapi, uid, documentId, message);
      }
    }
  }
}
