import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from 'harness/paths';
import type { SiteBuildResult } from 'harness/site';
import { createPublisher, type Publisher, type PublisherOptions } from '../src/publisher.ts';
import { SECRET_HEADER } from '../src/webhook.ts';

const SECRET = 'test-secret-2f8c1e9a';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const execFileAsync = promisify(execFile);
/** Tests that start Node processes: each start can take a second on a loaded machine. */
const CHILD_PROCESS_TIMEOUT_MS = 20_000;

type Status = ReturnType<Publisher['status']>;

// Everything started by a test is stopped after it: gates first (a held build would block stop()).
const openGates: Array<() => void> = [];
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const open of openGates.splice(0)) open();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A promise a test opens by hand, to hold a build "running". */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  openGates.push(open);
  return { promise, open };
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms: ${condition}`);
    await sleep(5);
  }
}

/** Every file of a fake release carries its id between @@, so any response names its release. */
const tag = (id: string) => `@@${id}@@`;
const releaseIdsIn = (text: string) => [...new Set([...text.matchAll(/@@([^@]+)@@/g)].map((match) => match[1]!))];
/** The content-hashed stylesheet of a release, as Astro names it under /_astro/. */
const cssAsset = (id: string) => `/_astro/app.${createHash('sha256').update(id).digest('hex').slice(0, 8)}.css`;

/** Writes what `astro build` would: the pages the release check looks for, a sitemap, the search index, a hashed asset. */
function writeFakeSite(dir: string, id: string, padding = 0): void {
  const page = (title: string) =>
    `<!doctype html><html lang="it" data-release="${tag(id)}"><head><title>${title}</title>` +
    `<link rel="stylesheet" href="${cssAsset(id)}"></head><body><h1>${title} ${tag(id)}</h1>\n` +
    `<p>${tag(id)}</p>\n`.repeat(padding) +
    `<footer>${tag(id)}</footer></body></html>`;
  const pages = ['', 'en/', 'progetti/'];
  const files: Record<string, string> = {
    'index.html': page('Progetti'),
    'en/index.html': page('Projects'),
    'progetti/index.html': page('Tutti i progetti'),
    '404.html': page('Pagina non trovata'),
    'sitemap.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset>${pages.map((p) => `<url><loc>http://localhost:4321/${p}</loc></url>`).join('')}</urlset>`,
    'pagefind/pagefind.js': `// ${tag(id)}\nexport const search = async () => ({ results: [] });\n`,
    [cssAsset(id).slice(1)]: `/* ${tag(id)} */ body { margin: 0 }\n`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/**
 * A stand-in for `astro build`: writes a small site named after its release folder. `outcome`
 * decides what the next builds do; `gate`, when set, holds a build after it wrote its files.
 */
function fakeSite({ delayMs = 0, padding = 0 } = {}) {
  let running = 0;
  const site = {
    outcome: 'ok' as 'ok' | 'fail' | 'contract' | 'incomplete' | 'bad-sitemap' | 'throw',
    gate: null as Promise<void> | null,
    /** Release ids of the builds started, in order. */
    started: [] as string[],
    maxConcurrent: 0,
    async build(outDir: string, id: string): Promise<SiteBuildResult> {
      const started = Date.now();
      site.started.push(id);
      site.maxConcurrent = Math.max(site.maxConcurrent, ++running);
      try {
        if (delayMs > 0) await sleep(delayMs);
        if (site.outcome === 'throw') throw new Error('spawn /usr/bin/node ENOENT');
        // Astro can fail late (the search index step) after writing every page.
        writeFakeSite(outDir, id, padding);
        if (site.outcome === 'incomplete') rmSync(path.join(outDir, '404.html'));
        if (site.outcome === 'bad-sitemap')
          writeFileSync(path.join(outDir, 'sitemap.xml'), '<urlset><url><loc>/progetti/</loc></url></urlset>');
        if (site.gate) await site.gate;
        if (site.outcome === 'fail') {
          const output =
            '[build] collecting content\n[ERROR] [strapi] GET http://localhost:1337/api/projects failed: 500 Internal Server Error\n  Hint: is the CMS running?\n';
          return { ok: false, output, durationMs: Date.now() - started };
        }
        if (site.outcome === 'contract') {
          // What the site's loader prints for an entry that breaks the content contract, then Astro's report.
          const output =
            '[build] collecting content\n' +
            'PORTFOLIO_BUILD_FAILURE {"contentType":"api::partner.partner","documentId":"abc123","locale":"en","field":"country","reason":"Use an ISO 3166-1 alpha-2 code"}\n' +
            '[ERROR] Content contract broken by api::partner.partner documentId=abc123 locale=en:\n  - country: Use an ISO 3166-1 alpha-2 code\n';
          return { ok: false, output, durationMs: Date.now() - started };
        }
        return { ok: true, output: '[build] 3 page(s) built', durationMs: Date.now() - started };
      } finally {
        running--;
      }
    },
  };
  return site;
}

