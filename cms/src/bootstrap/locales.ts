import type { Core } from '@strapi/strapi';

/**
 * Italian is the source language and the default; English is the translation. The names are what
 * the admin's language picker shows: in Italian, as the admin is.
 */
export const LOCALES = [
  { code: 'it', name: 'Italiano (it)', isDefault: true },
  { code: 'en', name: 'Inglese (en)', isDefault: false },
] as const;

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
  if ((await locales.getDefaultLocale()) !== 'it') {
    await locales.setDefaultLocale({ code: 'it' });
  }
}
