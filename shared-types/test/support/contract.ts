/**
 * Compares the content model (schema.json and component files, see strapi-model.ts) with its other
 * declarations and returns every disagreement as one line naming the type and the field, e.g.
 * `api::project.project.summaryEn: in schema.json, missing from shared-types ProjectSchema`.
 */
import path from 'node:path';
import type { z } from 'zod';
import * as sharedTypes from '../../src/index.ts';
import { type Attribute, type Model, isPopulatable, isToOne, model as modelOf, SCALAR_KINDS, systemFields } from './strapi-model.ts';

type Schema = z.ZodType;
type Def = z.core.$ZodTypeDef & Record<string, any>;
type Populate = Record<string, unknown>;

const def = (schema: Schema) => schema._zod.def as Def;

/** The exported name of a shared-types value, for messages. */
export function nameOf(value: unknown, fallback: string): string {
  for (const [name, exported] of Object.entries(sharedTypes)) if (exported === value) return name;
  return fallback;
}

/** The schema under nullable/optional/default wrappers. */
export function core(schema: Schema): Schema {
  let current = schema;
  while (['nullable', 'optional', 'default', 'prefault', 'readonly', 'nonoptional'].includes(def(current).type))
    current = def(current).innerType;
  return current;
}
const accepts = (schema: Schema, value: unknown) => schema.safeParse(value).success;
const shapeOf = (schema: Schema): Record<string, Schema> | null => (def(schema).type === 'object' ? (schema as z.ZodObject).shape : null);

/** Where an enumeration attribute's values are declared in shared-types, found while walking. */
export interface EnumUse {
  field: string;
  attribute: Attribute;
  schema: Schema;
}

const declaredIn = (model: Model) => path.basename(model.file);

/**
 * The REST response of `model` populated with `populate` (or, for a relation populated with
 * `fields`, only those) against the zod object `schema`. Pushes problems and enumeration uses.
 */
export function checkResponse(
  model: Model,
  schema: Schema,
  schemaName: string,
  populate: Populate,
  populateName: string,
  problems: string[],
  enums: EnumUse[],
  fields?: string[],
): void {
  const shape = shapeOf(schema);
  if (!shape) {
    problems.push(`${model.uid}: ${schemaName} is not a zod object`);
    return;
  }
  const at = (key: string) => `${model.uid}.${key}`;
  const attributes = model.attributes;
  const system = systemFields(model);

  for (const key of Object.keys(populate)) {
    if (!(key in attributes)) problems.push(`${at(key)}: populated by ${populateName}, missing from ${declaredIn(model)}`);
    else if (!isPopulatable(attributes[key]!))
      problems.push(
        `${at(key)}: populated by ${populateName}, but a ${attributes[key]!.type} in ${declaredIn(model)}, not a relation, media or component`,
      );
  }

  let expected: string[];
  if (fields) {
    // A relation populated with `fields`: Strapi returns id and documentId besides the fields asked for.
    for (const field of fields)
      if (!(field in attributes) && !system.includes(field))
        problems.push(`${at(field)}: asked for by ${populateName}, missing from ${declaredIn(model)}`);
    expected = [...new Set(['id', 'documentId', ...fields])];
  } else {
    expected = [
      ...system,
      ...Object.entries(attributes)
        .filter(([key, attribute]) => !attribute.private && (!isPopulatable(attribute) || key in populate))
        .map(([key]) => key),
    ];
  }

  for (const key of Object.keys(shape)) {
    if (expected.includes(key)) continue;
    const attribute = attributes[key];
    if (!attribute && !system.includes(key)) problems.push(`${at(key)}: in shared-types ${schemaName}, missing from ${declaredIn(model)}`);
    else if (attribute?.private)
      problems.push(`${at(key)}: private in ${declaredIn(model)} (the REST API never returns it), but in shared-types ${schemaName}`);
    else if (fields) problems.push(`${at(key)}: in shared-types ${schemaName}, but ${populateName} asks only for ${fields.join(', ')}`);
    else if (attribute)
      problems.push(
        `${at(key)}: a ${attribute.type} not populated by ${populateName} (the REST API leaves it out), but in shared-types ${schemaName}`,
      );
    else problems.push(`${at(key)}: in shared-types ${schemaName}, but Strapi does not return it for this type`);
  }

  for (const key of expected) {
    const field = shape[key];
    if (!field) {
      problems.push(
        system.includes(key) && !(key in attributes)
          ? `${at(key)}: returned by the REST API (Strapi system field), missing from shared-types ${schemaName}`
          : `${at(key)}: in ${declaredIn(model)}, missing from shared-types ${schemaName}`,
      );
      continue;
    }
    const attribute = attributes[key];
    if (!attribute) continue; // system field
    checkField(model, key, attribute, field, `${schemaName}.${key}`, populate[key], `${populateName}.${key}`, problems, enums, !!fields);
  }
}

