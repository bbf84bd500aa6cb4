import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { descendants, parsePpid, parseVmRssKb } from './measure.ts';

const readOr = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
};

/** Resident memory (KiB) of a process and all its descendants, read from /proc. */
export function treeRssKb(root: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOr(`/proc/${name}/stat`);
    const ppid = stat ? parsePpid(stat) : null;
    if (ppid !== null) parents.set(Number(name), ppid);
  }
  return descendants(root, parents).reduce((sum, pid) => sum + (parseVmRssKb(readOr(`/proc/${pid}/status`) ?? '') ?? 0), 0);
}

export interface MeasuredRun {
  ok: boolean;
  code: number | null;
  durationMs: number;
  /** Highest sum of VmRSS over the process tree, sampled every `intervalMs`. */
  peakRssKb: number;
  output: string;
}

/** Runs a command, sampling the RSS of its process tree; resolves whether it succeeded or not. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number },
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peakRssKb = 0;
  let output = '';
  const sample = () => {
    if (child.pid !== undefined && child.exitCode === null) peakRssKb = Math.max(peakRssKb, treeRssKb(child.pid));
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ok: code === 0, code, durationMs: performance.now() - started, peakRssKb, output });
    });
  });
}
