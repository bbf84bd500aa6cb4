import { z } from 'zod';
import {
  ActionTypeSchema,
  CountryCodeSchema,
  DatePrecisionSchema,
  FundingStatementSchema,
  IsoDateSchema,
  LinkKindSchema,
  ManagementModeSchema,
  OrganisationTypeSchema,
  PartnerRoleSchema,
  SlugSchema,
  StatusOverrideSchema,
} from './enums.ts';
import { PROJECT_RULES, projectRuleViolations } from './project-rules.ts';

/**
 * The format of the seed data files (scripts/seed/data/): what an editor reviews before import.
 * Text that differs by language is an `{ it, en }` pair; everything else is shared. Optional
 * fields are omitted when the source is silent: nothing is invented.
 */

/** The same text in Italian (the source) and English (the translation). */
export const SeedTextSchema = z.strictObject({ it: z.string().min(1), en: z.string().min(1) });
export type SeedText = z.infer<typeof SeedTextSchema>;

/** Absolute http(s) URL or mailto: link; anything else (javascript:, data:) is refused. */
export const SafeUrlSchema = z.string().regex(/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i, 'must be an http(s):// or mailto: URL');

export const SeedPartialDateSchema = z.strictObject({
  /** First day of the period when the precision is month or year. */
  date: IsoDateSchema,
  precision: DatePrecisionSchema,
  estimated: z.boolean().default(false),
});

export const SeedThemeSchema = z.strictObject({
  slug: SlugSchema,
  name: SeedTextSchema,
  description: SeedTextSchema.optional(),
});
export type SeedTheme = z.infer<typeof SeedThemeSchema>;

export const SeedFundingLineSchema = z.strictObject({
  slug: SlugSchema,
  name: SeedTextSchema,
  acronym: SeedTextSchema,
  programme: SeedTextSchema.optional(),
  programmingPeriod: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
  managingBody: SeedTextSchema.optional(),
  managementMode: ManagementModeSchema.optional(),
  callReference: SeedTextSchema.optional(),
  decreeReference: SeedTextSchema.optional(),
  specificObjective: SeedTextSchema.optional(),
  /** Markdown list. */
  applicationAreas: SeedTextSchema.optional(),
  fundingStatement: FundingStatementSchema,
  description: SeedTextSchema.optional(),
  website: SafeUrlSchema.optional(),
});
export type SeedFundingLine = z.infer<typeof SeedFundingLineSchema>;

export const SeedPartnerSchema = z.strictObject({
  slug: SlugSchema,
  name: SeedTextSchema,
  shortName: z.string().optional(),
  organisationType: OrganisationTypeSchema,
  country: CountryCodeSchema.optional(),
  city: SeedTextSchema.optional(),
  website: SafeUrlSchema.optional(),
  description: SeedTextSchema.optional(),
  /** Other names of the organisation (original-language names), shown as "Also known as" and searchable. */
  alternativeNames: z.array(z.string().trim().min(1).max(250)).optional(),
  /** The names this organisation has in the source pages, to review the merging of duplicates. */
  namesInSources: z.array(z.string()).min(1),
  /** Corrections made to the source (e.g. a wrong country code), kept for reviewers. */
  correction: z.string().optional(),
});
export type SeedPartner = z.infer<typeof SeedPartnerSchema>;

export const SeedActionSchema = z.strictObject({
  code: z.string().optional(),
  title: SeedTextSchema,
  actionType: ActionTypeSchema,
  description: SeedTextSchema.optional(),
  /** The letter is omitted when the source does not letter the sub-actions. */
  subActions: z
    .array(
      z.strictObject({
        letter: z
          .string()
          .regex(/^[a-z]{1,3}$/)
          .optional(),
        text: SeedTextSchema,
      }),
    )
    .default([]),
  targetAudience: SeedTextSchema.optional(),
});
export type SeedAction = z.infer<typeof SeedActionSchema>;

export const SeedCommunitySchema = z.strictObject({
  slug: SlugSchema,
  code: z.string().optional(),
  title: SeedTextSchema,
  guidingQuestion: SeedTextSchema.optional(),
  /** Theme slug. */
  theme: SlugSchema.optional(),
  description: SeedTextSchema.optional(),
  /** Partner slugs. */
  members: z.array(SlugSchema).default([]),
});
export type SeedCommunity = z.infer<typeof SeedCommunitySchema>;

