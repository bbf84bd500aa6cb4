/**
 * The version of an entry's draft in one language: the CMS sends it with every Content Manager
 * read and write of it (integrity/edit-conflicts.ts), the admin sends it back with the writes made
 * from the form it built (admin/edit-conflicts.ts).
 */
export const VERSION_HEADER = 'x-portfolio-version';
