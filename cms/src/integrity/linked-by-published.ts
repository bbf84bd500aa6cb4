import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { attributesOf, describeEntries, isOurs, labelField, localesOf, type RelatedEntry, typeName } from './related-drafts';

/**
 * The mirror of publishing with related entries: unpublishing or deleting an entry that published
 * pages show would take it off those pages with no word to the officer. For the types below, that
 * is refused while published entries link to it, naming them (as Sanity refuses to delete a
 * document others reference). Themes are tags, not guarded: deleting one takes it off its projects.
 */

type Strapi = Core.Strapi;

/** The guarded types, and what the pages that link to one would lose (one page, several pages). */
export const SHOWN_ON_OTHER_PAGES: Record<string, { one: string; many: string }> = {
  'api::funding-line.funding-line': {
    one: "perderebbe l'emblema dell'Unione europea e la dicitura sul finanziamento",
    many: "perderebbero l'emblema dell'Unione europea e la dicitura sul finanziamento",
  },
  'api::partner.partner': { one: 'non lo mostrerebbe più tra i partner', many: 'non lo mostrerebbero più tra i partner' },
};

/** At most this many entries are named in a refusal; the rest are counted. */
const NAMED = 5;

/** "Partner «A» (italiano), Progetto «B» (inglese) e altre 3". */
export const nameSome = (entries: RelatedEntry[]) =>
  `${describeEntries(entries.slice(0, NAMED))}${entries.length > NAMED ? ` e altre ${entries.length - NAMED}` : ''}`;

/** The media library's files: media fields link to them. */
export const FILE = 'plugin::upload.file';

/** Where each type links to `target`: attribute paths through components, e.g. ['partnerships', 'partner']. */
function pathsTo(strapi: Strapi, target: string, uid: string, prefix: string[] = []): string[][] {
  const paths: string[][] = [];
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    const links =
      attribute.type === 'media' ? target === FILE : attribute.type === 'relation' && attribute.target === target && !attribute.mappedBy;
    if (links) paths.push([...prefix, name]);
    else if (attribute.type === 'component' && attribute.component)
      paths.push(...pathsTo(strapi, target, attribute.component, [...prefix, name]));
  }
  return paths;
}

/** The published entries that link to the document in these languages. */
export async function publishedEntriesLinkingTo(
  strapi: Strapi,
  uid: string,
  documentId: string,
  locales: string[],
): Promise<RelatedEntry[]> {
  const found = new Map<string, RelatedEntry>();
  for (const referrer of Object.keys(strapi.contentTypes).filter(isOurs)) {
    const label = labelField(strapi, referrer);
    for (const path of pathsTo(strapi, uid, referrer)) {
      const linksTo = path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { documentId });
      const rows: Array<Record<string, unknown> & { documentId: string; locale: string }> = await strapi.db
        .query(referrer as never)
        .findMany({
          where: { $and: [{ publishedAt: { $notNull: true } }, { locale: { $in: locales } }, linksTo] },
          select: ['documentId', 'locale', label],
        });
      for (const row of rows) {
        found.set(`${referrer}:${row.documentId}:${row.locale}`, {
          uid: referrer,
          documentId: row.documentId,
          locale: row.locale,
          label: String(row[label] ?? row.documentId),
          typeName: typeName(strapi, referrer),
        });
      }
    }
  }
  return [...found.values()];
}

/** Refuses to unpublish or delete a guarded entry that published entries link to, saying which and what to do. */
export async function refuseWhileLinkedByPublished(
  strapi: Strapi,
  action: 'unpublish' | 'delete',
  uid: string,
  documentId: string,
  locale: unknown,
): Promise<void> {
  const loss = SHOWN_ON_OTHER_PAGES[uid];
  if (!loss) return;
  const locales = await localesOf(strapi, uid, documentId, locale);
  const linking = await publishedEntriesLinkingTo(strapi, uid, documentId, locales);
  if (linking.length === 0) return;
  // Named as in the language the officer acts on.
  const own = await strapi.db.query(uid as never).findOne({ where: { documentId, locale: locales[0] }, select: [labelField(strapi, uid)] });
  const name = `${typeName(strapi, uid)} «${own?.[labelField(strapi, uid)] ?? documentId}»`;
  // "Converti in bozza" is Strapi's Italian for Unpublish.
  const what = action === 'unpublish' ? 'Conversione in bozza non eseguita' : 'Eliminazione non eseguita';
  const who =
    linking.length === 1
      ? `una voce pubblicata è collegata a questa (${name}) e la sua pagina ${loss.one}`
      : `${linking.length} voci pubblicate sono collegate a questa (${name}) e le loro pagine ${loss.many}`;
  throw new errors.ValidationError(
    `${what}: ${who}: ${nameSome(linking)}. Togliere prima il collegamento in quelle voci (o sostituirlo) e pubblicarle, poi riprovare.`,
    { linkedBy: linking },
  );
}
