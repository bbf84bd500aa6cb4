import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, randomSecret, throwawayCmsEnv } from '../scripts/lib/test-env.ts';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCmsBuilt, runSeed, startCms, type RunningCms } from '../scripts/lib/cms.ts';
import { createPreviewServer } from '../scripts/publisher/preview.ts';
import { createPublisher, type Publisher } from '../scripts/publisher/publisher.ts';
import { href } from '../site/src/lib/routes.ts';
import { launchBrowser, type Browser } from '../site/test/support/browser.ts';

/**
 * The publishing path as a communications officer lives it, end to end: a real seeded Strapi,
 * the publisher that rebuilds the static site on Strapi's webhook and switches releases live, the
 * draft preview server, and the admin driven in Chromium. A project is created in the Italian
 * admin, previewed as a draft, published, edited, unpublished; each time the public site is
 * polled until it shows the change, and the time from the click to the live site is printed.
 */
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const PROJECT_UID = 'api::project.project';
/** The admin's pages for projects: `${PROJECTS_ADMIN}/create`, `${PROJECTS_ADMIN}/<documentId>`. */
const PROJECTS_ADMIN = `/admin/content-manager/collection-types/${PROJECT_UID}`;
/** Live-site waits: a build takes 15-25 s, a cold one (empty Astro cache) longer. */
const LIVE_TIMEOUT_MS = 180_000;

/** One marker in every text of the project, so any trace of it in a release can be found. */
const MARKER = `E2E${Date.now()}`;
const PROJECT = {
  acronym: MARKER,
  title: `Progetto di prova ${MARKER}`,
  slug: MARKER.toLowerCase(),
  summary: `Sintesi della prova end-to-end ${MARKER}: un progetto creato nel pannello di amministrazione.`,
  editedSummary: `Sintesi corretta dalla redazione ${MARKER}: la modifica deve arrivare sul sito pubblicato.`,
  /** Seeded, published entries chosen in the relation pickers. */
  partner: { search: 'Regione Emilia', option: /^Regione Emilia-Romagna/, slug: 'emilia-romagna-region' },
  role: 'lead',
  // Options read "<label><status badge>": match the start only (the label is the name or the acronym).
  fundingLine: { search: 'FAMI', option: /^FAMI/, slug: 'fami-2021-2027-os2-regional-plans' },
};
/** Italian label the edit view shows → the field's name attribute, which the steps type into. */
const FIELD_LABELS = [
  ['Acronimo', 'acronym'],
  ['Titolo', 'title'],
  ['Slug (indirizzo)', 'slug'],
  ['Sintesi', 'summary'],
  ['Linea di finanziamento', 'fundingLine'],
] as const;
const PUBLIC_PATH = href('it', { page: 'project', slug: PROJECT.slug });
/** Public files that list every published project; the first publish must put the project in each. */
const LISTINGS = [href('it', { page: 'projects' }), '/sitemap.xml', '/feed.xml', '/opendata/projects.json', '/opendata/projects.csv'];
/** Listings that must not mention the project after it is unpublished (the English feed never had it: no English version). */
const LISTINGS_AFTER_UNPUBLISH = [...LISTINGS, '/en/feed.xml'];

/** Playwright's page, typed through the site's browser helper (playwright-core lives in site/node_modules). */
type Page = Awaited<ReturnType<Browser['context']['newPage']>>;

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    return statSync(path.join(dir, relative)).isDirectory() ? filesUnder(dir, relative) : [relative];
  });
}

