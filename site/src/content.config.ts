import { defineCollection } from 'astro:content';
import { strapiLoader } from './lib/strapi/loader.ts';

/** Every public CMS type becomes a collection; entries hold both locales (ids "it/<documentId>"). */
export const collections = {
  projects: defineCollection({ loader: strapiLoader('projects') }),
  partners: defineCollection({ loader: strapiLoader('partners') }),
  actions: defineCollection({ loader: strapiLoader('actions') }),
  communities: defineCollection({ loader: strapiLoader('communities') }),
  fundingLines: defineCollection({ loader: strapiLoader('fundingLines') }),
  themes: defineCollection({ loader: strapiLoader('themes') }),
  siteSettings: defineCollection({ loader: strapiLoader('siteSettings') }),
};
