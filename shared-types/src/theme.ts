import { z } from 'zod';
import { DocumentBaseSchema, FormerSlugsSchema } from './common.ts';
import { SlugSchema } from './enums.ts';

/** A cross-cutting theme linking projects across funding lines (e.g. one-stop shops, housing). */
export const ThemeSchema = DocumentBaseSchema.extend({
  name: z.string().min(1),
  slug: SlugSchema,
  formerSlugs: FormerSlugsSchema,
  description: z.string().nullable(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const themePopulate = {} as const;
