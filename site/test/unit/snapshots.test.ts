import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentVersions } from 'shared-types';
import { loadSnapshot, newestSnapshotName, newSnapshotName, saveSnapshot } from '../../src/lib/strapi/snapshots.ts';

const versions = (changedAt: number): ContentVersions => ({
  schema: 'model',
  listedAt: changedAt + 1,
  counts: { types: { 'api::project.project': 1 }, files: 1 },
  types: { 'api::project.project': [['p1', 'it', 1, changedAt]] },
  files: [['logo', 1, 100]],
});
const cacheDir = () => mkdtempSync(path.join(tmpdir(), 'snapshots-'));

describe('the versions kept between builds', () => {
  it('gives back the list a build kept, by its name, each list under a name of its own', () => {
    const dir = cacheDir();
    const name = newSnapshotName(versions(100));
    expect(newSnapshotName(versions(100))).not.toBe(name);
    saveSnapshot(dir, name, versions(100));
    expect(loadSnapshot(dir, name)).toEqual(versions(100));
    expect(newestSnapshotName(dir)).toBe(name);
  });

  it('gives nothing for a list no longer kept, one that is not whole, or one under another name', () => {
    const dir = cacheDir();
    const name = newSnapshotName(versions(100));
    saveSnapshot(dir, name, versions(100));
    expect(loadSnapshot(dir, 'another')).toBeUndefined();
    const file = path.join(dir, 'strapi-versions', `${name}.json`);
    writeFileSync(file, JSON.stringify({ name, versions: versions(100) }).slice(0, -5));
    expect(loadSnapshot(dir, name)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ name: 'another', versions: versions(100) }));
    expect(loadSnapshot(dir, name)).toBeUndefined();
    expect(newestSnapshotName(cacheDir())).toBeUndefined();
  });

  it('keeps the newest five lists, and always the one just kept', () => {
    const dir = cacheDir();
    const folder = path.join(dir, 'strapi-versions');
    const names = [1, 2, 3, 4, 5, 6].map((n) => {
      const name = newSnapshotName(versions(n));
      saveSnapshot(dir, name, versions(n));
      // One second apart, oldest first, whatever the file system's clock resolution.
      utimesSync(path.join(folder, `${name}.json`), 1_000_000 + n, 1_000_000 + n);
      return name;
    });
    expect(readdirSync(folder).sort()).toEqual(
      names
        .slice(1)
        .map((name) => `${name}.json`)
        .sort(),
    );
    expect(newestSnapshotName(dir)).toBe(names[5]);
    // The one just kept stays, whatever its file's time.
    const last = newSnapshotName(versions(7));
    utimesSync(path.join(folder, `${names[1]}.json`), 2_000_000, 2_000_000);
    saveSnapshot(dir, last, versions(7));
    expect(readdirSync(folder)).toContain(`${last}.json`);
    expect(readdirSync(folder)).toHaveLength(5);
  });
});
