/**
 * The site's Pagefind search index (static full-text search, no server), written into
 * <site>/pagefind/. Only what the build published is indexed, so drafts can never reach the index.
 *
 * `node scripts/search-index.ts [folder]` indexes a built site from scratch (the folder defaults to
 * SITE_OUT_DIR, then ./dist). It is a step of its own after `astro build` rather than an Astro
 * integration: Astro keeps its whole build in memory until its last hook returns, and Pagefind
 * needs as much again for a large site, so running them one after the other halves the peak.
 *
 * The publisher keeps an index between builds instead (`createSearchIndexer`): after an
 * incremental build it re-adds only the pages whose HTML changed, and writes the index into the
 * release once it is live (publisher/src/publisher.ts, prepareSearch), which writeIndex makes safe.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';

export interface SearchIndexUpdate {
  /** `full`: indexed from scratch; `incremental`: only the changed pages re-added. */
  mode: 'full' | 'incremental';
  /** HTML files (re-)added by this update (a page Pagefind skips, the search page, counts too). */
  added: number;
  durationMs: number;
}

/**
 * Calls `work` for every item, `inFlight` at a time. The file-system calls of this module are
 * asynchronous and run so: at a thousand projects a site is 12,000 folders and 24,000 files, a
 * walk or a round of links takes 0.3–1 s, and the publisher serves the live site from the same
 * process, which must keep answering meanwhile.
 */
