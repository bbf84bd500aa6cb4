import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { generateBundle } from 'harness/generate';
import { adminLogin, adminRequest, ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { buildSite } from 'harness/site';
import { serveFolder } from 'harness/static-server';
import { throwawayCmsEnv } from 'harness/test-env';

export const BUILD_SITE_URL = 'http://localhost:4321';
export const BUILD_DATE = '2026-11-22';
/** Projects in the generated portfolio: enough for every paged list to have several pages. */
export const SCALE_PROJECTS = 300;
/** A theme renamed and published before the build (its list has several pages): its old addresses must lead to the new ones. */
export const RENAMED_THEME = { from: 'theme-01', to: 'theme-01-rinominato' };

/** Renames RENAMED_THEME in the admin, as an officer would, and publishes it under the new slug. */
async function renameTheme(cmsUrl: string, env: Record<string, string>): Promise<void> {
  const token = await adminLogin(cmsUrl, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
  const themes = '/content-manager/collection-types/api::theme.theme';
  const { results } = await adminRequest(cmsUrl, token, 'GET', `${themes}?locale=it&filters[slug][$eq]=${RENAMED_THEME.from}`);
  const [theme] = results;
  if (!theme) throw new Error(`the generated portfolio has no theme ${RENAMED_THEME.from}`);
  await adminRequest(cmsUrl, token, 'PUT', `${themes}/${theme.documentId}?locale=it`, { slug: RENAMED_THEME.to });
  await adminRequest(cmsUrl, token, 'POST', `${themes}/${theme.documentId}/actions/publish?locale=it`, {});
}

/**
 * The site at scale: a real Strapi holding a generated portfolio of SCALE_PROJECTS projects (the
 * bench's generator, with fewer actions and communities than the bench, which only lengthen the
 * import), built once and served like a static host. Provides `site` as the main suite does, so
 * its helpers (test/support/) work here too.
 */
export default async function setup(project: TestProject) {
  ensureCmsBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'portfolio-scale-'));
  const env = await throwawayCmsEnv(path.join(dir, 'scale.db'));
  const bundleFile = path.join(dir, 'bundle.json');
  writeFileSync(
    bundleFile,
    JSON.stringify(
      generateBundle({ projects: SCALE_PROJECTS, seed: 300, partnersPerProject: 5, actionsPerProject: 0, communitiesPerProject: 1 }),
    ),
  );
  runSeed(env, ['--bundle', bundleFile]);

  const cmsLog = path.join(dir, 'cms.log');
  let cms: RunningCms | undefined;
  let server: Server | undefined;
  const teardown = async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await cms?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    cms = await startCmsLogged(env, cmsLog);
    await renameTheme(cms.url, env);
    const outDir = path.join(dir, 'dist');
    const buildEnv = { STRAPI_URL: cms.url, STRAPI_TOKEN: env.SITE_BUILD_TOKEN!, SITE_URL: BUILD_SITE_URL, BUILD_DATE };
    const build = await buildSite({ outDir, cacheDir: path.join(dir, 'astro-cache'), env: buildEnv });
    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'scale');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'site-build.log'), build.output);
    if (!build.ok)
      throw new Error(
        `the site build failed (${Math.round(build.durationMs / 1000)} s):\n${build.output.split('\n').slice(-80).join('\n')}`,
      );
    // The CMS is not needed once the site is built.
    await cms.stop();
    cms = undefined;

    const served = await serveFolder(outDir);
    server = served.server;
    project.provide('site', { url: served.url, outDir, buildSiteUrl: BUILD_SITE_URL, buildDate: BUILD_DATE, buildEnv, resultsDir });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
