import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { VERSION_HEADER } from './version-header';
import { readableForm } from './readable-form';
import { attributesOf } from './related-drafts';

/**
 * Two officers (or one in two tabs) open the same entry; the first saves, then the second saves a
 * form that still holds what it loaded, and the first one's changes are gone without a word:
 * Strapi 5 writes whatever the form sends. Now the CMS gives every read and write of a draft in
 * the Content Manager a version, a fingerprint of its content; the admin sends back the version of
 * the draft its form was built from (`admin/edit-conflicts.ts`); and a save, publish or discard
 * from a form whose draft has changed since is refused, saying when and who saved last. The admin
 * lists what the refused form had changed (admin/UnsavedChangesPanel.tsx). A fingerprint rather
 * than `updatedAt`: Strapi rewrites a language version when the other language is saved, even
 * when what they share did not change. Requests without a version (scripts, the REST API) are not
 * checked.
 */

/**
 * Content Manager routes that read a draft into a form (they tell its version), write what a form
 * holds, or throw its draft away (a discard; an unpublish that discards the draft too).
 */
const VERSIONED_HANDLERS: Record<string, 'read' | 'save' | 'discard' | 'unpublish'> = {
  'collection-types.findOne': 'read',
  'single-types.find': 'read',
  'collection-types.update': 'save',
  'collection-types.publish': 'save',
  'collection-types.discard': 'discard',
  'collection-types.unpublish': 'unpublish',
  'single-types.createOrUpdate': 'save',
  'single-types.publish': 'save',
  'single-types.discard': 'discard',
  'single-types.unpublish': 'unpublish',
};

type Route = { handler: string; path: string; config?: { middlewares?: unknown[] } };
type Context = {
  params: { model?: string; id?: string };
  query: { locale?: unknown };
  request: { body?: { locale?: unknown; discardDraft?: unknown } };
  state: { user?: { id: number } };
  get(header: string): string;
  set(header: string, value: string): void;
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

/**
 * The version may have changed without its last saver: Strapi copies the fields both languages
 * share from the other language's save, and the scheduled publish clears «Pubblica il». So the
 * message names the last saver of this version apart from the time of the change.
 */
export function conflictMessage(lastSave: LastSave, userId: number | undefined, refused: 'save' | 'discard'): string {
  const by = lastSave.updatedBy;
  const saver = !by
    ? ''
    : by.id === userId
      ? ' (ultimo salvataggio: tuo, forse in un’altra scheda)'
      : ` (ultimo salvataggio di ${[by.firstname, by.lastname].filter(Boolean).join(' ')})`;
  const changed = `questa voce è cambiata ${whenSaved(new Date(lastSave.updatedAt))}, dopo che l’hai aperta${saver}`;
  return refused === 'save'
    ? `Modifiche non salvate: ${changed}, e salvando ora avresti cancellato quelle modifiche. ` +
        'Il modulo mostra ora la versione aggiornata; le tue modifiche sono nel riquadro «Modifiche non salvate», da riportare nei campi.'
    : `Bozza non scartata: ${changed}, e scartandola ora avresti perso quelle modifiche senza vederle. ` +
        'Il modulo mostra ora la versione aggiornata: controllala e ripeti l’azione se serve.';
}

/** Populate for what a draft holds: its own relations and media (as ids) and components, all the way down. */
function contentPopulate(strapi: Core.Strapi, uid: string): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (attribute.type === 'media') populate[name] = { select: ['id'] };
    else if (attribute.type === 'relation' && attribute.target?.startsWith('api::') && !attribute.mappedBy)
      populate[name] = { select: ['documentId'] };
    else if (attribute.type === 'component' && attribute.component)
      populate[name] = { populate: contentPopulate(strapi, attribute.component) };
  }
  return populate;
}

/** What is bookkeeping, not content: row ids, times, authors, the computed list label, the former slugs. */
const NOT_CONTENT = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'adminLabel',
  'formerSlugs',
  'localizations',
]);
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => !NOT_CONTENT.has(key))
      .sort()
      .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
  );
}

type Draft = LastSave & Record<string, unknown>;

