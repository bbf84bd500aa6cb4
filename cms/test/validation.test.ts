import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api } from './http.ts';

let token: string;
const base = { acronym: 'TEST', title: 'Progetto di prova', summary: 'Sintesi di prova.' };

/** Saves a project as the admin panel does (content-manager API). */
async function saveProject(data: Record<string, unknown>) {
  return api('/content-manager/collection-types/api::project.project?locale=it', 'public', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...base, slug: `test-${Math.random().toString(36).slice(2, 8)}`, ...data }),
  });
}

async function partnerId(): Promise<string> {
  const { body } = await api('/api/partners?locale=it&pagination[pageSize]=1');
  return body.data[0].documentId;
}

beforeAll(async () => {
  token = await adminToken();
});

describe('project validation in the admin', () => {
  it('refuses an end date before the start date, naming both', async () => {
    const { status, body } = await saveProject({
      startDate: { date: '2026-05-01', precision: 'day' },
      endDate: { date: '2026-04-30', precision: 'day' },
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain('La data di fine (2026-04-30) non può precedere la data di inizio (2026-05-01)');
  });

  it('refuses an EU contribution above the total budget', async () => {
    const { status, body } = await saveProject({ totalBudget: 1000, euContribution: 1000.01 });
    expect(status).toBe(400);
    expect(body.error.message).toContain('non può superare il budget totale');
  });

  it('refuses negative money', async () => {
    const { status } = await saveProject({ totalBudget: -5 });
    expect(status).toBe(400);
  });

  it('refuses the same partner twice in the same role', async () => {
    const documentId = await partnerId();
    const partnership = { role: 'partner', partner: { connect: [{ documentId, locale: 'it' }] } };
    const { status, body } = await saveProject({ partnerships: [partnership, partnership] });
    expect(status).toBe(400);
    expect(body.error.message).toContain('compare più volte con lo stesso ruolo');
  });

  it('keeps nothing of a refused save', async () => {
    const slug = `refused-${Date.now()}`;
    await api('/content-manager/collection-types/api::project.project?locale=it', 'public', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...base, slug, totalBudget: 1, euContribution: 2 }),
    });
    const { body } = await api(`/content-manager/collection-types/api::project.project?locale=it&filters[slug][$eq]=${slug}`, 'public', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(body.results).toHaveLength(0);
  });

  it('accepts a valid project and labels it for relation pickers', async () => {
    const documentId = await partnerId();
    const { status, body } = await saveProject({
      startDate: { date: '2026-01-01', precision: 'month' },
      endDate: { date: '2026-12-31', precision: 'day' },
      totalBudget: 1000,
      euContribution: 800,
      partnerships: [
        { role: 'lead', partner: { connect: [{ documentId, locale: 'it' }] } },
        { role: 'partner', partner: { connect: [{ documentId, locale: 'it' }] }, note: 'Ambito A' },
      ],
    });
    expect(status).toBe(201);
    expect(body.data.adminLabel ?? (await fetchLabel(body.data.documentId))).toBe('TEST – Progetto di prova');
  });
});

async function fetchLabel(documentId: string) {
  const { body } = await api(`/content-manager/collection-types/api::project.project/${documentId}?locale=it`, 'public', {
    headers: { Authorization: `Bearer ${token}` },
  });
  return body.data.adminLabel;
}

describe('link targets', () => {
  // What an editor might paste; the site drops these too (safeExternalUrl), the CMS refuses them first.
  const UNSAFE = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', 'https://exa mple.org', 'http://', 'ftp://files.example.org/a'];
  const published: string[] = [];
  const publishProject = async (data: Record<string, unknown>) => {
    const response = await api('/content-manager/collection-types/api::project.project/actions/publish?locale=it', 'public', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...base, slug: `links-${Math.random().toString(36).slice(2, 8)}`, ...data }),
    });
    if (response.body?.data?.documentId) published.push(response.body.data.documentId);
    return response;
  };
  // Other suites count the published projects: leave none behind.
  afterAll(async () => {
    for (const documentId of published) {
      await api(`/content-manager/collection-types/api::project.project/${documentId}?locale=*`, 'public', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    }
  });

  it.each(UNSAFE)('refuses to publish a website or link set to %j', async (url) => {
    expect((await publishProject({ website: url })).status).toBe(400);
    expect((await publishProject({ links: [{ label: 'Link', url, kind: 'website' }] })).status).toBe(400);
  });

  it.each(['https://example.org/a?b=c', 'http://example.org', 'mailto:ufficio@example.org'])('publishes %s', async (url) => {
    const { status } = await publishProject({ website: url, links: [{ label: 'Link', url, kind: 'website' }] });
    expect(status).toBe(200);
  });
});
