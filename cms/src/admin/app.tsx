import type { StrapiApp } from '@strapi/strapi/admin';
import { PublishWithRelatedAction } from './actions/PublishWithRelated';
import { ENUM_TRANSLATIONS } from './enum-labels';
import { MISSING_ITALIAN } from './translations-it';

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
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void };
    };
    // After Publish and Save: the first entry of the "Altre azioni" menu.
    contentManager.apis.addDocumentAction((actions) => [...actions.slice(0, 2), PublishWithRelatedAction, ...actions.slice(2)]);
  },
};
