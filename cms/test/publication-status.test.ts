import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { api } from './http.ts';

/**
 * GET /portfolio/publication-status, the route behind the admin's publication widget and edit-view
 * panel: the CMS reads the publisher's status on the server (PUBLISHER_STATUS_URL, here a small
 * stand-in HTTP server on the port the suite's CMS was given), names the entry that broke the last
 * build, says whether an entry is live and gives the public site's address.
 */
const cms = inject('cms');
const editor = inject('editor');
const statusUrl = new URL(cms.env.PUBLISHER_STATUS_URL!);

const asEditor = (query = '') =>
  api(`/portfolio/publication-status${query}`, 'public', { headers: { Authorization: `Bearer ${editor.token}` } });

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  server = null;
});

/** A stand-in publisher answering GET /status with `body` (after `delayMs`). */
async function publisherAnswering(body: unknown, delayMs = 0): Promise<string[]> {
  const requests: string[] = [];
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    setTimeout(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)), delayMs);
  });
  await new Promise<void>((resolve) => server!.listen(Number(statusUrl.port), '127.0.0.1', resolve));
  return requests;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function publisherStatus(lastBuild: Record<string, unknown>, builtAt = new Date().toISOString()) {
  return {
    mode: 'build',
    live: { id: '20261201-101500-abc', builtAt, durationMs: 15_000, pages: 412 },
    releases: ['20261201-101500-abc'],
    building: false,
    pendingEvents: 0,
    builds: 3,
    lastBuild: {
      trigger: 'webhook',
      events: 1,
      startedAt: minutesAgo(1),
      finishedAt: new Date().toISOString(),
      durationMs: 15_000,
      ...lastBuild,
    },
  };
}

async function firstPublished(path: string, locale: string) {
  const { body } = await api(`/api/${path}?locale=${locale}&sort=id&pagination[pageSize]=1`);
  return body.data[0] as { documentId: string; slug: string; name?: string; title?: string; acronym?: string };
}

describe('the publication status route', () => {
  it('needs an admin session', async () => {
    expect((await api('/portfolio/publication-status', 'public')).status).toBe(401);
    expect((await api('/portfolio/publication-status', 'token')).status).toBe(401);
  });

  it('answers "not reachable" when the publisher does not answer, instead of an error', async () => {
    const response = await asEditor();
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ reachable: false, siteUrl: 'https://progetti.example.it' });
  });

  it('gives up on a publisher that hangs within a few seconds', async () => {
    await publisherAnswering(publisherStatus({ ok: true }), 20_000);
    const started = Date.now();
    const response = await asEditor();
    expect(response.body.data.reachable).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('passes on the live release and a successful build, and says a published entry is live', async () => {
    // Built (and started) after every seed entry was published, however fast the suite got here.
    const requests = await publisherAnswering(
      publisherStatus({ ok: true, release: '20261201-101500-abc' }, new Date(Date.now() + 60_000).toISOString()),
    );
    const project = await firstPublished('projects', 'it');
    const response = await asEditor(`?uid=api::project.project&documentId=${project.documentId}&locale=it`);
    expect(response.status).toBe(200);
    expect(requests).toEqual(['GET /status']);
    const data = response.body.data;
    expect(data).toMatchObject({
      reachable: true,
      mode: 'build',
      siteUrl: 'https://progetti.example.it',
      live: { id: '20261201-101500-abc', pages: 412 },
      building: false,
      pendingEvents: 0,
      lastBuild: { ok: true, release: '20261201-101500-abc' },
      entry: {
        uid: 'api::project.project',
        documentId: project.documentId,
        locale: 'it',
        live: true,
        slug: project.slug,
        projectSlug: null,
      },
    });
    expect(Date.parse(data.entry.publishedAt)).toBeLessThan(Date.now());
  });

  it('says a published entry is not live yet when the live release was built before it was published', async () => {
    await publisherAnswering({ ...publisherStatus({ ok: true }, '2020-01-01T00:00:00.000Z'), building: true });
    const project = await firstPublished('projects', 'en');
    const { body } = await asEditor(`?uid=api::project.project&documentId=${project.documentId}&locale=en`);
    expect(body.data.building).toBe(true);
    expect(body.data.entry).toMatchObject({ locale: 'en', live: false, slug: project.slug });
    expect(body.data.entry.publishedAt).not.toBeNull();
  });

  it('names the entry and the field that broke the last build, in Italian, with the way to its edit view', async () => {
    const partner = await firstPublished('partners', 'en');
    await publisherAnswering(
      publisherStatus({
        ok: false,
        error: `[ERROR] Content contract broken by api::partner.partner documentId=${partner.documentId} locale=en:\n  - country: Use an ISO 3166-1 alpha-2 code\n${'x'.repeat(5_000)}`,
        failure: {
          contentType: 'api::partner.partner',
          documentId: partner.documentId,
          locale: 'en',
          field: 'country',
          reason: 'Use an ISO 3166-1 alpha-2 code',
        },
      }),
    );
    const { body } = await asEditor();
    const lastBuild = body.data.lastBuild;
    expect(lastBuild.ok).toBe(false);
    expect(lastBuild.failure).toEqual({
      uid: 'api::partner.partner',
      documentId: partner.documentId,
      locale: 'en',
      language: 'inglese',
      name: expect.stringContaining(partner.name!),
      typeName: 'Partner',
      field: 'country',
      fieldLabel: 'Paese',
      reason: 'Use an ISO 3166-1 alpha-2 code',
      editPath: `/content-manager/collection-types/api::partner.partner/${partner.documentId}?plugins[i18n][locale]=en`,
    });
    // The human text stays, cut to its end.
    expect(lastBuild.error.length).toBeLessThanOrEqual(2_000);
  });

  it('still reports a failure whose entry no longer exists, without a name', async () => {
    await publisherAnswering(
      publisherStatus({
        ok: false,
        error: 'Content contract broken',
        failure: {
          contentType: 'api::action.action',
          documentId: 'gone-long-ago',
          locale: 'it',
          field: 'subActions.2.text',
          reason: 'Required',
        },
      }),
    );
    const { body } = await asEditor();
    expect(body.data.lastBuild.failure).toMatchObject({
      name: null,
      typeName: 'Azione',
      documentId: 'gone-long-ago',
      fieldLabel: expect.stringMatching(/\(riga 3\)$/),
    });
  });
});
