import type { Core } from '@strapi/strapi';
import { LOCALES } from './locales';

export const EDITOR_ROLE_CODE = 'strapi-editor';

/** The role as the officers read it (their profile card and menu show its name): Italian, unlike Strapi's "Editor". */
export const EDITOR_ROLE_TEXT = {
  name: 'Redattore',
  description: 'Redazione: crea, modifica, traduce e pubblica i contenuti del portale e gestisce i file multimediali.',
};

/** What an editor does to entries of our content types: everything the editing guide describes. */
export const EDITOR_CONTENT_ACTIONS = [
  'plugin::content-manager.explorer.create',
  'plugin::content-manager.explorer.read',
  'plugin::content-manager.explorer.update',
  'plugin::content-manager.explorer.delete',
  'plugin::content-manager.explorer.publish',
] as const;

/** The media library: browse, upload, edit, download and copy links; its settings stay closed. */
export const EDITOR_UPLOAD_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
] as const;

/** Our content types (api::*): the ones the editing guide lists, the single type site-setting included. */
export function ownContentTypes(strapi: Core.Strapi): string[] {
  return Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .sort();
}

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

/**
 * Brings Strapi's built-in Editor role (content only) in line with the editing guide on every start.
 * Strapi creates the Editor's default permissions once, at the first boot, for the content types
 * that existed then (every displayed type but the users-permissions User); types added later get
 * nothing, and anyone with access to the roles screen may have changed them. So the role's whole
 * permission set is stated here: create/read/update/delete/publish of every field in both locales on each of our types,
 * and the media library. Anything else (users, settings, Content-Type Builder, marketplace, other
 * plugins' types) is removed. The preview button needs no permission (any admin may ask for the
 * preview URL; the preview server checks its own secret).
 */
export async function configureEditorRole(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  const role = await strapi.db.query('admin::role').findOne({ where: { code: EDITOR_ROLE_CODE } });
  if (!role) throw new Error('the Editor admin role (strapi-editor) was not found');
  await nameInItalian(strapi, role);

  const { actionProvider } = strapi.service('admin::permission');
  const ours = new Set(ownContentTypes(strapi));
  const actions = EDITOR_CONTENT_ACTIONS.map((actionId) => {
    const action = actionProvider.get(actionId);
    if (!action) throw new Error(`admin action ${actionId} is not registered`);
    return action;
  });
  const contentPermissions: Permission[] = strapi.service('admin::content-type').getPermissionsWithNestedFields(actions, {
    restrictedSubjects: actions.flatMap((action: { subjects: string[] }) => action.subjects.filter((subject) => !ours.has(subject))),
  });
  const locales = LOCALES.map((locale) => locale.code);
  const wanted: Permission[] = [];
  for (const permission of contentPermissions) {
    const properties = { ...(permission.properties ?? {}) };
    if (await actionProvider.appliesToProperty('locales', permission.action, permission.subject)) properties.locales = [...locales];
    wanted.push({ action: permission.action, subject: permission.subject, properties, conditions: [] });
  }
  const covered = new Set(wanted.map((permission) => permission.subject));
  const missing = [...ours].filter((uid) => !covered.has(uid));
  if (missing.length > 0) throw new Error(`no content-manager permissions could be built for ${missing.join(', ')}`);
  for (const action of EDITOR_UPLOAD_ACTIONS) wanted.push({ action, subject: null, properties: {}, conditions: [] });

  const existing: Permission[] = await strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } });
  const key = (p: Permission) => JSON.stringify([p.action, p.subject ?? null, p.properties ?? {}, p.conditions ?? []]);
  const label = (p: Permission) => `${p.action}${p.subject ? ` ${p.subject}` : ''}`;
  const wantedKeys = new Set(wanted.map(key));
  const existingKeys = new Set(existing.map(key));
  const removed = existing.filter((p) => !wantedKeys.has(key(p))).map(label);
  const added = wanted.filter((p) => !existingKeys.has(key(p))).map(label);
  if (removed.length === 0 && added.length === 0) return;

  // assignPermissions adds what is missing and deletes what is not wanted.
  await roles.assignPermissions(role.id, wanted);
  strapi.log.info(
    `Editor role brought in line: set ${added.length} [${added.join(', ')}], removed ${removed.length} [${removed.join(', ')}]`,
  );
}

/** Role names are unique: a role someone else named "Redattore" keeps it, and this one its name. */
async function nameInItalian(strapi: Core.Strapi, role: { id: number; name: string; description: string }): Promise<void> {
  if (role.name === EDITOR_ROLE_TEXT.name && role.description === EDITOR_ROLE_TEXT.description) return;
  const taken = await strapi.db.query('admin::role').findOne({ where: { name: EDITOR_ROLE_TEXT.name, id: { $ne: role.id } } });
  if (taken) {
    strapi.log.warn(`another admin role is named ${EDITOR_ROLE_TEXT.name}: the Editor role keeps its name ${role.name}`);
    return;
  }
  await strapi.db.query('admin::role').update({ where: { id: role.id }, data: EDITOR_ROLE_TEXT });
}

/**
 * Creates the communications officer's account (EDITOR_EMAIL / EDITOR_PASSWORD) with the Editor
 * role and the Italian interface, when no admin account has that email. An existing account is
 * left as it is (its password may have been changed in the admin).
 */
export async function ensureEditorUser(strapi: Core.Strapi): Promise<void> {
  const email = process.env.EDITOR_EMAIL?.toLowerCase();
  const password = process.env.EDITOR_PASSWORD;
  if (!email || !password) {
    strapi.log.warn('EDITOR_EMAIL/EDITOR_PASSWORD are not set: no communications officer account');
    return;
  }
  if (await strapi.db.query('admin::user').findOne({ where: { email } })) return;

  const role = await strapi.db.query('admin::role').findOne({ where: { code: EDITOR_ROLE_CODE } });
  if (!role) throw new Error('the Editor admin role (strapi-editor) was not found');
  await strapi.service('admin::user').create({
    email,
    firstname: 'Ufficio',
    lastname: 'Comunicazione',
    password,
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'it',
    roles: [role.id],
  });
  strapi.log.info(`Created the communications officer account ${email} (Editor role, password from EDITOR_PASSWORD)`);
}
