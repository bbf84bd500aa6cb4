import type { Core } from '@strapi/strapi';
import { COMPONENT_LAYOUTS } from '../admin-layout/labels';
import { attributesOf, labelField } from './related-drafts';

/**
 * A refused form's links, files, choices and components in words, for the panel that lists what
 * the officer had changed (admin/UnsavedChangesPanel.tsx): the form sends links as ids and
 * operations ("connect", "disconnect") and choices as stored values, which say nothing to a
 * person. Texts and numbers are the admin's own to show, as typed.
 */

type Strapi = Core.Strapi;
type Fields = Record<string, unknown>;
type Link = { documentId?: string };
type LinkChange = { connect?: Link[]; disconnect?: Link[] };

/**
 * The Italian labels of enumeration values, as the public site and the admin show them.
 * Required, not imported: see validation/admin-labels.ts.
 */
const ENUM_LABELS: Record<string, string> = Object.assign(
  {},
  ...Object.values(require('shared-types/enum-labels') as Record<string, Record<string, { it?: string }>>).map((labels) =>
    Object.fromEntries(Object.entries(labels).flatMap(([value, label]) => (typeof label?.it === 'string' ? [[value, label.it]] : []))),
  ),
);

/** A value the form or the database gives as one item or a list, as a list. */
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);
const isLinkChange = (value: unknown): value is LinkChange =>
  typeof value === 'object' && value !== null && ('connect' in value || 'disconnect' in value);
const idsIn = (links: Link[] | undefined) => (links ?? []).flatMap((link) => (link?.documentId ? [link.documentId] : []));

/** The names of these documents of one type, by documentId, in the form's language where it has one. */
async function namesOf(strapi: Strapi, uid: string, documentIds: string[], locale: string): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const field = labelField(strapi, uid);
  const rows: Array<Record<string, unknown> & { documentId: string; locale?: string }> = await strapi.db.query(uid as never).findMany({
    where: { documentId: { $in: [...new Set(documentIds)] } },
    select: ['documentId', field, ...('locale' in attributesOf(strapi, uid) ? ['locale'] : [])],
  });
  const names = new Map<string, string>();
  for (const row of rows) {
    if (!names.has(row.documentId) || row.locale === locale) names.set(row.documentId, String(row[field] ?? row.documentId));
  }
  return names;
}

/** A choice as the admin shows it: an enumeration's Italian label, "sì" or "no", "nessuna scelta". */
const choice = (value: unknown) =>
  typeof value === 'boolean'
    ? value
      ? 'sì'
      : 'no'
    : typeof value === 'string' && value
      ? (ENUM_LABELS[value] ?? value)
      : 'nessuna scelta';

const quoted = (names: string[]) => names.map((name) => `«${name}»`).join(', ');

/** A file field's value as the form sends it: the file object, a list of them, or nothing. */
function fileNames(value: unknown): string {
  const files = asList(value).filter((file): file is { name?: string } => typeof file === 'object' && file !== null);
  return files.length === 0 ? 'nessun file' : quoted(files.map((file) => file.name ?? 'file'));
}

/**
 * Each relation, file, choice and component field the form sends, in lines of text: a relation as the
 * entries it would link and unlink ("Aggiunti: «Comune di Bologna»"), a component as one line per
 * row with its fields ("Ruolo: Capofila · Partner: «Comune di Bologna»"). `current` is the draft as
 * it is now, which the officer's form shows again after the refusal.
 */
export async function readableForm(
  strapi: Strapi,
  uid: string,
  form: Fields,
  current: Fields | null,
  locale: string,
): Promise<Record<string, string[]>> {
  const readable: Record<string, string[]> = {};
  for (const [field, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (!(field in form)) continue;
    const value = form[field];
    if (attribute.type === 'relation' && attribute.target && isLinkChange(value)) {
      const linked = new Set(idsIn(asList(current?.[field]) as Link[]));
      const added = idsIn(value.connect).filter((id) => !linked.has(id));
      const removed = idsIn(value.disconnect);
      if (added.length + removed.length === 0 && !value.connect?.length) continue;
      const names = await namesOf(strapi, attribute.target, [...added, ...removed], locale);
      const name = (id: string) => names.get(id) ?? id;
      readable[field] = [
        ...(added.length ? [`Aggiunti: ${quoted(added.map(name))}`] : []),
        ...(removed.length ? [`Tolti: ${quoted(removed.map(name))}`] : []),
      ];
      if (readable[field].length === 0) readable[field] = ['Ordine cambiato'];
    } else if (attribute.type === 'media') {
      readable[field] = [fileNames(value)];
    } else if (attribute.type === 'enumeration' || attribute.type === 'boolean') {
      readable[field] = [choice(value)];
    } else if (attribute.type === 'component' && attribute.component) {
      const rows = asList(value).filter((row): row is Fields => typeof row === 'object' && row !== null);
      readable[field] = rows.length
        ? await Promise.all(rows.map((row) => readableRow(strapi, attribute.component!, row, locale)))
        : ['nessuna riga'];
    }
  }
  return readable;
}

/** One component row: "Label: value" for each field it fills, its links as they would be once saved. */
async function readableRow(strapi: Strapi, component: string, row: Fields, locale: string): Promise<string> {
  const labels = COMPONENT_LAYOUTS[component]?.fields ?? {};
  const parts: string[] = [];
  for (const [field, attribute] of Object.entries(attributesOf(strapi, component))) {
    if (field === 'adminLabel') continue;
    const value = row[field];
    let text: string | null = null;
    if (attribute.type === 'relation' && attribute.target) {
      // A row's link left as it was is sent as no change: it is the row's link as stored.
      let ids = isLinkChange(value) ? idsIn(value.connect) : [];
      if (ids.length === 0 && !(isLinkChange(value) && value.disconnect?.length) && typeof row.id === 'number') {
        const stored: Record<string, unknown> | null = await strapi.db
          .query(component as never)
          .findOne({ where: { id: row.id }, populate: { [field]: { select: ['documentId'] } } });
        ids = idsIn(asList(stored?.[field]) as Link[]);
      }
      const names = await namesOf(strapi, attribute.target, ids, locale);
      text = ids.length ? quoted(ids.map((id) => names.get(id) ?? id)) : null;
    } else if (attribute.type === 'media') {
      text = value ? fileNames(value) : null;
    } else if ((attribute.type === 'enumeration' && typeof value === 'string') || typeof value === 'boolean') {
      text = choice(value);
    } else if (typeof value === 'string' || typeof value === 'number') {
      text = value === '' ? null : String(value);
    }
    if (text !== null) parts.push(`${labels[field]?.label ?? field}: ${text}`);
  }
  return parts.join(' · ') || '(riga vuota)';
}