function checkField(
  model: Model,
  key: string,
  attribute: Attribute,
  field: Schema,
  fieldName: string,
  populate: unknown,
  populateName: string,
  problems: string[],
  enums: EnumUse[],
  fieldsOnly: boolean,
): void {
  const at = `${model.uid}.${key}`;
  const inner = core(field);
  const kind = def(inner).type;
  const nullable = accepts(field, null);

  if (attribute.type === 'relation' || attribute.type === 'component' || attribute.type === 'media') {
    const many =
      attribute.type === 'relation' ? !isToOne(attribute) : attribute.type === 'component' ? !!attribute.repeatable : !!attribute.multiple;
    let item = inner;
    if (many) {
      if (kind !== 'array') return void problems.push(`${at}: a list in ${declaredIn(model)}, but ${fieldName} is not an array`);
      item = core(def(inner).element);
    } else {
      if (kind === 'array')
        return void problems.push(`${at}: a single ${attribute.type} in ${declaredIn(model)}, but ${fieldName} is an array`);
      if (!nullable && !attribute.required)
        problems.push(`${at}: may be empty in ${declaredIn(model)} (the REST API returns null), but ${fieldName} refuses null`);
    }
    if (attribute.type === 'media') {
      if (item !== sharedTypes.MediaSchema) problems.push(`${at}: media in ${declaredIn(model)}, but ${fieldName} is not MediaSchema`);
      return;
    }
    const target = modelOf(attribute.type === 'relation' ? attribute.target! : attribute.component!);
    const options = (typeof populate === 'object' && populate !== null ? populate : {}) as { populate?: Populate; fields?: string[] };
    checkResponse(target, item, nameOf(item, fieldName), options.populate ?? {}, populateName, problems, enums, options.fields);
    return;
  }

  const kinds = SCALAR_KINDS[attribute.type];
  if (!kinds)
    return void problems.push(
      `${at}: attribute type ${attribute.type} is not known to the contract test (shared-types/test/support/strapi-model.ts)`,
    );
  if (!kinds.includes(kind)) problems.push(`${at}: a ${attribute.type} in ${declaredIn(model)}, but ${fieldName} is a zod ${kind}`);
  if (attribute.required && nullable) problems.push(`${at}: required in ${declaredIn(model)}, but ${fieldName} accepts null`);
  if (attribute.required && accepts(field, undefined))
    problems.push(`${at}: required in ${declaredIn(model)}, but ${fieldName} is optional`);
  if (!attribute.required && !nullable && !fieldsOnly)
    problems.push(`${at}: not required in ${declaredIn(model)} (the REST API returns null when empty), but ${fieldName} refuses null`);

  if (attribute.type === 'enumeration' && kind === 'enum') {
    const zodValues: string[] = (inner as z.ZodEnum).options.map(String);
    const enumName = nameOf(inner, fieldName);
    for (const value of attribute.enum ?? [])
      if (!zodValues.includes(value))
        problems.push(`${at}: value "${value}" in ${declaredIn(model)}, missing from shared-types ${enumName} (src/enums.ts)`);
    for (const value of zodValues)
      if (!(attribute.enum ?? []).includes(value))
        problems.push(`${at}: value "${value}" in shared-types ${enumName} (src/enums.ts), missing from ${declaredIn(model)}`);
    enums.push({ field: at, attribute, schema: inner });
  }
}