async function forEachInFlight<T>(items: readonly T[], inFlight: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the other workers take no further item: the caller is already cleaning up.
    while (!failed && next < items.length) {
      const index = next++;
      await work(items[index]!, index).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
}

/** File-system calls in flight at a time: enough for libuv's threads, few enough to leave the event loop free. */
const FILES_IN_FLIGHT = 32;

/** The HTML files Pagefind indexes, relative to the site folder, in a stable order. */
async function htmlFiles(site: string): Promise<string[]> {
  return (await readdir(site, { recursive: true, encoding: 'utf8' }))
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${path.sep}`))
    .sort();
}

/**
 * The page as Pagefind should read it. Pagefind separates only the blocks it knows (p, li, div,
 * headings...) and joins the rest of the text as it comes, so it would index and show
 * "Cittànon indicata" for `<dt>Città</dt><dd>non indicata</dd>`, and "Funding linesThe files..."
 * for a title followed by `<span class="description">` (Astro drops the line break between an
 * expression and the next tag). A browser lays such elements apart, so a space is put where an
 * element closes and the next opens directly, and where a word or a sentence's end meets the
 * next element (not `<wbr>`, which breaks inside a word); a term of a description list is
 * followed by a colon, as a label is written in a line ("Città: Torino").
 */
export function separateElements(html: string): string {
  return html
    .replace(/(?<![:?!.])<\/dt>\s*(?=<dd\b)/gi, '</dt>: ')
    .replace(/(<\/[a-z][a-z0-9-]*>)(?=<[a-z])/gi, '$1 ')
    .replace(/([\p{L}\p{N}.,;:!?)\]»])(?=<(?!wbr\b)[a-z])/giu, '$1 ');
}

/** Pages handed to Pagefind at a time: enough to keep it busy, few enough to bound memory. */
const PAGES_IN_FLIGHT = 16;

async function addPages(index: pagefind.PagefindIndex, site: string, files: string[]): Promise<void> {
  await forEachInFlight(files, PAGES_IN_FLIGHT, async (file) => {
    // Read at once (a page is small): Pagefind numbers pages in the order they are added, and the
    // same pages must make the same index, so each is handed over in file order.
    const content = separateElements(readFileSync(path.join(site, file), 'utf8'));
    const result = await index.addHTMLFile({ sourcePath: file, content });
    if (result.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
  });
}

async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** The file that names every other file of an index: written last, so it never names one not yet there. */
const ENTRY = 'pagefind-entry.json';

/** Every file under a folder, relative to it. */
const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

/** Makes the folders of these files under `root`, each once. */
async function makeFolders(root: string, files: readonly string[]): Promise<void> {
  for (const dir of new Set(files.map((file) => path.dirname(path.join(root, file))))) await mkdir(dir, { recursive: true });
}

/**
 * Gives a new site the search index of another (a live release), in place of any it has: hard
 * links, since an index is never changed in place (writeIndex renames new files over old ones).
 */
export async function linkSearchIndex(fromSite: string, toSite: string): Promise<void> {
  const from = path.join(fromSite, 'pagefind');
  const to = path.join(toSite, 'pagefind');
  await rm(to, { recursive: true, force: true });
  const files = await filesUnder(from);
  await makeFolders(to, files);
  await forEachInFlight(files, FILES_IN_FLIGHT, (file) => link(path.join(from, file), path.join(to, file)));
}

/**
 * Writes the index into <site>/pagefind so that no reader ever finds it half-written, even in a
 * site that is live: Pagefind writes a complete index beside it, whose files are renamed into
 * place, the entry file last; then the files of the index before that the new one does not have
 * are deleted (an unpublished page must leave no fragment behind).
 */
async function writeIndex(index: pagefind.PagefindIndex, site: string): Promise<void> {
  const target = path.join(site, 'pagefind');
  const next = path.join(site, `.pagefind-${randomBytes(4).toString('hex')}`);
  try {
    const written = await index.writeFiles({ outputPath: next });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    const files = await filesUnder(next);
    await makeFolders(target, files);
    const rest = files.filter((file) => file !== ENTRY);
    await forEachInFlight(rest, FILES_IN_FLIGHT, (file) => rename(path.join(next, file), path.join(target, file)));
    if (files.includes(ENTRY)) await rename(path.join(next, ENTRY), path.join(target, ENTRY));
    const current = new Set(files);
    const stale = (await filesUnder(target)).filter((file) => !current.has(file));
    await forEachInFlight(stale, FILES_IN_FLIGHT, (file) => rm(path.join(target, file)));
  } finally {
    await rm(next, { recursive: true, force: true });
  }
}

/**
 * A search index kept between builds, as the long-running publisher does. `update(site)` brings
 * it in line with the built site in `site` and writes it there. Pagefind replaces a page when
 * the same URL is added again, but cannot remove one: when a page is gone, or on the first
 * update, the index is built from scratch. Any failure also resets it, so the next update starts
 * clean.
 */
export function createSearchIndexer() {
  let index: pagefind.PagefindIndex | null = null;
  /** What the index holds: each page's file and the digest of the HTML indexed. */
  let indexed = new Map<string, string>();
  /**
   * The file each digest was taken from (inode, modification time, size): a page an incremental
   * build reused is a hard link to the same file, so only the pages it rendered are read and
   * hashed again (11,800 pages, 350 MB, at a thousand projects).
   */
  let fileIds = new Map<string, string>();

  /**
   * Each HTML file's digest, read again only for the files that are not those digested before
   * (asynchronously: the publisher serves the live site from the same process).
   */
  async function digestsOf(site: string): Promise<{ digests: Map<string, string>; ids: Map<string, string> }> {
    const files = await htmlFiles(site);
    const found = new Array<{ id: string; digest: string }>(files.length);
    await forEachInFlight(files, FILES_IN_FLIGHT, async (file, i) => {
      const { ino, mtimeNs, size } = await stat(path.join(site, file), { bigint: true });
      const id = `${ino}:${mtimeNs}:${size}`;
      const known = fileIds.get(file) === id ? indexed.get(file) : undefined;
      found[i] = {
        id,
        digest:
          known ??
          createHash('sha256')
            .update(await readFile(path.join(site, file)))
            .digest('base64'),
      };
    });
    return {
      digests: new Map(files.map((file, i) => [file, found[i]!.digest])),
      ids: new Map(files.map((file, i) => [file, found[i]!.id])),
    };
  }

  async function rebuild(site: string, digests: Map<string, string>): Promise<number> {
    await index?.deleteIndex();
    index = null;
    const files = [...digests.keys()];
    if (files.length === 0) throw new Error(`Pagefind found no pages in ${site}: was the site built there?`);
    const fresh = await newIndex();
    await addPages(fresh, site, files);
    index = fresh;
    indexed = digests;
    return files.length;
  }

  return {
    async update(site: string): Promise<SearchIndexUpdate> {
      const started = Date.now();
      const { digests, ids } = await digestsOf(site);
      const files = [...digests.keys()];
      try {
        const removed = [...indexed.keys()].some((file) => !digests.has(file));
        if (!index || removed) {
          const added = await rebuild(site, digests);
          fileIds = ids;
          await writeIndex(index!, site);
          return { mode: 'full', added, durationMs: Date.now() - started };
        }
        const changed = files.filter((file) => indexed.get(file) !== digests.get(file));
        await addPages(index, site, changed);
        for (const file of changed) indexed.set(file, digests.get(file)!);
        fileIds = ids;
        await writeIndex(index, site);
        return { mode: 'incremental', added: changed.length, durationMs: Date.now() - started };
      } catch (error) {
        await this.reset();
        throw error;
      }
    },
    /** Forgets the index: the next update builds it from scratch. */
    async reset(): Promise<void> {
      await index?.deleteIndex().catch(() => undefined);
      index = null;
      indexed = new Map();
      fileIds = new Map();
    },
    async close(): Promise<void> {
      await this.reset();
      await pagefind.close();
    },
  };
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;

if (import.meta.main) {
  const {
    positionals: [outDir],
  } = parseArgs({ allowPositionals: true });
  const site = path.resolve(outDir ?? process.env.SITE_OUT_DIR ?? 'dist');
  const indexer = createSearchIndexer();
  const { added } = await indexer.update(site);
  await indexer.close();
  console.log(`[search-index] indexed ${added} pages for search into ${path.join(site, 'pagefind')}`);
}
