import type { StrapiApp } from '@strapi/strapi/admin';
import { PublishWithRelatedAction } from './actions/PublishWithRelated';
import { ENUM_TRANSLATIONS } from './enum-labels';
import { MISSING_ITALIAN } from './translations-it';

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
      apis: { addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void };
    };
    // After Publish and Save: the first entry of the "Altre azioni" menu.
    contentManager.apis.addDocumentAction((actions) => [...actions.slice(0, 2), PublishWithRelatedAction, ...actions.slice(2)]);
  },
};