/** The draft of a document (the single type's when there is no id) in a language, with its last saver. */
async function readDraft(strapi: Core.Strapi, uid: string, documentId: string | undefined, locale: string): Promise<Draft | null> {
  return strapi.db.query(uid as never).findOne({
    where: { ...(documentId ? { documentId } : {}), locale, publishedAt: null },
    populate: { ...contentPopulate(strapi, uid), updatedBy: { select: ['id', 'firstname', 'lastname'] } },
  });
}
const fingerprint = (draft: Draft) =>
  createHash('sha256')
    .update(JSON.stringify(stable(draft)))
    .digest('base64url')
    .slice(0, 22);

/**
 * Runs writes to the same document one after another: the check and the write it allows are one
 * step, or two saves from the same form arriving together would both pass the check (on
 * PostgreSQL they did, and the last one won). One CMS process serves the admin, so a lock in
 * memory is enough; both languages share a lock, since a save copies their shared fields.
 */
const writing = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, write: () => Promise<T>): Promise<T> {
  const before = writing.get(key) ?? Promise.resolve();
  const done = before.then(write, write);
  const settled = done.catch(() => undefined);
  writing.set(key, settled);
  try {
    return await done;
  } finally {
    if (writing.get(key) === settled) writing.delete(key);
  }
}

export function registerEditConflictCheck(strapi: Core.Strapi): void {
  const contentManager = strapi.plugin('content-manager') as unknown as { routes: { admin: { routes: Route[] } } };
  const localeOf = async (ctx: Context) => {
    // i18n's router middleware moves a write's locale from the query into the body first.
    const requested = ctx.request.body?.locale ?? ctx.query.locale;
    return typeof requested === 'string' ? requested : String(await strapi.plugin('i18n').service('locales').getDefaultLocale());
  };
  /** After a read or a write: the version of the draft as it now is, for the admin to send back. */
  const tellVersion = async (ctx: Context) => {
    const uid = String(ctx.params.model ?? '');
    const answered = (ctx.body as { data?: { documentId?: string; locale?: string } } | null)?.data;
    if (ctx.status !== 200 || !uid.startsWith('api::') || !answered?.documentId) return;
    const draft = await readDraft(strapi, uid, answered.documentId, answered.locale ?? (await localeOf(ctx)));
    if (draft) ctx.set(VERSION_HEADER, fingerprint(draft));
  };
  const versioned = (action: 'read' | 'save' | 'discard' | 'unpublish') => async (ctx: Context, next: () => Promise<unknown>) => {
    const uid = String(ctx.params.model ?? '');
    if (action === 'read' || !uid.startsWith('api::')) {
      await next();
      return tellVersion(ctx);
    }
    await oneAtATime(`${uid}:${ctx.params.id ?? ''}`, async () => {
      const edited = ctx.get(VERSION_HEADER);
      // An unpublish that keeps the draft loses nothing.
      if (edited && (action !== 'unpublish' || ctx.request.body?.discardDraft)) {
        const locale = await localeOf(ctx);
        const draft = await readDraft(strapi, uid, ctx.params.id, locale);
        if (draft && fingerprint(draft) !== edited) {
          const form = action === 'save' ? ((ctx.request.body ?? {}) as Record<string, unknown>) : null;
          ctx.status = 409;
          ctx.body = {
            data: null,
            error: {
              status: 409,
              name: 'ConflictError',
              message: conflictMessage(draft, ctx.state.user?.id, form ? 'save' : 'discard'),
              // The refused form's links, choices and components in words, for the admin to list.
              details: form ? { readable: await readableForm(strapi, uid, form, draft, locale) } : {},
            },
          };
          return;
        }
      }
      await next();
      await tellVersion(ctx);
    });
  };
  for (const route of contentManager.routes.admin.routes) {
    const action = VERSIONED_HANDLERS[route.handler];
    // Publishing a collection entry without an id creates it: there is no earlier save to lose.
    if (!action || (route.handler === 'collection-types.publish' && !route.path.includes(':id'))) continue;
    route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), versioned(action)] };
  }
}
