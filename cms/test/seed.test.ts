import { describe, expect, it } from 'vitest';
import { runSeed } from 'harness/cms';
import { api, cms } from './http.ts';

async function snapshot() {
  const types = ['projects', 'partners', 'actions', 'communities-of-practice', 'funding-lines', 'themes'];
  const result: Record<string, string[]> = {};
  for (const type of types) {
    for (const locale of ['it', 'en']) {
      const { body } = await api(`/api/${type}?locale=${locale}&pagination[pageSize]=100&fields[0]=updatedAt&sort=documentId`);
      result[`${type}/${locale}`] = body.data.map((e: any) => `${e.documentId}@${e.updatedAt}`);
    }
  }
  return result;
}

describe('the seed', () => {
  it('created and published every entry on the first run', () => {
    expect(cms().seedOutput).toMatch(/\[seed\] \d+ localized entries created and published, 0 already present/);
  });

  it('creates and changes nothing on a second run', async () => {
    const before = await snapshot();
    const output = runSeed(cms().env);
    expect(output).toMatch(/\[seed\] 0 localized entries created and published, \d+ already present/);
    expect(await snapshot()).toEqual(before);
  });
});
