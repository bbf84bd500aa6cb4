import { describe, expect, it } from 'vitest';
import { ActionSchema } from '../src/action.ts';
import { ActionTypeSchema, OrganisationTypeSchema } from '../src/enums.ts';
import { formatIssues } from '../src/errors.ts';
import { alternativeNameList, PartnerSchema } from '../src/partner.ts';
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

  it('accepts alternative names, one per line, and reads them as null from a CMS without the field', () => {
    expect(PartnerSchema.parse({ ...partner, alternativeNames: 'Dimos Athinaion\nAthens' }).alternativeNames).toBe(
      'Dimos Athinaion\nAthens',
    );
    expect(PartnerSchema.parse({ ...partner, alternativeNames: null }).alternativeNames).toBeNull();
    expect(PartnerSchema.parse(partner).alternativeNames).toBeNull();
    expect(PartnerSchema.safeParse({ ...partner, alternativeNames: ['Dimos Athinaion'] }).success).toBe(false);
  });

  it('accepts a provincial or island council', () => {
    expect(PartnerSchema.parse({ ...partner, organisationType: 'provincial_authority' }).organisationType).toBe('provincial_authority');
    expect(OrganisationTypeSchema.options).toContain('provincial_authority');
  });
});

describe('alternativeNameList', () => {
  it('splits one name per line, trimmed, without blank lines or repeats', () => {
    expect(alternativeNameList(' Dimos Athinaion \r\n\nΔήμος Αθηναίων\nDimos Athinaion\n')).toEqual(['Dimos Athinaion', 'Δήμος Αθηναίων']);
    expect(alternativeNameList(null)).toEqual([]);
    expect(alternativeNameList('')).toEqual([]);
  });
});

describe('ActionSchema', () => {
  const action = {
    ...partner,
    project: null,
    code: 'Azione 01',
    title: 'Governance',
    actionType: 'monitoring_evaluation',
    description: null,
    subActions: [{ id: 1, letter: 'a', text: 'Tavoli' }],
    targetAudience: null,
    order: 0,
  };

  it('accepts the action types for monitoring and evaluation, study visits and participation', () => {
    for (const actionType of ['monitoring_evaluation', 'study_visit', 'participation']) {
      expect(ActionSchema.safeParse({ ...action, actionType }).success).toBe(true);
    }
    expect(ActionTypeSchema.safeParse('study_trip').success).toBe(false);
  });

  it('accepts a sub-action without a letter (null or missing)', () => {
    const parsed = ActionSchema.parse({
      ...action,
      subActions: [
        { id: 1, letter: null, text: 'Tavoli' },
        { id: 2, text: 'Rete' },
      ],
    });
    expect(parsed.subActions.map((s) => s.letter)).toEqual([null, null]);
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

  it('accepts a partner’s alternative names, a new organisation type and action type, and sub-actions without a letter', () => {
    const extended = structuredClone(bundle) as any;
    extended.partners[0] = { ...extended.partners[0], organisationType: 'provincial_authority', alternativeNames: ['Dimos Athinaion'] };
    extended.projects[0].actions = [
      {
        title: text('Visite'),
        actionType: 'study_visit',
        subActions: [{ text: text('Senza lettera') }, { letter: 'b', text: text('Con lettera') }],
      },
      { title: text('Valutazione'), actionType: 'monitoring_evaluation' },
    ];
    const result = SeedBundleSchema.safeParse(extended);
    expect(result.success).toBe(true);
    expect(result.data!.projects[0]!.actions[0]!.subActions[0]!.letter).toBeUndefined();
  });

  it('refuses an empty alternative name and a sub-action letter that is not a to zzz', () => {
    const broken = structuredClone(bundle) as any;
    broken.partners[0].alternativeNames = [' '];
    expect(SeedBundleSchema.safeParse(broken).success).toBe(false);
    const badLetter = structuredClone(bundle) as any;
    badLetter.projects[0].actions = [{ title: text('A'), actionType: 'other', subActions: [{ letter: 'A)', text: text('x') }] }];
    expect(SeedBundleSchema.safeParse(badLetter).success).toBe(false);
  });

  it('refuses an EU contribution above the total', () => {
    const broken = { ...bundle, projects: [{ ...bundle.projects[0]!, totalBudget: 10, euContribution: 11 }] };
    expect(formatIssues(SeedBundleSchema.safeParse(broken).error!)).toContain('EU contribution above the total budget');
  });
});
