import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContentVersions } from 'shared-types';
import { loadSnapshot, saveSnapshot } from '../../src/lib/strapi/snapshots.ts';

const versions = (changedAt: number): ContentVersions => ({
  schema: 'model',
  types: { 'api::project.project': [['p1', 'it', 1, changedAt]] },
  files: [['logo', 1, 100]],
});
const cacheDir = () => pathToFileURL(`${mkdtempSync(path.join(tmpdir(), 'snapshots-'))}/`);

describe('the versions kept between builds', () => {
  it('gives back the list a build kept, by its digest', () => {
    const dir = cacheDir();
    const digest = saveSnapshot(dir, versions(100));
    expect(loadSnapshot(dir, digest)).toEqual(versions(100));
    expect(saveSnapshot(dir, versions(100))).toBe(digest);
    expect(saveSnapshot(dir, versions(200))).not.toBe(digest);
  });

  it('gives nothing for a list no longer kept, or one that is not whole', () => {
    const dir = cacheDir();
    const digest = saveSnapshot(dir, versions(100));
    expect(loadSnapshot(dir, 'another')).toBeUndefined();
    writeFileSync(path.join(dir.pathname, 'strapi-versions', `${digest}.json`), JSON.stringify(versions(100)).slice(0, -5));
    expect(loadSnapshot(dir, digest)).toBeUndefined();
  });

  it('keeps the newest five lists, and always the one just kept', () => {
    const dir = cacheDir();
    const folder = path.join(dir.pathname, 'strapi-versions');
    const digests = [1, 2, 3, 4, 5, 6].map((n) => {
      const digest = saveSnapshot(dir, versions(n));
      // One second apart, oldest first, whatever the file system's clock resolution.
      utimesSync(path.join(folder, `${digest}.json`), 1_000_000 + n, 1_000_000 + n);
      return digest;
    });
    expect(readdirSync(folder).sort()).toEqual(
      digests
        .slice(1)
        .map((d) => `${d}.json`)
        .sort(),
    );
    // Kept again, an old list counts as the newest.
    const first = saveSnapshot(dir, versions(1));
    expect(readdirSync(folder)).toContain(`${first}.json`);
    expect(readdirSync(folder)).toHaveLength(5);
  });
});
