import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CMS_DIR, ROOT } from './paths.ts';

const STRAPI_BIN = path.join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const BUILD_STAMP = path.join(CMS_DIR, 'dist', '.build-stamp');
/** What the compiled server and the admin bundle are made from (the admin imports the enumeration
 * labels and the URL scheme from shared-types too). */
const BUILD_INPUTS = ['src', 'config', 'package.json', 'tsconfig.json', '../shared-types/src'];

function hashTree(entry: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) hashTree(path.join(entry, name), hash);
  } else {
    hash.update(path.relative(CMS_DIR, entry)).update(readFileSync(entry));
  }
}

function buildFingerprint(): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) hashTree(path.join(CMS_DIR, input), hash);
  hash.update(readFileSync(path.join(ROOT, 'pnpm-lock.yaml')));
  return hash.digest('hex');
}

/** Builds the CMS (server TypeScript and admin panel) unless its sources are unchanged since the last build. */
export function ensureCmsBuilt(log: (line: string) => void = console.log): void {
  const fingerprint = buildFingerprint();
  if (existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, 'utf8') === fingerprint) return;
  log('[cms] building the CMS (server and admin panel, about a minute)...');
  const started = Date.now();
  const result = spawnSync(process.execPath, [STRAPI_BIN, 'build'], {
    cwd: CMS_DIR,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) throw new Error(`strapi build failed with exit code ${result.status}`);
  writeFileSync(BUILD_STAMP, fingerprint);
  log(`[cms] built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export interface RunningCms {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Resolves once GET /_health answers, rejects when the process exits first or time runs out. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the CMS exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the CMS did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts the built CMS server (`strapi start`) with the given environment on top of cms/.env
 * and waits until it answers. Output goes to `onOutput` (defaults to this process's stdout).
 */
export async function startCms(
  env: Record<string, string> = {},
  onOutput: (chunk: string) => void = (chunk) => process.stdout.write(chunk),
): Promise<RunningCms> {
  const port = env.PORT ?? process.env.PORT ?? '1337';
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: CMS_DIR,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', onOutput);
  child.stderr!.setEncoding('utf8').on('data', onOutput);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}

/** The last lines of a log file, for error messages. */
export const logTail = (file: string, lines = 60): string =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no output)';

/**
 * Starts the CMS with its output appended to `logFile`. A CMS that does not come up fails with the
 * log's last lines; one that exits before `stop()` says so on stderr, with them too.
 */
export async function startCmsLogged(env: Record<string, string>, logFile: string, label = 'test'): Promise<RunningCms> {
  let cms: RunningCms;
  try {
    cms = await startCms(env, (chunk) => appendFileSync(logFile, chunk));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- CMS output ---\n${logTail(logFile)}`);
  }
  const onExit = (code: number | null, signal: string | null) =>
    console.error(`[${label}] the CMS exited (code ${code}, signal ${signal}):\n${logTail(logFile)}`);
  cms.process.on('exit', onExit);
  const { stop } = cms;
  return {
    ...cms,
    stop: () => {
      cms.process.off('exit', onExit);
      return stop();
    },
  };
}

/** Runs `pnpm seed` logic in a child process with the given environment; throws when it fails. */
export function runSeed(env: Record<string, string> = {}, args: string[] = []): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'seed', 'run.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`seed failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Logs into the admin API as the admin panel does and returns the bearer token. Strapi
 * rate-limits logins (as it should): suites log in once and share the token.
 */
export async function adminLogin(cmsUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { data?: { token?: string } };
  if (!response.ok || !body.data?.token)
    throw new Error(`admin login at ${cmsUrl} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body.data.token;
}

/** A document as the admin API gives it. */
export type AdminDocument = { documentId: string } & Record<string, unknown>;
/** One document (`data`) or a page of them (`results`), as the route answers. */
export type AdminAnswer = { data: AdminDocument; results: AdminDocument[] };

/** Calls the admin API (content-manager) as the admin panel does; throws on an unexpected status. */
export async function adminRequest(
  cmsUrl: string,
  token: string,
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<AdminAnswer> {
  const response = await fetch(`${cmsUrl}${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${pathAndQuery} answered ${response.status}: ${JSON.stringify(json)}`);
  return json as AdminAnswer;
}
