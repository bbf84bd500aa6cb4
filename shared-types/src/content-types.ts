import { z } from 'zod';
import { actionPopulate, ActionSchema } from './action.ts';
import { communityOfPracticePopulate, CommunityOfPracticeSchema } from './community-of-practice.ts';
import { fundingLinePopulate, FundingLineSchema } from './funding-line.ts';
import { partnerPopulate, PartnerSchema } from './partner.ts';
import { projectPopulate, ProjectSchema } from './project.ts';
import { siteSettingPopulate, SiteSettingSchema } from './site-setting.ts';
import { themePopulate, ThemeSchema } from './theme.ts';

/**
 * Every public content type: its Strapi uid, REST path, response schema and populate rules.
 * The one place the site loader, the CMS tests and the open-data export agree on.
 */
export const CONTENT_TYPES = {
  projects: { uid: 'api::project.project', path: 'projects', schema: ProjectSchema, populate: projectPopulate, single: false },
  partners: { uid: 'api::partner.partner', path: 'partners', schema: PartnerSchema, populate: partnerPopulate, single: false },
  actions: { uid: 'api::action.action', path: 'actions', schema: ActionSchema, populate: actionPopulate, single: false },
  communities: {
    uid: 'api::community-of-practice.community-of-practice',
    path: 'communities-of-practice',
    schema: CommunityOfPracticeSchema,
    populate: communityOfPracticePopulate,
    single: false,
  },
  fundingLines: {
    uid: 'api::funding-line.funding-line',
    path: 'funding-lines',
    schema: FundingLineSchema,
    populate: fundingLinePopulate,
    single: false,
  },
  themes: { uid: 'api::theme.theme', path: 'themes', schema: ThemeSchema, populate: themePopulate, single: false },
  siteSettings: {
    uid: 'api::site-setting.site-setting',
    path: 'site-setting',
    schema: SiteSettingSchema,
    populate: siteSettingPopulate,
    single: true,
  },
} as const;

export type ContentTypeName = keyof typeof CONTENT_TYPES;

export const PaginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

/** A page of a collection as GET /api/<path> returns it (envelope only; entries are parsed one by one). */
export const ListEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ pagination: PaginationSchema }),
});

/** A single type or one document as GET /api/<path>[/<documentId>] returns it. */
export const SingleEnvelopeSchema = z.object({ data: z.unknown() });

/** Strapi's error body. */
export const ErrorEnvelopeSchema = z.object({
  data: z.null(),
  error: z.object({ status: z.number(), name: z.string(), message: z.string(), details: z.unknown().optional() }),
});
