import type { Core } from '@strapi/strapi';
import { PUBLICATION_WIDGET_UID } from './widget-id';

type Strapi = Core.Strapi;

const MIGRATION = 'publication-widget-in-saved-home-layouts';
/** Where Strapi keeps an admin's arranged home page: the core store, `core_admin_homepage-layout:<user id>`. */
const LAYOUT_KEY_PREFIX = 'core_admin_homepage-layout:';

interface HomeLayout {
  version: number;
  widgets: Array<{ uid: string; width?: number }>;
  updatedAt: string;
}

/**
 * Strapi shows an admin who has arranged their home page only the widgets of their saved layout,
 * so a widget added later never appears to them. Once, the publication widget is put first in
 * every saved layout; an officer who removes it afterwards keeps it removed.
 */
export async function addPublicationWidgetToSavedLayouts(strapi: Strapi): Promise<void> {
  const migrations = strapi.store({ type: 'core', name: 'portfolio-migrations' });
  if (await migrations.get({ key: MIGRATION })) return;
  const rows: Array<{ id: number; key: string; value: string }> = await strapi.db
    .query('strapi::core-store')
    .findMany({ where: { key: { $startsWith: LAYOUT_KEY_PREFIX } }, select: ['id', 'key', 'value'] });
  let updated = 0;
  for (const row of rows) {
    const layout = JSON.parse(row.value) as HomeLayout;
    if (layout.widgets.some((widget) => widget.uid === PUBLICATION_WIDGET_UID)) continue;
    layout.widgets = [{ uid: PUBLICATION_WIDGET_UID, width: 6 }, ...layout.widgets];
    await strapi.db.query('strapi::core-store').update({ where: { id: row.id }, data: { value: JSON.stringify(layout) } });
    updated++;
  }
  await migrations.set({ key: MIGRATION, value: { ranAt: new Date().toISOString(), layoutsUpdated: updated } });
  if (updated > 0) strapi.log.info(`[publication-status] added the publication widget to ${updated} saved home layout(s)`);
}
