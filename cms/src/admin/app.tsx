import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PublishWithRelatedAction } from './actions/PublishWithRelated';
import { ENUM_TRANSLATIONS } from './enum-labels';
import { PublicationStatusPanel } from './publication-status/StatusPanel';
import { MISSING_ITALIAN } from './translations-it';

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
      it: {
        ...ENUM_TRANSLATIONS,
        ...MISSING_ITALIAN,
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The home page's first widget: is the public site up to date, and if a build failed, why.
    app.widgets.register((widgets) => [
      {
        id: 'publication-status',
        icon: GlobeIcon as never,
        title: { id: 'portfolio.widget.publication.title', defaultMessage: 'Pubblicazione del sito' },
        component: async () => (await import('./publication-status/StatusWidget')).default,
      },
      ...widgets,
    ]);
  },
  bootstrap(app: StrapiApp) {
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
      apis: {
        addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void;
        addEditViewSidePanel(reducer: (panels: unknown[]) => unknown[]): void;
      };
    };
    // After Publish and Save: the first entry of the "Altre azioni" menu.
    contentManager.apis.addDocumentAction((actions) => [...actions.slice(0, 2), PublishWithRelatedAction, ...actions.slice(2)]);
    // Below the actions panel: whether this entry is on the public site, with "Vedi sul sito".
    contentManager.apis.addEditViewSidePanel((panels) => [...panels.slice(0, 1), PublicationStatusPanel, ...panels.slice(1)]);
  },
};
