/**
 * The contract test: Strapi's schema.json and component files (what the Content-Type Builder
 * edits) are the one declaration of the content model; everything else that repeats a part of it
 * is checked against them here, from disk, without starting Strapi. Each failure names the type
 * and the field, e.g. `api::project.project.summaryEn: in schema.json, missing from shared-types ProjectSchema`.
 * See CONTRIBUTING.md, "Adding a field".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ACTION_TYPE_LABELS,
  FUNDING_STATEMENTS,
  LINK_KIND_LABELS,
  MANAGEMENT_MODE_LABELS,
  ORGANISATION_LABELS,
  PRECISION_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from '../src/enum-labels.ts';
import {
  ActionTypeSchema,
  CONTENT_TYPES,
  DatePrecisionSchema,
  DEFAULT_LOCALE,
  FundingStatementSchema,
  LinkKindSchema,
  LOCALES,
  ManagementModeSchema,
  OrganisationTypeSchema,
  PartnerRoleSchema,
  SeedBundleSchema,
  StatusOverrideSchema,
} from '../src/index.ts';
import { checkAdminLabels, checkResponse, checkSeed, core, type EnumUse, nameOf } from './support/contract.ts';
import { cmsModule, COMPONENT_MODELS, CONTENT_TYPE_MODELS, model } from './support/strapi-model.ts';

type Layout = Parameters<typeof checkAdminLabels>[1] & {};
const { CONTENT_TYPE_LAYOUTS, COMPONENT_LAYOUTS } = await cmsModule<{
  CONTENT_TYPE_LAYOUTS: Record<string, Layout>;
  COMPONENT_LAYOUTS: Record<string, Layout>;
}>('admin-layout/labels.ts');
const { PUBLIC_CONTENT_TYPES } = await cmsModule<{ PUBLIC_CONTENT_TYPES: readonly string[] }>('bootstrap/public-types.ts');
const { LOCALES: CMS_LOCALES, DEFAULT_LOCALE: CMS_DEFAULT_LOCALE } = await cmsModule<{
  LOCALES: ReadonlyArray<{ code: string; isDefault: boolean }>;
  DEFAULT_LOCALE: string;
}>('bootstrap/locales.ts');
const { ENUM_TRANSLATIONS } = await cmsModule<{ ENUM_TRANSLATIONS: Record<string, string> }>('admin/enum-labels.ts');

/** Fails with one line per disagreement, so the message names every type and field at once. */
function agree(problems: string[]): void {
  if (problems.length > 0) throw new Error(`The content model disagrees with its copies:\n  ${problems.join('\n  ')}`);
}

const CONTENT_TYPE_ENTRIES = Object.entries(CONTENT_TYPES).map(([name, type]) => ({ name, ...type }));

/** What disagrees between a type's schema.json and its response schema; the enumerations met go into `enums`. */
function responseProblems(uid: string, enums: EnumUse[] = []): string[] {
  const problems: string[] = [];
  const type = CONTENT_TYPE_ENTRIES.find((entry) => entry.uid === uid);
  if (!type) return [`${uid}: in cms/src/api, missing from CONTENT_TYPES (shared-types/src/content-types.ts)`];
  checkResponse(
    model(uid),
    type.schema,
    nameOf(type.schema, `CONTENT_TYPES.${type.name}.schema`),
    type.populate,
    nameOf(type.populate, `CONTENT_TYPES.${type.name}.populate`),
    problems,
    enums,
  );
  return problems;
}

