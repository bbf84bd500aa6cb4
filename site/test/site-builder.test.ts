/**
 * The builder the publisher and the oracle use (harness/src/site.ts, createSiteBuilder): each
 * build is started before it is asked for and waits at a gate with the config and the last content
 * store loaded, the code bundled and the last build's pages linked in. What it is opened with must
 * reach the pages, another build of the site while it waits must leave its bundle alone, and a
 * change to the code it loaded while it waited must give a fresh build, not one that runs the old
 * code. A build killed while it waits leaves nothing behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, onTestFinished, test, vi } from 'vitest';
import { SITE_DIR } from 'harness/paths';
import { buildSite, createSiteBuilder, prerenderFolder } from 'harness/site';
import { formatDay } from '../src/lib/dates.ts';
import { site } from './support/site.ts';

test('a build started ahead of time takes the environment it is opened with, survives another build while it waits, and a code change while it waits gives a fresh one', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-builder-'));
  const outDir = path.join(dir, 'out');
  const builder = createSiteBuilder({ outDir, cacheDir: path.join(dir, 'cache'), env: site().buildEnv });
  onTestFinished(async () => {
    await builder.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // The statistics page's timeline marks the build date ("oggi (22 novembre 2026)").
  const today = () => readFileSync(path.join(outDir, 'statistiche', 'index.html'), 'utf8').match(/oggi \(([^)]+)\)/)?.[1];
  const build = async (env: Record<string, string>) => {
    const result = await builder.build(env);
    expect(result.ok, result.output.slice(-3000)).toBe(true);
    return result;
  };
  // As the publisher: the next build starts once the output of the last one has been read (it
  // empties the folder before its gate).
  const startNextBuild = () => {
    builder.startNext();
    return vi.waitFor(() => expect(builder.ready(), 'the next build stands at its gate').toBe(true), { timeout: 60_000, interval: 100 });
  };

  await startNextBuild();
  expect((await build({})).startedAhead).toBe(true);
  expect(today()).toBe(formatDay(site().buildDate, 'it'));

  // The build date is given when the gate opens, long after the build loaded its config and
  // bundled the code: its client scripts are written, and the last build's pages are linked in
  // from Astro's cache (those it renders again are replaced, the others kept).
  await startNextBuild();
  expect(readdirSync(path.join(outDir, '_astro')).some((file) => file.endsWith('.js'))).toBe(true);
  expect(statSync(path.join(outDir, 'statistiche', 'index.html')).nlink).toBeGreaterThan(1);
  // Another build of the site runs meanwhile, as a draft preview does, into its own folder: the
  // waiting build's bundle is its own, not removed with the other's (Astro bundles both into the
  // project's .astro/).
  const other = await buildSite({
    outDir: path.join(dir, 'preview'),
    cacheDir: path.join(dir, 'preview-cache'),
    env: site().buildEnv,
    searchIndex: false,
  });
  expect(other.ok, other.output.slice(-3000)).toBe(true);
  expect((await build({ BUILD_DATE: '2031-01-15' })).startedAhead).toBe(true);
  expect(today()).toBe(formatDay('2031-01-15', 'it'));

  // A file the waiting build loaded (the loaders import it) changes: that build is set aside.
  await startNextBuild();
  const loaded = path.join(SITE_DIR, 'src', 'lib', 'build-date.ts');
  const now = new Date();
  utimesSync(loaded, now, now);
  const afterChange = await build({ BUILD_DATE: '2031-01-16' });
  expect(afterChange.startedAhead).toBe(false);
  expect(today()).toBe(formatDay('2031-01-16', 'it'));

  // Closed while a build waits: that build is killed, and its bundle does not stay behind.
  await startNextBuild();
  expect(existsSync(prerenderFolder(outDir)), 'the waiting build bundled into its own folder').toBe(true);
  await builder.close();
  expect(existsSync(prerenderFolder(outDir))).toBe(false);
});
