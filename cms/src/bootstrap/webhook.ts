import type { Core } from '@strapi/strapi';

export const PUBLISH_WEBHOOK_NAME = 'site-publisher';

/**
 * What can change the public site: publication state of entries and the media library. Every
 * public type has draft & publish, so saving a draft (entry.update) changes nothing public; a
 * published entry changes only when it is published again (entry.publish).
 */
const EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete', 'media.create', 'media.update', 'media.delete'];

/**
 * Registers (or brings up to date) the webhook that tells the publisher content changed, from
 * PUBLISH_WEBHOOK_URL and PUBLISH_WEBHOOK_SECRET. Strapi's webhooks are not signed: the secret
 * travels in a header the publisher compares in constant time. No clicking in Settings needed.
 */
export async function ensurePublishWebhook(strapi: Core.Strapi): Promise<void> {
  const url = process.env.PUBLISH_WEBHOOK_URL;
  const secret = process.env.PUBLISH_WEBHOOK_SECRET;
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = (await store.findWebhooks()).find((webhook: { name: string }) => webhook.name === PUBLISH_WEBHOOK_NAME);

  if (!url || !secret) {
    if (existing) {
      await store.deleteWebhook(existing.id);
      runner.remove(existing);
    }
    strapi.log.info('PUBLISH_WEBHOOK_URL/SECRET not set: no publish webhook');
    return;
  }

  const wanted = { name: PUBLISH_WEBHOOK_NAME, url, headers: { 'x-portfolio-webhook-secret': secret }, events: EVENTS, isEnabled: true };
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`Registered publish webhook to ${url}`);
    return;
  }
  const same =
    existing.url === url &&
    existing.isEnabled &&
    existing.headers?.['x-portfolio-webhook-secret'] === secret &&
    [...existing.events].sort().join() === [...EVENTS].sort().join();
  if (!same) runner.update(await store.updateWebhook(existing.id, wanted));
}
