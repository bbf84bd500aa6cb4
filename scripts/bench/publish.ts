import { randomBytes } from 'node:crypto';
import type { BuildReport, Publisher } from 'publisher/publisher';
import { percentile } from './measure.ts';

export interface PublishMeasurement {
  samples: number[];
  p50Ms: number;
  p95Ms: number;
  /** Per publish, from the publisher's report: paths Astro rendered and reused, search-index time. */
  builds?: Array<{
    pagesRendered: number | null;
    pagesReused: number | null;
    searchIndexMs: number | null;
    /** The publisher's build: the site build, then the search index link, the release check and the switch. */
    buildMs: number | null;
    siteBuildMs: number | null;
    /** The parts of the site build that grow with the portfolio, in ms (BuildReport.timings). */
    timings?: Record<string, number>;
  }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling every `everyMs`; throws `what` after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/**
 * Resolves once the publisher has a live release, nothing is pending, what follows the last switch
 * is done (the release's own search index, pruning, the index linked for the next build) and the
 * next build stands ready (an edit made seconds after a publish shares the
 * machine with that work: README, Publishing).
 */
export async function publisherIdle(publisher: Publisher, timeoutMs: number): Promise<void> {
  await waitUntil(
    () => {
      const status = publisher.status();
      return status.live !== null && !status.building && status.pendingEvents === 0 && !status.settling && status.nextBuildReady !== false;
    },
    'the publisher to have a live release, be idle and have its next build ready',
    timeoutMs,
  );
}

/** A call of the admin's content-manager API; answers the response's JSON. */
export type AdminCall = (path: string, body: Record<string, unknown>) => Promise<{ data: { documentId: string } }>;

/** POSTs to the admin's API as the admin whose token this is; an error names `what` was being done. */
export const adminCall =
  (cmsUrl: string, adminToken: string, what: string): AdminCall =>
  async (path, body) => {
    const response = await fetch(`${cmsUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${what}: ${path} answered HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
    return (await response.json()) as Awaited<ReturnType<AdminCall>>;
  };

/** One kind of editor change: the publishes it takes, and the public page that must show it. */
export interface PublishScenario {
  name: string;
  /** The content-manager publish actions (each updates or creates and publishes in one call, as the admin panel's "Publish"). */
  publish: (marker: string, call: AdminCall) => Promise<unknown>;
  /** The public page (site path) that shows the marker once the change is live. */
  page: (marker: string) => string;
}

interface PublishOptions {
  cmsUrl: string;
  adminToken: string;
  siteUrl: string;
  /** The changes to make, in turn, one sample each. */
  changes: PublishScenario[];
  publisher: Publisher;
  timeoutMs: number;
  log: (line: string) => void;
}

/** An edit of a collection entry's Italian version, published (the admin's "Publish" on an edited entry). */
export const collectionEdit =
  (uid: string, documentId: string, body: (marker: string) => Record<string, unknown>) => (marker: string, call: AdminCall) =>
    call(`/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=it`, body(marker));

/** The same for the single site-settings entry. */
export const settingsEdit = (body: (marker: string) => Record<string, unknown>) => (marker: string, call: AdminCall) =>
  call('/content-manager/single-types/api::site-setting.site-setting/actions/publish?locale=it', body(marker));

/** A new entry's Italian version, created and published in one call (the admin's "Publish" on a new entry). */
export const collectionCreate = (uid: string, body: Record<string, unknown>, call: AdminCall) =>
  call(`/content-manager/collection-types/${uid}/actions/publish?locale=it`, body);

/**
 * Publish-to-live through the real path: an editor's "Publish" (content-manager API: the entry
 * changed and published in one call, as the admin panel does), Strapi's webhook, the publisher's
 * debounce, an incremental build, the atomic switch — until the public page on the publisher's
 * site port shows the change. One sample at a time, the publisher idle between.
 */
export async function measurePublishToLive(options: PublishOptions): Promise<PublishMeasurement> {
  const samples: number[] = [];
  const builds: NonNullable<PublishMeasurement['builds']> = [];
  for (const [i, change] of options.changes.entries()) {
    const marker = `Bench${randomBytes(6).toString('hex')}`;
    const call = adminCall(options.cmsUrl, options.adminToken, change.name);
    const buildsBefore = options.publisher.status().builds;
    const started = performance.now();
    await change.publish(marker, call);
    const page = `${options.siteUrl}${change.page(marker)}`;
    await waitUntil(
      async () => {
        const html = await fetch(page).then(
          (r) => (r.ok ? r.text() : ''),
          () => '',
        );
        return html.includes(marker);
      },
      `${page} to show the change`,
      options.timeoutMs,
      100,
    );
    const elapsed = performance.now() - started;
    // The build that made the change live: events that arrive during it (a change in several
    // publishes) make one more build after it, which is not the one to report.
    const live = options.publisher.status().lastBuild as BuildReport | null;
    samples.push(elapsed);
    options.log(`[bench] ${change.name} ${i + 1}/${options.changes.length}: live in ${(elapsed / 1000).toFixed(1)} s`);
    // How long after a publish the next build stands at its gate: an edit made sooner waits for the rest.
    await waitUntil(
      () => options.publisher.status().nextBuildReady !== false,
      'the next build to stand at its gate',
      options.timeoutMs,
      100,
    );
    const readyAfterMs = performance.now() - started - elapsed;
    await publisherIdle(options.publisher, options.timeoutMs);
    const buildsMade = options.publisher.status().builds - buildsBefore;
    builds.push({
      pagesRendered: live?.pagesRendered ?? null,
      pagesReused: live?.pagesReused ?? null,
      // Written into the report once the index is done; a later build's report takes it instead.
      searchIndexMs: live?.searchIndexMs ?? null,
      buildMs: live?.durationMs ?? null,
      siteBuildMs: live?.siteBuildMs ?? null,
      timings: live?.timings ?? {},
    });
    options.log(
      `[bench]   rendered ${live?.pagesRendered ?? '?'} paths, reused ${live?.pagesReused ?? '?'}, search index ${live?.searchIndexMs === undefined ? '?' : `${(live.searchIndexMs / 1000).toFixed(1)} s`}, next build at its gate ${(readyAfterMs / 1000).toFixed(1)} s after${buildsMade > 1 ? ` (${buildsMade} builds)` : ''}`,
    );
  }
  return { samples, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), builds };
}
