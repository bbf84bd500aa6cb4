/**
 * `pnpm bench [--scale seed|200|1000] [--publishes N] [--seed N] [--no-lighthouse] [--keep] [--db FILE]`
 *
 * A fresh CMS (temp SQLite, random secrets) with synthetic content at the scale, then: fetch
 * (ours vs the official @strapi/client), a cold full build (vs the floor), publish-to-live through
 * the real webhook path, page weight per template and Lighthouse. Results go to
 * scripts/bench/results/<scale>-<date>.json and latest-<scale>.md, and the table to stdout.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { href, type Route } from 'shared-types/routes';
import { serveFolder } from 'harness/static-server';
import { createPublisher } from 'publisher/publisher';
import { checkRelease, createReleases } from 'publisher/releases';
import { loaderHasFixtureSwitch, measureBuild } from './build.ts';
import { freePort } from 'harness/test-env';
import { adminLogin } from 'harness/cms';
import { startBenchCms, type BenchCms } from './cms.ts';
import { fetchLikeTheSite, fetchNaively, type FetchResult } from './fetch.ts';
import { generateBundle, SCALES, type Scale } from 'harness/generate';
import { runLighthouse } from './lighthouse.ts';
import { collectionCreate, collectionEdit, measurePublishToLive, publisherIdle, settingsEdit, type PublishScenario } from './publish.ts';
import { toMarkdown, type BenchResults } from './report.ts';
import { weighSite } from './weight.ts';

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
/** "Today" for every build, so project statuses do not depend on the day of the run. */
const BUILD_DATE = '2026-11-22';
const SITE_URL = 'http://localhost:4321';
/** Measured rounds per reader; one at 1000 projects, where a round of the peer takes about a minute. */
const fetchRounds = (scale: Scale) => (scale === '1000' ? 1 : 3);

/** The run with the median duration. */
const medianRun = (runs: FetchResult[]): FetchResult => [...runs].sort((a, b) => a.durationMs - b.durationMs)[Math.floor(runs.length / 2)]!;

