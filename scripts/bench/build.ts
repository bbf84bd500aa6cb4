import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SITE_DIR } from 'harness/paths';
import { siteBuildEnv, siteBuildSteps } from 'harness/site';
import { runMeasured } from './process-tree.ts';

export interface BuildMeasurement {
  ok: boolean;
  durationMs: number;
  pages: number;
  pagesPerSecond: number;
  peakRssMb: number;
  /** Time of each step: Astro's build, then the search index. */
  stepsMs: number[];
  /** The end of Astro's output when the build failed. */
  error?: string;
}

/** Every index.html under a built site, as URL paths (/progetti/x/). */
export function builtPages(outDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string, urlPath: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${urlPath}${entry.name}/`);
      else if (entry.name === 'index.html') pages.push(urlPath);
    }
  };
  walk(outDir, '/');
  return pages.sort();
}

/**
 * Builds the site as harness/src/site.ts does (astro build, then the search index), timing both
 * and sampling the RSS of each step's process tree: the peak is the larger of the two.
 */
export async function measureBuild(outDir: string, cacheDir: string, env: Record<string, string>): Promise<BuildMeasurement> {
  let durationMs = 0;
  let peakRssKb = 0;
  const stepsMs: number[] = [];
  for (const args of siteBuildSteps(outDir)) {
    const run = await runMeasured(process.execPath, args, {
      cwd: SITE_DIR,
      env: { ...process.env, ...siteBuildEnv(outDir, cacheDir), ...env },
    });
    durationMs += run.durationMs;
    stepsMs.push(run.durationMs);
    peakRssKb = Math.max(peakRssKb, run.peakRssKb);
    if (!run.ok) {
      return {
        ok: false,
        durationMs,
        pages: 0,
        pagesPerSecond: 0,
        peakRssMb: peakRssKb / 1024,
        stepsMs,
        error: run.output.trimEnd().split('\n').slice(-25).join('\n'),
      };
    }
  }
  const pages = builtPages(outDir).length;
  return { ok: true, durationMs, pages, pagesPerSecond: pages / (durationMs / 1000), peakRssMb: peakRssKb / 1024, stepsMs };
}

/** Whether the site's loader reads SITE_FIXTURE_FILE (the floor needs it; see the benchmark README). */
export function loaderHasFixtureSwitch(): boolean {
  return readFileSync(path.join(SITE_DIR, 'src', 'lib', 'strapi', 'loader.ts'), 'utf8').includes('SITE_FIXTURE_FILE');
}
