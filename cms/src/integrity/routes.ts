import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { describeEntries, publishPlan, publishWithRelated, type RelatedEntry } from './related-drafts';

type Context = {
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  state: { userAbility: { can(action: string, subject: string): boolean } };
  body: unknown;
};

const PUBLISH = 'plugin::content-manager.explorer.publish';

/**
 * Admin routes behind the "Pubblica con le voci collegate" document action: what it would publish
 * (GET) and publishing it all in one transaction (POST). Admin session required; the officer
 * must be allowed to publish every type in the plan.
 */
export function registerIntegrityRoutes(strapi: Core.Strapi): void {
  const target = (input: Record<string, unknown> = {}) => {
    const model = String(input.model ?? '');
    const documentId = String(input.documentId ?? '');
    if (!strapi.contentTypes[model as keyof typeof strapi.contentTypes] || !model.startsWith('api::') || !documentId) {
      throw new errors.ValidationError('Richiesta non valida: indicare il tipo e la voce da pubblicare.');
    }
    return { model, documentId };
  };
  const checkAllowed = (ctx: Context, plan: RelatedEntry[]) => {
    const refused = plan.filter((entry) => !ctx.state.userAbility.can(PUBLISH, entry.uid));
    if (refused.length > 0) throw new errors.ForbiddenError(`Non hai il permesso di pubblicare: ${describeEntries(refused)}.`);
  };

  strapi.server.routes({
    type: 'admin',
    prefix: '/portfolio',
    routes: [
      {
        method: 'GET',
        path: '/publish-with-related',
        handler: async (ctx: Context) => {
          const { model, documentId } = target(ctx.query);
          ctx.body = { data: await publishPlan(strapi, model, documentId) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/publish-with-related',
        handler: async (ctx: Context) => {
          const { model, documentId } = target(ctx.request.body);
          checkAllowed(ctx, (await publishPlan(strapi, model, documentId)).plan);
          ctx.body = { data: await publishWithRelated(strapi, model, documentId) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
