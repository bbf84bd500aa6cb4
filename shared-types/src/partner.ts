import { z } from 'zod';
import { DocumentBaseSchema, FormerSlugsSchema, MediaSchema } from './common.ts';
import { CountryCodeSchema, OrganisationTypeSchema, SlugSchema } from './enums.ts';

/** An organisation taking part in projects; one document however many projects it joins. */
export const PartnerSchema = DocumentBaseSchema.extend({
  name: z.string().min(1),
  shortName: z.string().nullable(),
  /**
   * Other names of the organisation, one per line: original-language or former names
   * ("Dimos Athinaion" for the City of Athens). The same in every locale; absent before the field existed.
   */
  alternativeNames: z.string().nullable().default(null),
  slug: SlugSchema,
  formerSlugs: FormerSlugsSchema,
  organisationType: OrganisationTypeSchema,
  /** ISO 3166-1 alpha-2; null when the source does not say. */
  country: CountryCodeSchema.nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  logo: MediaSchema.nullable(),
  /** Markdown. */
  description: z.string().nullable(),
});
export type Partner = z.infer<typeof PartnerSchema>;

/** The alternative names of a partner as a list: one per line, trimmed, blank lines and repeats dropped. */
export function alternativeNameList(text: string | null | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

export const partnerPopulate = { logo: true } as const;
