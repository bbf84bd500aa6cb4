import { rename, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BUILD_FAILURE_MARKER, parseBuildFailure, type BuildFailure } from 'site/build-failure';
import { buildTimings } from 'site/build-timing';
import { createSearchIndexer, linkSearchIndex, type SearchIndexUpdate } from 'site/search-index';
import { createSiteBuilder, renderedPaths, type SiteBuildResult } from 'harness/site';
import { createStaticServer } from 'harness/static-server';
import { checkRelease, createReleases } from './releases.ts';
import { dispatchToGitHub, type RelayOptions } from './relay.ts';
import { createScheduler } from './scheduler.ts';
import { describeEvent, readJsonBody, SECRET_HEADER, secretMatches } from './webhook.ts';

export interface PublisherOptions {
  /** build: build and serve releases here; relay: forward to GitHub Actions. */
  mode: 'build' | 'relay';
  secret: string;
  /** Port of the webhook and status API (0 = any free port). */
  port: number;
  host?: string;
  /** Quiet window after the last event of a burst before its build starts (default 200 ms). */
  quietMs?: number;
  maxWaitMs?: number;
  bodyLimit?: number;
  /** build mode */
  releasesDir?: string;
  keepReleases?: number;
  cacheDir?: string;
  buildEnv?: Record<string, string>;
  /**
   * Builds the site into `outDir`, the staging folder that becomes release `releaseId` (default:
   * `astro build` with cacheDir and buildEnv; tests pass a fake).
   */
  build?: (outDir: string, releaseId: string, fullRead: boolean) => Promise<SiteBuildResult>;
  /** Keep a Pagefind search index of the releases (default: with the default build only). */
  searchIndex?: boolean;
  /** Port the live release is served on (0 = any; omit to not serve). */
  sitePort?: number;
  /** Build once on start (default), so content changed while the publisher was down goes live.
   * False only when the live release is known to be current (the benchmark adopts its own build). */
  buildOnStart?: boolean;
  /**
   * Rebuild every day just after midnight (local time), with no edit: project statuses follow
   * their dates, and the incremental build re-renders only the pages whose status changed.
   * Default false; run.ts and npm start turn it on.
   */
  dailyRebuild?: boolean;
  /** relay mode */
  relay?: RelayOptions;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export interface BuildReport {
  ok: boolean;
  trigger: string;
  events: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Of durationMs, the site build (from its gate to its pages written); the rest links the search index, checks and switches the release. */
  siteBuildMs?: number;
  release?: string;
  error?: string;
  /** Paths Astro rendered, and reused unchanged from the previous build (incremental build). */
  pagesRendered?: number;
  pagesReused?: number;
  /** Of the site build, the parts that grow with the portfolio, in ms (site/src/lib/build-timing.ts); they overlap, as the loaders sync together. */
  timings?: Record<string, number>;
  /** Time of the search-index step (after the release went live, but for the first release: see prepareSearch). */
  searchIndexMs?: number;
  /** How the search index was brought up to date: from scratch, or only the changed pages. */
  searchIndex?: SearchIndexUpdate['mode'];
  /** Pages (re-)added to the search index. */
  searchPagesAdded?: number;
  /** When an entry broke the content contract: which one, in which language, which field and why. */
  failure?: BuildFailure;
}

const searchReport = (update: SearchIndexUpdate) => ({
  searchIndexMs: update.durationMs,
  searchIndex: update.mode,
  searchPagesAdded: update.added,
});

/** Structured logs: one JSON object per line. */
export const jsonLog = (event: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), service: 'publisher', event, ...fields }));

/** The last lines of a failed build that say why (Astro prints the error last). */
function failureSummary(output: string): string {
  const lines = output
    .trimEnd()
    .split('\n')
    .filter((line) => !line.trim().startsWith(BUILD_FAILURE_MARKER));
  const start = lines.findIndex((line) => /error|Error|ERROR/.test(line));
  return (start >= 0 ? lines.slice(start, start + 25) : lines.slice(-25)).join('\n');
}

