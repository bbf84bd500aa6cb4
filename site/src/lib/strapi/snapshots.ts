import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentVersions } from 'shared-types';

/**
 * The versions the CMS listed at each of the last builds, one file per list in the build's cache
 * folder, under a name of its own. Every loader's state names the list its entries were read
 * against (delta.ts), instead of keeping a copy of it: at a thousand projects the list has 17,000
 * versions, and a copy per loader cost the build about 0.15 s to compare, write and read again.
 *
 * A few lists are kept, not one: a build that fails leaves the content store of the build before
 * it, which names an older list. A loader whose list is gone reads everything.
 */
const FOLDER = 'strapi-versions';
const KEEP = 5;

const folderOf = (cacheDir: string) => path.join(cacheDir, FOLDER);

/**
 * A name for a new list. Not a digest of it: a build names its list as soon as it has it, and
 * writes it once its pages are written (saveSnapshot), so that no edit waits for 1 MB of text to
 * be made and hashed at a thousand projects.
 */
export const newSnapshotName = (versions: ContentVersions): string =>
  `${versions.listedAt.toString(36)}-${randomBytes(6).toString('base64url')}`;

/** Keeps a list under its name, and drops all but the newest few. */
export function saveSnapshot(cacheDir: string, name: string, versions: ContentVersions): void {
  const folder = folderOf(cacheDir);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.json`);
  // Written under another name and renamed: a reader never sees half a file.
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ name, versions }));
  renameSync(`${file}.${process.pid}.tmp`, file);
  const lists = snapshotFiles(cacheDir)
    .map((kept) => ({ kept, time: kept === `${name}.json` ? Infinity : statSync(path.join(folder, kept)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { kept } of lists.slice(KEEP)) rmSync(path.join(folder, kept), { force: true });
}

function snapshotFiles(cacheDir: string): string[] {
  try {
    return readdirSync(folderOf(cacheDir)).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
}

/** The name of the list kept last, if any: the one the next build's loaders most likely name. */
export function newestSnapshotName(cacheDir: string): string | undefined {
  const folder = folderOf(cacheDir);
  const newest = snapshotFiles(cacheDir)
    .map((file) => ({ file, time: statSync(path.join(folder, file)).mtimeMs }))
    .sort((a, b) => b.time - a.time)[0];
  return newest?.file.slice(0, -'.json'.length);
}

/**
 * The list kept under a name, or undefined when it is no longer kept or is not whole. It was
 * parsed with the shared schema when it came from the CMS; the name inside says it is that list.
 */
export function loadSnapshot(cacheDir: string, name: string): ContentVersions | undefined {
  try {
    const kept = JSON.parse(readFileSync(path.join(folderOf(cacheDir), `${name}.json`), 'utf8')) as {
      name?: unknown;
      versions?: ContentVersions;
    };
    return kept.name === name ? kept.versions : undefined;
  } catch {
    return undefined;
  }
}
