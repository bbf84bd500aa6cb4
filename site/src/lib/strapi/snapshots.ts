import { hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ContentVersions } from 'shared-types';

/**
 * The versions the CMS listed at each of the last builds, one file per list in the build's cache
 * folder, named by its digest. Every loader's state names the list its entries were read against
 * (delta.ts), instead of keeping a copy of it: at a thousand projects the list has 17,000
 * versions, and a copy per loader cost the build about 0.15 s to compare, write and read again.
 *
 * A few lists are kept, not one: a build that fails leaves the content store of the build before
 * it, which names an older list. A loader whose list is gone reads everything.
 */
const FOLDER = 'strapi-versions';
const KEEP = 5;

const folderOf = (cacheDir: URL) => path.join(fileURLToPath(cacheDir), FOLDER);

/** Keeps this build's list, returns its digest, and drops all but the newest few. */
export function saveSnapshot(cacheDir: URL, versions: ContentVersions): string {
  const text = JSON.stringify(versions);
  const digest = hash('sha1', text, 'base64url');
  const folder = folderOf(cacheDir);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${digest}.json`);
  // Written under another name and renamed: a reader never sees half a file.
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
  const lists = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, time: name === `${digest}.json` ? Infinity : statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of lists.slice(KEEP)) rmSync(path.join(folder, name), { force: true });
  return digest;
}

/**
 * The list a previous build kept, or undefined when it is no longer kept or is not whole. It was
 * parsed with the shared schema when it came from the CMS; its digest says it is the same text.
 */
export function loadSnapshot(cacheDir: URL, digest: string): ContentVersions | undefined {
  try {
    const text = readFileSync(path.join(folderOf(cacheDir), `${digest}.json`), 'utf8');
    return hash('sha1', text, 'base64url') === digest ? (JSON.parse(text) as ContentVersions) : undefined;
  } catch {
    return undefined;
  }
}
