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

interface PublishOptions {
  cmsUrl: string;
  adminToken: string;
  siteUrl: string;
  /** documentIds and slugs of projects to edit, used in turn. */
  projects: Array<{ documentId: string; slug: string }>;
  samples: number;
  publisher: Publisher;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * Publish-to-live through the real path: an editor's "Publish" (content-manager API: the
 * project's Italian summary changed and published in one call, as the admin panel does), Strapi's
 * webhook, the publisher's debounce, an incremental build, the atomic switch — until the public page on
 * the publisher's site port shows the new text. One sample at a time, the publisher idle between.
 */
export async function measurePublishToLive(options: PublishOptions): Promise<PublishMeasurement> {
  const samples: number[] = [];
  const builds: NonNullable<PublishMeasurement['builds']> = [];
  for (let i = 0; i < options.samples; i++) {
    const project = options.projects[i % options.projects.length]!;
    const marker = `Bench${randomBytes(6).toString('hex')}`;
    const started = performance.now();
    const response = await fetch(
      `${options.cmsUrl}/content-manager/collection-types/api::project.project/${project.documentId}/actions/publish?locale=it`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ summary: `Sintesi aggiornata ${marker}.` }),
      },
    );
    if (!response.ok)
      throw new Error(`publishing project ${project.slug} answered HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
    const page = `${options.siteUrl}/progetti/${project.slug}/`;
    await waitUntil(
      async () => {
        const html = await fetch(page).then(
          (r) => (r.ok ? r.text() : ''),
          () => '',
        );
        return html.includes(marker);
      },
      `${page} to show the published summary`,
      options.timeoutMs,
      100,
    );
    const elapsed = performance.now() - started;
    samples.push(elapsed);
    options.log(`[bench] publish-to-live ${i + 1}/${options.samples}: ${(elapsed / 1000).toFixed(1)} s`);
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
