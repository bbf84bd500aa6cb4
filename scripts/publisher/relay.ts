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
}

export async function dispatchToGitHub({ apiUrl, repository, token, eventType = 'content-changed' }: RelayOptions, events: number): Promise<void> {
  const response = await fetch(`${apiUrl.replace(/\/$/, '')}/repos/${repository}/dispatches`, {
    method: 'POST',
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'Content-Type': 'application/json',
      'User-Agent': 'portfolio-publisher',
    },
    body: JSON.stringify({ event_type: eventType, client_payload: { events, sentAt: new Date().toISOString() } }),
  });
  if (response.status !== 204) {
    throw new Error(`GitHub dispatch to ${repository} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
}
