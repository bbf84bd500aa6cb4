import { z } from 'zod';
import { DocumentBaseSchema, FormerSlugsSchema } from './common.ts';
import { FundingStatementSchema, ManagementModeSchema, SlugSchema } from './enums.ts';

/** An EU fund, programme or call that finances projects. */
export const FundingLineSchema = DocumentBaseSchema.extend({
  name: z.string().min(1),
  /** Localized: FAMI in Italian, AMIF in English. */
  acronym: z.string().min(1),
  slug: SlugSchema,
  formerSlugs: FormerSlugsSchema,
  programme: z.string().nullable(),
  /** e.g. "2021-2027". */
  programmingPeriod: z.string().nullable(),
  managingBody: z.string().nullable(),
  managementMode: ManagementModeSchema.nullable(),
  callReference: z.string().nullable(),
  decreeReference: z.string().nullable(),
  specificObjective: z.string().nullable(),
  /** Markdown. */
  applicationAreas: z.string().nullable(),
  fundingStatement: FundingStatementSchema,
  /** Markdown. */
  description: z.string().nullable(),
  website: z.string().nullable(),
});
export type FundingLine = z.infer<typeof FundingLineSchema>;

export const fundingLinePopulate = {} as const;
