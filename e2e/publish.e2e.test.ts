import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, randomSecret, throwawayCmsEnv } from 'harness/test-env';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminLogin, ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { createPreviewServer } from 'publisher/preview';
import { createPublisher, type Publisher } from 'publisher/publisher';
import { href } from 'shared-types/routes';
import { launchBrowser, type Browser } from '../site/test/support/browser.ts';

/**
 * The publishing path as a communications officer lives it, end to end: a real seeded Strapi,
 * the publisher that rebuilds the static site on Strapi's webhook and switches releases live, the
 * draft preview server, and the admin driven in Chromium, signed in with the officer's account
 * (Strapi's Editor role, not a super admin). Two new partners and a new funding line are entered
 * in Italian and English, then a project that links them, in Italian then English; it is
 * previewed as a draft, published with "Pubblica con le voci collegate", edited, unpublished. Each
 * time the public site is polled until it shows the change, and the time from the click to the
 * live site is printed.
 */
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const PROJECT_UID = 'api::project.project';
/** The admin's pages of a type: `${adminPages(uid)}/create`, `${adminPages(uid)}/<documentId>`. */
const adminPages = (uid: string) => `/admin/content-manager/collection-types/${uid}`;
const PROJECTS_ADMIN = adminPages(PROJECT_UID);
/** Live-site waits: a build takes 15-25 s, a cold one (empty Astro cache) longer. */
const LIVE_TIMEOUT_MS = 180_000;

