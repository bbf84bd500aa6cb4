import { randomBytes } from 'node:crypto';
import type { BuildReport, Publisher } from 'publisher/publisher';
import { percentile } from './measure.ts';

export interface PublishMeasurement {
  samples: number[];
  p50Ms: number;
  p95Ms: number;
  /** Per publish, from the publisher's report: paths Astro rendered and reused, search-index time. */
  builds?: Array<{ pagesRendered: number | null; pagesReused: number | null; searchIndexMs: number | null; buildMs: number | null }>;
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

/** Resolves once the publisher has a live release and nothing is pending. */
export async function publisherIdle(publisher: Publisher, timeoutMs: number): Promise<void> {
  await waitUntil(
    () => {
      const status = publisher.status();
      return status.live !== null && !status.building && status.pendingEvents === 0;
    },
    'the publisher to have a live release and be idle',
    timeoutMs,
  );
}

/** One kind of editor change: what to publish, and the public page that must show it. */
export interface PublishScenario {
  name: string;
  /** The content-manager publish action (update and publish in one call, as the admin panel's "Publish"). */
  publish: (marker: string) => { path: string; body: Record<string, unknown> };
  /** The public page (site path) that shows the marker once the change is live. */
  page: string;
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
export const collectionEdit = (uid: string, documentId: string, body: (marker: string) => Record<string, unknown>) => (marker: string) => ({
  path: `/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=it`,
  body: body(marker),
});

/** The same for the single site-settings entry. */
export const settingsEdit = (body: (marker: string) => Record<string, unknown>) => (marker: string) => ({
  path: '/content-manager/single-types/api::site-setting.site-setting/actions/publish?locale=it',
  body: body(marker),
});

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
    const { path, body } = change.publish(marker);
    const started = performance.now();
    const response = await fetch(`${options.cmsUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${change.name}: ${path} answered HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
    const page = `${options.siteUrl}${change.page}`;
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
    samples.push(elapsed);
    options.log(`[bench] ${change.name} ${i + 1}/${options.changes.length}: live in ${(elapsed / 1000).toFixed(1)} s`);
    await publisherIdle(options.publisher, options.timeoutMs);
    const last = options.publisher.status().lastBuild as BuildReport | null;
    builds.push({
      pagesRendered: last?.pagesRendered ?? null,
      pagesReused: last?.pagesReused ?? null,
      searchIndexMs: last?.searchIndexMs ?? null,
      buildMs: last?.durationMs ?? null,
    });
    options.log(
      `[bench]   rendered ${last?.pagesRendered ?? '?'} paths, reused ${last?.pagesReused ?? '?'}, search index ${((last?.searchIndexMs ?? 0) / 1000).toFixed(1)} s`,
    );
  }
  return { samples, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), builds };
}
