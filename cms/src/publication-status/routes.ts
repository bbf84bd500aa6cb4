import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_LAYOUTS } from '../admin-layout/labels';
import { ACTION, type ActionNotShown, whyActionNotShown } from '../integrity/action-project';
import { publishedEntriesLinkingTo, SHOWN_ON_OTHER_PAGES } from '../integrity/linked-by-published';
import { labelField, typeName } from '../integrity/related-drafts';
import { type ScheduledFailure, scheduledFailure } from '../scheduling/failures';
import { languageName } from '../language-names';

type Strapi = Core.Strapi;
type Uid = Parameters<Strapi['contentType']>[0];
type Context = { query: Record<string, unknown>; body: unknown };

/** What the publisher's GET /status says (publisher/src/publisher.ts), as far as the admin needs it. */
interface PublisherStatus {
  mode: 'build' | 'relay';
  live: { id: string; builtAt: string; durationMs: number; pages: number } | null;
  building: boolean;
  pendingEvents: number;
  lastBuild: {
    ok: boolean;
    trigger: string;
    startedAt: string;
    finishedAt: string;
    durationMs: number;
    release?: string;
    error?: string;
    failure?: { contentType: string; documentId: string; locale: string; field: string; reason: string };
  } | null;
}

/** The entry that broke the last build, as an officer knows it. */
export interface FailingEntry {
  uid: string;
  documentId: string;
  locale: string;
  /** Italian name of the language ("inglese"). */
  language: string;
  /** Its name, title or acronym; null when the entry no longer exists. */
  name: string | null;
  /** Italian name of its type ("Partner"). */
  typeName: string;
  /** The field's path as the build reported it, and its Italian label in the edit view. */
  field: string;
  fieldLabel: string;
  /** The build's own words (English, for developers). */
  reason: string;
  /** The entry's edit view in the admin, without the /admin prefix. */
  editPath: string | null;
}

/** The answer of GET /portfolio/publication-status. */
export interface PublicationStatus {
  /** False when the publisher did not answer: nothing else is known. */
  reachable: boolean;
  mode?: 'build' | 'relay';
  /** Base URL of the public site (SITE_URL), for "Vedi sul sito". */
  siteUrl: string;
  live?: PublisherStatus['live'];
  building?: boolean;
  pendingEvents?: number;
  lastBuild?: Omit<NonNullable<PublisherStatus['lastBuild']>, 'failure' | 'error'> & { error?: string; failure?: FailingEntry };
  /** With ?uid=&documentId=&locale=: the entry of the edit view on the public site. */
  entry?: {
    uid: string;
    documentId: string;
    locale: string;
    /** When its published version was published, or null when it has none in this language. */
    publishedAt: string | null;
    /** Whether the live release was built after that publication (null: not known, e.g. relay mode). */
    live: boolean | null;
    /** What the site's URL scheme needs (shared-types/src/routes.ts documentRoute): its slug, an action's project's. */
    slug: string | null;
    projectSlug: string | null;
    /** A published action that no page shows, and why (null otherwise). */
    notShown: ActionNotShown | null;
    /** For a partner or a funding line: how many published entries in this language link to it (it stays online while any does). */
    linkedByPublished: number | null;
    /** Its "Pubblica il" date, and why the publish at that date was refused while it stays due (null: none set). */
    scheduled: { publishAt: string; failure: ScheduledFailure | null } | null;
  };
}

const TIMEOUT_MS = 2_000;

/** Where the publisher's status is read: PUBLISHER_STATUS_URL, else /status at the webhook's origin. */
export function publisherStatusUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLISHER_STATUS_URL) return env.PUBLISHER_STATUS_URL;
  return new URL('/status', env.PUBLISH_WEBHOOK_URL || 'http://127.0.0.1:4322/webhook').toString();
}