/** A file's text as a client gets it: Pagefind's gzip-compressed index files unpacked. */
function contents(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The files of a release that mention the marker, case-insensitively (Pagefind lower-cases words). */
function tracesIn(releaseDir: string): string[] {
  const needle = MARKER.toLowerCase();
  return filesUnder(releaseDir).filter((file) => contents(path.join(releaseDir, file)).toLowerCase().includes(needle));
}

describe('a communications officer publishes, edits and unpublishes a project', () => {
  let tempDir: string;
  let env: Record<string, string>;
  let cms: RunningCms;
  let publisher: Publisher;
  let preview: ReturnType<typeof createPreviewServer>;
  let siteUrl: string;
  let previewOrigin: string;
  let browser: Browser;
  let page: Page;
  let documentId: string;
  const timings = { publishToLiveMs: 0, editToLiveMs: 0, unpublishToGoneMs: 0 };
  const publisherLog = path.join(RESULTS_DIR, 'publisher.log');
  const cmsLog = path.join(RESULTS_DIR, 'cms.log');
  const tail = (file: string, lines = 40) => readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');

  const screenshot = (name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
  /** A screenshot of the project's public page, in a tab of its own. */
  async function screenshotPublicPage(name: string): Promise<void> {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1440, height: 1000 });
    await tab.goto(`${siteUrl}${PUBLIC_PATH}`);
    await tab.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
    await tab.close();
  }
  const editUrl = () => `${cms.url}${PROJECTS_ADMIN}/${documentId}?plugins[i18n][locale]=it`;
  /** The edit view's Preview button (a link to the admin's preview page; its text is not translated). */
  const previewLink = () => page.locator(`a[href^="${PROJECTS_ADMIN}/${documentId}/preview"]`);

  /** Fetches a public page without any cache in between. */
  async function get(pathname: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${siteUrl}${pathname}`, { cache: 'no-store' });
    return { status: response.status, text: await response.text() };
  }

  /** Polls the public site until `done` holds; returns the milliseconds since `since` (the click). */
  async function waitForLive(what: string, since: number, done: (page: { status: number; text: string }) => boolean): Promise<number> {
    while (Date.now() - since < LIVE_TIMEOUT_MS) {
      if (done(await get(PUBLIC_PATH))) return Date.now() - since;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `${what}: ${PUBLIC_PATH} did not change within ${LIVE_TIMEOUT_MS / 1000} s of the click.\n` +
        `publisher status: ${JSON.stringify(publisher.status(), null, 2)}\n--- publisher log ---\n${tail(publisherLog)}`,
    );
  }

  /** Types into a relation picker of the edit view and chooses the matching entry. */
  async function pickRelation(name: string, search: string, option: RegExp): Promise<void> {
    const input = page.locator(`input[name="${name}"]`);
    await input.click();
    await input.fill(search);
    await page.locator('[role="option"]', { hasText: option }).click();
  }

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(publisherLog, '');
    writeFileSync(cmsLog, '');
    ensureCmsBuilt();
    tempDir = mkdtempSync(path.join(tmpdir(), 'portfolio-e2e-'));
    // The CMS registers the webhook URL and allows the preview origin at bootstrap: ports first.
    const [cmsPort, webhookPort, sitePort, previewPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    env = await throwawayCmsEnv(path.join(tempDir, 'cms.db'), {
      PORT: String(cmsPort),
      PUBLISH_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/webhook`,
      PUBLISH_WEBHOOK_SECRET: randomSecret(),
      PREVIEW_URL: `http://127.0.0.1:${previewPort}`,
    });
    siteUrl = `http://127.0.0.1:${sitePort}`;
    previewOrigin = env.PREVIEW_URL!;

    runSeed(env);
    try {
      cms = await startCms(env, (chunk) => appendFileSync(cmsLog, chunk));
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- CMS output ---\n${tail(cmsLog)}`);
    }
    cms.process.on('exit', (code, signal) => console.error(`[e2e] the CMS exited (code ${code}, signal ${signal}):\n${tail(cmsLog)}`));

    publisher = createPublisher({
      mode: 'build',
      secret: env.PUBLISH_WEBHOOK_SECRET!,
      port: webhookPort,
      releasesDir: path.join(tempDir, 'releases'),
      cacheDir: path.join(tempDir, 'astro-cache'),
      sitePort,
      buildEnv: { STRAPI_URL: cms.url, STRAPI_TOKEN: env.SITE_BUILD_TOKEN!, SITE_URL: siteUrl },
      log: (event, fields = {}) => {
        appendFileSync(publisherLog, `${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
        if (event === 'build_succeeded' || event === 'build_failed') {
          console.log(`[publisher] ${event} (${fields.trigger}, ${fields.events} event(s)) in ${Math.round(Number(fields.durationMs) / 100) / 10} s`);
        }
      },
    });
    await publisher.start();
    await publisher.scheduler.settled();
    const startup = publisher.status().lastBuild;
    if (!startup?.ok) throw new Error(`the startup build failed:\n${startup?.error ?? '(no report)'}`);

    preview = createPreviewServer({
      port: previewPort,
      secret: env.PREVIEW_SECRET!,
      cmsUrl: cms.url,
      token: env.SITE_BUILD_TOKEN!,
      dir: path.join(tempDir, 'preview'),
      cacheDir: path.join(tempDir, 'astro-preview-cache'),
      log: (event, fields = {}) => appendFileSync(publisherLog, `${JSON.stringify({ time: new Date().toISOString(), service: 'preview', event, ...fields })}\n`),
    });
    await preview.start();

    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    await publisher?.stop();
    cms?.process.removeAllListeners('exit');
    await cms?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  // The steps build on each other: once one fails, the later ones would only fail confusingly.
  let failedStep: string | null = null;
  beforeEach((context) => {
    if (failedStep) context.skip(`the step "${failedStep}" failed`);
    context.onTestFailed(() => {
      failedStep ??= context.task.name;
    });
  });

  it('logs into the admin, which speaks Italian to the editor', async () => {
    await page.goto(`${cms.url}/admin`);
    await page.locator('input[name="email"]').fill(env.ADMIN_EMAIL!);
    await page.locator('input[name="password"]').fill(env.ADMIN_PASSWORD!);
    await screenshot('01-login');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'));
    // The admin switches to the account's language (Italian) once it has loaded the user.
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 30_000 }).toBe('it');
    await expect.poll(() => page.getByRole('link', { name: 'Libreria Media' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('creates a project in Italian with a partnership and a funding line, and saves it as a draft', async () => {
    await page.goto(`${cms.url}${PROJECTS_ADMIN}/create?plugins[i18n][locale]=it`);
    await page.locator('input[name="acronym"]').waitFor();
    // The fields carry the Italian labels of cms/src/admin-layout/labels.ts.
    for (const [label, name] of FIELD_LABELS) {
      expect(await page.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s*\\*?$`)).getAttribute('name'), label).toBe(name);
    }

    await page.locator('input[name="acronym"]').fill(PROJECT.acronym);
    await page.locator('input[name="title"]').fill(PROJECT.title);
    await page.locator('input[name="slug"]').fill(PROJECT.slug);
    await page.locator('textarea[name="summary"]').fill(PROJECT.summary);

    // "Partenariato" is a repeatable component: its empty state is the button that adds the first entry.
    await page.locator('xpath=//label[starts-with(normalize-space(.), "Partenariato")]/following::button[1]').click();
    await pickRelation('partnerships.0.partner', PROJECT.partner.search, PROJECT.partner.option);
    await page.locator('[name="partnerships.0.role"]').click();
    await page.locator('[role="option"]', { hasText: new RegExp(`^${PROJECT.role}$`) }).click();
    await pickRelation('fundingLine', PROJECT.fundingLine.search, PROJECT.fundingLine.option);
    await page.locator('input[name="fundingLine"]').scrollIntoViewIfNeeded();
    await screenshot('02-edit-view-relations');

    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    // Saved, the admin moves from …/create to the new document's own address.
    await page.waitForURL((url) => url.pathname.startsWith(`${PROJECTS_ADMIN}/`) && url.pathname !== `${PROJECTS_ADMIN}/create`);
    documentId = path.posix.basename(new URL(page.url()).pathname);
    await previewLink().waitFor();
    await page.locator('input[name="acronym"]').scrollIntoViewIfNeeded();
    await screenshot('03-saved-draft');
    expect(await page.inputValue('input[name="title"]')).toBe(PROJECT.title);
    expect(await page.getByText('Bozza', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('shows the draft in the preview, and not on the public site', async () => {
    await previewLink().click();
    const frame = page.frameLocator('iframe').first();
    // The preview server builds the drafts before it answers: allow a build's time.
    await frame.locator('h1').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await frame.locator('h1').textContent()).toContain(PROJECT.title);
    expect(await frame.locator('.preview-banner').textContent()).toContain('Anteprima: contenuti in bozza, non pubblicati.');
    expect(await frame.locator('main').textContent()).toContain(PROJECT.summary);
    expect(await frame.locator(`main a[href="${href('it', { page: 'partner', slug: PROJECT.partner.slug })}"]`).count()).toBeGreaterThan(0);
    expect(await frame.locator(`main a[href="${href('it', { page: 'fundingLine', slug: PROJECT.fundingLine.slug })}"]`).count()).toBeGreaterThan(0);
    const previewFrame = page.frames().find((f) => f.url().startsWith(previewOrigin));
    expect(previewFrame && new URL(previewFrame.url()).pathname).toBe(PUBLIC_PATH);
    await screenshot('04-preview');

    expect((await get(PUBLIC_PATH)).status).toBe(404);
    // The preview's pages are for editors only: without the admin's cookie, nothing.
    expect((await fetch(`${previewOrigin}${PUBLIC_PATH}`)).status).toBe(401);
  });

  it('publishes it, and the public site shows it once the publisher has rebuilt', async () => {
    await page.goto(editUrl());
    const publish = page.getByRole('button', { name: 'Pubblica', exact: true });
    await publish.waitFor();
    const clicked = Date.now();
    await publish.click();
    timings.publishToLiveMs = await waitForLive('first publish', clicked, (p) => p.status === 200 && p.text.includes(PROJECT.title));
    console.log(`[e2e] publish → live: ${timings.publishToLiveMs} ms`);
    await screenshot('05-published');
    await screenshotPublicPage('05-public-page');

    const live = await get(PUBLIC_PATH);
    expect(live.text).toContain(PROJECT.summary);
    expect(live.text).toContain(`href="${href('it', { page: 'partner', slug: PROJECT.partner.slug })}"`);
    expect(live.text).toContain(`href="${href('it', { page: 'fundingLine', slug: PROJECT.fundingLine.slug })}"`);
    // Every listing carries it, so that the checks after unpublishing mean something.
    for (const listing of LISTINGS) expect((await get(listing)).text.toLowerCase(), listing).toContain(MARKER.toLowerCase());
    await publisher.scheduler.settled();
    const traces = tracesIn(publisher.releases!.livePath()!);
    expect(traces.filter((file) => file.startsWith('pagefind/') && file.endsWith('.pf_fragment')).length).toBeGreaterThan(0);
  });

  it('publishes an edited summary, and the public page shows the new one', async () => {
    await page.locator('textarea[name="summary"]').fill(PROJECT.editedSummary);
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
    timings.editToLiveMs = await waitForLive('edited summary', clicked, (p) => p.status === 200 && p.text.includes(PROJECT.editedSummary));
    console.log(`[e2e] edit → live: ${timings.editToLiveMs} ms`);
    await screenshot('06-edit-published');
    await screenshotPublicPage('06-public-page-edited');
    expect((await get(PUBLIC_PATH)).text).not.toContain(PROJECT.summary);
  });

  it('unpublishes it, and every trace of it leaves the live site', async () => {
    await page.getByRole('button', { name: /^(More document actions|Altre azioni)$/ }).click();
    const unpublish = page.getByRole('menuitem', { name: /^(Converti in bozza|Annulla pubblicazione|Unpublish)$/ });
    await unpublish.waitFor();
    const clicked = Date.now();
    await unpublish.click();
    timings.unpublishToGoneMs = await waitForLive('unpublish', clicked, (p) => p.status === 404);
    console.log(`[e2e] unpublish → gone: ${timings.unpublishToGoneMs} ms`);
    await screenshot('07-unpublished');

    // Whatever the webhook set off has finished: the live release is the final one.
    await publisher.scheduler.settled();
    expect((await get(PUBLIC_PATH)).status).toBe(404);
    for (const listing of LISTINGS_AFTER_UNPUBLISH) {
      const response = await get(listing);
      expect(response.status, listing).toBe(200);
      expect(response.text.toLowerCase(), listing).not.toContain(MARKER.toLowerCase());
    }
    // Every file of the release, the Pagefind index unpacked included.
    expect(tracesIn(publisher.releases!.livePath()!)).toEqual([]);
  });

  it('reports how long each change took to go live', () => {
    const { builds } = publisher.status();
    console.log(
      `[e2e] summary: publish-to-live ${timings.publishToLiveMs} ms, edit-to-live ${timings.editToLiveMs} ms, ` +
        `unpublish-to-gone ${timings.unpublishToGoneMs} ms, builds run ${builds}`,
    );
    expect(builds).toBeGreaterThanOrEqual(4);
  });
});
