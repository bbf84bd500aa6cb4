import { z } from 'zod';

/**
 * GET /api/site-build/versions (cms/src/site-build/versions.ts): the version of every published
 * entry and media file, so that the site build reads again only what changed (site/src/lib/strapi/delta.ts).
 */
export const ContentVersionsSchema = z.object({
  /** A digest of the content model: when it changes, everything is read again. */
  schema: z.string(),
  /** The CMS's clock when it read them (ms): the next build asks for what changed since. */
  listedAt: z.number(),
  /** Set when only the versions changed at or after this time (ms) are listed (?since=). */
  since: z.number().optional(),
  /** How many versions there are in all, per type uid and of files: with `since`, they tell an entry removed. */
  counts: z.object({ types: z.record(z.string(), z.number()), files: z.number() }),
  /** Per content type uid: [documentId, locale, row id, changed at (ms)] for each published version. */
  types: z.record(z.string(), z.array(z.tuple([z.string(), z.string(), z.number(), z.number()]))),
  /** [documentId, row id, changed at (ms)] for each media file. */
  files: z.array(z.tuple([z.string(), z.number(), z.number()])),
});

export type ContentVersions = z.infer<typeof ContentVersionsSchema>;
