/** The home page widget that says whether the public site is up to date (registered in src/admin/app.tsx). */
export const PUBLICATION_WIDGET_ID = 'publication-status';
/** Its uid in saved home layouts: Strapi names widgets registered outside a plugin `global::<id>`. */
export const PUBLICATION_WIDGET_UID = `global::${PUBLICATION_WIDGET_ID}`;
