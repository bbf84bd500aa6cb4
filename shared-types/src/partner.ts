import { z } from 'zod';
import { DocumentBaseSchema, MediaSchema } from './common.ts';
import { CountryCodeSchema, OrganisationTypeSchema, SlugSchema } from './enums.ts';

/** An organisation taking part in projects; one document however many projects it joins. */
export const PartnerSchema = DocumentBaseSchema.extend({
  name: z.string().min(1),
  shortName: z.string().nullable(),
  slug: SlugSchema,
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

export const partnerPopulate = { logo: true } as const;
