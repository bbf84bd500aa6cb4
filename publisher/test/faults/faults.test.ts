import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, ensureCmsBuilt, runSeed, startCmsLogged, type RunningCms } from 'harness/cms';
import { ROOT } from 'harness/paths';
import { createTestSchema } from 'harness/postgres';
import { freePort, throwawayCmsEnv } from 'harness/test-env';
import { createPublisher, type Publisher } from '../../src/publisher.ts';
import { SECRET_HEADER } from '../../src/webhook.ts';
import { CONTENT_TYPES } from 'shared-types';

/**
 * Faults, injected for real: the CMS killed (SIGKILL) while the publisher builds from it, and the
 * publisher process group killed mid-build. The live site must keep answering from the last good
 * release, nothing an editor saved may be lost, and the next event must publish again. The CMS
 * here is this file's own: the seed, on the database named by TEST_DATABASE_CLIENT (sqlite or
 * postgres). `npm test` runs it on both.
 */
const databaseClient = process.env.TEST_DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
/** What the site build needs besides the CMS's address and token. */
const BUILD_ENV = { SITE_URL: 'http://localhost:4321', BUILD_DATE: '2026-11-22' };
const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const SECRET = randomBytes(16).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const figures = { faultsInjected: 0, eventsSent: 0, buildsRun: 0, buildsFailed: 0, sitePolls: 0, siteErrors: 0 };

let dir: string;
let env: Record<string, string>;
let cms: RunningCms;
let dropSchema = async () => {};
const cmsLog = () => path.join(dir, 'cms.log');

async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(50);
  }
}

const adminToken = () => adminLogin(cms.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);

