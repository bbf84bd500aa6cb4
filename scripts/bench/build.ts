import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SITE_DIR } from '../lib/paths.ts';
import { runMeasured } from './process-tree.ts';

const ASTRO_BIN = path.join(SITE_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildMeasurement {
  ok: boolean;
  durationMs: number;
  pages: number;
  pagesPerSecond: number;
  peakRssMb: number;
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

/** Runs `astro build` as scripts/lib/site.ts does, timing it and sampling the RSS of its process tree. */
export async function measureBuild(outDir: string, cacheDir: string, env: Record<string, string>): Promise<BuildMeasurement> {
  const run = await runMeasured(process.execPath, [ASTRO_BIN, 'build'], {
    cwd: SITE_DIR,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir, ...env },
  });
  const pages = run.ok ? builtPages(outDir).length : 0;
  return {
    ok: run.ok,
    durationMs: run.durationMs,
    pages,
    pagesPerSecond: pages / (run.durationMs / 1000),
    peakRssMb: run.peakRssKb / 1024,
    ...(run.ok ? {} : { error: run.output.trimEnd().split('\n').slice(-25).join('\n') }),
  };
}

/** Whether the site's loader reads SITE_FIXTURE_FILE (the floor needs it; see the benchmark README). */
export function loaderHasFixtureSwitch(): boolean {
  return readFileSync(path.join(SITE_DIR, 'src', 'lib', 'strapi', 'loader.ts'), 'utf8').includes('SITE_FIXTURE_FILE');
}
