import { z } from 'zod';
import { DocumentBaseSchema, RefSchema } from './common.ts';
import { ActionTypeSchema } from './enums.ts';

export const SubActionSchema = z.object({
  id: z.number().int(),
  /** a, b, c...; null when the source does not letter its sub-actions. */
  letter: z.string().nullable().default(null),
  text: z.string(),
});
export type SubAction = z.infer<typeof SubActionSchema>;

/** An action or work strand of a project, with its sub-actions (lettered or not). */
export const ActionSchema = DocumentBaseSchema.extend({
  project: RefSchema.nullable(),
  /** As in the source, e.g. "Azione 01"; null when the source gives none. */
  code: z.string().nullable(),
  title: z.string().min(1),
  actionType: ActionTypeSchema,
  /** Markdown. */
  description: z.string().nullable(),
  subActions: z.array(SubActionSchema),
  targetAudience: z.string().nullable(),
  order: z.number().int().nullable(),
});
export type Action = z.infer<typeof ActionSchema>;

export const actionPopulate = {
  project: { fields: ['documentId'] },
  subActions: true,
} as const;
