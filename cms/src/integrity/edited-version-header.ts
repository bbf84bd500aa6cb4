/** The saved version of an entry an admin form was loaded from (sent by admin/edit-conflicts.ts, checked by integrity/edit-conflicts.ts). */
export const EDITED_VERSION_HEADER = 'x-portfolio-edited-version';
