/** Content types the public site reads. Everything else stays closed to the public API. */
export const PUBLIC_CONTENT_TYPES = [
  'api::project.project',
  'api::partner.partner',
  'api::action.action',
  'api::community-of-practice.community-of-practice',
  'api::funding-line.funding-line',
  'api::theme.theme',
  'api::site-setting.site-setting',
] as const;

export type PublicContentType = (typeof PUBLIC_CONTENT_TYPES)[number];

/** The read actions granted on every public type: published entries only (see published-only). */
export const PUBLIC_READ_ACTIONS = PUBLIC_CONTENT_TYPES.flatMap((uid) => {
  const [, api] = uid.split('::');
  const controller = api!.split('.')[1]!;
  const base = `${uid.split('.')[0]}.${controller}`;
  // Single types only have `find`.
  return uid === 'api::site-setting.site-setting' ? [`${base}.find`] : [`${base}.find`, `${base}.findOne`];
});
