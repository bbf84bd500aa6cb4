import type { Core } from '@strapi/strapi';
import type { RuleViolation } from './project-rules';

/**
 * Fields with a format (a web address, a country code, a programming period) keep their `regex`
 * in schema.json, the model's one source. Strapi's admin would check it in the browser and say
 * only "Questo valore non coincide con la regex.", so at start the regex is taken out of what the
 * admin sees and checked here instead, on every write, with a message that says what to do. Small
 * slips are mended rather than refused: "www.comune.it" gains its https://, "pt" becomes "PT".
 */
interface Format {
  message: string;
  normalise(value: string): string;
  /** Shown in the empty field, so the officer sees what it takes before typing. */
  placeholder?: string;
}

/** By the regex written in schema.json. A regex with no entry here stops the CMS at start. */
export const FORMATS: Record<string, Format> = {
  '^(https?://|mailto:)\\S+$': {
    message: "L'indirizzo deve iniziare con https:// (o mailto: per un indirizzo email), ad es. https://www.comune.bologna.it",
    normalise: (value) => (/^www\./i.test(value.trim()) ? `https://${value.trim()}` : value.trim()),
    placeholder: 'https://…',
  },
  '^[A-Z]{2}$': {
    message: 'Indica il paese con il suo codice di due lettere (IT, PT, GR…): sceglilo dall’elenco.',
    normalise: (value) => value.trim().toUpperCase(),
  },
  '^\\d{4}-\\d{4}$': {
    message: 'Scrivi il periodo come due anni separati da un trattino, ad es. 2021-2027.',
    normalise: (value) => value.trim().replace(/\s*[–—-]\s*/, '-'),
  },
  '^[a-z]{1,3}$': {
    message: 'La lettera della sotto-azione è da una a tre lettere minuscole, ad es. a, b, aa.',
    normalise: (value) => value.trim().toLowerCase(),
  },
};

interface FieldFormat extends Format {
  pattern: RegExp;
}
/** Content type or component uid → field → its format; component fields → the component's uid. */
const fieldFormats = new Map<string, Map<string, FieldFormat>>();
const componentFields = new Map<string, Map<string, string>>();

type Attributes = Record<string, { type: string; regex?: string; component?: string }>;

/** Reads the formats from our content types and components and hides their regex from the admin. */
export function registerFieldFormats(strapi: Core.Strapi): void {
  const schemas: Array<[string, { attributes: Attributes }]> = [
    ...Object.entries(strapi.contentTypes).filter(([uid]) => uid.startsWith('api::')),
    ...Object.entries(strapi.components),
  ] as never;
  for (const [uid, schema] of schemas) {
    for (const [field, attribute] of Object.entries(schema.attributes)) {
      if (attribute.type === 'component') {
        if (!componentFields.has(uid)) componentFields.set(uid, new Map());
        componentFields.get(uid)!.set(field, attribute.component!);
      }
      if (!attribute.regex) continue;
      const format = FORMATS[attribute.regex];
      if (!format)
        throw new Error(`${uid}.${field}: its regex ${attribute.regex} has no Italian message in cms/src/validation/field-formats.ts`);
      if (!fieldFormats.has(uid)) fieldFormats.set(uid, new Map());
      fieldFormats.get(uid)!.set(field, { ...format, pattern: new RegExp(attribute.regex) });
      delete attribute.regex;
    }
  }
}

/** The placeholders of a content type's or component's formatted fields, by field (registerFieldFormats first). */
export function formatPlaceholders(uid: string): Record<string, string> {
  return Object.fromEntries(
    [...(fieldFormats.get(uid) ?? [])].flatMap(([field, format]) => (format.placeholder ? [[field, format.placeholder]] : [])),
  );
}

/**
 * Mends the formatted fields of `data` (a create or update's data, components included) in
 * place, and returns those whose value still breaks its format.
 */
export function checkFieldFormats(
  uid: string,
  data: Record<string, unknown> | undefined,
  path: Array<string | number> = [],
): RuleViolation[] {
  if (!data || typeof data !== 'object') return [];
  const violations: RuleViolation[] = [];
  for (const [field, format] of fieldFormats.get(uid) ?? []) {
    const value = data[field];
    if (typeof value !== 'string' || value === '') continue;
    data[field] = format.normalise(value);
    if (!format.pattern.test(data[field] as string)) violations.push({ path: [...path, field], message: format.message });
  }
  for (const [field, component] of componentFields.get(uid) ?? []) {
    const value = data[field];
    const entries: Array<[unknown, Array<string | number>]> = Array.isArray(value)
      ? value.map((entry, index) => [entry, [...path, field, index]])
      : [[value, [...path, field]]];
    for (const [entry, entryPath] of entries) violations.push(...checkFieldFormats(component, entry as Record<string, unknown>, entryPath));
  }
  return violations;
}