describe('content types: one list', () => {
  it('lists every content type of cms/src/api in CONTENT_TYPES, with its REST path and kind, and opens exactly those to the public', () => {
    const problems: string[] = [];
    const declared = CONTENT_TYPE_MODELS.map((m) => m.uid).sort();
    for (const m of CONTENT_TYPE_MODELS) {
      const type = CONTENT_TYPE_ENTRIES.find((entry) => entry.uid === m.uid);
      if (!type) {
        problems.push(`${m.uid}: in cms/src/api, missing from CONTENT_TYPES (shared-types/src/content-types.ts)`);
        continue;
      }
      const single = m.kind === 'singleType';
      const path = single ? m.singularName : m.pluralName;
      if (type.path !== path) problems.push(`${m.uid}: REST path "${path}" per schema.json, "${type.path}" in CONTENT_TYPES.${type.name}`);
      if (type.single !== single)
        problems.push(`${m.uid}: ${m.kind} in schema.json, but CONTENT_TYPES.${type.name}.single is ${type.single}`);
    }
    for (const type of CONTENT_TYPE_ENTRIES)
      if (!declared.includes(type.uid))
        problems.push(`${type.uid}: in CONTENT_TYPES, but no cms/src/api/*/content-types/*/schema.json declares it`);
    const publicTypes = PUBLIC_CONTENT_TYPES;
    for (const type of CONTENT_TYPE_ENTRIES)
      if (!publicTypes.includes(type.uid))
        problems.push(
          `${type.uid}: read by the site (CONTENT_TYPES), missing from PUBLIC_CONTENT_TYPES (cms/src/bootstrap/public-types.ts)`,
        );
    for (const uid of publicTypes)
      if (!CONTENT_TYPE_ENTRIES.some((type) => type.uid === uid))
        problems.push(`${uid}: public in cms/src/bootstrap/public-types.ts, missing from CONTENT_TYPES`);
    agree(problems);
  });
});

describe('locales: one list', () => {
  it('creates in the CMS (cms/src/bootstrap/locales.ts) the locales of shared-types LOCALES, with the same default', () => {
    expect(CMS_LOCALES.map((locale) => locale.code)).toEqual([...LOCALES]);
    expect(CMS_LOCALES.filter((locale) => locale.isDefault).map((locale) => locale.code)).toEqual([DEFAULT_LOCALE]);
    expect(CMS_DEFAULT_LOCALE).toBe(DEFAULT_LOCALE);
  });
});

describe('REST responses: the zod schemas of shared-types have the fields of schema.json', () => {
  it.each(CONTENT_TYPE_MODELS.map((m) => m.uid))('%s', (uid) => agree(responseProblems(uid)));
});

/**
 * The site build follows relations to read again what changed (site/src/lib/strapi/delta.ts,
 * relationPaths): it finds them in the populate rules as `{ fields: ['documentId', ...] }`. A
 * relation populated whole would carry another entry's fields that no version of its own follows.
 */
function relationProblems(uid: string, populate: Record<string, unknown>, name: string): string[] {
  const { attributes } = model(uid);
  return Object.entries(populate).flatMap(([key, rule]) => {
    const attribute = attributes[key];
    const nested = (rule && typeof rule === 'object' ? rule : {}) as { fields?: string[]; populate?: Record<string, unknown> };
    if (attribute?.type === 'relation')
      return nested.fields?.includes('documentId') && !nested.populate
        ? []
        : [`${uid}.${key}: a relation, read by ${name}.${key} otherwise than as { fields: ['documentId'] }`];
    if (attribute?.type === 'component' && nested.populate)
      return relationProblems(attribute.component!, nested.populate, `${name}.${key}.populate`);
    return [];
  });
}

describe('relations are read as documentIds only, which delta reads follow', () => {
  it.each(CONTENT_TYPE_ENTRIES.map((type) => [type.uid, type] as const))('%s', (_uid, type) =>
    agree(relationProblems(type.uid, type.populate as Record<string, unknown>, `CONTENT_TYPES.${type.name}.populate`)),
  );
});

/** The label table of each enumeration (their keys are also typed against the enums, see Labels<T>). */
const ENUM_LABELS = new Map<z.ZodType, [name: string, labels: Record<string, Partial<Record<string, string>>>]>([
  [PartnerRoleSchema, ['ROLE_LABELS', ROLE_LABELS]],
  [OrganisationTypeSchema, ['ORGANISATION_LABELS', ORGANISATION_LABELS]],
  [ActionTypeSchema, ['ACTION_TYPE_LABELS', ACTION_TYPE_LABELS]],
  [ManagementModeSchema, ['MANAGEMENT_MODE_LABELS', MANAGEMENT_MODE_LABELS]],
  [FundingStatementSchema, ['FUNDING_STATEMENTS', FUNDING_STATEMENTS]],
  [LinkKindSchema, ['LINK_KIND_LABELS', LINK_KIND_LABELS]],
  // The project status adds `not_stated` (no dates, no override) to the values an editor can force.
  [StatusOverrideSchema, ['STATUS_LABELS', STATUS_LABELS]],
  [DatePrecisionSchema, ['PRECISION_LABELS', PRECISION_LABELS]],
]);

