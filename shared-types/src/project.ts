import { z } from 'zod';
import {
  AmountSchema,
  DocumentBaseSchema,
  FormerSlugsSchema,
  LinkSchema,
  MediaSchema,
  PartialDateSchema,
  RefSchema,
  SeoSchema,
} from './common.ts';
import { type Locale, PartnerRoleSchema, SlugSchema, StatusOverrideSchema } from './enums.ts';

/** A partner's participation in a project: the same in both languages, but for the note. */
export const PartnershipSchema = z.object({
  id: z.number().int(),
  partner: RefSchema.nullable(),
  role: PartnerRoleSchema,
  /** In Italian, e.g. the territorial grouping the partner leads. */
  note: z.string().nullable(),
  /** The same note in English. */
  noteEn: z.string().nullable(),
});
export type Partnership = z.infer<typeof PartnershipSchema>;

/** A partnership's note in a page's language. */
export const partnershipNote = (partnership: Pick<Partnership, 'note' | 'noteEn'>, locale: Locale): string | null =>
  locale === 'en' ? partnership.noteEn : partnership.note;

/** An EU-funded project of the portfolio. Actions and communities point back to it. */
export const ProjectSchema = DocumentBaseSchema.extend({
  acronym: z.string().min(1),
  title: z.string().min(1),
  subtitle: z.string().nullable(),
  slug: SlugSchema,
  formerSlugs: FormerSlugsSchema,
  /** Plain text for cards and the meta description. */
  summary: z.string().min(1),
  /** Markdown, like the next four fields. */
  description: z.string().nullable(),
  objectives: z.string().nullable(),
  expectedResults: z.string().nullable(),
  targetGroups: z.string().nullable(),
  administrationRole: z.string().nullable(),
  /** Set by an editor only when the dates do not tell the state; see projectStatus(). */
  statusOverride: StatusOverrideSchema.nullable(),
  startDate: PartialDateSchema.nullable(),
  endDate: PartialDateSchema.nullable(),
  durationMonths: z.number().int().positive().nullable(),
  /** EUR. */
  totalBudget: z.number().nonnegative().nullable(),
  /** EUR. */
  euContribution: z.number().nonnegative().nullable(),
  otherAmounts: z.array(AmountSchema),
  grantAgreementNumber: z.string().nullable(),
  internalReference: z.string().nullable(),
  fundingLine: RefSchema.nullable(),
  partnerships: z.array(PartnershipSchema),
  themes: z.array(RefSchema),
  links: z.array(LinkSchema),
  website: z.string().nullable(),
  coverImage: MediaSchema.nullable(),
  /** "Updated on" date stated by the official source page. */
  sourceUpdatedOn: z.iso.date().nullable(),
  seo: SeoSchema.nullable(),
});
export type Project = z.infer<typeof ProjectSchema>;

/** Populate rules for projects: components in full, relations as references joined by the site. */
export const projectPopulate = {
  startDate: true,
  endDate: true,
  otherAmounts: true,
  fundingLine: { fields: ['documentId'] },
  partnerships: { populate: { partner: { fields: ['documentId'] } } },
  themes: { fields: ['documentId'] },
  links: { populate: { file: true } },
  coverImage: true,
  seo: { populate: { shareImage: true } },
} as const;
