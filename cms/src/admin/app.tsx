import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';
import { PublishWithRelatedAction } from './actions/PublishWithRelated';
import { ENUM_TRANSLATIONS } from './enum-labels';
import { STRAPI_ITALIAN } from './strapi-italian';
import { MISSING_ITALIAN } from './translations-it';

/** Where Strapi's admin keeps the interface language (its reducer's LANGUAGE_LOCAL_STORAGE_KEY). */
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';

/**
 * Strapi announces its new media library in a banner on every screen until it is closed, for each
 * browser: news for developers, not for officers. Closed in advance, under the key Strapi's
 * banner reads (scoped by the instance's uuid from /admin/init).
 */
function dismissMediaLibraryBanner(): void {
  const backend = (window as unknown as { strapi: { backendURL: string } }).strapi.backendURL;
  fetch(`${backend}/admin/init`)
    .then((response) => response.json())
    .then(({ data }: { data: { uuid?: string } }) => {
      for (const legacy of [false, true]) localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${data.uuid}`, 'true');
    })
    .catch(() => {
      // Offline or a changed endpoint: the banner shows, and closes with its own button.
    });
}

/**
 * Strapi's status badges name themselves by the raw status (aria-label="published"), which screen
 * readers read out in English: they are given the Italian word their text already shows.
 */
const STATUS_NAMES: Record<string, string> = { draft: 'Bozza', published: 'Pubblicato', modified: 'Modificato' };
function nameStatusBadgesInItalian(): void {
  const rename = () => {
    for (const badge of document.querySelectorAll('[role="status"][aria-label]')) {
      const italian = STATUS_NAMES[badge.getAttribute('aria-label')!];
      if (italian) badge.setAttribute('aria-label', italian);
    }
  };
  new MutationObserver(rename).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
}

interface ListTable {
  displayedHeaders: Array<{ name: string; attribute?: { type: string }; [key: string]: unknown }>;
  layout: unknown;
}

export default {
  config: {
    // Italian first: editors of an Italian administration work in Italian; English stays available.
    locales: ['it'],
    translations: {
      // Later tables win: our own wording over the general table.
      it: {
        ...STRAPI_ITALIAN,
        ...ENUM_TRANSLATIONS,
        ...MISSING_ITALIAN,
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    app.customFields.register({
      name: 'country',
      type: 'string',
      intlLabel: { id: 'portfolio.country.label', defaultMessage: 'Paese' },
      intlDescription: { id: 'portfolio.country.description', defaultMessage: 'Un paese scelto per nome, salvato come codice ISO' },
      // Strapi types inputs as prop-less components; it passes name, label, hint and the rest.
      components: { Input: async () => import('./fields/CountryInput').then(({ CountryInput }) => ({ default: CountryInput as unknown as ComponentType })) },
    });
    // Strapi starts in English until a user picks a language: the login page and the first visit
    // are in Italian instead. A language an officer chose (kept under this key) is left alone.
    if (!localStorage.getItem(ADMIN_LANGUAGE_KEY)) localStorage.setItem(ADMIN_LANGUAGE_KEY, 'it');
    dismissMediaLibraryBanner();
  },
  bootstrap(app: StrapiApp) {
    nameStatusBadgesInItalian();
    // List columns print enumeration values raw: show their Italian labels, as the dropdowns do.
    // The last-update column is named by a message of ours (Strapi names it after the field).
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', (table: ListTable) => ({
      ...table,
      displayedHeaders: table.displayedHeaders.map((header) => {
        if (header.name === 'updatedAt') return { ...header, label: { id: 'portfolio.list.updatedAt', defaultMessage: 'Last update' } };
        if (header.attribute?.type !== 'enumeration') return header;
        // The size and colour of the list's other cells (Strapi's Typography).
        const label = (row: Record<string, unknown>) => ENUM_TRANSLATIONS[String(row[header.name])] ?? String(row[header.name] ?? '-');
        return { ...header, cellFormatter: (row: Record<string, unknown>) => <span style={{ fontSize: '1.4rem', color: '#32324d' }}>{label(row)}</span> };
      }),
    }));

    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void };
    };
    // After Publish and Save: the first entry of the "Altre azioni" menu.
    contentManager.apis.addDocumentAction((actions) => [...actions.slice(0, 2), PublishWithRelatedAction, ...actions.slice(2)]);
  },
};