const { values: args } = parseArgs({
  // `pnpm bench -- --scale 200` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    scale: { type: 'string', default: 'seed' },
    publishes: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20261122' },
    'no-lighthouse': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // An earlier run's database (kept with --keep), to measure again without the import.
    db: { type: 'string' },
  },
});
if (!(args.scale in SCALES)) {
  console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}; got "${args.scale}"`);
  process.exit(2);
}
const scale = args.scale as Scale;
const publishes = Number(args.publishes);
const seed = Number(args.seed);
const log = (line: string) => console.error(line);

const loadAverageAtStart = os.loadavg();
const bundle = generateBundle({ projects: SCALES[scale], seed });
log(`[bench] scale ${scale}: ${bundle.projects.length} projects, ${bundle.partners.length} partners (generated and validated)`);

const webhookSecret = randomBytes(24).toString('base64url');
const publisherPort = await freePort();
let bench: BenchCms | undefined;
let publisher: ReturnType<typeof createPublisher> | undefined;
let staticServer: Server | undefined;
try {
  bench = await startBenchCms(bundle, { url: `http://127.0.0.1:${publisherPort}/webhook`, secret: webhookSecret }, log, args.db);
  const { cms, env, dir } = bench;
  const token = env.SITE_BUILD_TOKEN!;
  const buildEnv = { STRAPI_URL: cms.url, STRAPI_TOKEN: token, SITE_URL, BUILD_DATE, STRAPI_ATTEMPTS: '2' };

  // Warm-up (first connections, the CMS's lazy paths), then alternating rounds; the median round counts.
  const FETCH_ROUNDS = fetchRounds(scale);
  log(`[bench] fetch: ours vs the peer, ${FETCH_ROUNDS} alternating round(s) after a warm-up`);
  const first = await fetchLikeTheSite(cms.url, token);
  const fixtureFile = path.join(dir, 'fixture.json');
  writeFileSync(fixtureFile, JSON.stringify(first.fixture));
  let peerError: Error | null = null;
  await fetchNaively(cms.url, token).catch((error: Error) => (peerError = error));
  const ours: FetchResult[] = [];
  const theirs: FetchResult[] = [];
  for (let round = 0; round < FETCH_ROUNDS; round++) {
    const { fixture: _, ...result } = await fetchLikeTheSite(cms.url, token);
    ours.push(result);
    if (!peerError) theirs.push(await fetchNaively(cms.url, token));
  }
  const site = medianRun(ours);
  const peer: BenchResults['fetch']['peer'] = peerError
    ? { measured: false, reason: `@strapi/client failed: ${(peerError as Error).message}` }
    : {
        measured: true,
        client: '@strapi/client',
        strategy: 'populate=* per collection and locale, one findOne per project for partners',
        ...medianRun(theirs),
      };

  log('[bench] full build (cold cache)');
  // Built where the publisher builds (the releases' staging folder): Astro's incremental build
  // hashes the output path, so the publishes below start from this build's cache.
  const releasesDir = path.join(dir, 'releases');
  const releases = createReleases(releasesDir, 5);
  const fullOut = releases.stagingPath();
  const full = await measureBuild(fullOut, path.join(dir, 'cache-full'), buildEnv);
  const logSteps = ({ stepsMs: [astro = 0, search = 0] }: { stepsMs: number[] }) =>
    log(`[bench]   astro build ${(astro / 1000).toFixed(1)} s, search index ${(search / 1000).toFixed(1)} s`);
  if (full.ok) logSteps(full);
  else log(`[bench] the full build failed:\n${full.error}`);

  let floor: BenchResults['build']['floor'];
  if (loaderHasFixtureSwitch()) {
    log('[bench] floor build (fixture JSON, cold cache)');
    floor = {
      measured: true,
      ...(await measureBuild(path.join(dir, 'floor'), path.join(dir, 'cache-floor'), { ...buildEnv, SITE_FIXTURE_FILE: fixtureFile })),
    };
    logSteps(floor);
  } else {
    floor = { measured: false, reason: 'loader switch missing: site/src/lib/strapi/loader.ts does not read SITE_FIXTURE_FILE' };
  }

  const pageWeight: BenchResults['pageWeight'] = full.ok
    ? { measured: true, ...weighSite(fullOut) }
    : { measured: false, reason: 'the full build failed' };

  let lighthouse: BenchResults['lighthouse'] = { measured: false, reason: '--no-lighthouse' };
  if (!args['no-lighthouse'] && full.ok) {
    log('[bench] Lighthouse');
    const served = await serveFolder(fullOut);
    staticServer = served.server;
    const base = served.url;
    const project = bundle.projects[0]!.slug;
    // The theme with the most projects: the longest of the lists that grow with the portfolio.
    const projectsOf = (theme: string) => bundle.projects.filter((p) => p.themes.includes(theme)).length;
    const theme = bundle.themes.map((t) => t.slug).reduce((largest, slug) => (projectsOf(slug) > projectsOf(largest) ? slug : largest));
    const page = (name: string, route: Route) => ({ name, url: `${base}${href('it', route)}` });
    lighthouse = await runLighthouse([
      page('home', { page: 'home' }),
      page('explorer (projects index)', { page: 'projects' }),
      page(`project (${project})`, { page: 'project', slug: project }),
      page('partners index', { page: 'partners' }),
      page(`largest theme (${theme}, ${projectsOf(theme)} projects)`, { page: 'theme', slug: theme }),
    ]);
  } else if (!full.ok) lighthouse = { measured: false, reason: 'the full build failed' };

  let publishToLive: BenchResults['publishToLive'] = { measured: false, reason: publishes > 0 ? 'the full build failed' : '--publishes 0' };
  if (publishes > 0 && full.ok) {
    // The cold full build is the first live release: the publisher need not build it again.
    const initial = releases.newId();
    renameSync(fullOut, releases.pathOf(initial));
    const check = checkRelease(releases.pathOf(initial));
    if (check.problems.length > 0)
      throw new Error(`the full build does not pass the release check:\n${check.problems.slice(0, 10).join('\n')}`);
    releases.seal({ id: initial, builtAt: new Date().toISOString(), durationMs: full.durationMs, pages: check.pages });
    releases.switchTo(initial);
    const events: string[] = [];
    publisher = createPublisher({
      buildOnStart: false,
      mode: 'build',
      secret: webhookSecret,
      port: publisherPort,
      releasesDir,
      cacheDir: path.join(dir, 'cache-full'),
      buildEnv,
      sitePort: 0,
      log: (event, fields) => {
        events.push(event);
        if (event === 'build_failed') log(`[bench] publisher build failed: ${String(fields?.error)}`);
      },
    });
    const { sitePort } = await publisher.start();
    const timeoutMs = Math.max(120_000, full.durationMs * 4);
    await publisherIdle(publisher, timeoutMs);
    const adminToken = await adminLogin(cms.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
    type Entry = { documentId: string; slug: string };
    const projects = (first.fixture.projects.it as Entry[]).filter(
      (_, i, all) => i % Math.max(1, Math.floor(all.length / publishes)) === 0,
    );
    // The partner in the most projects: a rename re-renders every page that names it.
    const projectsPerPartner = new Map<string, number>();
    for (const project of bundle.projects)
      for (const slug of new Set(project.partnerships.map((p) => p.partner)))
        projectsPerPartner.set(slug, (projectsPerPartner.get(slug) ?? 0) + 1);
    const [sharedSlug, sharedCount] = [...projectsPerPartner].sort((a, b) => b[1] - a[1])[0]!;
    const shared = (first.fixture.partners.it as Entry[]).find((p) => p.slug === sharedSlug)!;
    const fundingLine = (first.fixture.fundingLines.it as Entry[])[0]!;
    const times = (n: number, scenario: PublishScenario) => Array.from({ length: n }, () => scenario);
    const scenarios: Array<{ name: string; changes: PublishScenario[] }> = [
      {
        name: 'project edit (one summary)',
        changes: Array.from({ length: publishes }, (_, i) => {
          const project = projects[i % projects.length]!;
          return {
            name: 'project edit',
            publish: collectionEdit('api::project.project', project.documentId, (marker) => ({ summary: `Sintesi aggiornata ${marker}.` })),
            page: () => `/progetti/${project.slug}/`,
          };
        }),
      },
      {
        name: `partner rename (in ${sharedCount} projects)`,
        changes: times(Math.min(3, publishes), {
          name: 'partner rename',
          publish: collectionEdit('api::partner.partner', shared.documentId, (marker) => ({ name: `Partner ${marker}` })),
          page: () => `/partner/${shared.slug}/`,
        }),
      },
      {
        name: 'site settings (the site name, on every page)',
        changes: times(Math.min(2, publishes), {
          name: 'site settings',
          publish: settingsEdit((marker) => ({ siteName: `Progetti europei ${marker}` })),
          page: () => '/',
        }),
      },
      {
        name: 'new project with 5 new partners',
        changes: times(Math.min(2, publishes), {
          name: 'new project',
          async publish(marker, call) {
            const partners = [];
            for (let i = 0; i < 5; i++) {
              const body = {
                name: `Ente ${marker} ${i}`,
                slug: `ente-${marker}-${i}`.toLowerCase(),
                organisationType: 'ngo',
                country: 'IT',
              };
              partners.push((await collectionCreate('api::partner.partner', body, call)).data.documentId);
            }
            await collectionCreate(
              'api::project.project',
              {
                acronym: marker.toUpperCase(),
                slug: marker.toLowerCase(),
                title: `Progetto ${marker}`,
                summary: `Sintesi del progetto ${marker}.`,
                startDate: { date: '2026-01-01', precision: 'day' },
                endDate: { date: '2027-12-31', precision: 'day' },
                fundingLine: { connect: [{ documentId: fundingLine.documentId, locale: 'it' }] },
                partnerships: partners.map((documentId, i) => ({
                  role: i === 0 ? 'lead' : 'partner',
                  partner: { connect: [{ documentId, locale: 'it' }] },
                })),
              },
              call,
            );
          },
          page: (marker) => `/progetti/${marker.toLowerCase()}/`,
        }),
      },
    ];
    const measured = [];
    for (const scenario of scenarios) {
      log(`[bench] publish-to-live: ${scenario.name}, ${scenario.changes.length} publishes`);
      const result = await measurePublishToLive({
        cmsUrl: cms.url,
        adminToken,
        siteUrl: `http://127.0.0.1:${sitePort}`,
        changes: scenario.changes,
        publisher,
        timeoutMs,
        log,
      });
      measured.push({ name: scenario.name, n: scenario.changes.length, ...result });
    }
    publishToLive = { measured: true, scenarios: measured };
  }

  const c = bundle.projects;
  const results: BenchResults = {
    scale,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverageAtStart, node: process.versions.node },
    content: {
      seed,
      projects: c.length,
      partners: bundle.partners.length,
      actions: c.reduce((n, p) => n + p.actions.length, 0),
      communities: c.reduce((n, p) => n + p.communities.length, 0),
      fundingLines: bundle.fundingLines.length,
      themes: bundle.themes.length,
      localizedEntries: bench.importedEntries || first.entries,
    },
    strapiLoadMs: bench.loadMs,
    importMs: bench.importMs,
    fetch: { rounds: FETCH_ROUNDS, site, peer },
    build: { full, floor },
    publishToLive,
    pageWeight,
    lighthouse,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = results.date.slice(0, 19).replace(/[:T]/g, '-');
  writeFileSync(path.join(RESULTS_DIR, `${scale}-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = toMarkdown(results);
  writeFileSync(path.join(RESULTS_DIR, `latest-${scale}.md`), markdown);
  console.log(markdown);
  // The report says what failed; the exit status says that something did.
  if (!full.ok) process.exitCode = 1;
} catch (error) {
  log(`[bench] failed: ${(error as Error).stack ?? error}`);
  if (bench) log(`--- CMS output ---\n${bench.tail()}`);
  process.exitCode = 1;
} finally {
  await publisher?.stop();
  await new Promise((resolve) => (staticServer ? staticServer.close(resolve) : resolve(null)));
  await bench?.cms.stop();
  if (bench && !args.keep)
    for (const folder of new Set(args.db ? [bench.dir] : [bench.dir, bench.dbDir])) rmSync(folder, { recursive: true, force: true });
  else if (bench) log(`[bench] kept ${bench.dir} and ${bench.dbDir}`);
}