export function createPublisher(options: PublisherOptions) {
  const log = options.log ?? jsonLog;
  const releases = options.mode === 'build' ? createReleases(options.releasesDir!, options.keepReleases ?? 5) : null;
  // The search index lives as long as the publisher: a publish re-indexes only the pages whose
  // HTML changed (Pagefind's own process holds it between builds).
  const searchIndexer = (options.searchIndex ?? !options.build) ? createSearchIndexer() : null;
  // Every build goes to the staging folder, and the next one starts as soon as that folder is a
  // release or discarded, to wait until it is needed (harness/src/site.ts).
  const siteBuilder =
    options.build || !releases
      ? null
      : createSiteBuilder({ outDir: releases.stagingPath(), cacheDir: options.cacheDir, env: options.buildEnv });
  const build =
    options.build ??
    ((_outDir: string, _releaseId: string, fullRead: boolean) => siteBuilder!.build(fullRead ? { SITE_FULL_READ: '1' } : {}));
  /**
   * The search index of a new release. The very first release is indexed before it goes live.
   * After that a release goes live with the search index of the live release (hard links: its
   * files never change in place), and its own index is written into it once it is live
   * (updateSearch): Pagefind takes about as long as the build itself at a thousand projects, and
   * a page should not wait for it. This holds after a restart or a rollback too: every release
   * that was ever live passed checkRelease, which asks for a search index.
   *
   * The links (12,000 at a thousand projects, 0.2–0.3 s) are made beside the staging folder as
   * soon as the live release's index is whole, while the publisher waits for the next edit
   * (searchAhead), and moved into the built release by one rename. Made while the site built,
   * they took a core from it (README, "Where publishing stands": runs E and F).
   */
  let searchAhead: { release: string; linked: Promise<string | null> } | null = null;

  /** Links a release's search index beside the staging folder; resolves with the linked folder. */
  async function linkSearchAheadOf(release: string): Promise<string | null> {
    const ahead = releases!.searchAheadPath();
    await linkSearchIndex(releases!.pathOf(release), ahead);
    return path.join(ahead, 'pagefind');
  }

  /** Links the live release's index beside the staging folder for the next build, once what follows a switch is done. */
  function prepareSearchAhead(): void {
    if (!searchIndexer) return;
    settling++;
    afterSwitch = afterSwitch.then(async () => {
      const live = releases!.liveId();
      if (live !== null) {
        searchAhead = { release: live, linked: linkSearchAheadOf(live) };
        await searchAhead.linked.catch(() => null);
      }
      settling--;
    });
  }

  /** The live release's search index, linked beside the staging folder for the build that starts. */
  async function takeSearchAhead(): Promise<string | null> {
    // The live release's index may still be being written, and then linked (afterSwitch).
    await afterSwitch;
    const prepared = searchAhead;
    searchAhead = null;
    const live = releases!.liveId();
    if (prepared?.release === live) return prepared.linked;
    // Prepared for a release no longer live (a rollback), or not at all (the first build since start).
    await prepared?.linked.catch(() => null);
    return live === null ? null : linkSearchAheadOf(live);
  }

  async function prepareSearch(
    dir: string,
    linkedAhead: Promise<string | null>,
  ): Promise<{ deferred: boolean; update?: SearchIndexUpdate }> {
    const linked = await linkedAhead;
    if (linked !== null) {
      await rm(path.join(dir, 'pagefind'), { recursive: true, force: true });
      await rename(linked, path.join(dir, 'pagefind'));
      await rm(releases!.searchAheadPath(), { recursive: true, force: true });
      return { deferred: true };
    }
    return { deferred: false, update: await searchIndexer!.update(dir) };
  }

  /**
   * What follows a switch: the new release's own search index (updateSearch), then pruning old
   * releases. The next build does not wait for it (10–18 s at a thousand projects), only its
   * switch does, in prepareSearch.
   */
  let afterSwitch: Promise<void> = Promise.resolve();
  let searchIndexing = false;
  /** Switches whose afterSwitch work (search index, pruning, the next build's index links) is not done. */
  let settling = 0;

  let lastBuild: BuildReport | null = null;
  let builds = 0;
  let currentTrigger = 'webhook';
  let apiServer: Server | null = null;
  let siteServer: Server | null = null;
  let dailyTimer: ReturnType<typeof setTimeout> | null = null;

  /** Arms the next daily rebuild: one minute past the coming midnight. */
  function armDaily(): void {
    const next = new Date();
    next.setHours(24, 1, 0, 0);
    dailyTimer = setTimeout(() => {
      currentTrigger = 'daily';
      scheduler.runNow();
      armDaily();
    }, next.getTime() - Date.now());
    dailyTimer.unref();
  }

  async function buildRelease(events: number): Promise<void> {
    const started = Date.now();
    const trigger = currentTrigger;
    currentTrigger = 'webhook';
    builds++;
    const report = (fields: Partial<BuildReport> & { ok: boolean }) => {
      lastBuild = {
        trigger,
        events,
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        ...fields,
      };
      log(fields.ok ? 'build_succeeded' : 'build_failed', { ...lastBuild });
    };
    log('build_started', { trigger, events });

    if (options.mode === 'relay') {
      try {
        await dispatchToGitHub(options.relay!, events);
        report({ ok: true });
      } catch (error) {
        report({ ok: false, error: (error as Error).message });
      }
      return;
    }

    // Built in the staging folder (one fixed path, so the incremental build can reuse pages),
    // checked there, then renamed to its release folder.
    const id = releases!.newId();
    const dir = releases!.stagingPath();
    const searchLinked = searchIndexer ? takeSearchAhead() : null;
    // Awaited after the build, whether it succeeded or not; never left unhandled.
    searchLinked?.catch(() => {});
    // The staging folder is a release or discarded: the next build may start, and empty it.
    const discardStaging = async () => {
      // The search index may still be being linked beside it: both are removed once it is done.
      await searchLinked?.catch(() => null);
      releases!.discardStaging();
      siteBuilder?.startNext();
      prepareSearchAhead();
    };
    let check: ReturnType<typeof checkRelease>;
    let result: SiteBuildResult;
    let search: Awaited<ReturnType<typeof prepareSearch>> | null = null;
    try {
      // Only a webhook build reads just what changed: a manual, daily or startup build reads
      // everything, the safety net for what no version shows (a row written straight into the database).
      result = await build(dir, id, trigger !== 'webhook');
      if (result.ok && searchLinked) {
        search = await prepareSearch(dir, searchLinked).catch((error: Error) => {
          result = { ...result, ok: false, output: `${result.output}\nThe search index failed: ${error.message}\n` };
          return null;
        });
      }
      if (!result.ok) {
        await discardStaging();
        const failure = parseBuildFailure(result.output);
        return report({ ok: false, error: failureSummary(result.output), ...(failure ? { failure } : {}) });
      }
      check = checkRelease(dir);
    } catch (error) {
      // A build or check that throws instead of failing is still a failed build: reported, folder removed.
      await discardStaging();
      return report({ ok: false, error: `the build threw: ${(error as Error).message}` });
    }
    if (check.problems.length > 0) {
      await discardStaging();
      return report({ ok: false, error: `release check failed:\n${check.problems.slice(0, 20).join('\n')}` });
    }
    releases!.adoptStaging(id);
    siteBuilder?.startNext();
    releases!.seal({ id, builtAt: new Date().toISOString(), durationMs: Date.now() - started, pages: check.pages });
    releases!.switchTo(id);
    const paths = renderedPaths(result.output);
    report({
      ok: true,
      release: id,
      siteBuildMs: result.durationMs,
      pagesRendered: paths.rendered,
      pagesReused: paths.reused,
      timings: buildTimings(result.output),
      ...(search?.update ? searchReport(search.update) : {}),
    });
    log('release_live', { release: id, pages: check.pages, ...(search?.deferred ? { search: 'previous release' } : {}) });
    searchIndexing = search?.deferred === true;
    settling++;
    afterSwitch = afterSwitch.then(async () => {
      if (search?.deferred) await updateSearch(id);
      searchIndexing = false;
      const removed = await releases!.prune().catch((error: Error) => {
        log('releases_prune_failed', { error: error.message });
        return [];
      });
      if (removed.length > 0) log('releases_pruned', { removed });
      settling--;
    });
    prepareSearchAhead();
  }

  /** Brings the live release's search index up to date, in place (site/scripts/search-index.ts writeIndex). */
  async function updateSearch(id: string): Promise<void> {
    try {
      const update = await searchIndexer!.update(releases!.pathOf(id));
      if (lastBuild?.release === id) Object.assign(lastBuild, searchReport(update));
      log('search_index_updated', { release: id, ...searchReport(update) });
    } catch (error) {
      // The release keeps the index it went live with (the one before: consistent, a little behind);
      // the indexer starts from scratch (it resets on failure) after the next switch.
      log('search_index_failed', { release: id, error: (error as Error).message });
    }
  }

  const scheduler = createScheduler({ quietMs: options.quietMs ?? 200, maxWaitMs: options.maxWaitMs ?? 10_000, run: buildRelease });

  function status() {
    const state = scheduler.state();
    return {
      mode: options.mode,
      live: releases ? (releases.list().find((r) => r.id === releases.liveId()) ?? null) : null,
      releases: releases ? releases.list().map((r) => r.id) : [],
      building: state.building,
      pendingEvents: state.pendingEvents,
      // The live release's search index is being written (after its switch; the next build need not wait).
      searchIndexing,
      // What follows a switch is still running: the search index, pruning, linking the index ahead.
      settling: settling > 0,
      // The next build stands ready at its gate (harness/src/site.ts); null without a site builder.
      nextBuildReady: siteBuilder ? siteBuilder.ready() : null,
      builds,
      lastBuild,
    };
  }

  const send = (response: import('node:http').ServerResponse, status: number, body: unknown) => {
    response
      .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(JSON.stringify(body));
  };

  const api = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/status' && request.method === 'GET') return send(response, 200, status());
      if (url.pathname === '/healthz') return send(response, 200, { ok: true });
      if ((url.pathname === '/webhook' || url.pathname === '/rebuild') && request.method === 'POST') {
        if (!secretMatches(request.headers[SECRET_HEADER] as string | undefined, options.secret)) {
          request.resume();
          log('webhook_refused', { reason: 'secret', remote: request.socket.remoteAddress });
          return send(response, 401, { error: 'missing or wrong secret' });
        }
        const body = await readJsonBody(request, options.bodyLimit ?? 256 * 1024);
        if (!body.ok) {
          log('webhook_refused', { reason: body.message });
          return send(response, body.status, { error: body.message });
        }
        if (url.pathname === '/rebuild') {
          currentTrigger = 'manual';
          scheduler.runNow();
        } else {
          log('webhook_received', describeEvent(body.body));
          scheduler.notify();
        }
        return send(response, 202, { accepted: true, pendingEvents: scheduler.state().pendingEvents });
      }
      send(response, 404, { error: 'not found' });
    } catch (error) {
      log('api_error', { message: (error as Error).message });
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
    }
  });

  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, options.host ?? '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });

  return {
    scheduler,
    status,
    releases,
    /** Starts the API (and the site server), removes interrupted builds and builds once. */
    async start(): Promise<{ apiPort: number; sitePort: number | null }> {
      if (releases) {
        releases.discardStaging();
        const removed = await releases.prune();
        if (removed.length > 0) log('releases_pruned', { removed });
      }
      siteBuilder?.startNext();
      apiServer = api;
      const apiPort = await listen(api, options.port);
      let sitePort: number | null = null;
      if (releases && options.sitePort !== undefined) {
        siteServer = createStaticServer(
          () => releases.livePath(),
          () => releases.list().map((r) => releases.pathOf(r.id)),
        );
        sitePort = await listen(siteServer, options.sitePort);
      }
      log('publisher_started', { mode: options.mode, apiPort, sitePort, live: releases?.liveId() ?? null });
      if (options.dailyRebuild) armDaily();
      if (options.mode === 'build' && options.buildOnStart !== false) {
        currentTrigger = 'startup';
        scheduler.runNow();
      }
      return { apiPort, sitePort };
    },
    /** Resolves when no build is running or due and the last release's search index is written (tests, benchmarks). */
    async settled(): Promise<void> {
      do {
        await scheduler.settled();
        await afterSwitch;
      } while (scheduler.state().building || scheduler.state().pendingEvents > 0);
    },
    async stop(): Promise<void> {
      if (dailyTimer) clearTimeout(dailyTimer);
      scheduler.stop();
      await scheduler.settled();
      await afterSwitch;
      await Promise.all([apiServer, siteServer].map((server) => server && new Promise((resolve) => server.close(resolve))));
      await Promise.all([searchIndexer?.close(), siteBuilder?.close()]);
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
