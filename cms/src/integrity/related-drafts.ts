import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PublicContentType } from '../bootstrap/public-types';
import { languageName } from '../language-names';

/**
 * Publishing an entry whose relations point at entries never published would put online a page
 * that silently lacks them (a project without its new partners). These helpers find such entries
 * and publish an entry together with them.
 */

type Strapi = Core.Strapi;
type Uid = Parameters<Strapi['contentType']>[0];
type Attribute = { type: string; target?: string; mappedBy?: string; component?: string };

/** An entry a publish depends on, in one language. */
export interface RelatedEntry {
  uid: string;
  documentId: string;
  locale: string;
  /** The entry as an officer knows it: its name, title or acronym. */
  label: string;
  /** The Italian name of its type, e.g. "Partner", "Linea di finanziamento". */
  typeName: string;
  /** Why it is not online in that language: never published, or no version in that language at all. */
  missing?: 'publication' | 'translation';
}

/** A document an entry links to. */
type Linked = Pick<RelatedEntry, 'uid' | 'documentId' | 'label'>;

export const isOurs = (uid: string | undefined): uid is string => Boolean(uid?.startsWith('api::'));
/** The model's attributes but i18n's `localizations`, a link between language versions, not content. */
export const attributesOf = (strapi: Strapi, uid: string) =>
  Object.fromEntries(Object.entries(strapi.getModel(uid as Uid).attributes).filter(([name]) => name !== 'localizations')) as Record<
    string,
    Attribute
  >;
/** The field that names an entry to an officer: the admin's computed label, else its name or title. */
export const labelField = (strapi: Strapi, uid: string) =>
  ['adminLabel', 'name', 'title', 'acronym'].find((field) => field in (strapi.getModel(uid as Uid)?.attributes ?? {})) ?? 'documentId';

/**
 * Populate for the relations an entry writes itself (it owns them), in its components too:
 * those are the links a publish copies into the published version.
 */
function ownedRelationsPopulate(strapi: Strapi, uid: string): Record<string, unknown> | null {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (attribute.type === 'relation' && isOurs(attribute.target) && !attribute.mappedBy) {
      populate[name] = { select: ['documentId', labelField(strapi, attribute.target)] };
    } else if (attribute.type === 'component' && attribute.component) {
      const inner = ownedRelationsPopulate(strapi, attribute.component);
      if (inner) populate[name] = { populate: inner };
    }
  }
  return Object.keys(populate).length > 0 ? populate : null;
}

/** The documents an entry links to through the relations it owns, with the type of each. */
function collectOwned(strapi: Strapi, uid: string, entry: Record<string, unknown>, out: Map<string, Linked>) {
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    const value = entry?.[name];
    if (value == null) continue;
    const items = (Array.isArray(value) ? value : [value]) as Array<Record<string, unknown> & { documentId?: string }>;
    if (attribute.type === 'relation' && isOurs(attribute.target) && !attribute.mappedBy) {
      for (const item of items) {
        if (item?.documentId)
          out.set(`${attribute.target}:${item.documentId}`, {
            uid: attribute.target,
            documentId: item.documentId,
            label: String(item[labelField(strapi, attribute.target)] ?? item.documentId),
          });
      }
    } else if (attribute.type === 'component' && attribute.component) {
      for (const item of items) collectOwned(strapi, attribute.component, item, out);
    }
  }
}

export const typeName = (strapi: Strapi, uid: string) => strapi.contentTypes[uid as Uid].info.displayName;

/** Of these documents, those with no published version in the language. */
async function withoutPublishedVersion(strapi: Strapi, locale: string, candidates: Iterable<Linked>): Promise<RelatedEntry[]> {
  const byType = new Map<string, Linked[]>();
  for (const candidate of candidates) byType.set(candidate.uid, [...(byType.get(candidate.uid) ?? []), candidate]);
  const missing: RelatedEntry[] = [];
  for (const [uid, entries] of byType) {
    const versions: Array<{ documentId: string; publishedAt: string | null }> = await strapi.db.query(uid as Uid).findMany({
      where: { documentId: { $in: entries.map((e) => e.documentId) }, locale },
      select: ['documentId', 'publishedAt'],
    });
    for (const entry of entries) {
      const own = versions.filter((v) => v.documentId === entry.documentId);
      if (own.some((v) => v.publishedAt)) continue;
      missing.push({ ...entry, locale, typeName: typeName(strapi, uid), missing: own.length > 0 ? 'publication' : 'translation' });
    }
  }
  return missing;
}