describe('enumerations', () => {
  it('give every value of every enumeration in schema.json a label in Italian and English (shared-types/src/enum-labels.ts)', () => {
    const enums: EnumUse[] = [];
    for (const m of CONTENT_TYPE_MODELS) responseProblems(m.uid, enums);
    const problems: string[] = [];
    const walked = new Set(enums.map((use) => use.field));
    for (const m of [...CONTENT_TYPE_MODELS, ...COMPONENT_MODELS]) {
      for (const [key, attribute] of Object.entries(m.attributes)) {
        // Enumerations the site never reads (private, or in a component no response populates) still need labels for the admin.
        if (attribute.type === 'enumeration' && !walked.has(`${m.uid}.${key}`))
          problems.push(`${m.uid}.${key}: an enumeration no shared-types response schema declares, so it has no label table`);
      }
    }
    for (const use of enums) {
      const table = ENUM_LABELS.get(use.schema);
      if (!table) {
        problems.push(
          `${use.field}: enumeration ${nameOf(use.schema, '(inline)')} has no label table in shared-types/src/enum-labels.ts (add it there and to ENUM_LABELS in this test)`,
        );
        continue;
      }
      const [name, labels] = table;
      for (const value of use.attribute.enum ?? []) {
        if (!ENUM_TRANSLATIONS[value]?.trim())
          problems.push(
            `${use.field}: value "${value}" has no Italian label in the admin's dropdowns (ENUM_TRANSLATIONS, cms/src/admin/enum-labels.ts)`,
          );
        for (const locale of LOCALES) {
          if (!labels[value]?.[locale]?.trim())
            problems.push(
              `${use.field}: value "${value}" has no ${locale === 'it' ? 'Italian' : 'English'} label in ${name} (shared-types/src/enum-labels.ts)`,
            );
        }
      }
    }
    agree([...new Set(problems)]);
  });
});

describe('admin labels: every attribute has an Italian label (cms/src/admin-layout/labels.ts)', () => {
  it.each(CONTENT_TYPE_MODELS.map((m) => m.uid))('%s', (uid) => {
    const problems: string[] = [];
    checkAdminLabels(model(uid), CONTENT_TYPE_LAYOUTS[uid], problems);
    agree(problems);
  });
  it.each(COMPONENT_MODELS.map((m) => m.uid))('component %s', (uid) => {
    const problems: string[] = [];
    checkAdminLabels(model(uid), COMPONENT_LAYOUTS[uid], problems);
    agree(problems);
  });
  it('labels no type or component schema.json lacks', () => {
    const problems: string[] = [];
    for (const uid of Object.keys(CONTENT_TYPE_LAYOUTS))
      if (!CONTENT_TYPE_MODELS.some((m) => m.uid === uid))
        problems.push(`${uid}: a layout in cms/src/admin-layout/labels.ts, but no schema.json declares it`);
    for (const uid of Object.keys(COMPONENT_LAYOUTS))
      if (!COMPONENT_MODELS.some((m) => m.uid === uid))
        problems.push(`${uid}: a layout in cms/src/admin-layout/labels.ts, but no component file declares it`);
    agree(problems);
  });
});

/**
 * Seed keys that are not attributes, on purpose: they help a reviewer check the seed against its
 * sources and are never imported (scripts/seed/import.ts does not read them).
 */
const NOT_IMPORTED: Record<string, string> = {
  'SeedProjectSchema.source': 'the source page the project was transcribed from',
  'SeedPartnerSchema.namesInSources': 'the names the organisation has in the sources, to review merged duplicates',
  'SeedPartnerSchema.correction': 'corrections made to the source, for reviewers',
};

/** Which type each list of the seed bundle is imported as; nested lists follow the relations. */
const SEED_TYPES: Record<string, string> = {
  settings: 'api::site-setting.site-setting',
  themes: 'api::theme.theme',
  fundingLines: 'api::funding-line.funding-line',
  partners: 'api::partner.partner',
  projects: 'api::project.project',
};

