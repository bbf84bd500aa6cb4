import { spawn } from 'node:child_process';
import path from 'node:path';
import { SITE_DIR } from './paths.ts';

const ASTRO_BIN = path.join(SITE_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');

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
}

export interface SiteBuildResult {
  ok: boolean;
  output: string;
  durationMs: number;
}

/** Runs `astro build` into `outDir`; resolves with its output whether it succeeded or not. */
export function buildSite({ outDir, cacheDir, env = {}, onOutput, timeoutMs = 15 * 60_000 }: SiteBuildOptions): Promise<SiteBuildResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
      cwd: SITE_DIR,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        SITE_OUT_DIR: outDir,
        ...(cacheDir ? { SITE_CACHE_DIR: cacheDir } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\nThe build did not finish within ${timeoutMs / 1000} s and was stopped.\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output, durationMs: Date.now() - started });
    });
  });
}