/**
 * The entries never published in this language that publishing the entry there would leave out.
 * Relations are read from every language version of the draft: a partner linked only in the
 * Italian version must still be online in English for the English page to show it.
 */
export async function unpublishedOwnedRelations(strapi: Strapi, uid: string, documentId: string, locale: string): Promise<RelatedEntry[]> {
  const populate = ownedRelationsPopulate(strapi, uid);
  if (!populate) return [];
  const versions: Array<{ locale: string }> = await strapi.db.query(uid as Uid).findMany({
    where: { documentId, publishedAt: { $null: true } },
    select: ['locale'],
  });
  const related = new Map<string, Linked>();
  for (const version of versions) {
    // The query engine, not the Document Service: the label field may be private (adminLabel).
    const draft = await strapi.db
      .query(uid as Uid)
      .findOne({ where: { documentId, locale: version.locale, publishedAt: { $null: true } }, populate });
    if (draft) collectOwned(strapi, uid, draft, related);
  }
  return withoutPublishedVersion(strapi, locale, related.values());
}

/** The languages a publish, unpublish or delete request covers: one, several, or every language version ('*'). */
export async function localesOf(strapi: Strapi, uid: string, documentId: string, locale: unknown): Promise<string[]> {
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale.map(String);
  const rows = await strapi.db.query(uid as Uid).findMany({ where: { documentId, publishedAt: { $null: true } }, select: ['locale'] });
  return [...new Set<string>(rows.map((row: { locale: string }) => row.locale))];
}

export const describeEntries = (entries: RelatedEntry[]) =>
  entries
    .map((entry) =>
      entry.missing === 'translation'
        ? `${entry.typeName} «${entry.label}» (manca la versione in ${languageName(entry.locale)})`
        : `${entry.typeName} «${entry.label}» (${languageName(entry.locale)})`,
    )
    .join(', ');

/** Entries with no version in a language cannot be published in it: the officer must create it first. */
function refuseUntranslated(entries: RelatedEntry[]): void {
  const untranslated = entries.filter((entry) => entry.missing === 'translation');
  if (untranslated.length === 0) return;
  throw new errors.ValidationError(
    `Pubblicazione non eseguita: ${describeEntries(untranslated)}. Aprire ogni voce, creare la versione mancante ` +
      '(menu delle lingue in alto a destra) e salvarla; poi pubblicare di nuovo.',
    { related: untranslated },
  );
}

/**
 * Strapi's error when a relation points to an entry with no version in the language being saved,
 * e.g. an English project whose partner exists only in Italian, in Italian with what to do.
 */
export async function explainMissingTranslation(strapi: Strapi, error: unknown): Promise<never> {
  const match = (error as Error)?.message?.match(/^Document with id "([^"]+)", locale "([^"]+)" not found$/);
  if (!match) throw error;
  const [, documentId, locale] = match as unknown as [string, string, string];
  for (const uid of Object.keys(strapi.contentTypes).filter(isOurs)) {
    const row = await strapi.db.query(uid as Uid).findOne({ where: { documentId }, select: [labelField(strapi, uid)] });
    if (!row) continue;
    const entry: RelatedEntry = {
      uid,
      documentId,
      locale,
      label: String(row[labelField(strapi, uid)]),
      typeName: typeName(strapi, uid),
      missing: 'translation',
    };
    throw new errors.ValidationError(
      `Salvataggio non eseguito: questa voce è collegata a ${describeEntries([entry])}. ` +
        `Aprire la voce collegata, creare la versione in ${languageName(locale)} (menu delle lingue in alto a destra) e salvarla; poi salvare di nuovo questa.`,
      { related: [entry] },
    );
  }
  throw error;
}

