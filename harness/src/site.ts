import { spawn } from 'node:child_process';
import path from 'node:path';
import { SITE_DIR } from './paths.ts';

const ASTRO_BIN = path.join(SITE_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SEARCH_INDEX = path.join(SITE_DIR, 'scripts', 'search-index.ts');

export interface SiteBuildOptions {
  /** Folder the static site is written to. */
  outDir: string;
  /** Astro's cache (content-layer store, optimised images); reuse it between builds to go faster. */
  cacheDir?: string;
  /** Extra environment: STRAPI_URL, STRAPI_TOKEN, SITE_URL, BUILD_DATE... */
  env?: Record<string, string>;
  onOutput?: (chunk: string) => void;
  /** A build that hangs is killed and reported failed after this long. */
  timeoutMs?: number;
  /** Run the search-index step (default); false when the caller keeps its own index (the publisher). */
  searchIndex?: boolean;
}

export interface SiteBuildResult {
  ok: boolean;
  output: string;
  durationMs: number;
  /** Time of each step that ran: Astro's build, then the search index. */
  stepsMs?: number[];
}

/**
 * Paths (pages and endpoints) Astro rendered, and those its incremental build reused from the
 * previous build unchanged, read from its log.
 */
export function renderedPaths(output: string): { rendered: number; reused: number } {
  const paths = (output.match(/├─/g) ?? []).length;
  const reused = (output.match(/\((cached|restored)\)/g) ?? []).length;
  return { rendered: paths - reused, reused };
}

/** The two steps of a site build, in order: Astro's, then Pagefind's index of what it wrote. */
export function siteBuildSteps(outDir: string): string[][] {
  return [
    [ASTRO_BIN, 'build'],
    [SEARCH_INDEX, outDir],
  ];
}

/**
 * Builds the site into `outDir`: `astro build`, then the search index (the same two steps as
 * `pnpm --filter site build`). Resolves with the output of both whether they succeeded or not.
 */
export async function buildSite({
  outDir,
  cacheDir,
  env = {},
  onOutput,
  timeoutMs = 15 * 60_000,
  searchIndex = true,
}: SiteBuildOptions): Promise<SiteBuildResult> {
  const started = Date.now();
  let output = '';
  const stepsMs: number[] = [];
  for (const args of siteBuildSteps(outDir).slice(0, searchIndex ? 2 : 1)) {
    const stepStarted = Date.now();
    const step = await runStep(args, { ...siteBuildEnv(outDir, cacheDir), ...env }, started + timeoutMs, (text) => {
      output += text;
      onOutput?.(text);
    });
    stepsMs.push(Date.now() - stepStarted);
    if (!step.ok) return { ok: false, output, durationMs: Date.now() - started, stepsMs };
  }
  return { ok: true, output, durationMs: Date.now() - started, stepsMs };
}

/**
 * The environment of both steps: where to write, Astro's cache, no telemetry, and always a
 * production build: run from Vitest, NODE_ENV is 'test', and Vite would then bundle React's
 * development build into the islands (120 KB gzip instead of 60).
 */
export function siteBuildEnv(outDir: string, cacheDir?: string): Record<string, string> {
  return { ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', SITE_OUT_DIR: outDir, ...(cacheDir ? { SITE_CACHE_DIR: cacheDir } : {}) };
}

function runStep(args: string[], env: Record<string, string>, deadline: number, collect: (text: string) => void): Promise<{ ok: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: SITE_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => collect(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => collect(chunk.toString()));
    const timer = setTimeout(
      () => {
        collect(`\nThe build did not finish in time and was stopped (${path.basename(args[0]!)}).\n`);
        child.kill('SIGKILL');
      },
      Math.max(0, deadline - Date.now()),
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 });
    });
  });
}
