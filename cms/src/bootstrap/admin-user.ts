import type { Core } from '@strapi/strapi';

/**
 * Creates the first admin account from ADMIN_EMAIL / ADMIN_PASSWORD when the database has none,
 * so a fresh install is usable without the registration screen.
 */
export async function ensureAdminUser(strapi: Core.Strapi): Promise<void> {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    strapi.log.warn('No admin account exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set: open /admin to register one');
    return;
  }

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: email.toLowerCase(),
    firstname: 'Redazione',
    lastname: 'Portale',
    password,
    isActive: true,
    registrationToken: null,
    // The admin speaks Italian to editors from the first login (English stays selectable).
    preferedLanguage: 'it',
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`Created admin account ${email} (password from ADMIN_PASSWORD)`);
}