const IMPORTER = readFileSync(new URL('../../scripts/seed/import.ts', import.meta.url), 'utf8');

describe('seed schemas (shared-types/src/seed.ts) name attributes of schema.json, and the importer reads them', () => {
  const bundle = core(SeedBundleSchema) as z.ZodObject;
  it('covers every list of the seed bundle', () => {
    expect(Object.keys(bundle.shape).sort()).toEqual(Object.keys(SEED_TYPES).sort());
  });
  it.each(Object.entries(SEED_TYPES))('%s → %s', (key, uid) => {
    const field = core(bundle.shape[key] as z.ZodType);
    const item = field._zod.def.type === 'array' ? core((field as z.ZodArray).element as z.ZodType) : field;
    const problems: string[] = [];
    // The importer reads each field as `<entry>.<field>` (components are passed whole): a seed field
    // it never reads would be validated, then silently left out of the CMS.
    const onTypeKey = (typeUid: string, schemaName: string, field: string) => {
      if (!new RegExp(`\\.${field}\\b`).test(IMPORTER))
        problems.push(`${typeUid}.${field}: in shared-types ${schemaName}, never read by scripts/seed/import.ts`);
    };
    checkSeed(model(uid), item, nameOf(item, `SeedBundleSchema.${key}`), NOT_IMPORTED, problems, onTypeKey);
    agree(problems);
  });
});

/**
 * Attributes the open-data export leaves out, on purpose. Relations are exported through the
 * views (slugs and ids of the related entries) and are not listed; everything else the REST API
 * returns is either read by a column of the type's dataset or named here with the reason.
 */
const OPEN_DATA_LEFT_OUT: Record<string, string> = {
  'api::project.project.objectives': 'long Markdown of the project page; the export carries the description',
  'api::project.project.expectedResults': 'long Markdown of the project page',
  'api::project.project.targetGroups': 'long Markdown of the project page',
  'api::project.project.administrationRole': 'our administration’s role, a page text rather than data',
  'api::project.project.statusOverride': 'exported as the computed `status` column',
  'api::project.project.otherAmounts': 'labelled amounts whose labels differ per project: not a column',
  'api::project.project.links': 'page links and documents',
  'api::project.project.coverImage': 'an image',
  'api::project.project.seo': 'search-engine metadata',
  'api::partner.partner.logo': 'an image',
  'api::community-of-practice.community-of-practice.order': 'display order within the project page',
  ...Object.fromEntries(
    [
      'api::project.project',
      'api::partner.partner',
      'api::funding-line.funding-line',
      'api::theme.theme',
      'api::community-of-practice.community-of-practice',
    ].map((uid) => [`${uid}.formerSlugs`, 'old addresses the site redirects, not data']),
  ),
};

/** Each dataset of site/src/lib/open-data/collections.ts, and the view property holding its entry. */
const OPEN_DATA_DATASETS: Record<string, [dataset: string, entry: string]> = {
  'api::project.project': ['projects', 'project'],
  'api::partner.partner': ['partners', 'partner'],
  'api::action.action': ['actions', 'action'],
  'api::community-of-practice.community-of-practice': ['communities', 'community'],
  'api::funding-line.funding-line': ['fundingLines', 'fundingLine'],
  'api::theme.theme': ['themes', 'theme'],
};

