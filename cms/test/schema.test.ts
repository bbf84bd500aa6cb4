import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionTypeSchema, OrganisationTypeSchema } from 'shared-types';
import { describe, expect, it } from 'vitest';
import { ENUM_TRANSLATIONS } from '../src/admin/enum-labels.ts';

/**
 * Rules the content-type files must keep, checked on the files themselves: what SQLite lets
 * through but PostgreSQL refuses, and the link targets the site may publish.
 */
const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const schemaFiles = [
  ...readdirSync(path.join(SRC, 'api')).map((api) => path.join(SRC, 'api', api, 'content-types', api, 'schema.json')),
  ...readdirSync(path.join(SRC, 'components')).flatMap((group) =>
    readdirSync(path.join(SRC, 'components', group)).map((file) => path.join(SRC, 'components', group, file)),
  ),
];
const attributes = schemaFiles.flatMap((file) =>
  Object.entries(
    (JSON.parse(readFileSync(file, 'utf8')) as { attributes: Record<string, { type: string; maxLength?: number; regex?: string }> })
      .attributes,
  ).map(([name, attribute]) => ({ where: `${path.relative(SRC, file)}: ${name}`, name, ...attribute })),
);

describe('content-type schemas', () => {
  it('give every value of every enumeration an Italian label in the admin, or name the one missing', () => {
    const values = attributes.flatMap((a) =>
      ((a as unknown as { enum?: string[] }).enum ?? []).map((value) => ({ where: a.where, value })),
    );
    expect(values.length).toBeGreaterThan(40);
    const missing = values.filter(({ value }) => !ENUM_TRANSLATIONS[value] || ENUM_TRANSLATIONS[value] === value);
    expect(missing.map(({ where, value }) => `${where} = ${value}`)).toEqual([]);
  });

  it('give no string field more than 255 characters (a varchar(255) column on PostgreSQL)', () => {
    expect(attributes.length).toBeGreaterThan(50);
    expect(attributes.filter((a) => a.type === 'string' && (a.maxLength === undefined || a.maxLength > 255)).map((a) => a.where)).toEqual(
      [],
    );
  });

  it('declare the same organisation and action types as the shared contract', () => {
    const enumOf = (where: string) => (attributes.find((a) => a.where === where) as unknown as { enum: string[] }).enum;
    expect(enumOf(`${path.join('api', 'partner', 'content-types', 'partner', 'schema.json')}: organisationType`)).toEqual(
      OrganisationTypeSchema.options,
    );
    expect(enumOf(`${path.join('api', 'action', 'content-types', 'action', 'schema.json')}: actionType`)).toEqual(ActionTypeSchema.options);
    expect(OrganisationTypeSchema.options).toContain('provincial_authority');
    expect(ActionTypeSchema.options).toEqual(expect.arrayContaining(['monitoring_evaluation', 'study_visit', 'participation']));
  });

  it('leave the sub-action letter optional, and the partner’s alternative names shared by every locale', () => {
    const letter = attributes.find((a) => a.where === `${path.join('components', 'action', 'sub-action.json')}: letter`) as unknown as {
      required?: boolean;
    };
    expect(letter.required ?? false).toBe(false);
    const names = attributes.find(
      (a) => a.where === `${path.join('api', 'partner', 'content-types', 'partner', 'schema.json')}: alternativeNames`,
    ) as unknown as { type: string; pluginOptions: { i18n: { localized: boolean } } };
    expect(names.type).toBe('text');
    expect(names.pluginOptions.i18n.localized).toBe(false);
  });

  it('accept only http(s) and mailto targets in every URL field', () => {
    const urlFields = attributes.filter((a) => /^(website|url)$|Url$/.test(a.name));
    expect(urlFields.length).toBeGreaterThanOrEqual(8);
    for (const field of urlFields) expect(field.regex, field.where).toBe('^(https?://|mailto:)\\S+$');
  });
});
