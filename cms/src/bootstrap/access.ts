import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_ACTIONS } from './public-types';

export const BUILD_TOKEN_NAME = 'site-build';

/**
 * The public role may read published public content and nothing else: every other permission
 * (registration, users, uploads...) is removed, and public registration is switched off.
 */
export async function configurePublicRole(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
  if (!role) throw new Error('users-permissions public role not found');

  const wanted = new Set<string>(PUBLIC_READ_ACTIONS);
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const permission of role.permissions as Array<{ id: number; action: string }>) {
    if (wanted.has(permission.action)) wanted.delete(permission.action);
    else await permissions.delete({ where: { id: permission.id } });
  }
  for (const action of wanted) {
    await permissions.create({ data: { action, role: role.id } });
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get({})) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ value: { ...advanced, allow_register: false } });
  }
}

/**
 * The site build reads with a custom API token limited to find/findOne of the public types.
 * Its value comes from SITE_BUILD_TOKEN so the site's env can hold the same secret; the token is
 * created on first start and its key and permissions are brought back in line on every start.
 */
export async function ensureBuildToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = process.env.SITE_BUILD_TOKEN;
  if (!accessKey) {
    strapi.log.warn('SITE_BUILD_TOKEN is not set: no API token for the site build');
    return;
  }
  const tokens = strapi.service('admin::api-token');
  const encryption = strapi.service('admin::encryption');
  const permissions = [...PUBLIC_READ_ACTIONS];

  const tokenQuery = strapi.db.query('admin::api-token');
  let token = await tokenQuery.findOne({ where: { name: BUILD_TOKEN_NAME }, populate: ['permissions'] });
  if (!token) {
    token = await tokens.create({
      name: BUILD_TOKEN_NAME,
      description: 'Read-only access for the static site build (published content only).',
      type: 'custom',
      kind: 'content-api',
      lifespan: null,
      permissions,
    });
    strapi.log.info(`Created API token "${BUILD_TOKEN_NAME}" for the site build`);
  } else {
    const current = (token.permissions as Array<{ action: string }>).map((p) => p.action).sort();
    if (token.type !== 'custom' || current.join() !== [...permissions].sort().join()) {
      await tokens.update(token.id, { type: 'custom', permissions });
    }
  }
  const hashed = tokens.hash(accessKey);
  if (token.accessKey !== hashed) {
    await tokenQuery.update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: encryption.encrypt(accessKey) },
    });
  }
}