/** The public site's base URL, without a trailing slash. */
export const publicSiteUrl = (env: NodeJS.ProcessEnv = process.env) => (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');

async function readPublisher(): Promise<PublisherStatus | null> {
  try {
    const response = await fetch(publisherStatusUrl(), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return null;
    return (await response.json()) as PublisherStatus;
  } catch {
    return null;
  }
}

const isPublicType = (strapi: Strapi, uid: string) => uid.startsWith('api::') && Boolean(strapi.contentTypes[uid as Uid]);
const isSingle = (strapi: Strapi, uid: string) => strapi.contentTypes[uid as Uid]?.kind === 'singleType';

async function findVersion(strapi: Strapi, uid: string, documentId: string, locale: string, status: 'published' | 'draft') {
  const fields = [
    ...new Set([labelField(strapi, uid), 'publishedAt', ...('slug' in strapi.getModel(uid as Uid).attributes ? ['slug'] : [])]),
  ];
  const populate = uid === ACTION ? { project: { fields: ['slug'] } } : undefined;
  return (await strapi.documents(uid as never).findOne({ documentId, locale, status, fields, populate } as never)) as
    | (Record<string, unknown> & { publishedAt?: string; project?: { slug?: unknown } })
    | null;
}

async function describeFailure(
  strapi: Strapi,
  failure: NonNullable<NonNullable<PublisherStatus['lastBuild']>['failure']>,
): Promise<FailingEntry> {
  const { contentType: uid, documentId, locale, field, reason } = failure;
  const known = isPublicType(strapi, uid);
  let name: string | null = null;
  if (known) {
    const version =
      (await findVersion(strapi, uid, documentId, locale, 'published')) ?? (await findVersion(strapi, uid, documentId, locale, 'draft'));
    if (version) name = String(version[labelField(strapi, uid)] ?? documentId);
  }
  const topField = field.split('.')[0] ?? '';
  const label = CONTENT_TYPE_LAYOUTS[uid]?.fields[topField]?.label ?? topField;
  const position = field.split('.').find((part) => /^\d+$/.test(part));
  return {
    uid,
    documentId,
    locale,
    language: languageName(locale),
    name,
    typeName: known ? typeName(strapi, uid) : uid,
    field,
    fieldLabel: position !== undefined ? `${label} (riga ${Number(position) + 1})` : label,
    reason,
    editPath: known
      ? isSingle(strapi, uid)
        ? `/content-manager/single-types/${uid}?plugins[i18n][locale]=${locale}`
        : `/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`
      : null,
  };
}

async function describeSchedule(
  strapi: Strapi,
  uid: string,
  documentId: string,
): Promise<NonNullable<PublicationStatus['entry']>['scheduled']> {
  if (!('publishAt' in strapi.getModel(uid as Uid).attributes)) return null;
  // The date is shared by the languages, and private: read from the draft row.
  const draft = await strapi.db.query(uid as Uid).findOne({ where: { documentId, publishedAt: { $null: true } }, select: ['publishAt'] });
  if (!draft?.publishAt) return null;
  return { publishAt: new Date(draft.publishAt).toISOString(), failure: await scheduledFailure(strapi, uid, documentId) };
}

/** The entry of the edit view: is it published in this language, and is the live site built since? */
async function describeEntry(
  strapi: Strapi,
  status: PublisherStatus | null,
  uid: string,
  documentId: string,
  locale: string,
): Promise<PublicationStatus['entry']> {
  const published = await findVersion(strapi, uid, documentId, locale, 'published');
  const draft = published ?? (await findVersion(strapi, uid, documentId, locale, 'draft'));
  const publishedAt: string | null = published?.publishedAt ? new Date(published.publishedAt).toISOString() : null;
  let live: boolean | null = null;
  if (status?.mode === 'build') {
    // The live release holds what the CMS published before its build started.
    const liveStarted = status.live ? Date.parse(status.live.builtAt) - status.live.durationMs : null;
    live = publishedAt !== null && liveStarted !== null && Date.parse(publishedAt) <= liveStarted;
  }
  return {
    uid,
    documentId,
    locale,
    publishedAt,
    live,
    slug: typeof draft?.slug === 'string' ? draft.slug : null,
    projectSlug: typeof draft?.project?.slug === 'string' ? draft.project.slug : null,
    notShown: publishedAt && uid === ACTION ? await whyActionNotShown(strapi, documentId, locale) : null,
    linkedByPublished:
      publishedAt && SHOWN_ON_OTHER_PAGES[uid] ? (await publishedEntriesLinkingTo(strapi, uid, documentId, [locale])).length : null,
    scheduled: await describeSchedule(strapi, uid, documentId),
  };
}

export async function publicationStatus(strapi: Strapi, query: Record<string, unknown> = {}): Promise<PublicationStatus> {
  const status = await readPublisher();
  const result: PublicationStatus = { reachable: status !== null, siteUrl: publicSiteUrl() };
  if (status) {
    const { failure, error, ...lastBuild } = status.lastBuild ?? ({} as NonNullable<PublisherStatus['lastBuild']>);
    Object.assign(result, {
      mode: status.mode,
      live: status.live,
      building: status.building,
      pendingEvents: status.pendingEvents,
      lastBuild: status.lastBuild
        ? {
            ...lastBuild,
            // The end of the build's output, for developers; the officer reads `failure`.
            ...(error ? { error: error.slice(-2000) } : {}),
            ...(failure ? { failure: await describeFailure(strapi, failure) } : {}),
          }
        : null,
    });
  }
  const uid = String(query.uid ?? '');
  const documentId = String(query.documentId ?? '');
  const locale = String(query.locale ?? 'it');
  if (uid && isPublicType(strapi, uid) && (documentId || isSingle(strapi, uid))) {
    let id = documentId;
    if (!id)
      id = ((await strapi.documents(uid as never).findFirst({ locale } as never)) as { documentId?: string } | null)?.documentId ?? '';
    if (id) result.entry = await describeEntry(strapi, status, uid, id, locale);
  }
  return result;
}

/**
 * GET /portfolio/publication-status (admin session): the publisher's status read here, on the
 * server, so the publisher's port stays private; the entry that broke the last build named; with
 * ?uid=&documentId=&locale=, whether that entry is on the live site. A publisher that does not
 * answer is a state (`reachable: false`), not an error.
 */
export function registerPublicationStatusRoute(strapi: Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/portfolio',
    routes: [
      {
        method: 'GET',
        path: '/publication-status',
        handler: async (ctx: Context) => {
          ctx.body = { data: await publicationStatus(strapi, ctx.query) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
