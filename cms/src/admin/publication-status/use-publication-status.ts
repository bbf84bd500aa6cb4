import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PublicationStatus } from '../../publication-status/routes';

export type { FailingEntry, PublicationStatus } from '../../publication-status/routes';

const ENDPOINT = '/portfolio/publication-status';
/** While the site is being rebuilt, the status is read again this often. */
export const POLL_MS = 3_000;
/** A publication not yet live with no build in sight is waited for this long (the webhook may be on its way). */
const WAIT_FOR_BUILD_MS = 2 * 60_000;

/** Whether the site is about to change: a build runs or is due, or the entry just published is not live yet. */
export function isUpdating(status: PublicationStatus): boolean {
  if (!status.reachable) return false;
  if (status.building || (status.pendingEvents ?? 0) > 0) return true;
  const entry = status.entry;
  if (!entry?.publishedAt || entry.live !== false) return false;
  const publishedAt = Date.parse(entry.publishedAt);
  const failedSince = status.lastBuild && !status.lastBuild.ok && Date.parse(status.lastBuild.startedAt) >= publishedAt;
  return !failedSince && Date.now() - publishedAt < WAIT_FOR_BUILD_MS;
}

/**
 * The publication status from the CMS (which reads the publisher server-side). Read again every
 * POLL_MS while the site is being updated, and whenever `refreshKey` changes (the entry was
 * published or saved); otherwise read once.
 */
export function usePublicationStatus(params: Record<string, string> | null, refreshKey?: unknown) {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<PublicationStatus | null>(null);
  const [failed, setFailed] = React.useState(false);
  const key = JSON.stringify(params);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `params` (a new object each render), and `refreshKey` is only a trigger.
  React.useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const { data } = await get<{ data: PublicationStatus }>(ENDPOINT, { params: params ?? {} });
        if (cancelled) return;
        setStatus(data.data);
        setFailed(false);
        if (isUpdating(data.data)) timer = setTimeout(load, POLL_MS);
      } catch {
        if (!cancelled) setFailed(true);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [get, key, refreshKey]);

  return { status, failed };
}
