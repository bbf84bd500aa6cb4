/**
 * The integrity rules through the Document Service itself, in-process, as code (an import, a
 * plugin) would write: run by migration.test.ts with its throwaway CMS's environment, while that
 * CMS is stopped. Prints one JSON line of what it saw.
 */
import { loadStrapi, unloadStrapi } from 'harness/strapi-app';

const strapi = await loadStrapi();
const seen: Record<string, unknown> = {};
try {
  const partners = strapi.documents('api::partner.partner');
  const projects = strapi.documents('api::project.project');

  const partner = await partners.create({
    locale: 'it',
    data: { name: 'Ente del servizio documenti', slug: 'partner', organisationType: 'ngo' },
  });
  seen.generatedSlug = partner.slug;
  const english = await partners.update({
    documentId: partner.documentId,
    locale: 'en',
    data: { name: 'Document service body', slug: 'partner' },
  });
  seen.englishSlug = english.slug;

  const project = await projects.create({
    locale: 'it',
    data: {
      acronym: 'DOCSRV',
      title: 'Progetto',
      summary: 'Sintesi.',
      partnerships: [{ partner: partner.documentId, role: 'lead', note: 'Nota', noteEn: 'Note' }],
    },
  });
  await projects.update({
    documentId: project.documentId,
    locale: 'en',
    data: { title: 'Project', summary: 'Summary.', partnerships: [] },
  });
  const versions = await Promise.all(
    ['it', 'en'].map((locale) =>
      projects.findOne({ documentId: project.documentId, locale, populate: { partnerships: { populate: ['partner'] } } }),
    ),
  );
  seen.partnerships = versions.map((version: any) =>
    version.partnerships.map((p: any) => `${p.partner?.documentId === partner.documentId}:${p.role}:${p.note}:${p.noteEn}`),
  );

  try {
    await projects.publish({ documentId: project.documentId, locale: 'it' });
    seen.publishWithDraftPartner = 'published';
  } catch (error) {
    seen.publishWithDraftPartner = (error as Error).message;
  }
  seen.publishedProjects = await strapi.db
    .query('api::project.project')
    .count({ where: { documentId: project.documentId, publishedAt: { $notNull: true } } });
} finally {
  await unloadStrapi(strapi);
}
console.log(JSON.stringify(seen));
