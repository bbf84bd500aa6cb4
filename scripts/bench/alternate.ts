/**
 * `pnpm bench:alternate --db 1000=FILE --db 200=FILE [--rounds 8] [--gate-wait-ms 1500]`
 *
 * Project edits built at several scales, alternated, so that every scale meets the same machine:
 * this 2-core machine drifts by a third within minutes, more than most changes move a build, and
 * the ratio of a project edit at 1,000 projects to one at 200 (issue 12's target) taken from two
 * benchmark runs made one after the other carries that drift. Each scale runs on a database an
 * earlier `pnpm bench --keep` left, with its own CMS and site builder, the builder alone (no
 * publisher, no search index). Every round edits one project's Italian summary at each scale, the
 * order reversed every other round, and builds it; the build waits at its gate `--gate-wait-ms`
 * first, as one started ahead of time does. Prints each build's site-build time (from its gate to
 * its pages written) and its [timing] parts, then the medians and the ratio of the first scale to
 * the second (scripts/bench/README.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminLogin } from 'harness/cms';
import { generateBundle, SCALES, type Scale } from 'harness/generate';
import { createSiteBuilder, type SiteBuilder } from 'harness/site';
import { buildTimings } from '../../site/src/lib/build-timing.ts';
import { startBenchCms, type BenchCms } from './cms.ts';
import { adminCall, collectionEdit } from './publish.ts';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    db: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '8' },
    'gate-wait-ms': { type: 'string', default: '1500' },
    seed: { type: 'string', default: '20261122' },
  },
});
const scales = args.db.map((spec) => {
  const [scale, file] = spec.split(/=(.*)/s) as [string, string | undefined];
  if (!(scale in SCALES) || !file) {
    console.error(`--db takes <scale>=<database file>, the scale one of ${Object.keys(SCALES).join(', ')}; got "${spec}"`);
    process.exit(2);
  }
  return { scale: scale as Scale, file };
});
if (scales.length < 2) {
  console.error(
    'Give at least two scales, each with the database a `pnpm bench --scale <scale> --keep` run left: --db 1000=FILE --db 200=FILE',
  );
  process.exit(2);
}
const rounds = Number(args.rounds);
const gateWaitMs = Number(args['gate-wait-ms']);
const log = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Site {
  scale: Scale;
  builder: SiteBuilder;
  edit: (marker: string) => Promise<unknown>;
  builds: Array<{ ms: number; parts: Record<string, number> }>;
}

const sites: Site[] = [];
/** What to stop and remove at the end, newest first: each CMS and builder as soon as it runs. */
const cleanups: Array<() => Promise<void> | void> = [];
try {
  for (const { scale, file } of scales) {
    const bundle = generateBundle({ projects: SCALES[scale], seed: Number(args.seed) });
    // The webhook goes nowhere: the builds are started here, not by a publisher.
    const bench: BenchCms = await startBenchCms(bundle, { url: 'http://127.0.0.1:9/webhook', secret: 'unused' }, log, file);
    // The database stays where the earlier run kept it; this run's CMS folder goes.
    cleanups.unshift(async () => {
      await bench.cms.stop();
      rmSync(bench.dir, { recursive: true, force: true });
    });
    const folder = mkdtempSync(path.join(tmpdir(), `bench-alternate-${scale}-`));
    cleanups.unshift(() => rmSync(folder, { recursive: true, force: true }));
    const builder = createSiteBuilder({
      outDir: path.join(folder, 'out'),
      cacheDir: path.join(folder, 'cache'),
      env: { STRAPI_URL: bench.cms.url, STRAPI_TOKEN: bench.env.SITE_BUILD_TOKEN!, SITE_URL: 'http://localhost:4321' },
    });
    cleanups.unshift(() => builder.close());
    const adminToken = await adminLogin(bench.cms.url, bench.env.ADMIN_EMAIL!, bench.env.ADMIN_PASSWORD!);
    const call = adminCall(bench.cms.url, adminToken, `${scale} projects`);
    const list = (await (
      await fetch(`${bench.cms.url}/content-manager/collection-types/api::project.project?locale=it&pageSize=1`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { results: Array<{ documentId: string }> };
    const project = list.results[0]?.documentId;
    if (!project) throw new Error(`${scale}: the database has no project to edit`);
    const publish = collectionEdit('api::project.project', project, (marker) => ({ summary: `Sintesi aggiornata ${marker}.` }));
    const site: Site = { scale, builder, edit: (marker) => publish(marker, call), builds: [] };
    sites.push(site);
    const cold = await builder.build();
    if (!cold.ok) throw new Error(`${scale}: the cold build failed:\n${cold.output.slice(-3000)}`);
    log(`[alternate] ${scale}: cold build ${(cold.durationMs / 1000).toFixed(1)} s`);
  }

  for (let round = 0; round < rounds; round++) {
    for (const site of round % 2 === 0 ? sites : [...sites].reverse()) {
      site.builder.startNext();
      while (!site.builder.ready()) await sleep(100);
      await sleep(gateWaitMs);
      await site.edit(`Alternate${round}${Date.now()}`);
      const result = await site.builder.build();
      if (!result.ok) throw new Error(`${site.scale}: the build of round ${round} failed:\n${result.output.slice(-3000)}`);
      site.builds.push({ ms: result.durationMs, parts: buildTimings(result.output) });
      log(`[alternate] round ${round + 1}/${rounds}, ${site.scale}: site build ${(result.durationMs / 1000).toFixed(2)} s`);
    }
  }

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\n## Project edits alternated between scales (${rounds} rounds, ${gateWaitMs} ms at the gate)\n`);
  console.log(`| | ${sites.map((s) => `${s.scale} projects`).join(' | ')} |`);
  console.log(`| --- | ${sites.map(() => '---:').join(' | ')} |`);
  console.log(`| site build, median | ${sites.map((s) => seconds(median(s.builds.map((b) => b.ms)))).join(' | ')} |`);
  console.log(`| site build, each round | ${sites.map((s) => s.builds.map((b) => (b.ms / 1000).toFixed(2)).join(', ')).join(' | ')} |`);
  const parts = [...new Set(sites.flatMap((s) => s.builds.flatMap((b) => Object.keys(b.parts))))];
  for (const part of parts)
    console.log(`| ${part}, median | ${sites.map((s) => seconds(median(s.builds.map((b) => b.parts[part] ?? 0)))).join(' | ')} |`);
  const [first, second] = sites as [Site, Site];
  const ratio = median(first.builds.map((b) => b.ms)) / median(second.builds.map((b) => b.ms));
  const perRound = first.builds.map((b, i) => b.ms / second.builds[i]!.ms);
  console.log(
    `\nRatio of the medians, ${first.scale} to ${second.scale} projects: ${ratio.toFixed(2)}× (round by round ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}×).`,
  );
} finally {
  for (const cleanup of cleanups) await cleanup();
}
