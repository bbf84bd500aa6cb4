import { z } from 'zod';

/** Languages of the portfolio: Italian is the source, English the translation. */
export const LOCALES = ['it', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = 'it';

/** How precisely a date is known: "30 September 2029", "June 2025" or "2027". */
export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** States an editor can force when the dates do not tell (e.g. a grant agreement in preparation). */
export const StatusOverrideSchema = z.enum(['grant_agreement_in_preparation', 'planned', 'ongoing', 'completed', 'suspended', 'cancelled']);
export type StatusOverride = z.infer<typeof StatusOverrideSchema>;
/** A project's state as the site shows it (status.ts computes it): the override's values, or not stated. */
export type ProjectStatus = StatusOverride | 'not_stated';

/** A partner's role in a project. */
export const PartnerRoleSchema = z.enum([
  'lead',
  'coordinator',
  'partner',
  'associated_partner',
  'mentor',
  'implementing',
  'cluster_member',
  'other',
]);
export type PartnerRole = z.infer<typeof PartnerRoleSchema>;

export const OrganisationTypeSchema = z.enum([
  'municipality',
  'region',
  /** A province or an island council (consell insular, cabildo insular): between the municipality and the region. */
  'provincial_authority',
  'national_authority',
  'municipal_association',
  'ngo',
  'network',
  'research',
  'cooperative',
  'school_training',
  'development_agency',
  'other',
]);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

export const ActionTypeSchema = z.enum([
  'workshop',
  'staff_exchange',
  'training',
  'guidelines_toolkit',
  'mapping_research',
  'pilot',
  'action_plan',
  'grant_scheme',
  'dissemination',
  'governance_network',
  'monitoring_evaluation',
  'study_visit',
  /** Active participation of migrants in economic, social and cultural life (FAMI area j). */
  'participation',
  'other',
]);
export type ActionType = z.infer<typeof ActionTypeSchema>;

/** EU funding management mode: by the Commission, through entrusted bodies, or with member states. */
export const ManagementModeSchema = z.enum(['direct', 'indirect', 'shared']);
export type ManagementMode = z.infer<typeof ManagementModeSchema>;

/** Which EU emblem statement a funding line requires. */
export const FundingStatementSchema = z.enum(['co_funded', 'funded']);
export type FundingStatement = z.infer<typeof FundingStatementSchema>;

export const LinkKindSchema = z.enum(['website', 'document', 'news', 'video', 'social', 'other']);
export type LinkKind = z.infer<typeof LinkKindSchema>;

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as IT');

/** Calendar date as Strapi stores it: YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date();

/** URL-safe identifier, identical in every locale. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
