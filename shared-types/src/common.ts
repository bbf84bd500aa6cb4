import { z } from 'zod';
import { DatePrecisionSchema, IsoDateSchema, LinkKindSchema, LocaleSchema, SlugSchema } from './enums.ts';

/** Fields Strapi 5 returns on every localized document. */
export const DocumentBaseSchema = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  locale: LocaleSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Always set: the site reads published entries only. */
  publishedAt: z.iso.datetime(),
});

/**
 * The slugs a document was published under before its current one, kept by the CMS
 * (cms/src/integrity/slugs.ts): the site sends their addresses on to its page. Null until the
 * first change, and from a CMS without the field.
 */
export const FormerSlugsSchema = z.array(SlugSchema).nullable().default(null);

/** A relation populated with its identity only; the site joins collections by documentId. */
export const RefSchema = z.object({ id: z.number().int(), documentId: z.string().min(1) });
export type Ref = z.infer<typeof RefSchema>;

/** A relation populated with identity and slug, enough to link to the related page. */
export const SlugRefSchema = RefSchema.extend({ slug: SlugSchema });
export type SlugRef = z.infer<typeof SlugRefSchema>;

const MediaFormatSchema = z.object({
  url: z.string(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  mime: z.string().optional(),
});

/** An uploaded file as the REST API returns it. `url` is relative to the CMS for local uploads. */
export const MediaSchema = z.object({
  id: z.number().int(),
  documentId: z.string(),
  name: z.string(),
  alternativeText: z.string().nullable(),
  caption: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  formats: z.record(z.string(), MediaFormatSchema).nullable(),
  ext: z.string().nullable(),
  mime: z.string(),
  size: z.number(),
  url: z.string(),
  updatedAt: z.iso.datetime(),
});
export type Media = z.infer<typeof MediaSchema>;

/** A date known to a precision; for month/year precision `date` is the first day of the period. */
export const PartialDateSchema = z.object({
  id: z.number().int(),
  date: IsoDateSchema,
  precision: DatePrecisionSchema,
  estimated: z.boolean().nullable(),
});
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** A labelled amount in euro; `amount` is null when the source gives the label but no figure. */
export const AmountSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  amount: z.number().nonnegative().nullable(),
  note: z.string().nullable(),
});
export type Amount = z.infer<typeof AmountSchema>;

/** A link to a page or an uploaded document. */
export const LinkSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  url: z.string().nullable(),
  kind: LinkKindSchema.nullable(),
  file: MediaSchema.nullable().optional(),
});
export type Link = z.infer<typeof LinkSchema>;

export const SeoSchema = z.object({
  id: z.number().int(),
  metaTitle: z.string().nullable(),
  metaDescription: z.string().nullable(),
  shareImage: MediaSchema.nullable().optional(),
});
export type Seo = z.infer<typeof SeoSchema>;