/**
 * Starts a publisher on free ports and helpers to talk to it. The quiet window (100 ms unless told)
 * is wide enough that requests sent back to back count as one burst even on a loaded machine.
 */
async function startPublisher(options: Partial<PublisherOptions> = {}) {
  const releasesDir = options.releasesDir ?? tempDir('releases-');
  const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
  const publisher = createPublisher({
    mode: 'build',
    secret: SECRET,
    port: 0,
    sitePort: 0,
    quietMs: 100,
    maxWaitMs: 2000,
    log: (event, fields = {}) => logs.push({ event, fields }),
    ...options,
    releasesDir,
  });
  const { apiPort, sitePort } = await publisher.start();
  cleanups.push(() => publisher.stop());
  const api = `http://127.0.0.1:${apiPort}`;
  const site = `http://127.0.0.1:${sitePort}`;
  return {
    publisher,
    releasesDir,
    logs,
    api,
    site,
    settled: () => publisher.settled(),
    webhook: (
      body: string = '{"event":"entry.publish","model":"project"}',
      headers: Record<string, string> = { [SECRET_HEADER]: SECRET },
    ) => fetch(`${api}/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body }),
    status: async () => (await (await fetch(`${api}/status`)).json()) as Status,
    page: async (pathname: string) => {
      const response = await fetch(site + pathname);
      return { status: response.status, text: await response.text() };
    },
  };
}

describe('createPublisher: the webhook', () => {
  it('refuses a missing or wrong secret, an oversized body and malformed JSON, and never builds for them', async () => {
    const site = fakeSite();
    const p = await startPublisher({ build: site.build, bodyLimit: 1024 });
    await p.settled();
    expect(site.started).toHaveLength(1);

    const oversized = JSON.stringify({ event: 'entry.publish', entry: { text: 'x'.repeat(2000) } });
    const refusals: Array<[Response, number]> = [
      [await p.webhook('{}', {}), 401],
      [await p.webhook('{}', { [SECRET_HEADER]: 'wrong' }), 401],
      [await p.webhook('{}', { [SECRET_HEADER]: SECRET.slice(0, -1) }), 401],
      [await p.webhook('{}', { [SECRET_HEADER]: `${SECRET}x` }), 401],
      [await p.webhook('{}', { Authorization: `Bearer ${SECRET}` }), 401],
      // Declared too large (Content-Length), then too large while streaming (chunked, no length).
      [await p.webhook(oversized), 413],
      [
        await fetch(`${p.api}/webhook`, {
          method: 'POST',
          headers: { [SECRET_HEADER]: SECRET },
          body: new ReadableStream({
            start(controller) {
              for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(`[${'1,'.repeat(200)}1]`));
              controller.close();
            },
          }),
          duplex: 'half',
        }),
        413,
      ],
      [await p.webhook('{"event": "entry.publish",'), 400],
      [await p.webhook('<xml/>'), 400],
      [await p.webhook("{'single': 1}"), 400],
    ];
    expect(refusals.map(([response]) => response.status)).toEqual(refusals.map(([, status]) => status));
    for (const [response] of refusals) expect(await response.json()).toEqual({ error: expect.any(String) });
    expect(p.logs.filter((entry) => entry.event === 'webhook_refused')).toHaveLength(refusals.length);

    await sleep(150);
    expect(site.started).toHaveLength(1);
    expect(await p.status()).toMatchObject({ builds: 1, pendingEvents: 0, building: false });
  });

  it('accepts any JSON shape, since what changed is read back from the CMS', async () => {
    const site = fakeSite();
    const p = await startPublisher({ build: site.build });
    await p.settled();

    const bodies = ['[]', '[1,{"a":null}]', '"just a string"', '42', 'null', '{"event":{"nested":[{"deep":[true,{}]}]},"model":7}', ''];
    for (const body of bodies) {
      const response = await p.webhook(body);
      expect(response.status, body).toBe(202);
      expect(await response.json()).toMatchObject({ accepted: true });
    }
    await p.settled();
    expect(site.started).toHaveLength(2);
    expect((await p.status()).lastBuild).toMatchObject({ ok: true, trigger: 'webhook', events: bodies.length });
  });
});

describe('createPublisher: scheduling', () => {
  it('turns a burst of 50 webhooks within a second into one build', async () => {
    const site = fakeSite({ delayMs: 30 });
    const p = await startPublisher({ build: site.build, quietMs: 200, maxWaitMs: 2000 });
    await p.settled();
    expect((await p.status()).lastBuild).toMatchObject({ ok: true, trigger: 'startup', events: 1 });

    for (let i = 0; i < 50; i++) {
      expect((await p.webhook()).status).toBe(202);
      await sleep(18);
    }
    expect(await p.status()).toMatchObject({ building: false, pendingEvents: 50, builds: 1 });

    await p.settled();
    const status = await p.status();
    expect(site.started).toHaveLength(2);
    expect(status).toMatchObject({
      building: false,
      pendingEvents: 0,
      builds: 2,
      lastBuild: { ok: true, trigger: 'webhook', events: 50, release: site.started[1] },
      live: { id: site.started[1], pages: 3 },
    });
    expect(status.lastBuild!.durationMs).toBeGreaterThanOrEqual(30);
  });

  it('coalesces a flood of 500 events in 10 s, with abuse mixed in, into at most 2 builds while the site keeps answering', async () => {
    const site = fakeSite({ delayMs: 500 });
    // The production debounce: 1.5 s quiet window, 10 s maximum wait.
    const p = await startPublisher({ build: site.build, quietMs: 1500, maxWaitMs: 10_000 });
    await p.settled();
    const buildsBefore = site.started.length;

    let polling = true;
    const pollerStatuses: number[] = [];
    const poller = (async () => {
      while (polling) {
        pollerStatuses.push((await p.page('/progetti/')).status);
        await sleep(25);
      }
    })();

    const answers: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 500; i++) {
      const abuse = i % 10;
      const response =
        abuse === 1
          ? await p.webhook(undefined, {})
          : abuse === 2
            ? await p.webhook(undefined, { [SECRET_HEADER]: 'wrong' })
            : abuse === 3
              ? await p.webhook('{not json')
              : abuse === 4
                ? await p.webhook(JSON.stringify({ junk: 'x'.repeat(300 * 1024) }))
                : await p.webhook();
      answers.push(response.status);
      await sleep(Math.max(0, started + ((i + 1) * 10_000) / 500 - Date.now()));
    }
    await p.settled();
    polling = false;
    await poller;

    const count = (status: number) => answers.filter((a) => a === status).length;
    expect({ accepted: count(202), unauthorised: count(401), malformed: count(400), tooLarge: count(413) }).toEqual({
      accepted: 300,
      unauthorised: 100,
      malformed: 50,
      tooLarge: 50,
    });
    const floodBuilds = site.started.length - buildsBefore;
    expect(floodBuilds).toBeGreaterThanOrEqual(1);
    expect(floodBuilds).toBeLessThanOrEqual(2);
    expect(site.maxConcurrent).toBe(1);
    expect(pollerStatuses.length).toBeGreaterThan(100);
    expect(pollerStatuses.every((status) => status === 200)).toBe(true);
    console.log(
      `[battery] webhook flood: 500 requests in ${((Date.now() - started) / 1000).toFixed(1)} s, 300 accepted, 200 refused, ${floodBuilds} build(s), ${pollerStatuses.length} site polls, 0 errors`,
    );
  }, 30_000);

  it('runs exactly one more build for the events that arrive during a build, never two at once', async () => {
    const site = fakeSite();
    const p = await startPublisher({ build: site.build });
    await p.settled();

    const hold = gate();
    site.gate = hold.promise;
    await p.webhook();
    await waitFor(() => site.started.length === 2);
    for (let i = 0; i < 10; i++) expect((await p.webhook()).status).toBe(202);
    await sleep(60);
    expect(await p.status()).toMatchObject({ building: true, pendingEvents: 10, builds: 2 });

    site.gate = null;
    hold.open();
    await p.settled();
    expect(site.started).toHaveLength(3);
    expect(site.maxConcurrent).toBe(1);
    expect(await p.status()).toMatchObject({
      building: false,
      pendingEvents: 0,
      builds: 3,
      lastBuild: { ok: true, events: 10 },
      live: { id: site.started[2] },
    });
  });
});

describe('createPublisher: start', () => {
  it('builds once on start, unless told the live release is current', async () => {
    const site = fakeSite();
    const p = await startPublisher({ build: site.build });
    await p.settled();
    expect(site.started).toHaveLength(1);

    const idle = fakeSite();
    const q = await startPublisher({ build: idle.build, buildOnStart: false });
    await sleep(300);
    expect(idle.started).toHaveLength(0);
    expect(q.publisher.status().building).toBe(false);
    await q.webhook();
    await waitFor(() => idle.started.length === 1);
  });
});

/** The search index files of a release, by name, with their inode (a hard link shares it). */
const indexOf = (dir: string) =>
  new Map(
    (readdirSync(path.join(dir, 'pagefind'), { recursive: true, encoding: 'utf8' }) as string[])
      .filter((file) => file.includes('.'))
      .map((file) => [file, statSync(path.join(dir, 'pagefind', file)).ino]),
  );

describe('createPublisher: the search index', () => {
  it('indexes the first release before it goes live; after a restart, goes live with the live index, then indexes', async () => {
    const site = fakeSite();
    const first = await startPublisher({ build: site.build, searchIndex: true });
    await first.settled();
    const firstLive = first.publisher.releases!.livePath()!;
    expect(first.publisher.status().lastBuild).toMatchObject({ ok: true, searchIndex: 'full', searchPagesAdded: 4 });
    expect(first.logs.find((l) => l.event === 'release_live')!.fields.search).toBeUndefined();
    const firstIndex = indexOf(firstLive);
    expect(firstIndex.has('pagefind-entry.json')).toBe(true);
    await first.publisher.stop();

    // A publisher started again on the same releases: its startup build goes live at once.
    let atSwitch: Map<string, number> | null = null;
    const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
    const again = await startPublisher({
      build: site.build,
      searchIndex: true,
      releasesDir: first.releasesDir,
      log: (event, fields = {}) => {
        if (event === 'release_live') atSwitch = indexOf(path.join(first.releasesDir, String(fields.release)));
        logs.push({ event, fields });
      },
    });
    await again.settled();
    const events = logs.map((l) => l.event);
    expect(events.indexOf('release_live')).toBeLessThan(events.indexOf('search_index_updated'));
    expect(logs.find((l) => l.event === 'release_live')!.fields.search).toBe('previous release');
    // At the switch, the new release had the live release's index: the same files, linked.
    expect(atSwitch).toEqual(firstIndex);
    // Then its own, from scratch (this publisher had no index yet), written in place.
    expect(logs.find((l) => l.event === 'search_index_updated')!.fields).toMatchObject({ searchIndex: 'full', searchPagesAdded: 4 });
    const ownIndex = indexOf(again.publisher.releases!.livePath()!);
    expect(ownIndex.get('pagefind-entry.json')).not.toBe(firstIndex.get('pagefind-entry.json'));
  });
});

describe('createPublisher: the search index after a switch', () => {
  it('builds the next release while the live one gets its search index, and switches only once that index is whole', async () => {
    // Large pages: Pagefind then takes far longer to index a release than the quiet window lasts.
    const site = fakeSite({ padding: 20_000 });
    const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
    const indexes = new Map<string, Map<string, number>>();
    const p = await startPublisher({
      build: site.build,
      searchIndex: true,
      log: (event, fields = {}) => {
        logs.push({ event, fields });
        const release = String(fields.release);
        if (event === 'search_index_updated') indexes.set(`${release} indexed`, indexOf(path.join(p.releasesDir, release)));
        if (event === 'release_live') {
          indexes.set(`${release} at its switch`, indexOf(path.join(p.releasesDir, release)));
          // A publish right after the second release goes live, while its index is being written.
          if (logs.filter((l) => l.event === 'release_live').length === 2) void p.webhook();
        }
      },
    });
    await p.settled();
    await p.webhook();
    await p.settled();

    const [, second, third] = site.started;
    const at = (event: string, release: string) =>
      logs.findIndex((l) => l.event === event && (event === 'build_started' ? true : l.fields.release === release));
    const thirdStarted = logs.findIndex((l, i) => l.event === 'build_started' && i > at('release_live', second!));
    expect(third, 'a third build ran').toBeDefined();
    expect(thirdStarted, 'the third build started before the second release was indexed').toBeLessThan(at('search_index_updated', second!));
    expect(at('search_index_updated', second!), 'and went live after').toBeLessThan(at('release_live', third!));
    // At its switch, the third release has the second's index as written after its switch: the same files, linked.
    expect(indexes.get(`${third} at its switch`)).toEqual(indexes.get(`${second} indexed`));
    expect(p.publisher.status()).toMatchObject({ building: false, searchIndexing: false });
  }, 30_000);

  it('links the live index for the next build before that build starts, and links again after a rollback', async () => {
    const site = fakeSite();
    const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
    // The index each release had at its switch: it is written in place once the release is live.
    const atSwitch = new Map<string, Map<string, number>>();
    const p = await startPublisher({
      build: site.build,
      searchIndex: true,
      log: (event, fields = {}) => {
        logs.push({ event, fields });
        if (event === 'release_live') atSwitch.set(String(fields.release), indexOf(path.join(p.releasesDir, String(fields.release))));
      },
    });
    await p.settled();
    await p.webhook();
    await p.settled();
    const [first, second] = site.started as [string, string];
    const releases = p.publisher.releases!;
    expect(p.publisher.status()).toMatchObject({ searchIndexing: false, settling: false });
    // Linked while the publisher waits: the second release's own index, the same files.
    const secondIndex = indexOf(releases.pathOf(second));
    expect(indexOf(releases.searchAheadPath())).toEqual(secondIndex);

    await p.webhook();
    await p.settled();
    const third = site.started[2]!;
    expect(atSwitch.get(third)).toEqual(secondIndex);
    // The third took those links; the folder beside staging now holds the third's own index, for the fourth.
    expect(indexOf(releases.searchAheadPath())).toEqual(indexOf(releases.pathOf(third)));
    expect(indexOf(releases.searchAheadPath())).not.toEqual(secondIndex);

    // After a rollback the links made ahead are of a release no longer live: the next build links the live one's.
    releases.switchTo(first);
    const firstIndex = indexOf(releases.pathOf(first));
    await p.webhook();
    await p.settled();
    expect(atSwitch.get(site.started[3]!)).toEqual(firstIndex);
  }, 30_000);
});

describe('createPublisher: failed builds', () => {
  it('keeps the live release when a build fails, says why, and publishes the next good build', async () => {
    const site = fakeSite();
    // With the search index: a build links the live release's index beside its own folder meanwhile.
    const p = await startPublisher({ build: site.build, searchIndex: true });
    // Nothing but the releases, the link to the live one and the live index linked for the next
    // build: no staging folder.
    const folders = () => readdirSync(p.releasesDir).sort();
    await p.settled();
    const live = site.started[0]!;
    const served = await p.page('/progetti/');
    expect(served.status).toBe(200);
    expect(releaseIdsIn(served.text)).toEqual([live]);

    const failures = [
      ['fail', /\[ERROR\] \[strapi\] GET http:\/\/localhost:1337\/api\/projects failed: 500/],
      ['incomplete', /^release check failed:\nmissing 404\.html$/],
      ['bad-sitemap', /^the build threw: Invalid URL/],
      ['throw', /^the build threw: spawn \/usr\/bin\/node ENOENT$/],
    ] as const;
    for (const [outcome, error] of failures) {
      site.outcome = outcome;
      expect((await p.webhook()).status).toBe(202);
      await p.settled();
      const status = await p.status();
      expect(status.lastBuild, outcome).toMatchObject({ ok: false, trigger: 'webhook', error: expect.stringMatching(error) });
      expect(status.lastBuild!.release).toBeUndefined();
      expect(status.lastBuild!.failure).toBeUndefined();
      expect(status.live?.id).toBe(live);
      expect(status.releases).toEqual([live]);
      // The failed build's folder is gone; the live release and its content are untouched.
      expect(folders()).toEqual(['.search', live, 'current'].sort());
      expect(await p.page('/progetti/')).toEqual(served);
    }

    // An entry that breaks the contract: the report names it in fields of their own, and keeps the human text.
    site.outcome = 'contract';
    await p.webhook();
    await p.settled();
    const contract = (await p.status()).lastBuild!;
    expect(contract).toMatchObject({
      ok: false,
      failure: {
        contentType: 'api::partner.partner',
        documentId: 'abc123',
        locale: 'en',
        field: 'country',
        reason: 'Use an ISO 3166-1 alpha-2 code',
      },
    });
    expect(contract.error).toMatch(
      /^\[ERROR\] Content contract broken by api::partner\.partner documentId=abc123 locale=en:\n {2}- country: /,
    );
    expect(contract.error).not.toContain('PORTFOLIO_BUILD_FAILURE');

    site.outcome = 'ok';
    await p.webhook();
    await p.settled();
    const next = site.started.at(-1)!;
    expect(next).not.toBe(live);
    expect(await p.status()).toMatchObject({ lastBuild: { ok: true, release: next }, live: { id: next }, releases: [next, live] });
    expect(releaseIdsIn((await p.page('/progetti/')).text)).toEqual([next]);
    expect(folders()).toEqual(['.search', next, live, 'current'].sort());
  });
});

describe('createPublisher: switching releases', () => {
  it('serves every request whole from one release while releases switch under load', async () => {
    // Pages of ~150 kB are read in several chunks: a switch inside a read would mix two releases.
    const site = fakeSite({ delayMs: 15, padding: 4000 });
    const p = await startPublisher({ build: site.build, quietMs: 5, maxWaitMs: 50, keepReleases: 3 });
    await p.settled();

    const seen: Array<{ pathname: string; status: number; ids: string[]; whole: boolean }> = [];
    let polling = true;
    const poll = async (pathname: string) => {
      while (polling) {
        const response = await fetch(p.site + pathname);
        const text = await response.text();
        seen.push({ pathname, status: response.status, ids: releaseIdsIn(text), whole: text.endsWith('</html>') });
        await sleep(10);
      }
    };
    const pollers = [poll('/'), poll('/progetti/')];

    try {
      for (let i = 0; i < 10; i++) {
        const before = await p.page('/');
        const asset = /href="(\/_astro\/[^"]+\.css)"/.exec(before.text)![1]!;
        await p.webhook();
        await p.settled();
        expect(releaseIdsIn((await p.page('/')).text)).toEqual([site.started.at(-1)]);
        // A page loaded just before the switch still gets its stylesheet, from the previous release.
        const css = await fetch(p.site + asset);
        expect(css.status, `${asset} after switching to ${site.started.at(-1)}`).toBe(200);
        expect(css.headers.get('cache-control')).toContain('immutable');
        expect(releaseIdsIn(await css.text())).toEqual(releaseIdsIn(before.text));
      }
    } finally {
      polling = false;
      await Promise.all(pollers);
    }

    expect(site.started).toHaveLength(11);
    expect(seen.filter((s) => s.status !== 200 || s.ids.length !== 1 || !s.whole)).toEqual([]);
    const servedIds = new Set(seen.map((s) => s.ids[0]!));
    // The pollers really ran across switches, and only ever saw releases that were built.
    expect(servedIds.size).toBeGreaterThanOrEqual(4);
    for (const id of servedIds) expect(site.started).toContain(id);
    expect((await p.status()).releases).toHaveLength(3);
  });
});

describe('createPublisher: interrupted builds', () => {
  const seal = (dir: string, id: string) =>
    writeFileSync(
      path.join(dir, id, '.release.json'),
      JSON.stringify({ id, builtAt: '2025-01-01T00:00:00.000Z', durationMs: 1, pages: 3 }),
    );

  it('removes a release folder a killed publisher left incomplete, and never serves it', async () => {
    const releasesDir = tempDir('releases-');
    const good = '20250101-000000000-aaaaaa';
    writeFakeSite(path.join(releasesDir, good), good);
    seal(releasesDir, good);
    symlinkSync(good, path.join(releasesDir, 'current'));
    // Every file written, but killed before the release was sealed.
    const interrupted = '20250101-000100000-bbbbbb';
    writeFakeSite(path.join(releasesDir, interrupted), interrupted);

    const site = fakeSite();
    const hold = gate();
    site.gate = hold.promise;
    const p = await startPublisher({ releasesDir, build: site.build });
    expect(existsSync(path.join(releasesDir, interrupted))).toBe(false);

    // While the startup build runs (its files written, not yet checked), only the sealed release is served.
    await waitFor(() => site.started.length === 1);
    expect(releaseIdsIn((await p.page('/')).text)).toEqual([good]);
    expect((await fetch(p.site + cssAsset(interrupted))).status).toBe(404);
    expect((await fetch(p.site + cssAsset(site.started[0]!))).status).toBe(404);
    expect(await p.status()).toMatchObject({ building: true, live: { id: good }, releases: [good] });

    hold.open();
    await p.settled();
    expect(releaseIdsIn((await p.page('/')).text)).toEqual([site.started[0]]);
  });

  it('answers 503, not the incomplete folder, when no release was ever live', async () => {
    const releasesDir = tempDir('releases-');
    writeFakeSite(path.join(releasesDir, '20250101-000100000-bbbbbb'), '20250101-000100000-bbbbbb');

    const site = fakeSite();
    const hold = gate();
    site.gate = hold.promise;
    const p = await startPublisher({ releasesDir, build: site.build });
    // The interrupted folder is gone; the build in progress writes into the staging folder.
    expect(readdirSync(releasesDir)).toEqual(['.build']);
    const waiting = await fetch(`${p.site}/`);
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get('retry-after')).toBe('5');

    hold.open();
    await p.settled();
    expect(await p.page('/')).toMatchObject({ status: 200, text: expect.stringContaining(tag(site.started[0]!)) });
  });
});

describe('rollback', () => {
  const rollback = (releasesDir: string, ...args: string[]) =>
    execFileAsync(process.execPath, ['publisher/src/rollback.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PUBLISHER_RELEASES_DIR: releasesDir },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it(
    'puts the previous release live (or the one named) while the publisher runs',
    async () => {
      const site = fakeSite();
      const p = await startPublisher({ build: site.build });
      await p.settled();
      for (let i = 0; i < 2; i++) {
        await p.webhook();
        await p.settled();
      }
      const [first, second, third] = site.started as [string, string, string];
      expect((await p.status()).releases).toEqual([third, second, first]);
      expect(releaseIdsIn((await p.page('/progetti/')).text)).toEqual([third]);

      const back = await rollback(p.releasesDir);
      expect(back).toMatchObject({ code: 0, stdout: expect.stringContaining(`Live release: ${second} (was ${third})`) });
      expect((await p.status()).live?.id).toBe(second);
      expect(releaseIdsIn((await p.page('/progetti/')).text)).toEqual([second]);

      expect(await rollback(p.releasesDir, first)).toMatchObject({ code: 0 });
      expect(releaseIdsIn((await p.page('/')).text)).toEqual([first]);

      // Nothing older than the oldest, and no unknown release: the live one stays.
      expect(await rollback(p.releasesDir)).toMatchObject({ code: 1, stderr: expect.stringContaining('No release to roll back to') });
      expect(await rollback(p.releasesDir, 'no-such-release')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('no-such-release'),
      });
      expect(releaseIdsIn((await p.page('/')).text)).toEqual([first]);

      // The next build goes live as usual.
      await p.webhook();
      await p.settled();
      expect(releaseIdsIn((await p.page('/')).text)).toEqual([site.started[3]]);
    },
    CHILD_PROCESS_TIMEOUT_MS,
  );
});

describe('createPublisher: relay mode', () => {
  /** Stands in for GitHub's REST API (GitHub itself cannot be reached from the tests): records requests. */
  async function standInGitHub() {
    const requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: unknown }> = [];
    const github = { url: '', requests, answer: { status: 204, body: '' } };
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        requests.push({ method: request.method!, url: request.url!, headers: request.headers, body: JSON.parse(text) });
        // Status 0 stands for a server that never answers.
        if (github.answer.status === 0) return;
        response.writeHead(github.answer.status, { 'Content-Type': 'application/json' }).end(github.answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    github.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return github;
  }

  const relay = (apiUrl: string, timeoutMs?: number) => ({
    mode: 'relay' as const,
    relay: { apiUrl, repository: 'comune-esempio/portfolio', token: 'ghp_test_token', timeoutMs },
    quietMs: 150,
    maxWaitMs: 2000,
  });

  it('forwards a burst of webhooks to GitHub as one repository_dispatch', async () => {
    const github = await standInGitHub();
    const p = await startPublisher(relay(github.url));
    await sleep(60);
    expect(github.requests).toHaveLength(0);

    const responses = await Promise.all(Array.from({ length: 12 }, () => p.webhook()));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(202));
    await p.settled();

    expect(github.requests).toHaveLength(1);
    const [dispatch] = github.requests;
    expect(dispatch).toMatchObject({
      method: 'POST',
      url: '/repos/comune-esempio/portfolio/dispatches',
      headers: { authorization: 'Bearer ghp_test_token', accept: 'application/vnd.github+json' },
      body: { event_type: 'content-changed', client_payload: { events: 12 } },
    });
    expect(await p.status()).toMatchObject({ mode: 'relay', live: null, releases: [], builds: 1, lastBuild: { ok: true, events: 12 } });
  });

  it('reports a refused or failed dispatch as a failed build and stays up', async () => {
    const github = await standInGitHub();
    const p = await startPublisher(relay(github.url));

    for (const [status, message] of [
      [500, 'Server Error'],
      [401, 'Bad credentials'],
    ] as const) {
      github.answer = { status, body: JSON.stringify({ message }) };
      expect((await p.webhook()).status).toBe(202);
      await p.settled();
      const { lastBuild } = await p.status();
      expect(lastBuild).toMatchObject({ ok: false, error: expect.stringContaining(`answered ${status}`) });
      expect(lastBuild!.error).toContain(message);
    }
    expect((await fetch(`${p.api}/healthz`)).status).toBe(200);

    github.answer = { status: 204, body: '' };
    await p.webhook();
    await p.settled();
    expect(github.requests).toHaveLength(3);
    expect((await p.status()).lastBuild).toMatchObject({ ok: true });
  });

  it('reports an unreachable GitHub API as a failed build and stays up', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const p = await startPublisher(relay(`http://127.0.0.1:${port}`));
    await p.webhook();
    await p.settled();
    expect((await p.status()).lastBuild).toMatchObject({
      ok: false,
      error: expect.stringMatching(/comune-esempio\/portfolio could not reach .*ECONNREFUSED/),
    });
    expect((await fetch(`${p.api}/healthz`)).status).toBe(200);
  });

  it('gives up on a GitHub API that never answers, so later dispatches are not blocked', async () => {
    const github = await standInGitHub();
    const p = await startPublisher(relay(github.url, 150));
    github.answer = { status: 0, body: '' };
    await p.webhook();
    await p.settled();
    expect((await p.status()).lastBuild).toMatchObject({ ok: false, error: expect.stringContaining('could not reach') });

    github.answer = { status: 204, body: '' };
    await p.webhook();
    await p.settled();
    expect(github.requests).toHaveLength(2);
    expect((await p.status()).lastBuild).toMatchObject({ ok: true });
  });
  describe('publisher/src/run.ts', () => {
    const env = (overrides: Record<string, string>) => ({
      ...process.env,
      PUBLISHER_MODE: 'relay',
      PUBLISH_WEBHOOK_SECRET: SECRET,
      PUBLISHER_PORT: '0',
      GITHUB_REPOSITORY: 'comune-esempio/portfolio',
      GITHUB_TOKEN: 'ghp_env_token',
      ...overrides,
    });

    it(
      'runs the relay from the environment and stops cleanly on SIGTERM',
      async () => {
        const github = await standInGitHub();
        const child = spawn(process.execPath, ['publisher/src/run.ts'], {
          cwd: ROOT,
          env: env({ GITHUB_API_URL: github.url }),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        cleanups.push(() => child.kill());
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        const startedLine = () => stdout.split('\n').find((line) => line.includes('"publisher_started"'));
        await waitFor(() => startedLine() !== undefined, 5000);
        const { apiPort, mode } = JSON.parse(startedLine()!) as { apiPort: number; mode: string };
        expect(mode).toBe('relay');

        const rebuild = await fetch(`http://127.0.0.1:${apiPort}/rebuild`, { method: 'POST', headers: { [SECRET_HEADER]: SECRET } });
        expect(rebuild.status).toBe(202);
        await waitFor(() => github.requests.length === 1);
        expect(github.requests[0]).toMatchObject({
          url: '/repos/comune-esempio/portfolio/dispatches',
          headers: { authorization: 'Bearer ghp_env_token' },
        });

        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      },
      CHILD_PROCESS_TIMEOUT_MS,
    );

    it(
      'refuses to start without a setting it needs, naming it',
      async () => {
        const cases = [
          ['GITHUB_TOKEN', { GITHUB_TOKEN: '' }],
          ['PUBLISH_WEBHOOK_SECRET', { PUBLISH_WEBHOOK_SECRET: '' }],
          ['PUBLISHER_MODE', { PUBLISHER_MODE: 'deploy' }],
        ] as const;
        const failures = await Promise.all(
          cases.map(([, overrides]) =>
            execFileAsync(process.execPath, ['publisher/src/run.ts'], { cwd: ROOT, env: env(overrides), timeout: 5000 }).then(
              () => ({ code: 0, stderr: '' }),
              (error: { code: number; stderr: string }) => error,
            ),
          ),
        );
        for (const [i, [name]] of cases.entries()) {
          expect(failures[i]!.code, name).toBe(1);
          expect(failures[i]!.stderr).toContain(name);
        }
      },
      CHILD_PROCESS_TIMEOUT_MS,
    );
  });
});
