/**
 * Relay mode: instead of building here, ask GitHub Actions to rebuild (repository_dispatch).
 * Strapi cannot shape a webhook body for GitHub's API, so the publisher forwards it.
 */
export interface RelayOptions {
  /** https://api.github.com, or a stand-in server in tests. */
  apiUrl: string;
  /** owner/name */
  repository: string;
  token: string;
  eventType?: string;
  /** How long to wait for GitHub's answer before the dispatch counts as failed (default 30 s). */
  timeoutMs?: number;
}

export async function dispatchToGitHub(
  { apiUrl, repository, token, eventType = 'content-changed', timeoutMs = 30_000 }: RelayOptions,
  events: number,
): Promise<void> {
  const url = `${apiUrl.replace(/\/$/, '')}/repos/${repository}/dispatches`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'Content-Type': 'application/json',
      'User-Agent': 'portfolio-publisher',
    },
    body: JSON.stringify({ event_type: eventType, client_payload: { events, sentAt: new Date().toISOString() } }),
    // A hung request would hold the single build slot, and with it every later dispatch.
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: Error) => {
    // fetch only says "fetch failed"; the cause (DNS, refused, TLS) is what tells the operator what to fix.
    throw new Error(
      `GitHub dispatch to ${repository} could not reach ${url}: ${(error.cause as Error | undefined)?.message ?? error.message}`,
    );
  });
  if (response.status !== 204) {
    throw new Error(`GitHub dispatch to ${repository} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
}
