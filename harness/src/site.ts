import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SITE_DIR } from './paths.ts';

const ASTRO_BIN = path.join(SITE_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SEARCH_INDEX = path.join(SITE_DIR, 'scripts', 'search-index.ts');
const BUILD_GATE = path.join(SITE_DIR, 'scripts', 'build-gate.ts');
/** What a build started ahead of time has already loaded: the config and the content config's imports. */
const LOADED_AHEAD = ['site/src', 'site/scripts', 'site/astro.config.ts', 'site/.env', 'site/package.json', 'shared-types/src'].map((p) =>
  path.join(ROOT, p),
);

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
  /** The build had been started before it was asked for (createSiteBuilder). */
  startedAhead?: boolean;
}

/**
 * Paths (pages and endpoints) Astro rendered, and those its incremental build reused from the
 * previous build unchanged, read from its log: a line per rendered path, one line for the reused
 * (patches/astro@7.3.5.patch, core/build/generate.js).
 */
export function renderedPaths(output: string): { rendered: number; reused: number } {
  const rendered = (output.match(/├─/g) ?? []).length;
  const summary = /(\d+) paths cached, (\d+) restored: unchanged since the last build/.exec(output);
  return { rendered, reused: summary ? Number(summary[1]) + Number(summary[2]) : 0 };
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

/**
 * The folder Astro bundles the prerender of a build into this output folder in (patched: one per
 * output folder outside the project, named after it; CONTRIBUTING, "Patched dependencies"). Astro
 * removes it when a build ends, unless the build is killed.
 */
export function prerenderFolder(outDir: string): string {
  const outDirUrl = pathToFileURL(`${path.resolve(outDir)}/`).href;
  return path.join(SITE_DIR, '.astro', `.prerender-${createHash('sha1').update(outDirUrl).digest('hex').slice(0, 12)}`);
}

/** Builds into one folder again and again, each build started ahead of time (createSiteBuilder). */
export interface SiteBuilder {
  /** One `astro build`, with this build's own environment on top of the builder's; one call at a time. */
  build(env?: Record<string, string>): Promise<SiteBuildResult>;
  /**
   * Starts the next build ahead of time, once the last one has written its content store. Call it
   * when nothing reads or moves the output folder any more: the build empties it and writes its
   * bundle there before its gate. A build asked for without it starts on the spot.
   */
  startNext(): void;
  /** Whether the next build has started and stands at the gate (a build now goes straight on). */
  ready(): boolean;
  /** Stops the build waiting to be needed, once the last one has written its content store. */
  close(): Promise<void>;
}

/**
 * `astro build` into the same folder and cache each time (the publisher's staging folder, the
 * oracle's incremental builds), each started before it is asked for (`startNext()`). It loads
 * Node, Astro, the config and the last build's content store, bundles the site's code and links
 * the last build's pages into the output folder, then waits at a gate (site/scripts/build-gate.ts)
 * until `build()` opens it: that part of a build depends on no content, and at a thousand
 * projects it is about 9 s no edit waits for any more.
 *
 * A build waiting from before a change to the code it loaded (LOADED_AHEAD: the config, the
 * loaders and what they import) is stopped and a fresh one started, as is one that ended on its
 * own; either way the result is that of a build started on the spot. Its output, what it printed
 * while waiting included, is the build's output. A waiting build holds the content store: about
 * 0.5 GB at a thousand projects.
 */
export function createSiteBuilder({
  outDir,
  cacheDir,
  env = {},
  onOutput,
  timeoutMs = 15 * 60_000,
}: Omit<SiteBuildOptions, 'searchIndex'>): SiteBuilder {
  let next: WaitingBuild | null = null;
  let lastExit: Promise<void> = Promise.resolve();
  let closed = false;

  function startBuild(): WaitingBuild {
    const child = spawn(process.execPath, ['--import', BUILD_GATE, ASTRO_BIN, 'build'], {
      cwd: SITE_DIR,
      env: { ...process.env, ...siteBuildEnv(outDir, cacheDir), ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const build: WaitingBuild = {
      child,
      codeStamp: newestChange(LOADED_AHEAD),
      output: '',
      ended: false,
      ready: false,
      exit: new Promise((resolve) => child.on('close', resolve)),
      atGate: new Promise((resolve) => child.on('message', (message: BuildMessage) => 'atGate' in message && resolve())),
      succeeded: new Promise((resolve) => child.on('message', (message: BuildMessage) => 'succeeded' in message && resolve())),
    };
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      build.output += text;
      build.onOutput?.(text);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (_code, signal) => {
      build.ended = true;
      // Killed (set aside, timed out, or closed while waiting): Astro did not remove its bundle.
      // No other build into this folder runs until this one has exited.
      if (signal) rmSync(prerenderFolder(outDir), { recursive: true, force: true });
    });
    void build.atGate.then(() => {
      build.ready = true;
    });
    // A message to a build that has just ended fails here rather than as an unhandled error; its exit settles the build.
    child.on('error', () => {});
    return build;
  }

  return {
    async build(buildEnv = {}) {
      // The last build may still be writing the content store this one reads.
      await lastExit;
      const waiting = next;
      next = null;
      const startedAhead = waiting !== null && !waiting.ended && waiting.codeStamp === newestChange(LOADED_AHEAD);
      if (!startedAhead && waiting) {
        // Gone before the fresh build starts: both write the same output and prerender folders.
        waiting.child.kill('SIGKILL');
        await waiting.exit;
      }
      const build = startedAhead ? waiting : startBuild();
      const started = Date.now();
      build.onOutput = onOutput;
      if (build.output) onOutput?.(build.output);
      const timer = setTimeout(() => {
        build.output += '\nThe build did not finish in time and was stopped (astro.mjs).\n';
        build.child.kill('SIGKILL');
      }, timeoutMs);
      // Opened once the build stands at the gate: a message sent earlier could arrive before it listens.
      await Promise.race([build.atGate, build.exit]);
      if (!build.ended) build.child.send({ env: buildEnv }, () => {});
      const ok = await Promise.race([build.succeeded.then(() => true), build.exit.then((code) => code === 0)]);
      const durationMs = Date.now() - started;
      lastExit = build.exit.then(() => clearTimeout(timer));
      return { ok, output: build.output, durationMs, stepsMs: [durationMs], startedAhead };
    },
    startNext() {
      void lastExit.then(() => {
        if (!closed && !next) next = startBuild();
      });
    },
    ready: () => next?.ready === true && !next.ended,
    async close() {
      closed = true;
      await lastExit;
      next?.child.kill('SIGKILL');
      await next?.exit;
      next = null;
    },
  };
}

/** What a build started by a SiteBuilder tells it (site/scripts/build-gate.ts). */
export type BuildMessage = { atGate: true } | { succeeded: true };

interface WaitingBuild {
  child: ChildProcess;
  /** newestChange(LOADED_AHEAD) when it started. */
  codeStamp: number;
  /** All it printed so far. */
  output: string;
  onOutput?: (text: string) => void;
  ended: boolean;
  /** It stands at the gate. */
  ready: boolean;
  exit: Promise<number | null>;
  /** Settles when the build stands at the gate. */
  atGate: Promise<void>;
  /** Settles when its pages are written, before it writes the content store and exits. */
  succeeded: Promise<void>;
}

/** The newest modification time among these files and folders (recursively); missing ones count 0. */
function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
  };
  for (const file of paths) visit(file);
  return newest;
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
