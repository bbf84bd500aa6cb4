import type { StrapiApp } from '@strapi/strapi/admin';
import { PublishWithRelatedAction } from './actions/PublishWithRelated';

export default {
  config: {
    // Italian first: editors of an Italian administration work in Italian; English stays available.
    locales: ['it'],
    translations: {
      it: {
        'Auth.form.welcome.title': 'Portafoglio progetti UE',
        'Auth.form.welcome.subtitle': 'Accedi per modificare i contenuti del sito',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void };
    };
    contentManager.apis.addDocumentAction((actions) => [...actions, PublishWithRelatedAction]);
  },
};
