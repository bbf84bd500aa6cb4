import { z } from 'zod';
import { DocumentBaseSchema, LinkSchema, MediaSchema } from './common.ts';

/** The publishing institution, contacts and the legal links every page's footer carries. */
export const SiteSettingSchema = DocumentBaseSchema.extend({
  siteName: z.string().min(1),
  tagline: z.string().nullable(),
  institutionName: z.string().min(1),
  institutionUrl: z.string().nullable(),
  institutionLogo: MediaSchema.nullable(),
  parentInstitutionName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  certifiedEmail: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  accessibilityStatementUrl: z.string().nullable(),
  privacyUrl: z.string().nullable(),
  legalNotesUrl: z.string().nullable(),
  footerLinks: z.array(LinkSchema),
});
export type SiteSetting = z.infer<typeof SiteSettingSchema>;

export const siteSettingPopulate = { institutionLogo: true, footerLinks: { populate: { file: true } } } as const;
