import { describe, expect, it } from 'vitest';
import { ActionSchema } from '../src/action.ts';
import { PartnerSchema } from '../src/partner.ts';
import { strictSchema } from '../src/strict.ts';

const document = {
  id: 1,
  documentId: 'abc123',
  locale: 'it',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  publishedAt: '2026-11-22T10:00:00.000Z',
};
const action = {
  ...document,
  project: { id: 2, documentId: 'p1' },
  code: 'Azione 01',
  title: 'Formazione',
  actionType: 'training',
  description: null,
  subActions: [{ id: 3, letter: 'a', text: 'Corsi' }],
  targetAudience: null,
  order: 0,
};
const logo = {
  id: 4,
  documentId: 'm1',
  name: 'logo.png',
  alternativeText: null,
  caption: null,
  width: 10,
  height: 10,
  formats: null,
  ext: '.png',
  mime: 'image/png',
  size: 1.2,
  url: '/uploads/logo.png',
  updatedAt: '2026-11-22T10:00:00.000Z',
};
const partner = {
  ...document,
  name: 'Città di Torino',
  shortName: null,
  slug: 'city-of-turin',
  organisationType: 'municipality',
  country: 'IT',
  city: 'Torino',
  website: null,
  logo,
  description: null,
};

describe('strictSchema', () => {
  it('accepts what the lenient schema accepts, with the same result', () => {
    expect(strictSchema(ActionSchema).parse(action)).toEqual(ActionSchema.parse(action));
    expect(strictSchema(PartnerSchema).parse(partner)).toEqual(PartnerSchema.parse(partner));
  });

  it('refuses a key the schema does not declare, at any depth, and names it', () => {
    const top = strictSchema(ActionSchema).safeParse({ ...action, summaryEn: 'x' });
    expect(top.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['summaryEn'], path: [] }]);
    const nested = strictSchema(ActionSchema).safeParse({ ...action, subActions: [{ ...action.subActions[0], note: 'x' }] });
    expect(nested.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['note'], path: ['subActions', 0] }]);
    const relation = strictSchema(ActionSchema).safeParse({ ...action, project: { ...action.project, slug: 'x' } });
    expect(relation.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['slug'], path: ['project'] }]);
    // The lenient schema drops them.
    expect(ActionSchema.parse({ ...action, summaryEn: 'x' })).not.toHaveProperty('summaryEn');
  });

  it('leaves the upload plugin’s media object open (its keys vary by Strapi version and provider)', () => {
    expect(strictSchema(PartnerSchema).safeParse({ ...partner, logo: { ...logo, hash: 'logo_1', provider: 'local' } }).success).toBe(true);
  });

  it('keeps defaults and nullability', () => {
    expect(strictSchema(ActionSchema).parse({ ...action, subActions: [{ id: 3, text: 'Corsi' }] }).subActions[0]!.letter).toBeNull();
    expect(strictSchema(PartnerSchema).parse(partner).alternativeNames).toBeNull();
    expect(strictSchema(ActionSchema).safeParse({ ...action, project: null }).success).toBe(true);
  });
});
