/**
 * The incremental-build oracle: a real Strapi with a small synthetic portfolio, a random sequence
 * of edits through the admin's REST API (the calls the admin panel makes), an incremental build
 * after each burst of edits (one cacheDir and one output folder, renamed away after each build, as
 * the publisher does with its staging folder; the renamed folder must not change), and a clean full
 * build of the same content to compare it with, file by file, byte for byte. As in the publisher,
 * each incremental build is started ahead of time (harness/src/site.ts, createSiteBuilder): it has
 * read the last build's content store before the edits it must show are made. A stale page fails
 * the test naming the page and the edits since the last match.
 *
 * ORACLE_SEED=<n> replays a sequence; ORACLE_EDITS=<n> sets its length (default 30, the issue's
 * minimum: ten incremental builds, four full comparisons; longer runs by hand).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { adminLogin, ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { SITE_DIR } from 'harness/paths';
import { buildTimings } from '../../src/lib/build-timing.ts';
import { createSiteBuilder, renderedPaths, type SiteBuilder, siteBuildEnv, siteBuildSteps } from 'harness/site';
import { throwawayCmsEnv } from 'harness/test-env';
import { createRandom, generateBundle } from 'harness/generate';

const SEED = Number(process.env.ORACLE_SEED ?? 20261201);
const EDITS = Number(process.env.ORACLE_EDITS ?? 30);
/** Edits applied before each incremental build (a burst, as the publisher's scheduler makes). */
const EDITS_PER_BUILD = 3;
/** A clean full build to compare with after every this many incremental builds, and after the last. */
const COMPARE_EVERY = 3;
/** "Today" for the builds: edits move project end dates across it, and move it on (days pass). */
let today = '2026-11-22';

/**
 * Differences allowed between an incremental and a full build of the same content: none. (Build
 * timestamps are not written anywhere; every date in the output comes from the content.)
 */
const ALLOWED_DIFFERENCES: RegExp[] = [];

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const UID = {
  project: 'api::project.project',
  partner: 'api::partner.partner',
  theme: 'api::theme.theme',
  fundingLine: 'api::funding-line.funding-line',
  settings: 'api::site-setting.site-setting',
  action: 'api::action.action',
} as const;

let dir: string;
let cms: RunningCms | undefined;
let env: Record<string, string>;
let token: string;

beforeAll(async () => {
  ensureCmsBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'portfolio-oracle-'));
  env = await throwawayCmsEnv(path.join(dir, 'oracle.db'));
  const bundle = generateBundle({
    // More than one page of the project list (24 a page): later pages have keys of their own.
    projects: 30,
    seed: 7,
    partnerPoolFactor: 1.5,
    partnersPerProject: 4,
    actionsPerProject: 1,
    communitiesPerProject: 1,
    fundingLines: 3,
    themes: 5,
  });
  const bundleFile = path.join(dir, 'bundle.json');
  writeFileSync(bundleFile, JSON.stringify(bundle));
  runSeed(env, ['--bundle', bundleFile]);
  const cmsLog = path.join(dir, 'cms.log');
  cms = await startCmsLogged(env, cmsLog);
  token = await adminLogin(cms.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
  await setNewLogo(createRandom(SEED), 0);
});