export const SeedProjectSchema = z.strictObject({
  /** The source page in shared/seeds/ this project comes from. */
  source: z.string(),
  slug: SlugSchema,
  acronym: z.string().min(1),
  title: SeedTextSchema,
  subtitle: SeedTextSchema.optional(),
  /** Plain text, at most 320 characters: cards and meta description. */
  summary: SeedTextSchema,
  /** Markdown. */
  description: SeedTextSchema.optional(),
  objectives: SeedTextSchema.optional(),
  expectedResults: SeedTextSchema.optional(),
  targetGroups: SeedTextSchema.optional(),
  administrationRole: SeedTextSchema.optional(),
  statusOverride: StatusOverrideSchema.optional(),
  startDate: SeedPartialDateSchema.optional(),
  endDate: SeedPartialDateSchema.optional(),
  durationMonths: z.int().positive().optional(),
  totalBudget: z.number().nonnegative().optional(),
  euContribution: z.number().nonnegative().optional(),
  otherAmounts: z
    .array(z.strictObject({ label: SeedTextSchema, amount: z.number().nonnegative().optional(), note: SeedTextSchema.optional() }))
    .default([]),
  grantAgreementNumber: z.string().optional(),
  internalReference: z.string().optional(),
  /** Funding line slug; omitted when the source names none. */
  fundingLine: SlugSchema.optional(),
  partnerships: z.array(z.strictObject({ partner: SlugSchema, role: PartnerRoleSchema, note: SeedTextSchema.optional() })).default([]),
  /** Theme slugs. */
  themes: z.array(SlugSchema).default([]),
  links: z.array(z.strictObject({ label: SeedTextSchema, url: SafeUrlSchema, kind: LinkKindSchema })).default([]),
  website: SafeUrlSchema.optional(),
  /** "Updated on" date the source page states. */
  sourceUpdatedOn: IsoDateSchema.optional(),
  /** Editorial notes, never published: slips fixed, facts the source leaves open. */
  sourceNotes: SeedTextSchema.optional(),
  actions: z.array(SeedActionSchema).default([]),
  communities: z.array(SeedCommunitySchema).default([]),
});
export type SeedProject = z.infer<typeof SeedProjectSchema>;

export const SeedSiteSettingsSchema = z.strictObject({
  siteName: SeedTextSchema,
  tagline: SeedTextSchema.optional(),
  institutionName: SeedTextSchema,
  institutionUrl: SafeUrlSchema.optional(),
  parentInstitutionName: SeedTextSchema.optional(),
  contactEmail: z.email().optional(),
  accessibilityStatementUrl: SafeUrlSchema.optional(),
  privacyUrl: SafeUrlSchema.optional(),
  legalNotesUrl: SafeUrlSchema.optional(),
});
export type SeedSiteSettings = z.infer<typeof SeedSiteSettingsSchema>;

/**
 * Everything the seed imports, with the cross-references checked (every slug a project,
 * community or partnership points to exists, and slugs are unique) and every project held to the
 * CMS's cross-field rules (project-rules.ts).
 */
export const SeedBundleSchema = z
  .strictObject({
    settings: SeedSiteSettingsSchema,
    themes: z.array(SeedThemeSchema),
    fundingLines: z.array(SeedFundingLineSchema),
    partners: z.array(SeedPartnerSchema),
    projects: z.array(SeedProjectSchema),
  })
  .superRefine((bundle, ctx) => {
    const slugs = (items: Array<{ slug: string }>, path: string) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.slug)) ctx.addIssue({ code: 'custom', path: [path, index, 'slug'], message: `duplicate slug "${item.slug}"` });
        seen.add(item.slug);
      });
      return seen;
    };
    const themes = slugs(bundle.themes, 'themes');
    const fundingLines = slugs(bundle.fundingLines, 'fundingLines');
    const partners = slugs(bundle.partners, 'partners');
    slugs(bundle.projects, 'projects');
    slugs(
      bundle.projects.flatMap((p) => p.communities),
      'communities',
    );

    const check = (known: Set<string>, slug: string | undefined, path: Array<string | number>, kind: string) => {
      if (slug !== undefined && !known.has(slug)) ctx.addIssue({ code: 'custom', path, message: `unknown ${kind} "${slug}"` });
    };
    bundle.projects.forEach((project, p) => {
      check(fundingLines, project.fundingLine, ['projects', p, 'fundingLine'], 'funding line');
      project.themes.forEach((slug, i) => check(themes, slug, ['projects', p, 'themes', i], 'theme'));
      project.partnerships.forEach((partnership, i) => {
        check(partners, partnership.partner, ['projects', p, 'partnerships', i, 'partner'], 'partner');
      });
      project.communities.forEach((community, c) => {
        check(themes, community.theme, ['projects', p, 'communities', c, 'theme'], 'theme');
        community.members.forEach((slug, i) => check(partners, slug, ['projects', p, 'communities', c, 'members', i], 'partner'));
      });
      // The rules the CMS applies on every write, with the partners named by their slugs.
      const violations = projectRuleViolations({
        ...project,
        partnerships: project.partnerships.map(({ partner, role, note }) => ({
          role,
          note: note?.it,
          partner: { documentId: partner, name: partner },
        })),
      });
      for (const violation of violations) {
        ctx.addIssue({
          code: 'custom',
          path: ['projects', p, ...violation.path],
          message: `${PROJECT_RULES[violation.rule]}: ${violation.message}`,
        });
      }
    });
  });
export type SeedBundle = z.infer<typeof SeedBundleSchema>;
