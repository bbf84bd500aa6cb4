import type { Core, UID } from '@strapi/strapi';
import { formatPlaceholders } from '../validation/field-formats';
import { COMPONENT_LAYOUTS, CONTENT_TYPE_LAYOUTS, type FieldText } from './labels';

type Metadatas = Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;

/** The field each type is shown by: relation pickers read it from the relation field itself. */
const MAIN_FIELDS: Record<string, string> = Object.fromEntries(
  Object.entries({ ...CONTENT_TYPE_LAYOUTS, ...COMPONENT_LAYOUTS }).map(([uid, layout]) => [uid, layout.mainField]),
);

/** The shorter field a type is shown by in another type's list column (a project by its acronym). */
const LIST_MAIN_FIELDS: Record<string, string> = Object.fromEntries(
  Object.entries(CONTENT_TYPE_LAYOUTS).flatMap(([uid, layout]) => (layout.listMainField ? [[uid, layout.listMainField]] : [])),
);

/** Relation fields of a model shown by their target's main field (a partner by name and country). */
function withRelationLabels(metadatas: Metadatas, attributes: Record<string, { type: string; target?: string }>): Metadatas {
  const next: Metadatas = { ...metadatas };
  for (const [field, attribute] of Object.entries(attributes)) {
    const target = attribute.type === 'relation' ? attribute.target : undefined;
    const mainField = target && MAIN_FIELDS[target];
    if (!mainField || !next[field]) continue;
    const listMainField = LIST_MAIN_FIELDS[target] ?? mainField;
    next[field] = { ...next[field], edit: { ...next[field]!.edit, mainField }, list: { ...next[field]!.list, mainField: listMainField } };
  }
  return next;
}

/**
 * Strapi's own fields of every entry, which the list's filters and column picker offer by their
 * names ("createdAt"). Not documentId: Strapi resets its settings at every start, after ours;
 * it is named through the admin's messages instead (translations-it.ts).
 */
const SYSTEM_FIELDS: Record<string, FieldText> = {
  id: { label: 'Numero interno' },
  createdAt: { label: 'Creata il' },
  updatedAt: { label: 'Ultima modifica' },
  publishedAt: { label: 'Pubblicata il' },
  createdBy: { label: 'Creata da' },
  updatedBy: { label: 'Modificata da' },
};

function withLabels(metadatas: Metadatas, fields: Record<string, FieldText>): Metadatas {
  const next: Metadatas = { ...metadatas };
  for (const [field, text] of Object.entries(fields)) {
    const current = next[field] ?? {};
    next[field] = {
      ...current,
      edit: { ...current.edit, label: text.label, description: text.description ?? '' },
      list: { ...current.list, label: text.label },
    };
  }
  // Computed fields are shown but never typed into; the former slugs, kept for the site's redirects, are not shown.
  if (next.adminLabel) next.adminLabel = { ...next.adminLabel, edit: { ...next.adminLabel.edit, editable: false } };
  if (next.formerSlugs) next.formerSlugs = { ...next.formerSlugs, edit: { ...next.formerSlugs.edit, visible: false, editable: false } };
  return next;
}

/** Fields with a format (field-formats.ts) show what they take while empty: a web address "https://…". */
function withPlaceholders(metadatas: Metadatas, uid: string): Metadatas {
  const next: Metadatas = { ...metadatas };
  for (const [field, placeholder] of Object.entries(formatPlaceholders(uid))) {
    if (next[field]) next[field] = { ...next[field], edit: { ...next[field]!.edit, placeholder } };
  }
  return next;
}

/** A type's or a component's field settings: labels and help, relation labels, placeholders. */
function fieldSettings(
  uid: string,
  metadatas: Metadatas,
  fields: Record<string, FieldText>,
  attributes: Record<string, { type: string; target?: string }>,
): Metadatas {
  return withPlaceholders(withRelationLabels(withLabels(metadatas, fields), attributes), uid);
}

/** Writes only when something differs, so a start with nothing new does not touch the database. */
async function updateIfChanged(current: object, update: (next: object) => Promise<unknown>, next: object): Promise<void> {
  if (JSON.stringify(current) !== JSON.stringify(next)) await update(next);
}

/**
 * Applies the Italian labels, help texts, list columns and relation labels of labels.ts to the
 * content manager's stored configuration. Runs on every start; layout tweaks made in the admin
 * (field order, sizes) are kept.
 */
export async function configureAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(CONTENT_TYPE_LAYOUTS)) {
    const { uid: _uid, ...current } = await contentTypes.findConfiguration({ uid });
    await updateIfChanged(current, (next) => contentTypes.updateConfiguration({ uid }, next), {
      ...current,
      settings: {
        ...current.settings,
        mainField: layout.mainField,
        ...(layout.defaultSortBy ? { defaultSortBy: layout.defaultSortBy, defaultSortOrder: 'ASC' } : {}),
      },
      metadatas: fieldSettings(
        uid,
        current.metadatas,
        { ...SYSTEM_FIELDS, ...layout.fields },
        strapi.contentType(uid as UID.ContentType).attributes,
      ),
      layouts: { ...current.layouts, list: layout.list },
    });
  }

  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, layout] of Object.entries(COMPONENT_LAYOUTS)) {
    const { uid: _uid, category: _category, ...current } = await components.findConfiguration({ uid });
    const metadatas = fieldSettings(uid, current.metadatas, layout.fields, strapi.components[uid].attributes);
    // A row's computed label titles the row: shown there, not as a field inside it.
    if (metadatas.adminLabel) metadatas.adminLabel = { ...metadatas.adminLabel, edit: { ...metadatas.adminLabel.edit, visible: false } };
    await updateIfChanged(current, (next) => components.updateConfiguration({ uid }, next), {
      ...current,
      settings: { ...current.settings, mainField: layout.mainField },
      metadatas,
    });
  }
}
