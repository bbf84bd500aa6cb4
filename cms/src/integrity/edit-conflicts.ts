import type { Core } from '@strapi/strapi';
import { EDITED_VERSION_HEADER } from './edited-version-header';

/**
 * Two officers (or one in two tabs) open the same entry; the first saves, then the second saves a
 * form that still holds what it loaded, and the first one's changes are gone without a word:
 * Strapi 5 writes whatever the form sends. The admin now says which version of the entry each
 * form was loaded from (header below, added by `admin/edit-conflicts.ts`), and a save, publish or
 * discard made from a form loaded before the entry's last save is refused, with who saved it and
 * when; the admin lists what the refused form had changed (admin/UnsavedChangesPanel.tsx).
 * Requests without the header (scripts, the REST API) are not checked.
 */

/** Content Manager routes that write what a form holds (a discard throws away the draft it shows). */
const CHECKED_HANDLERS = new Set([
  'collection-types.update',
  'collection-types.publish',
  'collection-types.discard',
  'single-types.createOrUpdate',
  'single-types.publish',
  'single-types.discard',
]);

type Route = { handler: string; path: string; config?: { middlewares?: unknown[] } };
type Context = {
  params: { model?: string; id?: string };
  query: { locale?: unknown };
  state: { user?: { id: number } };
  get(header: string): string;
  status: number;
  body: unknown;
};
type LastSave = { updatedAt: string | Date; updatedBy?: { id: number; firstname?: string; lastname?: string } | null };

const ROME_TIME = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: 'numeric', minute: '2-digit' });
const ROME_DAY = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: 'numeric', month: 'long', year: 'numeric' });

/** "oggi alle 10:42", or "il 3 dicembre 2026 alle 10:42" another day: the officers' clock is Rome's. */
export function whenSaved(savedAt: Date, now = new Date()): string {
  const day = ROME_DAY.format(savedAt);
  const time = `alle ${ROME_TIME.format(savedAt)}`;
  return day === ROME_DAY.format(now) ? `oggi ${time}` : `il ${day} ${time}`;
}

export function conflictMessage(lastSave: LastSave, userId: number | undefined): string {
  const by = lastSave.updatedBy;
  const who =
    by && by.id === userId
      ? 'da te, in un’altra scheda o finestra,'
      : by
        ? `da ${[by.firstname, by.lastname].filter(Boolean).join(' ')}`
        : 'da un’altra persona';
  return (
    `Modifiche non salvate: questa voce è stata salvata ${who} ${whenSaved(new Date(lastSave.updatedAt))}, ` +
    'dopo che l’hai aperta: salvando ora avresti cancellato quelle modifiche. ' +
    'Il modulo mostra ora la versione salvata; le tue modifiche sono nel riquadro «Modifiche non salvate», da riportare nei campi.'
  );
}

export function registerEditConflictCheck(strapi: Core.Strapi): void {
  const contentManager = strapi.plugin('content-manager') as unknown as { routes: { admin: { routes: Route[] } } };
  const refuseStaleForm = async (ctx: Context, next: () => Promise<unknown>) => {
    const edited = Date.parse(ctx.get(EDITED_VERSION_HEADER));
    const uid = String(ctx.params.model ?? '');
    if (Number.isNaN(edited) || !uid.startsWith('api::')) return next();
    const locale =
      typeof ctx.query.locale === 'string' ? ctx.query.locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const lastSave: LastSave | null = await strapi.db.query(uid as never).findOne({
      where: { ...(ctx.params.id ? { documentId: ctx.params.id } : {}), locale, publishedAt: null },
      select: ['updatedAt'],
      populate: { updatedBy: { select: ['id', 'firstname', 'lastname'] } },
    });
    if (lastSave && new Date(lastSave.updatedAt).getTime() > edited) {
      ctx.status = 409;
      ctx.body = {
        data: null,
        error: { status: 409, name: 'ConflictError', message: conflictMessage(lastSave, ctx.state.user?.id), details: {} },
      };
      return;
    }
    return next();
  };
  for (const route of contentManager.routes.admin.routes) {
    // Publishing a collection entry without an id creates it: there is no earlier save to lose.
    const createsEntry = route.handler === 'collection-types.publish' && !route.path.includes(':id');
    if (!CHECKED_HANDLERS.has(route.handler) || createsEntry) continue;
    route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), refuseStaleForm] };
  }
}