describe('open data (site/src/lib/open-data/collections.ts) exports every attribute or says why not', () => {
  const source = readFileSync(new URL('../../site/src/lib/open-data/collections.ts', import.meta.url), 'utf8');
  /** The text of one `const <name> = dataset<…>({ … });` declaration. */
  const block = (name: string) => {
    const start = source.indexOf(`const ${name} = dataset<`);
    if (start < 0) return null;
    const end = source.indexOf('\n});', start);
    return source.slice(start, end);
  };
  it.each(CONTENT_TYPE_MODELS.filter((m) => m.uid !== 'api::site-setting.site-setting').map((m) => m.uid))('%s', (uid) => {
    const problems: string[] = [];
    const datasetOf = OPEN_DATA_DATASETS[uid];
    const text = datasetOf && block(datasetOf[0]);
    if (!datasetOf || !text)
      return agree([`${uid}: no dataset in site/src/lib/open-data/collections.ts (add it, or to OPEN_DATA_DATASETS in this test)`]);
    for (const [key, attribute] of Object.entries(model(uid).attributes)) {
      if (attribute.private || attribute.type === 'relation' || `${uid}.${key}` in OPEN_DATA_LEFT_OUT) continue;
      // Read from the entry (`v.project.title`) or, joined, from the view (`v.partnerships`).
      if (!new RegExp(`(?:\\.${datasetOf[1]}\\??|\\b[a-z])\\.${key}\\b`).test(text)) {
        problems.push(
          `${uid}.${key}: in schema.json, read by no column of the ${datasetOf[0]} dataset (site/src/lib/open-data/collections.ts) and not in OPEN_DATA_LEFT_OUT (shared-types/test/contract.test.ts)`,
        );
      }
    }
    for (const field of Object.keys(OPEN_DATA_LEFT_OUT)) {
      if (field.startsWith(`${uid}.`) && !(field.slice(uid.length + 1) in model(uid).attributes))
        problems.push(`${field}: in OPEN_DATA_LEFT_OUT, missing from schema.json`);
    }
    agree(problems);
  });
});

describe("Strapi's generated types (cms/types/generated) follow schema.json", () => {
  const REGENERATE = 'regenerate them: cd cms && node node_modules/@strapi/strapi/bin/strapi.js ts:generate-types';
  const generated = ['contentTypes', 'components']
    .map((name) => readFileSync(new URL(`../../cms/types/generated/${name}.d.ts`, import.meta.url), 'utf8'))
    .join('\n');
  /** Fields the generator adds to every content type: Strapi's own, not declared in schema.json. */
  const SYSTEM = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'publishedAt', 'locale', 'localizations']);

  /** Each attribute of a generated interface with the text that declares it. */
  function generatedAttributes(uid: string): Map<string, string> | null {
    const name = new RegExp(`^      '${uid.replace(/[.-]/g, '\\$&')}': (\\w+);$`, 'm').exec(generated)?.[1];
    const start = name ? generated.search(new RegExp(`^export interface ${name}\\s+extends`, 'm')) : -1;
    if (start < 0) return null;
    const body = generated.slice(generated.indexOf('  attributes: {\n', start), generated.indexOf('\n}\n', start));
    const attributes = new Map<string, string>();
    const starts = [...body.matchAll(/^ {4}(\w+): /gm)];
    starts.forEach((match, i) => attributes.set(match[1]!, body.slice(match.index, starts[i + 1]?.index)));
    return attributes;
  }

  it.each([...CONTENT_TYPE_MODELS, ...COMPONENT_MODELS].map((m) => m.uid))('%s', (uid) => {
    const attributes = generatedAttributes(uid);
    if (!attributes) return agree([`${uid}: in schema.json, missing from cms/types/generated: ${REGENERATE}`]);
    const problems: string[] = [];
    for (const [key, attribute] of Object.entries(model(uid).attributes)) {
      const text = attributes.get(key);
      const kind = text && /^ {4}\w+: Schema\.Attribute\.(\w+)/.exec(text)?.[1]?.toLowerCase();
      const values = text
        ?.match(/Enumeration<\s*\[([^\]]*)\]/)?.[1]
        ?.match(/'[^']*'/g)
        ?.map((value) => value.slice(1, -1));
      const disagreement = !text
        ? 'in schema.json, missing from cms/types/generated'
        : kind !== attribute.type.toLowerCase()
          ? `a ${attribute.type} in schema.json, a ${kind} in cms/types/generated`
          : text.includes('Schema.Attribute.Required') !== Boolean(attribute.required)
            ? `${attribute.required ? 'required' : 'optional'} in schema.json, not in cms/types/generated`
            : attribute.enum && values?.join() !== attribute.enum.join()
              ? `values ${attribute.enum.join(', ')} in schema.json, ${values?.join(', ')} in cms/types/generated`
              : null;
      if (disagreement) problems.push(`${uid}.${key}: ${disagreement}: ${REGENERATE}`);
    }
    for (const key of attributes.keys()) {
      if (!(key in model(uid).attributes) && !SYSTEM.has(key))
        problems.push(`${uid}.${key}: in cms/types/generated, not in schema.json: ${REGENERATE}`);
    }
    agree(problems);
  });
});