/** This run's tag in letters only: slugs generated from names keep it whole (digits would be split off). */
const TAG = [...Date.now().toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('');
/** One marker in every text of the project, so any trace of it in a release can be found. */
const MARKER = `PROVA${TAG.toUpperCase()}`;
/** New entries the project needs, named with a marker of their own: they stay online after the project goes. */
const NEW = `Nuovo${TAG}`;
const NEW_PARTNERS = [
  {
    name: `Consiglio insulare ${NEW}`,
    nameEn: `Island council ${NEW}`,
    type: 'Provincia / Consiglio insulare',
    slug: `consiglio-insulare-${NEW.toLowerCase()}`,
  },
  {
    name: `Associazione Ponti ${NEW}`,
    nameEn: `Ponti association ${NEW}`,
    type: 'Organizzazione non governativa',
    slug: `associazione-ponti-${NEW.toLowerCase()}`,
  },
];
const NEW_FUNDING_LINE = {
  name: `Fondo regionale ${NEW}`,
  nameEn: `Regional fund ${NEW}`,
  acronym: `FR${NEW.toUpperCase()}`,
  slug: `fr${NEW.toLowerCase()}`,
};
const PROJECT = {
  acronym: MARKER,
  title: `Progetto di prova ${MARKER}`,
  titleEn: `Test project ${MARKER}`,
  /** Generated from the acronym: the officer never types it. */
  slug: MARKER.toLowerCase(),
  summary: `Sintesi della prova end-to-end ${MARKER}: un progetto creato nel pannello di amministrazione.`,
  summaryEn: `Summary of the end-to-end test ${MARKER}: a project created in the admin panel.`,
  editedSummary: `Sintesi corretta dalla redazione ${MARKER}: la modifica deve arrivare sul sito pubblicato.`,
  roles: ['Capofila', 'Partner'],
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
const PUBLIC_PATH_EN = href('en', { page: 'project', slug: PROJECT.slug });
/** Public files that list every published project; the first publish must put the project in each. */
const LISTINGS = [href('it', { page: 'projects' }), '/sitemap.xml', '/feed.xml', '/opendata/projects.json', '/opendata/projects.csv'];
/** Listings that must not mention the project after both languages are unpublished. */
const LISTINGS_AFTER_UNPUBLISH = [...LISTINGS, '/en/feed.xml', href('en', { page: 'projects' })];

/**
 * Stands between the CMS and the publisher and forwards everything: webhooks, and the status the
 * admin reads at the webhook's origin. While held, webhooks wait here, as one still on its way
 * would, so a step sees what the admin shows before the publisher hears of a publication however
 * fast the build is.
 */
async function webhookGate(publisherPort: number) {
  let held: { opened: Promise<void>; open: () => void; since: number } | null = null;
  const server = createServer(async (incoming, outgoing) => {
    if (incoming.method === 'POST' && held) await held.opened;
    const upstream = request(
      { host: '127.0.0.1', port: publisherPort, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold() {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      held = { opened, open, since: Date.now() };
    },
    /** Lets the held webhooks through; returns how long they were held (ms). */
    release(): number {
      if (!held) return 0;
      const { open, since } = held;
      held = null;
      open();
      return Date.now() - since;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Database {
  prepare(sql: string): { run(...params: unknown[]): { changes: number }; get(...params: unknown[]): unknown };
  close(): void;
}
/** better-sqlite3 is the CMS's SQLite driver (the e2e runs on SQLite). */
const openDatabase = (file: string): Database => {
  const Driver = createRequire(fileURLToPath(new URL('../cms/package.json', import.meta.url)))('better-sqlite3') as new (
    file: string,
  ) => Database;
  return new Driver(file);
};

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

/** The files of a release that mention `text` (the marker by default), case-insensitively (Pagefind lower-cases words). */
function tracesIn(releaseDir: string, text = MARKER): string[] {
  const needle = text.toLowerCase();
  return filesUnder(releaseDir).filter((file) => contents(path.join(releaseDir, file)).toLowerCase().includes(needle));
}

describe('a communications officer publishes, edits and unpublishes a project', () => {
  let tempDir: string;
  let env: Record<string, string>;
  let cms: RunningCms;
  let publisher: Publisher;
  let gate: Awaited<ReturnType<typeof webhookGate>>;
  let preview: ReturnType<typeof createPreviewServer>;
  let siteUrl: string;
  let previewOrigin: string;
  let browser: Browser;
  let page: Page;
  let documentId: string;
  let officerToken: string | undefined;
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
  const editUrl = (locale = 'it') => `${cms.url}${PROJECTS_ADMIN}/${documentId}?plugins[i18n][locale]=${locale}`;
  /** The side panel's "Altre azioni" menu (the header has one of the same name): the button after "Pubblica". */
  const documentMenu = () => page.getByRole('button', { name: 'Pubblica', exact: true }).locator('xpath=following::button[1]');
  /** The edit view's Preview button (a link to the admin's preview page; its text is not translated). */
  const previewLink = () => page.locator(`a[href^="${PROJECTS_ADMIN}/${documentId}/preview"]`);

  /** Fetches a public page without any cache in between. */
  async function get(pathname: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${siteUrl}${pathname}`, { cache: 'no-store' });
    return { status: response.status, text: await response.text() };
  }

  /** Polls the public site until `done` holds; returns the milliseconds since `since` (the click). */
  async function waitForLive(
    what: string,
    since: number,
    done: (page: { status: number; text: string }) => boolean,
    pathname = PUBLIC_PATH,
  ): Promise<number> {
    while (Date.now() - since < LIVE_TIMEOUT_MS) {
      if (done(await get(pathname))) return Date.now() - since;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `${what}: ${pathname} did not change within ${LIVE_TIMEOUT_MS / 1000} s of the click.\n` +
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

  /** Chooses an option of a dropdown (enumeration) of the edit view by its Italian label. */
  async function choose(name: string, label: string): Promise<void> {
    await page.locator(`[name="${name}"]`).click();
    await page.locator('[role="option"]', { hasText: new RegExp(`^${label.replace(/[/()]/g, '\\$&')}$`) }).click();
  }

  /** Saves the form and waits for the admin's confirmation; returns the document's id from the address. */
  async function save(): Promise<string> {
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    await page
      .getByText(/^(Salvato|Saved)/)
      .first()
      .waitFor({ timeout: 30_000 });
    return path.posix.basename(new URL(page.url()).pathname);
  }

  /** Opens a document's English version, which does not exist yet: the admin shows an empty form for it. */
  async function openEnglish(uid: string, id: string, firstField: string): Promise<void> {
    await page.goto(`${cms.url}${adminPages(uid)}/${id}?plugins[i18n][locale]=en`);
    await page.locator(`[name="${firstField}"]`).waitFor();
  }

  /** The draft as the admin API has it (with the officer's own session). */
  async function adminDraft(uid: string, id: string, locale: string): Promise<Record<string, any>> {
    officerToken ??= await adminLogin(cms.url, env.EDITOR_EMAIL!, env.EDITOR_PASSWORD!);
    const token = officerToken;
    const response = await fetch(`${cms.url}/content-manager/collection-types/${uid}/${id}?locale=${locale}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { data: Record<string, any> }).data;
  }

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(publisherLog, '');
    writeFileSync(cmsLog, '');
    ensureCmsBuilt();
    tempDir = mkdtempSync(path.join(tmpdir(), 'portfolio-e2e-'));
    // The CMS registers the webhook URL and allows the preview origin at bootstrap: ports first.
    const [cmsPort, webhookPort, sitePort, previewPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    gate = await webhookGate(webhookPort);
    env = await throwawayCmsEnv(path.join(tempDir, 'cms.db'), {
      PORT: String(cmsPort),
      PUBLISH_WEBHOOK_URL: `${gate.url}/webhook`,
      PUBLISH_WEBHOOK_SECRET: randomSecret(),
      PREVIEW_URL: `http://127.0.0.1:${previewPort}`,
      // "Vedi sul sito" in the admin points here; the publisher's status is read at the webhook's origin.
      SITE_URL: `http://127.0.0.1:${sitePort}`,
    });
    siteUrl = `http://127.0.0.1:${sitePort}`;
    previewOrigin = env.PREVIEW_URL!;

    runSeed(env);
    cms = await startCmsLogged(env, cmsLog, 'e2e');

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
          console.log(
            `[publisher] ${event} (${fields.trigger}, ${fields.events} event(s)) in ${Math.round(Number(fields.durationMs) / 100) / 10} s`,
          );
        }
      },
    });
    await publisher.start();
    await publisher.settled();
    const startup = publisher.status().lastBuild;
    if (!startup?.ok) throw new Error(`the startup build failed:\n${startup?.error ?? '(no report)'}`);

    preview = createPreviewServer({
      port: previewPort,
      secret: env.PREVIEW_SECRET!,
      cmsUrl: cms.url,
      token: env.SITE_BUILD_TOKEN!,
      dir: path.join(tempDir, 'preview'),
      cacheDir: path.join(tempDir, 'astro-preview-cache'),
      log: (event, fields = {}) =>
        appendFileSync(publisherLog, `${JSON.stringify({ time: new Date().toISOString(), service: 'preview', event, ...fields })}\n`),
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
    await gate?.close();
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

  it('logs into the admin with the officer’s account, and the admin speaks Italian', async () => {
    await page.goto(`${cms.url}/admin`);
    await page.locator('input[name="email"]').fill(env.EDITOR_EMAIL!);
    await page.locator('input[name="password"]').fill(env.EDITOR_PASSWORD!);
    await screenshot('01-login');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'));
    // The admin switches to the account's language (Italian) once it has loaded the user.
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 30_000 }).toBe('it');
    await expect.poll(() => page.getByRole('link', { name: 'Libreria Media' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  const partnerIds: string[] = [];
  let fundingLineId: string;

  it('enters two new partners and a new funding line, in Italian and English', async () => {
    for (const partner of NEW_PARTNERS) {
      await page.goto(`${cms.url}${adminPages('api::partner.partner')}/create?plugins[i18n][locale]=it`);
      await page.locator('input[name="name"]').fill(partner.name);
      await choose('organisationType', partner.type);
      const id = await save();
      partnerIds.push(id);
      // The slug comes from the name: the officer left the admin's placeholder as it was.
      expect((await adminDraft('api::partner.partner', id, 'it')).slug).toBe(partner.slug);
      await openEnglish('api::partner.partner', id, 'name');
      await page.locator('input[name="name"]').fill(partner.nameEn);
      await save();
      expect((await adminDraft('api::partner.partner', id, 'en')).slug).toBe(partner.slug);
    }
    await screenshot('02-new-partner-english');

    await page.goto(`${cms.url}${adminPages('api::funding-line.funding-line')}/create?plugins[i18n][locale]=it`);
    await page.locator('input[name="name"]').fill(NEW_FUNDING_LINE.name);
    await page.locator('input[name="acronym"]').fill(NEW_FUNDING_LINE.acronym);
    fundingLineId = await save();
    await openEnglish('api::funding-line.funding-line', fundingLineId, 'name');
    await page.locator('input[name="name"]').fill(NEW_FUNDING_LINE.nameEn);
    await page.locator('input[name="acronym"]').fill(NEW_FUNDING_LINE.acronym);
    await save();
    expect((await adminDraft('api::funding-line.funding-line', fundingLineId, 'en')).slug).toBe(NEW_FUNDING_LINE.slug);
  });

  it('creates a project in Italian with the new partners and funding line, then its English version', async () => {
    await page.goto(`${cms.url}${PROJECTS_ADMIN}/create?plugins[i18n][locale]=it`);
    await page.locator('input[name="acronym"]').waitFor();
    // The fields carry the Italian labels of cms/src/admin-layout/labels.ts.
    for (const [label, name] of FIELD_LABELS) {
      expect(await page.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s*\\*?$`)).getAttribute('name'), label).toBe(name);
    }

    await page.locator('input[name="acronym"]').fill(PROJECT.acronym);
    await page.locator('input[name="title"]').fill(PROJECT.title);
    // The summary counts its characters against its limit while the officer types, and says how many are too many.
    const summaryCount = page.locator('[data-character-count="summary"]');
    await page.locator('textarea[name="summary"]').fill('x'.repeat(330));
    expect(await summaryCount.textContent()).toBe('330 caratteri su 320: 10 di troppo');
    await screenshot('03-summary-over-limit');
    await page.locator('textarea[name="summary"]').fill(PROJECT.summary);
    expect(await summaryCount.textContent()).toBe(`${PROJECT.summary.length} caratteri su 320`);

    // "Partenariato" is a repeatable component: its empty state is the button that adds the first entry.
    for (const [index, partner] of NEW_PARTNERS.entries()) {
      // The first entry is added from the empty state (the first button after the label), the next from "Aggiungi una voce" under the list.
      const add =
        index === 0
          ? 'xpath=//label[starts-with(normalize-space(.), "Partenariato")]/following::button[1]'
          : 'xpath=//label[starts-with(normalize-space(.), "Partenariato")]/following::button[normalize-space(.)="Aggiungi una voce" or normalize-space(.)="Add an entry"][1]';
      await page.locator(add).click();
      await pickRelation(`partnerships.${index}.partner`, partner.name, new RegExp(`^${partner.name}`));
      await choose(`partnerships.${index}.role`, PROJECT.roles[index]!);
    }
    // A funding line shows as acronym, name and period: two lines may share an acronym.
    await pickRelation('fundingLine', NEW_FUNDING_LINE.name, new RegExp(`^${NEW_FUNDING_LINE.acronym} – ${NEW_FUNDING_LINE.name}`));
    await page.locator('input[name="fundingLine"]').scrollIntoViewIfNeeded();
    await screenshot('03-edit-view-relations');

    documentId = await save();
    await previewLink().waitFor();
    expect(await page.inputValue('input[name="title"]')).toBe(PROJECT.title);
    expect(await page.inputValue('input[name="slug"]')).toBe(PROJECT.slug);
    expect(await page.getByText('Bozza', { exact: true }).count()).toBeGreaterThan(0);

    // The English version: text only. Partners, roles and the slug are shared by both languages.
    await openEnglish(PROJECT_UID, documentId, 'title');
    await page.locator('input[name="title"]').fill(PROJECT.titleEn);
    await page.locator('textarea[name="summary"]').fill(PROJECT.summaryEn);
    await pickRelation('fundingLine', NEW_FUNDING_LINE.nameEn, new RegExp(`^${NEW_FUNDING_LINE.acronym} – ${NEW_FUNDING_LINE.nameEn}`));
    await save();
    await screenshot('04-english-version');
    const [it, en] = [await adminDraft(PROJECT_UID, documentId, 'it'), await adminDraft(PROJECT_UID, documentId, 'en')];
    expect(en.slug).toBe(it.slug);
    const partnersOf = (draft: Record<string, any>) =>
      draft.partnerships.map((p: any) => `${p.partner?.documentId ?? p.partner?.[0]?.documentId}:${p.role}`);
    expect(en.partnerships).toHaveLength(NEW_PARTNERS.length);
    expect(partnersOf(en)).toEqual(partnersOf(it));
  });

  it('shows the draft in the preview, and not on the public site', async () => {
    await page.goto(editUrl());
    await previewLink().click();
    const frame = page.frameLocator('iframe').first();
    // The preview server builds the drafts before it answers: allow a build's time.
    await frame.locator('h1').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await frame.locator('h1').textContent()).toContain(PROJECT.title);
    expect(await frame.locator('.preview-banner').textContent()).toContain('Anteprima: contenuti in bozza, non pubblicati.');
    expect(await frame.locator('main').textContent()).toContain(PROJECT.summary);
    expect(await frame.locator(`main a[href="${href('it', { page: 'partner', slug: NEW_PARTNERS[0]!.slug })}"]`).count()).toBeGreaterThan(
      0,
    );
    expect(
      await frame.locator(`main a[href="${href('it', { page: 'fundingLine', slug: NEW_FUNDING_LINE.slug })}"]`).count(),
    ).toBeGreaterThan(0);
    const previewFrame = page.frames().find((f) => f.url().startsWith(previewOrigin));
    expect(previewFrame && new URL(previewFrame.url()).pathname).toBe(PUBLIC_PATH);
    await screenshot('05-preview');

    expect((await get(PUBLIC_PATH)).status).toBe(404);
    // The preview's pages are for editors only: without the admin's cookie, nothing.
    expect((await fetch(`${previewOrigin}${PUBLIC_PATH}`)).status).toBe(401);
  });

  it('refuses a plain Publish that would leave the new partners out, naming them', async () => {
    await page.goto(editUrl());
    await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
    // Strapi first warns of the links to drafts; confirming is what a hurried officer would do.
    const warning = page.locator('[role="alertdialog"], [role="dialog"]').filter({ hasText: 'Pubblica con le voci collegate' });
    await warning.waitFor({ timeout: 30_000 });
    await screenshot('06-publish-warning');
    await warning.getByRole('button', { name: 'Pubblica', exact: true }).click();
    const refusal = page.getByText(/Pubblicazione non eseguita/).first();
    await refusal.waitFor({ timeout: 30_000 });
    const text = (await refusal.textContent()) ?? '';
    for (const partner of NEW_PARTNERS) expect(text).toContain(partner.name);
    expect(text).toContain('Pubblica con le voci collegate');
    await screenshot('06-publish-refused');
    expect((await get(PUBLIC_PATH)).status).toBe(404);
  });

  it('publishes it with "Pubblica con le voci collegate", and both languages go live with the same partners', async () => {
    await page.goto(editUrl());
    await documentMenu().click();
    await page.getByRole('menuitem', { name: 'Pubblica con le voci collegate' }).click();
    const plan = page.getByTestId('publish-with-related-plan');
    await plan.waitFor();
    const listed = (await plan.textContent()) ?? '';
    for (const name of [...NEW_PARTNERS.map((p) => p.name), NEW_FUNDING_LINE.name, PROJECT.title]) expect(listed).toContain(name);
    await screenshot('07-publish-with-related-dialog');
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Pubblica tutto' }).click();
    timings.publishToLiveMs = await waitForLive('publish with related', clicked, (p) => p.status === 200 && p.text.includes(PROJECT.title));
    console.log(`[e2e] publish with related → live: ${timings.publishToLiveMs} ms`);
    await waitForLive('English version', clicked, (p) => p.status === 200 && p.text.includes(PROJECT.titleEn), PUBLIC_PATH_EN);
    await screenshot('08-published');
    await screenshotPublicPage('08-public-page');

    for (const locale of ['it', 'en'] as const) {
      const live = await get(href(locale, { page: 'project', slug: PROJECT.slug }));
      expect(live.status, locale).toBe(200);
      for (const partner of NEW_PARTNERS) {
        expect(live.text, locale).toContain(`href="${href(locale, { page: 'partner', slug: partner.slug })}"`);
      }
      expect(live.text, locale).toContain(`href="${href(locale, { page: 'fundingLine', slug: NEW_FUNDING_LINE.slug })}"`);
      // The twin links the other language at the same slug.
      expect(live.text, locale).toContain(href(locale === 'it' ? 'en' : 'it', { page: 'project', slug: PROJECT.slug }));
    }
    expect((await get(PUBLIC_PATH)).text).toContain(PROJECT.summary);
    // Every listing carries it, so that the checks after unpublishing mean something.
    for (const listing of LISTINGS) expect((await get(listing)).text.toLowerCase(), listing).toContain(MARKER.toLowerCase());
    await publisher.settled();
    const traces = tracesIn(publisher.releases!.livePath()!);
    expect(traces.filter((file) => file.startsWith('pagefind/') && file.endsWith('.pf_fragment')).length).toBeGreaterThan(0);
  });

  it('shows on the home page and in the edit view that the site is up to date, with "Vedi sul sito"', async () => {
    await publisher.settled();
    await page.goto(editUrl());
    const panel = page.getByTestId('publication-panel');
    await expect.poll(() => panel.getByTestId('entry-verdict').textContent(), { timeout: 30_000 }).toBe('Online sul sito pubblico');
    const link = panel.getByRole('link', { name: 'Vedi sul sito' });
    expect(await link.getAttribute('href')).toBe(`${siteUrl}${PUBLIC_PATH}`);
    expect(await panel.getByTestId('publication-verdict').textContent()).toMatch(/^Sito aggiornato oggi alle \d{1,2}:\d{2}$/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot('status-panel-live');
    // The English version's link is the English page.
    await page.goto(editUrl('en'));
    expect(await page.getByTestId('publication-panel').getByRole('link', { name: 'Vedi sul sito' }).getAttribute('href')).toBe(
      `${siteUrl}${PUBLIC_PATH_EN}`,
    );

    await page.goto(`${cms.url}/admin`);
    const widget = page.getByTestId('publication-widget');
    await widget.waitFor({ timeout: 30_000 });
    expect(await widget.getByTestId('publication-verdict').textContent()).toMatch(/^Sito aggiornato oggi alle \d{1,2}:\d{2}$/);
    expect(await widget.textContent()).toMatch(/Versione del sito ora online: pronta oggi alle \d{1,2}:\d{2}, \d+ pagine/);
    expect(await widget.getByTestId('publication-failure').count()).toBe(0);
    await screenshot('status-widget-success');
  });

  it('publishes an edited summary, and the public page shows the new one', async () => {
    await page.goto(editUrl());
    await page.locator('textarea[name="summary"]').fill(PROJECT.editedSummary);
    // The webhook is held until the panel has been seen waiting: a build of under two seconds can
    // otherwise go live before the admin first reads the status, and the step would see no wait.
    gate.hold();
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
    // The edit view's panel follows the build by itself, without a reload: updating, then live.
    const verdict = page.getByTestId('publication-panel').getByTestId('entry-verdict');
    let heldMs = 0;
    try {
      await expect.poll(() => verdict.textContent(), { timeout: 30_000 }).toBe('Pubblicata: il sito si sta aggiornando…');
      // While the webhook is on its way, the site part below does not contradict it with the last update's "Sito aggiornato".
      const siteStatus = page.getByTestId('publication-panel').getByTestId('publication-status');
      await expect.poll(() => siteStatus.textContent()).toContain('Versione del sito ora online');
      expect(await siteStatus.getByTestId('publication-verdict').count()).toBe(0);
      await screenshot('status-panel-updating');
    } finally {
      heldMs = gate.release();
    }
    // Timed from the click, less the time the webhook was held.
    timings.editToLiveMs = await waitForLive(
      'edited summary',
      clicked + heldMs,
      (p) => p.status === 200 && p.text.includes(PROJECT.editedSummary),
    );
    await expect.poll(() => verdict.textContent(), { timeout: 30_000 }).toBe('Online sul sito pubblico');
    console.log(`[e2e] edit → live: ${timings.editToLiveMs} ms`);
    await screenshot('09-edit-published');
    await screenshotPublicPage('09-public-page-edited');
    expect((await get(PUBLIC_PATH)).text).not.toContain(PROJECT.summary);
    // The search index was brought up to date, not rebuilt: only the pages whose HTML changed were
    // re-added, and the live index finds the new summary's words.
    await publisher.settled();
    const build = publisher.status().lastBuild!;
    expect(build.searchIndex).toBe('incremental');
    expect(build.searchPagesAdded).toBeGreaterThan(0);
    expect(build.searchPagesAdded).toBeLessThan(publisher.status().live!.pages / 2);
    expect(tracesIn(publisher.releases!.livePath()!, PROJECT.editedSummary).some((file) => file.startsWith('pagefind/'))).toBe(true);
  });

  it('renames its address, and the old one leads to the page under the new one, in both languages', async () => {
    const renamed = `${PROJECT.slug}-nuovo`;
    /** Types a slug and publishes; resolves once the page is online under it. */
    const publishUnder = async (slug: string) => {
      await page.goto(editUrl());
      await page.locator('input[name="slug"]').fill(slug);
      await expect.poll(() => page.getByRole('button', { name: 'Salva', exact: true }).isEnabled(), { timeout: 15_000 }).toBe(true);
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
      await waitForLive(
        `online as ${slug}`,
        clicked,
        (p) => p.status === 200 && p.text.includes(PROJECT.title),
        href('it', { page: 'project', slug }),
      );
      await publisher.settled();
    };
    const movedTo = async (from: string) => {
      const { status, text } = await get(from);
      return { status, refresh: /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(text)?.[1], noindex: text.includes('noindex') };
    };

    await publishUnder(renamed);
    for (const locale of ['it', 'en'] as const) {
      const to = href(locale, { page: 'project', slug: renamed });
      expect(await movedTo(href(locale, { page: 'project', slug: PROJECT.slug })), locale).toEqual({
        status: 200,
        refresh: to,
        noindex: true,
      });
      expect((await get(to)).status, locale).toBe(200);
    }
    const sitemap = (await get('/sitemap.xml')).text;
    expect(sitemap).toContain(href('it', { page: 'project', slug: renamed }));
    expect(sitemap).not.toContain(`${PUBLIC_PATH}<`);

    // Back to its first address: the page is there again, and the one it leaves leads to it.
    await publishUnder(PROJECT.slug);
    expect((await get(PUBLIC_PATH)).text).toContain(PROJECT.title);
    expect(await movedTo(href('it', { page: 'project', slug: renamed }))).toEqual({ status: 200, refresh: PUBLIC_PATH, noindex: true });
  });

  it('unpublishes both languages, and every trace of it leaves the live site', async () => {
    /** The edit view's "more actions" menu → Unpublish, for the language the page shows. */
    const unpublishShown = async () => {
      await documentMenu().click();
      const unpublish = page.getByRole('menuitem', { name: /^(Converti in bozza|Annulla pubblicazione|Unpublish)$/ });
      await unpublish.waitFor();
      await unpublish.click();
    };
    await page.goto(editUrl('en'));
    await page.locator('input[name="title"]').waitFor();
    await unpublishShown();
    await waitForLive('unpublish (English)', Date.now(), (p) => p.status === 404, PUBLIC_PATH_EN);
    await page.goto(editUrl());
    await page.locator('input[name="title"]').waitFor();
    const clicked = Date.now();
    await unpublishShown();
    timings.unpublishToGoneMs = await waitForLive('unpublish', clicked, (p) => p.status === 404);
    console.log(`[e2e] unpublish → gone: ${timings.unpublishToGoneMs} ms`);
    await screenshot('10-unpublished');

    // Whatever the webhook set off has finished: the live release is the final one.
    await publisher.settled();
    expect((await get(PUBLIC_PATH)).status).toBe(404);
    for (const listing of LISTINGS_AFTER_UNPUBLISH) {
      const response = await get(listing);
      expect(response.status, listing).toBe(200);
      expect(response.text.toLowerCase(), listing).not.toContain(MARKER.toLowerCase());
    }
    // Every file of the release, the Pagefind index unpacked included.
    expect(tracesIn(publisher.releases!.livePath()!)).toEqual([]);
  });

  it('names the entry that broke a build, on the home page and in that entry’s edit view', async () => {
    // A published English partner gets a country code the content contract refuses, written
    // straight into the database as a faulty import would (the admin itself refuses it).
    const db = openDatabase(env.DATABASE_FILENAME!);
    const partner = db
      .prepare(
        "SELECT id, document_id AS documentId, name, country FROM partners WHERE locale = 'en' AND published_at IS NOT NULL AND country IS NOT NULL ORDER BY id LIMIT 1",
      )
      .get() as { id: number; documentId: string; name: string; country: string };
    const update = db.prepare('UPDATE partners SET country = ? WHERE id = ?');
    try {
      expect(update.run('xx', partner.id).changes).toBe(1);
      const liveBefore = publisher.status().live?.id;
      const rebuild = await fetch(`${env.PUBLISH_WEBHOOK_URL!.replace(/\/webhook$/, '/rebuild')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portfolio-webhook-secret': env.PUBLISH_WEBHOOK_SECRET! },
        body: '{}',
      });
      expect(rebuild.status).toBe(202);
      await expect
        .poll(() => publisher.status().lastBuild?.trigger === 'manual' && !publisher.status().building, {
          timeout: LIVE_TIMEOUT_MS,
          interval: 500,
        })
        .toBe(true);
      const lastBuild = publisher.status().lastBuild!;
      expect(lastBuild.ok, lastBuild.error).toBe(false);
      expect(lastBuild.failure).toMatchObject({
        contentType: 'api::partner.partner',
        documentId: partner.documentId,
        locale: 'en',
        field: 'country',
      });
      expect(publisher.status().live?.id).toBe(liveBefore);

      await page.goto(`${cms.url}/admin`);
      const widget = page.getByTestId('publication-widget');
      await widget.waitFor({ timeout: 30_000 });
      expect(await widget.getByTestId('publication-verdict').textContent()).toMatch(
        /^Ultimo aggiornamento non riuscito \(oggi alle \d{1,2}:\d{2}\)$/,
      );
      expect(await widget.getByTestId('publication-failure-entry').textContent()).toContain(partner.name);
      const failure = (await widget.getByTestId('publication-failure').textContent()) ?? '';
      expect(failure).toContain('versione in inglese');
      expect(failure).toContain('campo «Paese»');
      expect(failure).toContain('Cosa fare:');
      expect(await widget.textContent()).toContain('Il sito pubblico resta com’era prima di questo aggiornamento.');
      await screenshot('status-widget-failure');

      // "Apri la voce da correggere" leads to the partner's English version, whose panel says it is the one.
      await widget.getByRole('link', { name: 'Apri la voce da correggere' }).click();
      await page.waitForURL(
        (url) =>
          url.pathname.endsWith(`/api::partner.partner/${partner.documentId}`) && url.searchParams.get('plugins[i18n][locale]') === 'en',
      );
      const panel = page.getByTestId('publication-panel');
      await panel.waitFor({ timeout: 30_000 });
      expect(await panel.textContent()).toContain('È questa voce ad aver bloccato l’aggiornamento:');
      expect(await panel.textContent()).toContain('in questa pagina (versione in inglese) controllare il campo «Paese»');
      await panel.scrollIntoViewIfNeeded();
      await screenshot('status-panel-failure');
    } finally {
      update.run(partner.country, partner.id);
      db.close();
    }
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
