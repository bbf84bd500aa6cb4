import type { StrapiApp } from '@strapi/strapi/admin';
import type * as React from 'react';
import { withPermittedHeaderActions } from './actions/permitted-header-actions';
import { PublishWithRelatedAction } from './actions/PublishWithRelated';
import { ENUM_TRANSLATIONS } from './enum-labels';
import { sendEditedVersions } from './edit-conflicts';
import { CountedTextarea } from './fields/CountedTextarea';
import { PublicationStatusPanel } from './publication-status/StatusPanel';
import { PUBLICATION_WIDGET_ID } from '../publication-status/widget-id';
import { STRAPI_ITALIAN } from './strapi-italian';
import { MISSING_ITALIAN } from './translations-it';
import { UnsavedChangesPanel } from './UnsavedChangesPanel';

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
  new MutationObserver(rename).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });
}

/** The publication widget's icon: a globe (the public site), drawn like Strapi's own icons. */
// Strapi passes a design-system colour name as `fill` ("neutral500"): the grey it stands for is used instead.
const GlobeIcon = ({ fill: _fill, ...props }: React.SVGProps<SVGSVGElement>) => (
  <svg xmlns="http://www.w3.org/2000/svg" width="1.6rem" height="1.6rem" viewBox="0 0 32 32" aria-hidden="true" {...props} fill="#8e8ea9">
    <path d="M16 3a13 13 0 1 0 0 26 13 13 0 0 0 0-26Zm10.94 12h-5a20.2 20.2 0 0 0-2.9-9.6A11 11 0 0 1 26.94 15ZM16 26.8A18.1 18.1 0 0 1 12.05 17h7.9A18.1 18.1 0 0 1 16 26.8ZM12.05 15A18.1 18.1 0 0 1 16 5.2a18.1 18.1 0 0 1 3.95 9.8h-7.9Zm.9-9.6a20.2 20.2 0 0 0-2.9 9.6h-5a11 11 0 0 1 7.9-9.6ZM5.06 17h5a20.2 20.2 0 0 0 2.9 9.6 11 11 0 0 1-7.9-9.6Zm14 9.6a20.2 20.2 0 0 0 2.9-9.6h5a11 11 0 0 1-7.9 9.6Z" />
  </svg>
);

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
      components: {
        Input: async () =>
          import('./fields/CountryInput').then(({ CountryInput }) => ({ default: CountryInput as unknown as React.ComponentType })),
      },
    });
    // Long texts count their characters against the field's limit as the officer types.
    app.addFields({ type: 'text', Component: CountedTextarea as unknown as React.ComponentType });
    // Strapi starts in English until a user picks a language: the login page and the first visit
    // are in Italian instead. A language an officer chose (kept under this key) is left alone.
    if (!localStorage.getItem(ADMIN_LANGUAGE_KEY)) localStorage.setItem(ADMIN_LANGUAGE_KEY, 'it');
    dismissMediaLibraryBanner();
    // A form loaded before someone else's save is refused instead of overwriting it.
    sendEditedVersions();
    // The home page's first widget: is the public site up to date, and if a build failed, why.
    app.widgets.register((widgets) => [
      {
        id: PUBLICATION_WIDGET_ID,
        icon: GlobeIcon as never,
        title: { id: 'portfolio.widget.publication.title', defaultMessage: 'Pubblicazione del sito' },
        component: async () => (await import('./publication-status/StatusWidget')).default,
      },
      ...widgets,
    ]);
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
        return {
          ...header,
          cellFormatter: (row: Record<string, unknown>) => <span style={{ fontSize: '1.4rem', color: '#32324d' }}>{label(row)}</span>,
        };
      }),
    }));

    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: {
        addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void;
        addEditViewSidePanel(reducer: (panels: unknown[]) => unknown[]): void;
      };
    };
    // After Publish and Save: the first entry of the "Altre azioni" menu. The header menu's links
    // to administrators' screens (document actions placed in the header), for those who may open them.
    contentManager.apis.addDocumentAction((actions) =>
      withPermittedHeaderActions([...actions.slice(0, 2), PublishWithRelatedAction, ...actions.slice(2)]),
    );
    // Below the actions panel: what a save refused for a newer save had changed (only then), and
    // whether this entry is on the public site, with "Vedi sul sito".
    contentManager.apis.addEditViewSidePanel((panels) => [
      ...panels.slice(0, 1),
      UnsavedChangesPanel,
      PublicationStatusPanel,
      ...panels.slice(1),
    ]);
  },
};
