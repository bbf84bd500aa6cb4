import { z } from 'zod';
import { DocumentBaseSchema, FormerSlugsSchema, RefSchema } from './common.ts';
import { SlugSchema } from './enums.ts';

/** A community of practice: partners of a project working on one guiding question. */
export const CommunityOfPracticeSchema = DocumentBaseSchema.extend({
  project: RefSchema.nullable(),
  /** e.g. "CoP1". */
  code: z.string().nullable(),
  title: z.string().min(1),
  slug: SlugSchema,
  formerSlugs: FormerSlugsSchema,
  guidingQuestion: z.string().nullable(),
  theme: RefSchema.nullable(),
  /** Markdown. */
  description: z.string().nullable(),
  members: z.array(RefSchema),
  order: z.number().int().nullable(),
});
export type CommunityOfPractice = z.infer<typeof CommunityOfPracticeSchema>;

export const communityOfPracticePopulate = {
  project: { fields: ['documentId'] },
  theme: { fields: ['documentId'] },
  members: { fields: ['documentId'] },
} as const;
