import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * The public REST API serves published content only.
 *
 * Out of the box Strapi 5 returns drafts to any caller allowed to `find` who adds `?status=draft`
 * (any value other than "published" does it). That would leak unpublished work to the public role
 * and to the build token, so any request under the REST prefix that asks for another publication
 * state is refused. Editors see drafts in the admin, which does not go through this prefix.
 * The one exception is the preview server: it sends PREVIEW_SECRET in the x-preview-secret header
 * (and still needs a valid token with read permission).
 */
const DRAFT_PARAMETERS = ['status', 'publicationState', 'hasPublishedVersion'] as const;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time check of the preview secret; false when no secret is configured. */
export function isPreviewRequest(header: string | undefined, secret: string | undefined): boolean {
  if (!header || !secret) return false;
  return timingSafeEqual(digest(header), digest(secret));
}

const publishedOnly: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const previewSecret = process.env.PREVIEW_SECRET;

  return async (ctx, next) => {
    const isApi = ctx.path === prefix || ctx.path.startsWith(`${prefix}/`);
    if (isApi && !isPreviewRequest(ctx.get('x-preview-secret') || undefined, previewSecret)) {
      const query = ctx.query as Record<string, unknown>;
      for (const parameter of DRAFT_PARAMETERS) {
        const value = query[parameter];
        if (value !== undefined && !(parameter === 'status' && value === 'published')) {
          ctx.status = 403;
          ctx.body = {
            data: null,
            error: {
              status: 403,
              name: 'ForbiddenError',
              message: `The public API serves published content only: "${parameter}" is not allowed.`,
              details: { parameter },
            },
          };
          return;
        }
      }
    }
    await next();
  };
};

export default publishedOnly;
