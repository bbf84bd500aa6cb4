/**
 * The content model as Strapi's Content-Type Builder writes it: every
 * `cms/src/api/<api>/content-types/<type>/schema.json` and `cms/src/components/<category>/<name>.json`,
 * read from disk (no Strapi needed). The source of truth the contract test compares the rest with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CMS_SRC = fileURLToPath(new URL('../../../cms/src/', import.meta.url));

export interface Attribute {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  /** relation */
  relation?: string;
  target?: string;
  /** component */
  component?: string;
  repeatable?: boolean;
  /** media */
  multiple?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

export interface Model {
  /** `api::project.project` or, for a component, `shared.link`. */
  uid: string;
  /** Where it is declared, relative to the repository root. */
  file: string;
  kind: 'collectionType' | 'singleType' | 'component';
  singularName?: string;
  pluralName?: string;
  draftAndPublish: boolean;
  localized: boolean;
  attributes: Record<string, Attribute>;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const { CUSTOM_FIELDS } = await cmsModule<{ CUSTOM_FIELDS: Record<string, string> }>('custom-fields.ts');
/** A custom field's attribute, with the type its value is stored as (cms/src/custom-fields.ts). */
const withStoredTypes = (attributes: Record<string, Attribute & { customField?: string }>): Record<string, Attribute> =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => [
      name,
      attribute.type === 'customField'
        ? { ...attribute, type: CUSTOM_FIELDS[attribute.customField!.replace(/^global::/, '')] ?? attribute.type }
        : attribute,
    ]),
  );
const relative = (file: string) => path.relative(path.join(CMS_SRC, '../..'), file);

function contentTypes(): Model[] {
  const apiDir = path.join(CMS_SRC, 'api');
  return readdirSync(apiDir).flatMap((api) => {
    const typesDir = path.join(apiDir, api, 'content-types');
    let names: string[];
    try {
      names = readdirSync(typesDir);
    } catch {
      return [];
    }
    return names.map((name) => {
      const file = path.join(typesDir, name, 'schema.json');
      const json = read(file);
      return {
        uid: `api::${api}.${name}`,
        file: relative(file),
        kind: json.kind,
        singularName: json.info.singularName,
        pluralName: json.info.pluralName,
        draftAndPublish: json.options?.draftAndPublish === true,
        localized: json.pluginOptions?.i18n?.localized === true,
        attributes: withStoredTypes(json.attributes),
      } satisfies Model;
    });
  });
}

function components(): Model[] {
  const dir = path.join(CMS_SRC, 'components');
  return readdirSync(dir).flatMap((category) =>
    readdirSync(path.join(dir, category))
      .filter((name) => name.endsWith('.json'))
      .map((name) => {
        const file = path.join(dir, category, name);
        return {
          uid: `${category}.${name.replace(/\.json$/, '')}`,
          file: relative(file),
          kind: 'component',
          draftAndPublish: false,
          localized: false,
          attributes: withStoredTypes(read(file).attributes),
        } satisfies Model;
      }),
  );
}

export const CONTENT_TYPE_MODELS: Model[] = contentTypes();
export const COMPONENT_MODELS: Model[] = components();
export const MODELS = new Map([...CONTENT_TYPE_MODELS, ...COMPONENT_MODELS].map((model) => [model.uid, model]));

/** The model of a uid, or an error naming it. */
export function model(uid: string): Model {
  const found = MODELS.get(uid);
  if (!found) throw new Error(`${uid}: no schema.json or component file declares it`);
  return found;
}

/** Attributes that hold other documents or files: returned by the REST API only when populated. */
export const isPopulatable = (attribute: Attribute) => ['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type);

/** Relations that hold one document (null when empty) rather than a list. */
export const isToOne = (attribute: Attribute) => /^(oneToOne|manyToOne|morphToOne)$/.test(attribute.relation ?? '');

/**
 * The fields Strapi 5 adds to every document of a type, as the REST API returns them (createdBy and
 * updatedBy are never returned by the public API). Components carry an `id` only.
 */
export function systemFields(model: Model): string[] {
  if (model.kind === 'component') return ['id'];
  return [
    'id',
    'documentId',
    'createdAt',
    'updatedAt',
    ...(model.draftAndPublish ? ['publishedAt'] : []),
    ...(model.localized ? ['locale'] : []),
  ];
}

/** The zod kind (`_zod.def.type`) a scalar attribute's value has in a REST response. */
export const SCALAR_KINDS: Record<string, string[]> = {
  string: ['string', 'enum', 'literal'],
  text: ['string'],
  richtext: ['string'],
  email: ['string'],
  uid: ['string'],
  password: ['string'],
  date: ['string'],
  datetime: ['string'],
  time: ['string'],
  timestamp: ['string'],
  enumeration: ['enum'],
  integer: ['number'],
  float: ['number'],
  decimal: ['number'],
  /** Strapi returns big integers as strings. */
  biginteger: ['string'],
  boolean: ['boolean'],
  json: ['any', 'unknown', 'object', 'array', 'record'],
  blocks: ['array', 'any', 'unknown'],
};

/**
 * A module of cms/src, loaded at run time. The CMS is a CommonJS TypeScript project, which this
 * package's compiler settings (NodeNext, verbatimModuleSyntax) refuse to check as a static import;
 * callers state the part of its type they read.
 */
export async function cmsModule<T>(file: string): Promise<T> {
  return (await import(/* @vite-ignore */ path.join(CMS_SRC, file))) as T;
}
