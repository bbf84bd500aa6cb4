import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Written into a release once it passed its check: a folder without it was never live. */
const MARKER = '.release.json';
const CURRENT = 'current';
/**
 * Every build is written here, then renamed to its release folder. Astro's incremental build
 * hashes the output path into each page's code hash: a new folder per build would re-render every
 * page, one fixed folder lets unchanged pages be reused.
 */
const STAGING = '.build';
const SEARCH_AHEAD = '.search';

export interface ReleaseInfo {
  id: string;
  builtAt: string;
  durationMs: number;
  pages: number;
}

/**
 * Release folders of the static site: each build goes into a new folder; `current` is a symlink
 * switched atomically (rename over it), so readers see the old release or the new one, never a mix.
 */
export function createReleases(root: string, keep: number) {
  mkdirSync(root, { recursive: true });
  const currentLink = path.join(root, CURRENT);

  const ids = (): string[] =>
    readdirSync(root)
      .filter((name) => name !== CURRENT && !name.startsWith('.') && statSync(path.join(root, name)).isDirectory())
      .sort();

  const info = (id: string): ReleaseInfo | null => {
    const file = path.join(root, id, MARKER);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseInfo) : null;
  };

  const liveId = (): string | null => {
    try {
      return path.basename(readlinkSync(currentLink));
    } catch {
      return null;
    }
  };

  return {
    root,
    /** A fresh, empty folder name for the next build (sortable by time, to the millisecond). */
    newId(): string {
      return `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18)}-${randomBytes(3).toString('hex')}`;
    },
    pathOf(id: string): string {
      return path.join(root, id);
    },
    /** The folder every build writes into (always the same path), emptied before each build. */
    stagingPath(): string {
      return path.join(root, STAGING);
    },
    /** Removes what a failed or interrupted build left: the staging folder, and the search index linked beside it. */
    discardStaging(): void {
      rmSync(path.join(root, STAGING), { recursive: true, force: true });
      rmSync(path.join(root, SEARCH_AHEAD), { recursive: true, force: true });
    },
    /** A folder beside the staging one where the live release's search index is linked while the next build runs. */
    searchAheadPath(): string {
      return path.join(root, SEARCH_AHEAD);
    },
    /** Turns the staging folder into release `id` (a rename: nothing is copied). */
    adoptStaging(id: string): void {
      renameSync(path.join(root, STAGING), path.join(root, id));
    },
    liveId,
    /** Folder of the live release, or null before the first successful build. */
    livePath(): string | null {
      const id = liveId();
      return id ? path.join(root, id) : null;
    },
    /** Complete releases, newest first. */
    list(): ReleaseInfo[] {
      return ids()
        .map(info)
        .filter((release): release is ReleaseInfo => release !== null)
        .reverse();
    },
    /** Marks a checked build complete. */
    seal(release: ReleaseInfo): void {
      writeFileSync(path.join(root, release.id, MARKER), JSON.stringify(release, null, 2));
    },
    /** Points `current` at a complete release, atomically. */
    switchTo(id: string): void {
      if (!info(id)) throw new Error(`release ${id} is not complete and cannot go live`);
      const temporary = path.join(root, `.${CURRENT}-${randomBytes(4).toString('hex')}`);
      symlinkSync(id, temporary);
      renameSync(temporary, currentLink);
    },
    /** Deletes a folder (a failed build). */
    discard(id: string): void {
      rmSync(path.join(root, id), { recursive: true, force: true });
    },
    /**
     * Removes incomplete release folders (a crash between the rename and the seal) and all but
     * the newest `keep` complete releases; the live one is always kept. Not the staging folder:
     * the next build may be writing it. Asynchronous: a release is tens of thousands of files at a
     * thousand projects, and the live site is served from the same process meanwhile.
     */
    async prune(): Promise<string[]> {
      const live = liveId();
      const complete = ids()
        .filter((id) => info(id))
        .reverse();
      const keepSet = new Set([...complete.slice(0, keep), ...(live ? [live] : [])]);
      const removed = ids().filter((id) => !keepSet.has(id));
      for (const id of removed) await rm(path.join(root, id), { recursive: true, force: true });
      return removed;
    },
  };
}

export type Releases = ReturnType<typeof createReleases>;

/**
 * Checks a built release before it goes live: the home pages, the 404 page, the search index and
 * every page its sitemap lists must exist. Returns the problems (empty when fit) and the page count.
 */
export function checkRelease(dir: string): { problems: string[]; pages: number } {
  const problems: string[] = [];
  for (const file of ['index.html', 'en/index.html', '404.html', 'sitemap.xml', 'pagefind/pagefind.js']) {
    if (!existsSync(path.join(dir, file))) problems.push(`missing ${file}`);
  }
  let pages = 0;
  if (existsSync(path.join(dir, 'sitemap.xml'))) {
    const sitemap = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    for (const [, url] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const pathname = decodeURIComponent(new URL(url!).pathname);
      pages++;
      if (!existsSync(path.join(dir, pathname, 'index.html'))) problems.push(`sitemap lists ${pathname} but the page is missing`);
    }
    if (pages === 0) problems.push('the sitemap lists no page');
  }
  return { problems, pages };
}