/** Every document of every collection, drafts included, as the admin sees them: what must survive. */
async function snapshot(
  token: string,
): Promise<Record<string, Array<{ documentId: string; locale: string; updatedAt: string; status: string }>>> {
  const result: Record<string, Array<{ documentId: string; locale: string; updatedAt: string; status: string }>> = {};
  for (const uid of Object.values(CONTENT_TYPES)
    .filter((type) => !type.single)
    .map((type) => type.uid)) {
    result[uid] = [];
    for (const locale of ['it', 'en']) {
      for (let page = 1; ; page++) {
        const response = await fetch(
          `${cms.url}/content-manager/collection-types/${uid}?locale=${locale}&page=${page}&pageSize=100&sort=documentId:asc`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        const body = (await response.json()) as {
          results: Array<{ documentId: string; locale: string; updatedAt: string; status: string }>;
          pagination: { pageCount: number };
        };
        result[uid]!.push(...body.results.map(({ documentId, locale, updatedAt, status }) => ({ documentId, locale, updatedAt, status })));
        if (page >= body.pagination.pageCount) break;
      }
    }
  }
  return result;
}

async function sendEvent(apiPort: number, event = 'entry.publish'): Promise<void> {
  figures.eventsSent++;
  const response = await fetch(`http://127.0.0.1:${apiPort}/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: SECRET },
    body: JSON.stringify({ event, model: 'project', entry: { documentId: 'x' } }),
  });
  expect(response.status).toBe(202);
}

/** Polls the live site every 100 ms; counts anything but a 200. */
function pollSite(url: string) {
  let running = true;
  const errors: string[] = [];
  const done = (async () => {
    while (running) {
      figures.sitePolls++;
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) errors.push(`HTTP ${response.status}`);
      } catch (error) {
        errors.push((error as Error).message);
      }
      await sleep(100);
    }
  })();
  return {
    errors,
    async stop() {
      running = false;
      await done;
      figures.siteErrors += errors.length;
    },
  };
}

beforeAll(async () => {
  ensureCmsBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'portfolio-faults-'));
  env = await throwawayCmsEnv(path.join(dir, 'faults.db'));
  if (databaseClient === 'postgres') {
    const schema = await createTestSchema();
    Object.assign(env, schema.env);
    dropSchema = schema.drop;
  }
  runSeed(env);
  cms = await startCmsLogged(env, cmsLog(), 'faults');
}, 300_000);

afterAll(async () => {
  await cms?.stop();
  await dropSchema();
  const line = `[faults ${databaseClient}] ${figures.faultsInjected} injected, ${figures.eventsSent} events sent, ${figures.buildsRun} builds run (${figures.buildsFailed} failed as they should), ${figures.sitePolls} site polls, ${figures.siteErrors} errors seen`;
  console.log(line);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `faults-${databaseClient}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
});

describe('the CMS killed during a build', () => {
  let publisher: Publisher;
  let apiPort: number;
  let siteUrl: string;
  const events: Array<{ event: string; fields?: Record<string, unknown> }> = [];

  beforeAll(async () => {
    publisher = createPublisher({
      mode: 'build',
      secret: SECRET,
      port: 0,
      sitePort: 0,
      quietMs: 200,
      releasesDir: path.join(dir, 'releases'),
      cacheDir: path.join(dir, 'cache'),
      // Two attempts a second apart: a dead CMS fails the build quickly.
      buildEnv: {
        ...BUILD_ENV,
        STRAPI_URL: cms.url,
        STRAPI_TOKEN: env.SITE_BUILD_TOKEN!,
        STRAPI_ATTEMPTS: '2',
        STRAPI_BACKOFF_MS: '1000',
      },
      log: (event, fields) => {
        events.push({ event, fields });
        if (event === 'build_started') figures.buildsRun++;
        if (event === 'build_failed') figures.buildsFailed++;
      },
    });
    const ports = await publisher.start();
    apiPort = ports.apiPort;
    siteUrl = `http://127.0.0.1:${ports.sitePort}`;
    await waitUntil(() => publisher.status().live !== null && !publisher.status().building, 'the first release');
  }, 300_000);

  afterAll(async () => {
    await publisher?.stop();
  });

  it('fails the build, keeps the live release answering, loses no saved work, and publishes on the next event', async () => {
    const token = await adminToken();
    // An editor's unpublished work, saved just before the crash.
    const projects = (await (
      await fetch(`${cms.url}/content-manager/collection-types/api::project.project?locale=it&pageSize=1`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { results: Array<{ documentId: string }> };
    const documentId = projects.results[0]!.documentId;
    const draftText = `Bozza salvata prima del crash ${randomBytes(4).toString('hex')}`;
    const saved = await fetch(`${cms.url}/content-manager/collection-types/api::project.project/${documentId}?locale=it`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ summary: draftText }),
    });
    expect(saved.status).toBe(200);
    const before = await snapshot(token);

    const live = publisher.status().live!.id;
    const poller = pollSite(`${siteUrl}/progetti/`);
    const buildsBefore = events.filter((e) => e.event === 'build_started').length;
    await sendEvent(apiPort);
    await waitUntil(() => events.filter((e) => e.event === 'build_started').length > buildsBefore, 'the build to start');
    cms.process.kill('SIGKILL');
    figures.faultsInjected++;
    await waitUntil(() => events.filter((e) => e.event === 'build_failed').length > 0 && !publisher.status().building, 'the build to fail');

    const failure = events.find((e) => e.event === 'build_failed')!.fields!;
    expect(String(failure.error)).toMatch(/CMS|fetch|ECONNREFUSED|did not answer/i);
    expect(publisher.status().live!.id).toBe(live);
    // No folder but the releases, the link to the live one and the live index linked for the next build.
    await publisher.settled();
    expect(readdirSync(path.join(dir, 'releases')).filter((name) => name !== 'current' && name !== '.search').length).toBe(
      publisher.status().releases.length,
    );

    // The CMS comes back on the same database: everything saved is there, the draft included.
    cms = await startCmsLogged(env, cmsLog(), 'faults');
    const after = await snapshot(await adminToken());
    expect(after).toEqual(before);
    const draft = (await (
      await fetch(`${cms.url}/content-manager/collection-types/api::project.project/${documentId}?locale=it`, {
        headers: { Authorization: `Bearer ${await adminToken()}` },
      })
    ).json()) as { data: { summary: string } };
    expect(draft.data.summary).toBe(draftText);

    await sendEvent(apiPort);
    await waitUntil(() => publisher.status().live?.id !== live && !publisher.status().building, 'the next release');
    expect(publisher.status().lastBuild).toMatchObject({ ok: true });
    await poller.stop();
    expect(poller.errors).toEqual([]);
    expect((await fetch(`${siteUrl}/progetti/`)).status).toBe(200);
  });
});

describe('the publisher killed during a build', () => {
  const releasesDir = () => path.join(dir, 'releases');
  let child: ChildProcess | undefined;

  /** publisher/src/run.ts as its own process group, as a service manager runs it. */
  async function startPublisherProcess(ports: { api: number; site: number }): Promise<ChildProcess> {
    const process_ = spawn(process.execPath, [path.join(ROOT, 'publisher', 'src', 'run.ts')], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...BUILD_ENV,
        STRAPI_URL: cms.url,
        STRAPI_TOKEN: env.SITE_BUILD_TOKEN!,
        PUBLISH_WEBHOOK_SECRET: SECRET,
        PUBLISHER_PORT: String(ports.api),
        SITE_PORT: String(ports.site),
        PUBLISHER_RELEASES_DIR: releasesDir(),
        PUBLISHER_CACHE_DIR: path.join(dir, 'cache'),
      },
    });
    process_.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      appendFileSync(path.join(dir, 'publisher.log'), chunk);
      figures.buildsRun += chunk.split('"event":"build_started"').length - 1;
    });
    process_.stderr!.setEncoding('utf8').on('data', (chunk: string) => appendFileSync(path.join(dir, 'publisher.log'), chunk));
    return process_;
  }

  const status = async (apiPort: number) =>
    (await (await fetch(`http://127.0.0.1:${apiPort}/status`)).json()) as {
      live: { id: string } | null;
      building: boolean;
      releases: string[];
    };

  afterAll(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('never serves the half-written release after a restart, and goes live again', async () => {
    const ports = { api: await freePort(), site: await freePort() };
    const sealed = () => readdirSync(releasesDir()).filter((name) => existsSync(path.join(releasesDir(), name, '.release.json')));
    const good = readFileSync(path.join(releasesDir(), 'current', '.release.json'), 'utf8');
    const goodId = JSON.parse(good).id as string;

    // Its start-up build begins at once; kill the whole process group once Astro writes output.
    child = await startPublisherProcess(ports);
    const known = new Set(readdirSync(releasesDir()));
    const unsealed = () =>
      readdirSync(releasesDir()).filter((name) => !known.has(name) && !existsSync(path.join(releasesDir(), name, '.release.json')));
    // A new folder with more than a search index (the live one, linked beside the build's own folder meanwhile).
    await waitUntil(
      () => unsealed().some((name) => readdirSync(path.join(releasesDir(), name)).some((entry) => entry !== 'pagefind')),
      'the build to write into a new release folder',
    );
    process.kill(-child.pid!, 'SIGKILL');
    figures.faultsInjected++;
    await new Promise((resolve) => (child!.exitCode !== null || child!.signalCode !== null ? resolve(null) : child!.once('exit', resolve)));
    const halfWritten = unsealed();
    expect(halfWritten.length).toBeGreaterThan(0);
    // Marked, to tell them from the folders of the same names the restarted publisher's own build makes.
    for (const name of halfWritten) writeFileSync(path.join(releasesDir(), name, '.killed-build'), '');
    expect(readFileSync(path.join(releasesDir(), 'current', '.release.json'), 'utf8')).toBe(good);

    // Restarted: what the build left is removed before anything is served, the old release answers meanwhile.
    child = await startPublisherProcess(ports);
    await waitUntil(
      async () =>
        await fetch(`http://127.0.0.1:${ports.api}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      'the publisher to answer',
    );
    for (const name of halfWritten) expect(existsSync(path.join(releasesDir(), name, '.killed-build')), name).toBe(false);
    const poller = pollSite(`http://127.0.0.1:${ports.site}/progetti/`);
    expect((await status(ports.api)).live?.id).toBe(goodId);
    await waitUntil(async () => {
      const now = await status(ports.api);
      return now.live !== null && now.live.id !== goodId && !now.building;
    }, 'the restarted publisher to publish a new release');
    await poller.stop();
    expect(poller.errors).toEqual([]);
    expect(sealed()).toContain(goodId);

    await new Promise((resolve) => {
      child!.once('exit', resolve);
      child!.kill('SIGTERM');
    });
  });
});
