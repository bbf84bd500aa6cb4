import type { Core } from '@strapi/strapi';

/**
 * Italian is the source language and the default; English is the translation. The codes and the
 * default are shared-types' LOCALES and DEFAULT_LOCALE (the CMS, a CommonJS build, does not import
 * that package): the contract test keeps them equal. The names are what the admin's language
 * picker shows: in Italian, as the admin is.
 */
export const LOCALES = [
  { code: 'it', name: 'Italiano (it)', isDefault: true },
  { code: 'en', name: 'Inglese (en)', isDefault: false },
] as const;

export const DEFAULT_LOCALE = LOCALES.find((locale) => locale.isDefault)!.code;

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    const existing = await locales.findByCode(locale.code);
    if (!existing) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`Created locale ${locale.code}`);
    } else if (existing.name !== locale.name) {
      // Strapi names the locales it creates in English ("Italian (it)").
      await locales.update({ id: existing.id }, { name: locale.name });
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
