import type { Core } from '@strapi/strapi';
import { configureAdminLayouts } from './admin-layout/configure';
import { configurePublicRole, ensureBuildToken } from './bootstrap/access';
import { ensureAdminUser } from './bootstrap/admin-user';
import { configureEditorRole, ensureEditorUser } from './bootstrap/editor-role';
import { ensureLocales } from './bootstrap/locales';
import { CUSTOM_FIELDS } from './custom-fields';
import { assertNoDefaultAdminPassword, assertProductionReady } from './bootstrap/production-guard';
import { ensurePublishWebhook } from './bootstrap/webhook';
import { registerNewLanguageVersionSync } from './integrity/new-language-version';
import { registerEditConflictCheck } from './integrity/edit-conflicts';
import { guardFilesInUse } from './integrity/files-in-use';
import { registerIntegrityRoutes } from './integrity/routes';
import { migrateToSharedPartnerships } from './integrity/shared-partnerships';
import { extendUidService } from './integrity/slugs';
import { addPublicationWidgetToSavedLayouts } from './publication-status/home-layouts';
import { registerPublicationStatusRoute } from './publication-status/routes';
import { registerContentVersionsRoute } from './site-build/versions';
import { backfillAdminLabels } from './validation/admin-labels';
import { registerDocumentMiddleware } from './validation/document-middleware';
import { registerFieldFormats } from './validation/field-formats';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionReady(strapi);
    for (const [name, type] of Object.entries(CUSTOM_FIELDS)) strapi.customFields.register({ name, type });
    registerFieldFormats(strapi);
    registerDocumentMiddleware(strapi);
    extendUidService(strapi);
    registerIntegrityRoutes(strapi);
    registerEditConflictCheck(strapi);
    guardFilesInUse(strapi);
    registerPublicationStatusRoute(strapi);
    registerContentVersionsRoute(strapi);
  },

  /** Everything here is idempotent: it brings the database in line with the code on each start. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await migrateToSharedPartnerships(strapi);
    registerNewLanguageVersionSync(strapi);
    await backfillAdminLabels(strapi);
    await ensureLocales(strapi);
    await ensureAdminUser(strapi);
    await configureEditorRole(strapi);
    await ensureEditorUser(strapi);
    await assertNoDefaultAdminPassword(strapi);
    await configurePublicRole(strapi);
    await ensureBuildToken(strapi);
    await configureAdminLayouts(strapi);
    await ensurePublishWebhook(strapi);
    await addPublicationWidgetToSavedLayouts(strapi);
  },
};
