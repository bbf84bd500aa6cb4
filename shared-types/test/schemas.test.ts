import { describe, expect, it } from 'vitest';
import { formatIssues } from '../src/errors.ts';
import { PartnerSchema } from '../src/partner.ts';
import { SafeUrlSchema, SeedBundleSchema } from '../src/seed.ts';

const partner = {
  id: 1,
  documentId: 'abc123',
  locale: 'it',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  publishedAt: '2026-11-22T10:00:00.000Z',
  name: 'Città di Torino',
  shortName: null,
  slug: 'city-of-turin',
  organisationType: 'municipality',
  country: 'IT',
  city: 'Torino',
  website: null,
  logo: null,
  description: null,
};

describe('PartnerSchema', () => {
  it('accepts a partner as the REST API returns it', () => {
    expect(PartnerSchema.parse(partner).name).toBe('Città di Torino');
  });

  it('refuses a lower-case or three-letter country and names the field', () => {
    const result = PartnerSchema.safeParse({ ...partner, country: 'ita' });
    expect(result.success).toBe(false);
    expect(formatIssues(result.error!)).toContain('country: must be an ISO 3166-1 alpha-2 code');
  });

  it('refuses a draft (no publishedAt)', () => {
    expect(PartnerSchema.safeParse({ ...partner, publishedAt: null }).success).toBe(false);
  });
});

describe('SafeUrlSchema', () => {
  it('accepts http(s) and mailto links only', () => {
    expect(SafeUrlSchema.safeParse('https://example.org/a').success).toBe(true);
    expect(SafeUrlSchema.safeParse('mailto:info@example.org').success).toBe(true);
    expect(SafeUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(SafeUrlSchema.safeParse('data:text/html,<script>').success).toBe(false);
  });
});

describe('SeedBundleSchema', () => {
  const text = (it: string) => ({ it, en: it });
  const bundle = {
    settings: { siteName: text('Sito'), institutionName: text('Ente') },
    themes: [{ slug: 'housing', name: text('Abitare') }],
    fundingLines: [],
    partners: [{ slug: 'a', name: text('A'), organisationType: 'ngo', namesInSources: ['A'] }],
    projects: [
      {
        source: 'x.txt',
        slug: 'p',
        acronym: 'P',
        title: text('P'),
        summary: text('S'),
        partnerships: [{ partner: 'a', role: 'partner' }],
        themes: ['housing'],
      },
    ],
  };

  it('accepts a consistent bundle', () => {
    expect(SeedBundleSchema.safeParse(bundle).success).toBe(true);
  });

  it('names a dangling reference with its path', () => {
    const broken = structuredClone(bundle);
    broken.projects[0]!.partnerships[0]!.partner = 'missing';
    const result = SeedBundleSchema.safeParse(broken);
    expect(formatIssues(result.error!)).toContain('projects.0.partnerships.0.partner: unknown partner "missing"');
  });

  it('refuses the same partner twice in the same role and grouping', () => {
    const broken = structuredClone(bundle);
    broken.projects[0]!.partnerships.push({ partner: 'a', role: 'partner' });
    expect(SeedBundleSchema.safeParse(broken).success).toBe(false);
  });

  it('refuses an EU contribution above the total', () => {
    const broken = { ...bundle, projects: [{ ...bundle.projects[0]!, totalBudget: 10, euContribution: 11 }] };
    expect(formatIssues(SeedBundleSchema.safeParse(broken).error!)).toContain('EU contribution above the total budget');
  });
});
