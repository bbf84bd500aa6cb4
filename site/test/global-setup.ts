import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { adminLogin, adminRequest, ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { buildSite } from 'harness/site';
import { serveFolder } from 'harness/static-server';
import { throwawayCmsEnv } from 'harness/test-env';

/** The public site URL the build writes into canonical links, sitemap and feeds. */
export const BUILD_SITE_URL = 'http://localhost:4321';
/** "Today" for the build, so project statuses do not depend on the day the suite runs. */
export const BUILD_DATE = '2026-11-22';
/** The published project whose draft the setup edits without publishing. */
export const EDITED_PROJECT_SLUG = 'epi';

/** Fixtures for the media checks: an uploaded partner logo and a project document. */
export interface MediaFixtures {
  logoPartnerSlug: string;
  documentProjectSlug: string;
  documentBytes: string;
}

/** A one-page PDF: enough for a browser to call it a PDF. */
const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/**
 * Uploads a logo (PNG made with sharp) and a PDF through the admin's upload API, gives the logo to
 * a published partner and the PDF to a published project's links, and publishes both: the site
 * must then serve them itself, never from the CMS.
 */
async function attachMedia(cmsUrl: string, adminToken: string): Promise<MediaFixtures> {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#0066cc' } })
    .png()
    .toBuffer();
  const upload = async (bytes: Buffer | string, name: string, type: string) => {
    const form = new FormData();
    form.append('files', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${cmsUrl}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` }, body: form });
    const json = (await response.json()) as Array<{ id: number }>;
    if (!response.ok) throw new Error(`upload of ${name} answered ${response.status}: ${JSON.stringify(json)}`);
    return json[0]!.id;
  };
  const logoId = await upload(png, 'logo-torino.png', 'image/png');
  const pdfId = await upload(PDF, 'scheda-progetto.pdf', 'application/pdf');

  const publishWith = async (uid: string, slug: string, changes: Record<string, unknown>) => {
    const list = await adminRequest(
      cmsUrl,
      adminToken,
      'GET',
      `/content-manager/collection-types/${uid}?locale=it&filters[slug][$eq]=${slug}`,
    );
    const documentId = list.results[0]!.documentId;
    const draft = (await adminRequest(cmsUrl, adminToken, 'GET', `/content-manager/collection-types/${uid}/${documentId}?locale=it`)).data;
    await adminRequest(cmsUrl, adminToken, 'POST', `/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=it`, {
      ...draft,
      ...changes,
    });
  };
  await publishWith('api::partner.partner', 'city-of-turin', { logo: logoId });
  await publishWith('api::project.project', 'pleiadi', { links: [{ label: 'Scheda di progetto (PDF)', kind: 'document', file: pdfId }] });
  return { logoPartnerSlug: 'city-of-turin', documentProjectSlug: 'pleiadi', documentBytes: PDF };
}

/** Reads one published document through the public REST API with the build token. */
async function publishedBySlug(cmsUrl: string, buildToken: string, collection: string, slug: string, locale: string): Promise<any> {
  const response = await fetch(`${cmsUrl}/api/${collection}?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug)}`, {
    headers: { Authorization: `Bearer ${buildToken}` },
  });
  const body = (await response.json()) as { data?: any[] };
  const entry = body.data?.[0];
  if (!entry) throw new Error(`no published ${collection} "${slug}" in locale ${locale}: ${JSON.stringify(body)}`);
  return entry;
}

/** Every marker is this prefix and a random hex word of its own. */
export const MARKER_PREFIX = 'DRAFT-MARKER-';

export interface DraftFixtures {
  /** In the title and summary of a never-published project (acronym SEGRETO), in both locales. */
  draftProject: string;
  /** In the name of a never-published partner. */
  draftPartner: string;
  /** In the draft summary of the published project EDITED_PROJECT_SLUG, in both locales. */
  editedDraft: string;
  editedProject: { slug: string; documentId: string; publishedSummary: Record<'it' | 'en', string> };
}

/**
 * Puts content in the CMS that must never reach the site: a draft project and a draft partner
 * (linked to published entries, so they sit next to published content), and an unpublished edit
 * of a published project. Returns the markers to look for in the output.
 */
async function createDrafts(cmsUrl: string, adminToken: string, buildToken: string): Promise<DraftFixtures> {
  const id = randomBytes(4).toString('hex');
  const marker = () => `${MARKER_PREFIX}${randomBytes(8).toString('hex')}`;
  const markers = { draftProject: marker(), draftPartner: marker(), editedDraft: marker() };
  const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;

  const theme = await publishedBySlug(cmsUrl, buildToken, 'themes', 'participation', 'it');
  const partner = await publishedBySlug(cmsUrl, buildToken, 'partners', 'emilia-romagna-region', 'it');
  const fundingLine = await publishedBySlug(cmsUrl, buildToken, 'funding-lines', 'amif-european-commission', 'it');

  const draftPartner = await adminRequest(cmsUrl, adminToken, 'POST', cm('api::partner.partner', '?locale=it'), {
    name: `Ente riservato ${markers.draftPartner}`,
    slug: `ente-riservato-${id}`,
    organisationType: 'ngo',
    country: 'IS',
    city: `Reykjavik ${markers.draftPartner}`,
  });

  // Its English version too: the draft project's English version links it (partnerships are shared by both languages).
  await adminRequest(cmsUrl, adminToken, 'PUT', cm('api::partner.partner', `/${draftPartner.data.documentId}?locale=en`), {
    name: `Confidential body ${markers.draftPartner}`,
  });

  const project = await adminRequest(cmsUrl, adminToken, 'POST', cm('api::project.project', '?locale=it'), {
    acronym: 'SEGRETO',
    slug: `segreto-${id}`,
    title: `Progetto riservato ${markers.draftProject}`,
    summary: `Sintesi riservata ${markers.draftProject}`,
    startDate: { date: '2026-01-01', precision: 'day' },
    endDate: { date: '2027-12-31', precision: 'day' },
    totalBudget: 123456.78,
    grantAgreementNumber: '999999',
    fundingLine: { connect: [{ documentId: fundingLine.documentId, locale: 'it' }] },
    themes: { connect: [{ documentId: theme.documentId, locale: 'it' }] },
    partnerships: [
      { role: 'lead', partner: { connect: [{ documentId: partner.documentId, locale: 'it' }] } },
      { role: 'partner', partner: { connect: [{ documentId: draftPartner.data.documentId, locale: 'it' }] } },
    ],
  });
  await adminRequest(cmsUrl, adminToken, 'PUT', cm('api::project.project', `/${project.data.documentId}?locale=en`), {
    title: `Confidential project ${markers.draftProject}`,
    summary: `Confidential summary ${markers.draftProject}`,
  });

  const edited = {
    it: await publishedBySlug(cmsUrl, buildToken, 'projects', EDITED_PROJECT_SLUG, 'it'),
    en: await publishedBySlug(cmsUrl, buildToken, 'projects', EDITED_PROJECT_SLUG, 'en'),
  };
  for (const locale of ['it', 'en'] as const) {
    await adminRequest(cmsUrl, adminToken, 'PUT', cm('api::project.project', `/${edited.it.documentId}?locale=${locale}`), {
      summary: `${edited[locale].summary} ${markers.editedDraft}`,
    });
  }
  // The edit must have landed on the draft while the published version stays as it was.
  const draft = await adminRequest(cmsUrl, adminToken, 'GET', cm('api::project.project', `/${edited.it.documentId}?locale=it`));
  if (!String(draft.data.summary).includes(markers.editedDraft))
    throw new Error(`the draft edit of ${EDITED_PROJECT_SLUG} did not stick: ${JSON.stringify(draft.data.summary)}`);
  const stillPublished = await publishedBySlug(cmsUrl, buildToken, 'projects', EDITED_PROJECT_SLUG, 'it');
  if (stillPublished.summary !== edited.it.summary)
    throw new Error(`editing the draft of ${EDITED_PROJECT_SLUG} changed its published version`);

  return {
    ...markers,
    editedProject: {
      slug: EDITED_PROJECT_SLUG,
      documentId: edited.it.documentId,
      publishedSummary: { it: edited.it.summary, en: edited.en.summary },
    },
  };
}

/**
 * One real Strapi and one real site build for the whole suite: the CMS from the current sources
 * on a fresh SQLite database, seeded, plus drafts that must never be published; the site built
 * from it into a temporary folder and served like a static host. Tests get URLs, folders, markers
 * and the CMS environment through `inject`.
 */
export default async function setup(project: TestProject) {
  ensureCmsBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'portfolio-site-test-'));
  const env = await throwawayCmsEnv(path.join(dir, 'test.db'));

  runSeed(env);
  const cmsLog = path.join(dir, 'cms.log');
  let cms: RunningCms;
  cms = await startCmsLogged(env, cmsLog);

  let server: Server | undefined;
  const teardown = async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await cms.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const adminToken = await adminLogin(cms.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
    const drafts = await createDrafts(cms.url, adminToken, env.SITE_BUILD_TOKEN!);
    const media = await attachMedia(cms.url, adminToken);

    const outDir = path.join(dir, 'dist');
    const cacheDir = path.join(dir, 'astro-cache');
    const buildEnv = { STRAPI_URL: cms.url, STRAPI_TOKEN: env.SITE_BUILD_TOKEN!, SITE_URL: BUILD_SITE_URL, BUILD_DATE };
    const build = await buildSite({ outDir, cacheDir, env: buildEnv });
    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'site-build.log'), build.output);
    if (!build.ok)
      throw new Error(
        `the site build failed (${Math.round(build.durationMs / 1000)} s):\n${build.output.split('\n').slice(-80).join('\n')}`,
      );

    const served = await serveFolder(outDir);
    server = served.server;

    project.provide('site', { url: served.url, outDir, buildSiteUrl: BUILD_SITE_URL, buildDate: BUILD_DATE, buildEnv, resultsDir });
    project.provide('cms', { url: cms.url, token: env.SITE_BUILD_TOKEN!, env, databaseFile: env.DATABASE_FILENAME!, tempDir: dir });
    project.provide('drafts', drafts);
    project.provide('media', media);
  } catch (error) {
    await teardown();
    throw error;
  }

  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    media: MediaFixtures;
    site: {
      /** Where the built site is served (a static server like the production host). */
      url: string;
      /** The built site's folder. */
      outDir: string;
      /** SITE_URL the build ran with (canonical links point there). */
      buildSiteUrl: string;
      buildDate: string;
      /** The environment the site was built with, to build again with one thing changed. */
      buildEnv: Record<string, string>;
      /** site/test-results/ (git-ignored): build log, screenshots. */
      resultsDir: string;
    };
    cms: { url: string; token: string; env: Record<string, string>; databaseFile: string; tempDir: string };
    drafts: DraftFixtures;
  }
}