afterAll(async () => {
  await cms?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cmsEnv = () => ({
  STRAPI_URL: cms!.url,
  STRAPI_TOKEN: env.SITE_BUILD_TOKEN!,
  SITE_URL: 'http://localhost:4321',
  STRAPI_ATTEMPTS: '2',
});
const failure = (outDir: string, output: string) =>
  new Error(`astro build into ${outDir} failed:\n${output.split('\n').slice(-60).join('\n')}`);

/** A clean `astro build` alone: the search index is built from these files, so comparing them is enough. */
async function astroBuild(outDir: string, cacheDir: string): Promise<string> {
  const [astro] = siteBuildSteps(outDir);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      astro!,
      {
        cwd: SITE_DIR,
        env: { ...process.env, ...siteBuildEnv(outDir, cacheDir), ...cmsEnv(), BUILD_DATE: today },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => (error ? reject(failure(outDir, `${stdout}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

/** The next incremental build, from the builder that started it ahead of time (all but the first). */
async function incrementalBuild(builder: SiteBuilder, outDir: string, startedAhead = true): Promise<string> {
  const result = await builder.build({ BUILD_DATE: today });
  if (!result.ok) throw failure(outDir, result.output);
  expect(result.startedAhead, 'the build was started ahead of time, its code bundled before the edits').toBe(startedAhead);
  return result.output;
}

function filesOf(root: string, sub = ''): string[] {
  return readdirSync(path.join(root, sub)).flatMap((name) => {
    const rel = path.join(sub, name);
    return statSync(path.join(root, rel)).isDirectory() ? filesOf(root, rel) : [rel];
  });
}

function emptyFolders(root: string, sub = ''): string[] {
  const names = readdirSync(path.join(root, sub));
  if (names.length === 0) return [sub];
  return names.flatMap((name) => (statSync(path.join(root, sub, name)).isDirectory() ? emptyFolders(root, path.join(sub, name)) : []));
}

/** Each file of a folder and its bytes. */
function contentsOf(root: string): Map<string, Buffer> {
  return new Map(filesOf(root).map((file) => [file, readFileSync(path.join(root, file))]));
}

/** Every file that differs between two output folders (missing on one side, or other bytes). */
function differences(incremental: string, full: string): string[] {
  const a = new Set(filesOf(incremental));
  const b = new Set(filesOf(full));
  const problems: string[] = [];
  for (const file of b) if (!a.has(file)) problems.push(`${file}: missing from the incremental build`);
  for (const file of a) if (!b.has(file)) problems.push(`${file}: in the incremental build only (a page that should be gone)`);
  for (const file of a) {
    if (!b.has(file)) continue;
    if (!readFileSync(path.join(incremental, file)).equals(readFileSync(path.join(full, file))))
      problems.push(`${file}: stale (differs from the full build)`);
  }
  return problems.filter((problem) => !ALLOWED_DIFFERENCES.some((allowed) => allowed.test(problem)));
}

// --- the admin's REST API ---------------------------------------------------------------------

/** A call of the admin's API that the CMS answered with an error: its status and body. */
class AdminCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: any,
  ) {
    super(message);
  }
}

async function admin(method: string, pathAndQuery: string, body?: unknown): Promise<any> {
  const isForm = body instanceof FormData;
  const response = await fetch(`${cms!.url}${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body && !isForm ? { 'Content-Type': 'application/json' } : {}) },
    body: isForm ? body : body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok)
    throw new AdminCallError(
      `${method} ${pathAndQuery} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`,
      response.status,
      json,
    );
  return json;
}

type RefusedEntry = { uid: string; documentId: string; label: string; locale: string };

/**
 * The entries an edit was refused for, as the CMS names them in the error's details: a publish of
 * an entry linked to entries not published in that locale (`related`,
 * cms/src/integrity/related-drafts.ts), an unpublish of an entry published entries link to
 * (`linkedBy`, cms/src/integrity/linked-by-published.ts), the deletion of a file published entries
 * show (`usedBy`, cms/src/integrity/files-in-use.ts). The officer is refused the same way.
 * Anything else is rethrown.
 */
function refusalEntries(error: unknown, detail: 'related' | 'linkedBy' | 'usedBy'): RefusedEntry[] {
  const entries = error instanceof AdminCallError && error.status === 400 ? error.body?.error?.details?.[detail] : undefined;
  if (!Array.isArray(entries) || entries.length === 0) throw error;
  return entries;
}
const refusedFor = (error: unknown, detail: 'related' | 'linkedBy' | 'usedBy') =>
  refusalEntries(error, detail).map((entry) => `${entry.label} (${entry.locale})`);
const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;

const REST = { [UID.project]: 'projects', [UID.partner]: 'partners', [UID.theme]: 'themes', [UID.fundingLine]: 'funding-lines' } as Record<
  string,
  string
>;
/** Published Italian entries, as the public REST API (the site's source) lists them: `query` after /api/. */
async function listed<T>(query: string): Promise<T[]> {
  const response = await fetch(`${cms!.url}/api/${query}&locale=it&sort=id:asc&pagination[pageSize]=100`, {
    headers: { Authorization: `Bearer ${env.SITE_BUILD_TOKEN}` },
  });
  const json = (await response.json()) as { data: T[] };
  if (!response.ok || !Array.isArray(json.data))
    throw new Error(`listing ${query} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json.data;
}
type Linked = { documentId: string; slug: string };
/** A document's slug after edit #n: its first slug, marked with the edit that moved it. */
const nextSlug = (slug: string, n: number) => `${slug.replace(/-r\d+$/, '')}-r${n}`;
/** Published documents of a type in the Italian locale. */
const published = (uid: string) => listed<Linked>(`${REST[uid]}?fields[0]=slug`);
/** Published Italian themes with at least one published project, with those projects. */
const themesWithProjects = async () =>
  (await listed<Linked & { projects: Linked[] }>('themes?populate[projects][fields][0]=slug')).filter((theme) => theme.projects.length > 0);
/** Published Italian actions that belong to a published project, with that project. */
const actionsWithProject = async () =>
  (await listed<{ documentId: string; project: Linked | null }>('actions?populate[project][fields][0]=slug')).filter(
    (action): action is { documentId: string; project: Linked } => action.project !== null,
  );

/** Updates the draft with `changes` and publishes it, in one locale (the admin's "Publish"). */
const publish = (uid: string, documentId: string, locale: string, changes: Record<string, unknown>) =>
  admin('POST', cm(uid, `/${documentId}/actions/publish?locale=${locale}`), changes);

async function uploadPng(name: string, colour: string, height: number, replaceId?: number): Promise<{ id: number }> {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 320, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), name);
  const json = await admin('POST', `/upload${replaceId ? `?id=${replaceId}` : ''}`, form);
  return Array.isArray(json) ? json[0] : json;
}

type Random = ReturnType<typeof createRandom>;
interface Edit {
  kind: string;
  weight: number;
  apply(random: Random, n: number): Promise<string>;
}

/** The logo the edits replace in place: one set before the first build, then the last one uploaded. */
let logo: { id: number; partner: string } | null = null;

/** Uploads a new logo and publishes it on a partner, in both languages; returns the partner's slug. */
async function setNewLogo(random: Random, n: number): Promise<string> {
  const partner = random.pick(await published(UID.partner));
  const file = await uploadPng(`logo-${n}.png`, '#0066cc', 160);
  await publish(UID.partner, partner.documentId, 'it', { logo: file.id });
  await admin('POST', cm(UID.partner, `/${partner.documentId}/actions/publish?locale=en`), {});
  logo = { id: file.id, partner: partner.slug };
  return partner.slug;
}

const EDIT_KINDS: Edit[] = [
  {
    kind: 'rename a shared partner',
    weight: 3,
    async apply(random, n) {
      const partners = await published(UID.partner);
      const partner = random.pick(partners);
      await publish(UID.partner, partner.documentId, 'it', { name: `Ente rinominato ${n}` });
      await publish(UID.partner, partner.documentId, 'en', { name: `Renamed body ${n}` });
      return `renamed partner ${partner.slug}`;
    },
  },
  {
    kind: 'change only the English locale of a project',
    weight: 3,
    async apply(random, n) {
      const project = random.pick(await published(UID.project));
      try {
        await publish(UID.project, project.documentId, 'en', { summary: `English summary changed by edit ${n}.` });
      } catch (error) {
        // A partner's English version unpublished by an earlier edit: the officer is refused too.
        // The build must still match the content as it is.
        return `the CMS refused to publish the English version of ${project.slug}: it links to ${refusedFor(error, 'related').join(', ')}, not published`;
      }
      return `changed the English summary of ${project.slug}`;
    },
  },
  {
    kind: 'unpublish a project',
    weight: 2,
    async apply(random) {
      const projects = await published(UID.project);
      const project = random.pick(projects.slice(1));
      await admin('POST', cm(UID.project, `/${project.documentId}/actions/unpublish?locale=it`), {});
      unpublished.push(project.documentId);
      return `unpublished ${project.slug} (Italian)`;
    },
  },
  {
    kind: 'republish a project',
    weight: 2,
    async apply() {
      const documentId = unpublished.shift();
      if (!documentId) return 'nothing to republish';
      await admin('POST', cm(UID.project, `/${documentId}/actions/publish?locale=it`), {});
      return `republished ${documentId} (Italian)`;
    },
  },
  {
    kind: "take a project off a theme, in the theme's form",
    weight: 1,
    async apply(random) {
      const themes = await themesWithProjects();
      if (themes.length === 0) return 'no theme with a project';
      const theme = random.pick(themes);
      const project = random.pick(theme.projects);
      // The other side of the project's relation: the project itself does not change.
      await publish(UID.theme, theme.documentId, 'it', { projects: { disconnect: [{ documentId: project.documentId, locale: 'it' }] } });
      return `took ${project.slug} off theme ${theme.slug} in the theme's form (Italian)`;
    },
  },
  {
    kind: "change a project's slug (its address)",
    weight: 1,
    async apply(random, n) {
      const project = random.pick(await published(UID.project));
      const slug = nextSlug(project.slug, n);
      // One slug per document, in every language (cms/src/integrity/slugs.ts): both are published.
      await publish(UID.project, project.documentId, 'it', { slug });
      try {
        await publish(UID.project, project.documentId, 'en', {});
      } catch (error) {
        return `moved ${project.slug} to ${slug} in Italian; the CMS refused the English version, linked to ${refusedFor(error, 'related').join(', ')}, not published`;
      }
      return `moved ${project.slug} to ${slug}`;
    },
  },
  {
    kind: "edit an action's title",
    weight: 1,
    async apply(random, n) {
      const action = random.pick(await actionsWithProject());
      if (!action) return 'no action with a project';
      await publish(UID.action, action.documentId, 'it', { title: `Azione modificata ${n}` });
      return `retitled action ${action.documentId} of ${action.project.slug}`;
    },
  },
  {
    kind: "change a theme's slug, publishing the Italian version only",
    weight: 1,
    async apply(random, n) {
      const theme = random.pick(await published(UID.theme));
      const slug = nextSlug(theme.slug, n);
      // The English version takes the slug without being published again (cms/src/integrity/slugs.ts),
      // and its pages move with it.
      await publish(UID.theme, theme.documentId, 'it', { slug });
      return `moved theme ${theme.slug} to ${slug}`;
    },
  },
  {
    kind: 'rename a theme',
    weight: 1,
    async apply(random, n) {
      const theme = random.pick(await published(UID.theme));
      await publish(UID.theme, theme.documentId, 'it', { name: `Tema rinominato ${n}` });
      return `renamed theme ${theme.slug}`;
    },
  },
  {
    kind: "take an action off its project, in the project's form",
    weight: 1,
    async apply(random) {
      const action = random.pick(await actionsWithProject());
      if (!action) return 'no action with a project';
      // The other side of the action's relation: the action itself does not change.
      await publish(UID.project, action.project.documentId, 'it', {
        actions: { disconnect: [{ documentId: action.documentId, locale: 'it' }] },
      });
      return `took action ${action.documentId} off ${action.project.slug} in the project's form (Italian)`;
    },
  },
  {
    kind: "move an action to another project, in that project's form",
    weight: 1,
    async apply(random) {
      const action = random.pick(await actionsWithProject());
      if (!action) return 'no action with a project';
      const target = random.pick((await published(UID.project)).filter((p) => p.documentId !== action.project.documentId));
      await publish(UID.project, target.documentId, 'it', { actions: { connect: [{ documentId: action.documentId, locale: 'it' }] } });
      return `moved action ${action.documentId} from ${action.project.slug} to ${target.slug} in ${target.slug}'s form (Italian)`;
    },
  },
  {
    kind: 'delete a theme',
    weight: 1,
    async apply(random) {
      const themes = await published(UID.theme);
      if (themes.length <= 2) return 'kept the last themes';
      const theme = random.pick(themes);
      await admin('DELETE', cm(UID.theme, `/${theme.documentId}?locale=en`));
      await admin('DELETE', cm(UID.theme, `/${theme.documentId}?locale=it`));
      return `deleted theme ${theme.slug}`;
    },
  },
  {
    kind: 'delete a project (both languages)',
    weight: 1,
    async apply(random) {
      const projects = await published(UID.project);
      if (projects.length <= 20) return 'kept the last projects';
      // Not the first: the explorer's first page keeps a project to show.
      const project = random.pick(projects.slice(1));
      await admin('DELETE', cm(UID.project, `/${project.documentId}?locale=en`));
      await admin('DELETE', cm(UID.project, `/${project.documentId}?locale=it`));
      return `deleted project ${project.slug}; its actions went back to drafts, its communities stay, with no project`;
    },
  },
  {
    kind: 'unpublish an action',
    weight: 1,
    async apply(random) {
      const action = random.pick(await actionsWithProject());
      if (!action) return 'no action with a project';
      await admin('POST', cm(UID.action, `/${action.documentId}/actions/unpublish?locale=it`), {});
      return `unpublished action ${action.documentId} of ${action.project.slug} (Italian)`;
    },
  },
  {
    kind: 'add or remove a partnership',
    weight: 3,
    async apply(random) {
      const project = random.pick(await published(UID.project));
      const draft = (await admin('GET', cm(UID.project, `/${project.documentId}?locale=it`))).data;
      const rows = (draft.partnerships as any[]).map((row) => ({
        role: row.role,
        partner: { set: row.partner?.documentId ? [{ documentId: row.partner.documentId, locale: 'it' }] : [] },
      }));
      const partners = await published(UID.partner);
      let what: string;
      if (rows.length > 2 && random.next() < 0.5) {
        rows.pop();
        what = `removed a partnership from ${project.slug}`;
      } else {
        const partner = random.pick(partners);
        rows.push({ role: 'partner', partner: { set: [{ documentId: partner.documentId, locale: 'it' }] } });
        what = `added partner ${partner.slug} to ${project.slug}`;
      }
      await publish(UID.project, project.documentId, 'it', { partnerships: rows });
      await admin('POST', cm(UID.project, `/${project.documentId}/actions/publish?locale=en`), {});
      return what;
    },
  },
  {
    kind: "change a funding line's EU statement",
    weight: 2,
    async apply(random) {
      const line = random.pick(await published(UID.fundingLine));
      const draft = (await admin('GET', cm(UID.fundingLine, `/${line.documentId}?locale=it`))).data;
      const fundingStatement = draft.fundingStatement === 'funded' ? 'co_funded' : 'funded';
      await publish(UID.fundingLine, line.documentId, 'it', { fundingStatement });
      await admin('POST', cm(UID.fundingLine, `/${line.documentId}/actions/publish?locale=en`), {});
      return `set the EU statement of ${line.slug} to ${fundingStatement}`;
    },
  },
  {
    kind: 'change the site settings',
    weight: 1,
    async apply(_random, n) {
      await admin('POST', `/content-manager/single-types/${UID.settings}/actions/publish?locale=it`, { tagline: `Sottotitolo ${n}` });
      return 'changed the Italian tagline of the site settings';
    },
  },
  {
    kind: "move a project's end date across today",
    weight: 3,
    async apply(random) {
      const project = random.pick(await published(UID.project));
      const draft = (await admin('GET', cm(UID.project, `/${project.documentId}?locale=it`))).data;
      const past = (draft.endDate?.date ?? '9999') < today;
      const endDate = { date: addDays(today, past ? 200 : -20), precision: 'day', estimated: false };
      // The CMS refuses an end before the start: a project that had not started yet starts earlier too.
      const startsLater = (draft.startDate?.date ?? '') > endDate.date;
      const startDate = startsLater ? { date: addDays(endDate.date, -60), precision: 'day', estimated: false } : undefined;
      await publish(UID.project, project.documentId, 'it', { endDate, ...(startDate ? { startDate } : {}), statusOverride: null });
      await admin('POST', cm(UID.project, `/${project.documentId}/actions/publish?locale=en`), {});
      return `moved the end date of ${project.slug} to ${endDate.date}${startDate ? ` and its start to ${startDate.date}` : ''}`;
    },
  },
  {
    kind: 'days pass (the daily rebuild, no edit)',
    weight: 2,
    async apply(random) {
      today = addDays(today, random.int(20, 400));
      return `today is now ${today}`;
    },
  },
  {
    kind: 'create a project with new partners',
    weight: 1,
    async apply(random, n) {
      const newPartners: string[] = [];
      for (let i = 0; i < 2; i++) {
        const created = await admin('POST', cm(UID.partner, `/actions/publish?locale=it`), {
          name: `Nuovo ente ${n}-${i}`,
          slug: `nuovo-ente-${n}-${i}`,
          organisationType: 'ngo',
          country: random.pick(['IT', 'ES', 'IS']),
          city: 'Bologna',
        });
        const documentId = created.data.documentId;
        await admin('POST', cm(UID.partner, `/${documentId}/actions/publish?locale=en`), { name: `New body ${n}-${i}`, city: 'Bologna' });
        newPartners.push(documentId);
      }
      const line = random.pick(await published(UID.fundingLine));
      const theme = random.pick(await published(UID.theme));
      const created = await admin('POST', cm(UID.project, `/actions/publish?locale=it`), {
        acronym: `NEW${n}`,
        slug: `new-project-${n}`,
        title: `Nuovo progetto ${n}`,
        summary: `Sintesi del nuovo progetto ${n}.`,
        startDate: { date: '2026-01-01', precision: 'day' },
        endDate: { date: '2027-12-31', precision: 'day' },
        totalBudget: 250000,
        grantAgreementNumber: String(900000 + n),
        fundingLine: { connect: [{ documentId: line.documentId, locale: 'it' }] },
        themes: { connect: [{ documentId: theme.documentId, locale: 'it' }] },
        partnerships: newPartners.map((documentId, i) => ({
          role: i === 0 ? 'lead' : 'partner',
          partner: { connect: [{ documentId, locale: 'it' }] },
        })),
      });
      await admin('POST', cm(UID.project, `/${created.data.documentId}/actions/publish?locale=en`), {
        title: `New project ${n}`,
        summary: `Summary of new project ${n}.`,
      });
      return `created project new-project-${n} with 2 new partners`;
    },
  },
  {
    kind: 'upload a logo',
    weight: 1,
    async apply(random, n) {
      return `uploaded a logo for ${await setNewLogo(random, n)}`;
    },
  },
  {
    kind: 'replace a logo in place',
    weight: 2,
    async apply(random, n) {
      // Same file id and URL, another image: no entry is published again, yet the partner's page
      // shows other bytes, and other dimensions in its <img>.
      await uploadPng(`logo-${n}.png`, random.pick(['#cc3300', '#00994d', '#663399']), random.int(100, 240), logo!.id);
      return `replaced the logo of ${logo!.partner} in place`;
    },
  },
  {
    kind: 'delete a logo from the media library',
    weight: 1,
    async apply(random, n) {
      const deleted = logo!;
      const remove = () => admin('DELETE', `/upload/files/${deleted.id}`);
      let how = '';
      try {
        // Allowed once no published page shows it (its partner unpublished by an earlier edit).
        await remove();
      } catch (error) {
        // As the refusal says: take it off the entries whose published pages show it, publish them, delete it.
        const shownBy = refusalEntries(error, 'usedBy');
        for (const entry of shownBy) {
          await admin('POST', cm(entry.uid, `/${entry.documentId}/actions/publish?locale=${entry.locale}`), { logo: null });
        }
        await remove();
        how = ` (refused at first; deleted once taken off ${shownBy.map((entry) => `${entry.label} (${entry.locale})`).join(', ')})`;
      }
      const partner = await setNewLogo(random, n);
      return `deleted the logo of ${deleted.partner}${how}, then uploaded one for ${partner}`;
    },
  },
  {
    kind: "unpublish a partner's English version",
    weight: 1,
    async apply(random) {
      const partner = random.pick(await published(UID.partner));
      try {
        await admin('POST', cm(UID.partner, `/${partner.documentId}/actions/unpublish?locale=en`), {});
      } catch (error) {
        // Published English pages show it. The build must still match the content as it is.
        return `the CMS refused to unpublish the English version of ${partner.slug}: ${refusedFor(error, 'linkedBy').join(', ')} link to it`;
      }
      return `unpublished the English version of ${partner.slug}`;
    },
  },
];
const unpublished: string[] = [];

/** Every kind once first (in a seeded order, so each sequence covers them all), then at random by weight. */
function pickEdit(random: Random, n: number, firstRound: Edit[]): Edit {
  if (n <= firstRound.length) return firstRound[n - 1]!;
  const total = EDIT_KINDS.reduce((sum, edit) => sum + edit.weight, 0);
  let roll = random.next() * total;
  for (const edit of EDIT_KINDS) if ((roll -= edit.weight) < 0) return edit;
  return EDIT_KINDS.at(-1)!;
}

test(`an incremental build after each burst of edits is byte-identical to a clean full build (ORACLE_SEED=${SEED})`, {
  timeout: 60 * 60_000,
}, async () => {
  console.log(`[oracle] seed ${SEED}, ${EDITS} edits, ${EDITS_PER_BUILD} per build, full comparison every ${COMPARE_EVERY} builds`);
  const random = createRandom(SEED);
  const firstRound = random.sample(EDIT_KINDS, EDIT_KINDS.length);
  const cacheDir = path.join(dir, 'incremental-cache');
  // One output path for every incremental build, renamed away after each, as the publisher's staging
  // folder: Astro hashes the output path into each page's code hash.
  const outDir = path.join(dir, 'incremental-out');
  const builder = createSiteBuilder({ outDir, cacheDir, env: cmsEnv() });
  onTestFinished(() => builder.close());
  await incrementalBuild(builder, outDir, false);
  if (process.env.ORACLE_LOG_DIR)
    writeFileSync(path.join(process.env.ORACLE_LOG_DIR, `manifest-0.json`), readFileSync(path.join(cacheDir, 'incremental-build.json')));
  // As the publisher, the last build's folder becomes a release (a rename), and the next build
  // starts ahead of time. Its reused pages are hard links into Astro's cache
  // (patches/astro@7.3.5.patch), so the next build must replace the cache files it renders again,
  // never write into them: the release must not change.
  const releaseDir = path.join(dir, 'release');
  let releaseBefore = new Map<string, Buffer>();
  const release = () => {
    rmSync(releaseDir, { recursive: true, force: true });
    renameSync(outDir, releaseDir);
    releaseBefore = contentsOf(releaseDir);
    builder.startNext();
  };
  release();

  const sinceLastMatch: string[] = [];
  let build = 0;
  const versionReads: string[] = [];
  for (let n = 1; n <= EDITS; n++) {
    const edit = pickEdit(random, n, firstRound);
    const done = await edit.apply(random, n);
    sinceLastMatch.push(`#${n} ${edit.kind}: ${done}`);
    if (n % EDITS_PER_BUILD !== 0 && n !== EDITS) continue;

    build++;
    const started = Date.now();
    const output = await incrementalBuild(builder, outDir).catch((error: Error) => {
      throw new Error(
        `ORACLE_SEED=${SEED}: the incremental build after edit #${n} failed. Edits since the last match:\n  ${sinceLastMatch.join('\n  ')}\n${error.message}`,
      );
    });
    const releaseAfter = contentsOf(releaseDir);
    expect(
      [...releaseBefore].filter(([file, bytes]) => !releaseAfter.get(file)?.equals(bytes)).map(([file]) => file),
      `ORACLE_SEED=${SEED}: the build after edit #${n} changed files of the previous release`,
    ).toEqual([]);
    expect(
      filesOf(outDir).some((file) => file.endsWith('.html') && statSync(path.join(outDir, file)).nlink > 1),
      'reused pages are hard links into the cache, not copies',
    ).toBe(true);
    // The last build's pages were linked in before the gate: those not made again must be gone, folders too.
    expect(emptyFolders(outDir), `the build after edit #${n} left the folders of pages it no longer makes`).toEqual([]);
    const { rendered } = renderedPaths(output);
    // Delta reads (site/src/lib/strapi/delta.ts): a few edits among 30 projects read a few entries again, not all.
    const reads = [...output.matchAll(/published (\w+) entries: (\d+) read again/g)].map(([, type, count]) => `${type} ${count}`);
    expect(
      reads.some((read) => read.startsWith('projects ')),
      `the build after edit #${n} read every project again`,
    ).toBe(true);
    // The versions: those changed since the last build's list, or the whole list when something is gone.
    versionReads.push(output.match(/\[versions\] (.*)/)?.[1] ?? `build ${build}: none (the versions were not asked for)`);
    // What a publish costs is measured from these (publisher build reports, pnpm bench).
    expect(Object.keys(buildTimings(output)), `the build after edit #${n} timed its parts`).toEqual(
      expect.arrayContaining(['CMS versions', 'sync projects', 'portfolio views (it)', 'portfolio views (en)', 'open data', 'page keys']),
    );
    console.log(
      `[oracle] build ${build} after edit #${n} (${sinceLastMatch.slice(-EDITS_PER_BUILD).join('; ')}): ${((Date.now() - started) / 1000).toFixed(1)} s, ${rendered} files rendered, entries read again: ${reads.join(', ')}`,
    );
    if (process.env.ORACLE_LOG_DIR) {
      writeFileSync(path.join(process.env.ORACLE_LOG_DIR, `build-${build}.log`), output);
      writeFileSync(
        path.join(process.env.ORACLE_LOG_DIR, `manifest-${build}.json`),
        readFileSync(path.join(cacheDir, 'incremental-build.json')),
      );
    }
    if (build % COMPARE_EVERY === 0 || n === EDITS) {
      const fullDir = path.join(dir, `full-${build}`);
      const fullCache = path.join(dir, `full-cache-${build}`);
      await astroBuild(fullDir, fullCache);
      const problems = differences(outDir, fullDir);
      rmSync(fullDir, { recursive: true, force: true });
      rmSync(fullCache, { recursive: true, force: true });
      expect(
        problems,
        `ORACLE_SEED=${SEED}: after edit #${n}, the incremental build differs from a clean full build.\n` +
          `Edits since the last match (one of them should have changed these files):\n  ${sinceLastMatch.join('\n  ')}\nFiles:\n  ${problems.slice(0, 40).join('\n  ')}`,
      ).toEqual([]);
      console.log(`[oracle] after edit #${n}: identical to a clean full build (${filesOf(outDir).length} files)`);
      sinceLastMatch.length = 0;
    }
    release();
  }
  // Both ways of reading the versions were taken (a theme is deleted, a project unpublished).
  expect(versionReads.filter((read) => read.includes('listed as changed since')).length, versionReads.join('\n')).toBeGreaterThan(0);
  expect(versionReads.filter((read) => read.includes('is gone since')).length, versionReads.join('\n')).toBeGreaterThan(0);
  expect(versionReads.filter((read) => read.includes('were not asked for'))).toEqual([]);
});
