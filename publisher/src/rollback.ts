/**
 * `npm run rollback [release-id]`: puts a previous release live again (the one before the live
 * one by default). Works while the publisher runs: the switch is one atomic rename.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_DIR } from 'harness/paths';
import { createReleases } from './releases.ts';

const releases = createReleases(process.env.PUBLISHER_RELEASES_DIR ?? path.join(SITE_DIR, 'releases'), Number.POSITIVE_INFINITY);
const all = releases.list();
const live = releases.liveId();
const {
  positionals: [requested],
} = parseArgs({ allowPositionals: true });
const wanted = requested ?? all[all.findIndex((r) => r.id === live) + 1]?.id;

if (!wanted) {
  console.error(`No release to roll back to. Releases (newest first): ${all.map((r) => r.id).join(', ') || 'none'}`);
  process.exit(1);
}
releases.switchTo(wanted);
console.log(`Live release: ${wanted} (was ${live ?? 'none'}). Releases kept: ${all.map((r) => r.id).join(', ')}`);