/** Refuses a publish that would leave out related entries never published, naming them. */
export async function refusePublishWithoutRelated(strapi: Strapi, uid: string, documentId: string, locale: unknown): Promise<void> {
  const missing: RelatedEntry[] = [];
  for (const l of await localesOf(strapi, uid, documentId, locale)) {
    missing.push(...(await unpublishedOwnedRelations(strapi, uid, documentId, l)));
  }
  if (missing.length === 0) return;
  refuseUntranslated(missing);
  const action = uid === 'api::project.project' ? ' con «Pubblica con le voci collegate» (menu «Altre azioni», accanto a Salva)' : '';
  throw new errors.ValidationError(
    `Pubblicazione non eseguita: questa voce è collegata a voci non ancora pubblicate, che sul sito mancherebbero: ${describeEntries(missing)}. ` +
      `Pubblicarle insieme${action}, oppure pubblicarle prima.`,
    { related: missing },
  );
}

/**
 * Everything to publish, in order, so that publishing the entry leaves nothing out: in each of its
 * languages, the entries it links to that were never published (and theirs, first), then the entry,
 * then the never-published entries that point to it (a project's new actions and communities).
 */
export async function publishPlan(
  strapi: Strapi,
  uid: string,
  documentId: string,
): Promise<{ plan: RelatedEntry[]; untranslated: RelatedEntry[] }> {
  const plan: RelatedEntry[] = [];
  const untranslated: RelatedEntry[] = [];
  const planned = new Set<string>();
  const root = await strapi.db.query(uid as Uid).findMany({ where: { documentId, publishedAt: { $null: true } }, select: ['locale'] });
  const rootLabel = labelField(strapi, uid);

  const visit = async (entryUid: string, entryId: string, locale: string, label: string) => {
    const key = `${entryUid}:${entryId}:${locale}`;
    if (planned.has(key)) return;
    planned.add(key);
    for (const dependency of await unpublishedOwnedRelations(strapi, entryUid, entryId, locale)) {
      if (dependency.missing === 'translation') untranslated.push(dependency);
      else await visit(dependency.uid, dependency.documentId, locale, dependency.label);
    }
    plan.push({ uid: entryUid, documentId: entryId, locale, label, typeName: typeName(strapi, entryUid) });
  };

  for (const { locale } of root as Array<{ locale: string }>) {
    // Entries that point to this one (e.g. a project's actions) are written by their own relation.
    const inverse = Object.entries(attributesOf(strapi, uid)).filter(([, a]) => a.type === 'relation' && isOurs(a.target) && a.mappedBy);
    const draft = await strapi.db.query(uid as Uid).findOne({
      where: { documentId, locale, publishedAt: { $null: true } },
      populate: Object.fromEntries(inverse.map(([name, a]) => [name, { select: ['documentId', labelField(strapi, a.target!)] }])),
    });
    await visit(uid, documentId, locale, String(draft?.[rootLabel] ?? documentId));
    for (const [name, attribute] of inverse) {
      const linked = (draft?.[name] ?? []) as Array<Record<string, string>>;
      const candidates = linked.map((item) => ({
        uid: attribute.target!,
        documentId: item.documentId!,
        label: String(item[labelField(strapi, attribute.target!)] ?? item.documentId),
      }));
      for (const neverPublished of await withoutPublishedVersion(strapi, locale, candidates)) {
        await visit(neverPublished.uid, neverPublished.documentId, locale, neverPublished.label);
      }
    }
  }
  return { plan, untranslated };
}

/**
 * Publishes the plan in one transaction: if any entry is refused (a required field missing, a rule
 * broken), nothing is published. Returns what was published.
 */
export async function publishWithRelated(strapi: Strapi, uid: string, documentId: string): Promise<RelatedEntry[]> {
  return strapi.db.transaction(async () => {
    const { plan, untranslated } = await publishPlan(strapi, uid, documentId);
    refuseUntranslated(untranslated);
    for (const entry of plan) {
      try {
        await strapi.documents(entry.uid as PublicContentType).publish({ documentId: entry.documentId, locale: entry.locale });
      } catch (error) {
        const reason = (error as Error).message;
        throw new errors.ValidationError(
          `Pubblicazione annullata, nulla è stato pubblicato: ${entry.typeName} «${entry.label}» (${languageName(entry.locale)}) non può essere pubblicato. ${reason}`,
          { entry, errors: (error as { details?: { errors?: unknown } }).details?.errors },
        );
      }
    }
    return plan;
  });
}
