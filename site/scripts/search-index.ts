/**
 * `node scripts/search-index.ts [folder]`: indexes a built site with Pagefind (static full-text
 * search, no server) into <folder>/pagefind/. The folder defaults to SITE_OUT_DIR, then ./dist.
 *
 * A step of its own after `astro build` rather than an Astro integration: Astro keeps its whole
 * build in memory until its last hook returns, and Pagefind needs as much again for a large
 * site, so running them one after the other halves the build's peak memory.
 * Only what the build published is indexed, so drafts can never reach the index.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

const site = path.resolve(process.argv[2] ?? process.env.SITE_OUT_DIR ?? 'dist');

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
if (added.page_count === 0) throw new Error(`Pagefind found no pages in ${site}: was the site built there?`);
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`[search-index] indexed ${added.page_count} pages for search into ${path.join(site, 'pagefind')}`);