/**
 * A seed schema (shared-types/src/seed.ts) against the model it is imported into: every key names
 * an attribute (but the review-only ones in `notImported`), required attributes without a default
 * are required in the seed, and text is a `{ it, en }` pair exactly when the attribute is localized.
 */
export function checkSeed(
  model: Model,
  schema: Schema,
  schemaName: string,
  notImported: Record<string, string>,
  problems: string[],
  /** Called with each key of a seed schema of a content type (not a component) that names an attribute. */
  onTypeKey: (uid: string, schemaName: string, key: string) => void = () => {},
): void {
  const shape = shapeOf(schema);
  if (!shape) return void problems.push(`${model.uid}: ${schemaName} is not a zod object`);
  const at = (key: string) => `${model.uid}.${key}`;
  for (const [key, field] of Object.entries(shape)) {
    if (`${schemaName}.${key}` in notImported) continue;
    const attribute = model.attributes[key];
    if (!attribute) {
      problems.push(`${at(key)}: in shared-types ${schemaName}, missing from ${declaredIn(model)}`);
      continue;
    }
    if (model.kind !== 'component') onTypeKey(model.uid, schemaName, key);
    const inner = core(field);
    const item = def(inner).type === 'array' ? core(def(inner).element) : inner;
    if (attribute.type === 'component' && shapeOf(item)) {
      checkSeed(modelOf(attribute.component!), item, `${schemaName}.${key}`, notImported, problems, onTypeKey);
    } else if (attribute.type === 'relation' && shapeOf(item) && item !== sharedTypes.SeedTextSchema) {
      checkSeed(modelOf(attribute.target!), item, nameOf(item, `${schemaName}.${key}`), notImported, problems, onTypeKey);
    } else if (model.kind !== 'component' && !isPopulatable(attribute)) {
      const pair = inner === sharedTypes.SeedTextSchema;
      const localized = attribute.pluginOptions?.i18n?.localized === true;
      if (localized && !pair)
        problems.push(`${at(key)}: localized in ${declaredIn(model)}, but ${schemaName}.${key} is not an { it, en } SeedText`);
      if (!localized && pair)
        problems.push(`${at(key)}: the same in every language in ${declaredIn(model)}, but ${schemaName}.${key} is an { it, en } SeedText`);
    }
  }
  for (const [key, attribute] of Object.entries(model.attributes)) {
    if (!attribute.required || 'default' in attribute) continue;
    const field = shape[key];
    if (!field) problems.push(`${at(key)}: required in ${declaredIn(model)}, missing from shared-types ${schemaName}`);
    else if (accepts(field, undefined))
      problems.push(`${at(key)}: required in ${declaredIn(model)}, but optional in shared-types ${schemaName}`);
  }
}

/** Every attribute of the model has an Italian label in cms/src/admin-layout/labels.ts, and every label an attribute. */
export function checkAdminLabels(
  model: Model,
  layout: { mainField: string; list?: string[]; fields: Record<string, { label: string }> } | undefined,
  problems: string[],
): void {
  const file = 'cms/src/admin-layout/labels.ts';
  if (!layout) return void problems.push(`${model.uid}: in ${declaredIn(model)}, no layout in ${file}`);
  const known = (key: string) => key in model.attributes || systemFields(model).includes(key);
  for (const key of Object.keys(model.attributes)) {
    if (!layout.fields[key]?.label?.trim())
      problems.push(`${model.uid}.${key}: in ${declaredIn(model)}, no Italian admin label in ${file}`);
  }
  for (const key of Object.keys(layout.fields))
    if (!(key in model.attributes)) problems.push(`${model.uid}.${key}: labelled in ${file}, missing from ${declaredIn(model)}`);
  if (!known(layout.mainField))
    problems.push(`${model.uid}.${layout.mainField}: the main field in ${file}, missing from ${declaredIn(model)}`);
  for (const key of layout.list ?? [])
    if (!known(key)) problems.push(`${model.uid}.${key}: a list column in ${file}, missing from ${declaredIn(model)}`);
}
