import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { throwawayCmsEnv } from 'harness/test-env';
import type { SeedBundle } from 'shared-types';
import { ensureCmsBuilt, logTail, startCmsLogged, type RunningCms } from 'harness/cms';
import { loadStrapi, unloadStrapi } from 'harness/strapi-app';
import { importSeed } from '../seed/import.ts';

export interface BenchCms {
  cms: RunningCms;
  /** The environment the CMS runs with (secrets, temp database, admin account). */
  env: Record<string, string>;
  /** Working folder of this run: CMS log, fixture, builds, releases. */
  dir: string;
  /** Folder of the SQLite database (tmpfs when available). */
  dbDir: string;
  /** Compiling and bootstrapping Strapi in this process, before the import; null with an earlier run's database. */
  loadMs: number | null;
  importMs: number | null;
  importedEntries: number;
  tail(): string;
}

/**
 * A fresh CMS for one benchmark run: temp SQLite database and random secrets (as the CMS tests
 * do), the bundle imported through the Document Service in this process, then the server started.
 * `webhook` points the CMS's publish webhook at a publisher. With `database` (an earlier run's,
 * kept with --keep) the import is skipped: the CMS starts on it as it is.
 */
export async function startBenchCms(
  bundle: SeedBundle,
  webhook: { url: string; secret: string },
  log: (line: string) => void,
  database?: string,
): Promise<BenchCms> {
  ensureCmsBuilt(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'portfolio-bench-'));
  // The database on tmpfs when there is one: the import makes thousands of small writes, each
  // synced to disk otherwise. Reads (what the benchmark measures) come from the page cache either way.
  const dbDir = database
    ? path.dirname(path.resolve(database))
    : existsSync('/dev/shm')
      ? mkdtempSync(path.join('/dev/shm', 'portfolio-bench-db-'))
      : dir;
  const databaseFile = database ? path.resolve(database) : path.join(dbDir, 'bench.db');
  // The secrets and accounts a database was made with are kept beside it, for --db.
  const envFile = `${databaseFile}.env.json`;
  if (database && !existsSync(envFile)) throw new Error(`${envFile} is missing: --db takes the database a --keep run left`);
  const env: Record<string, string> = {
    ...(await throwawayCmsEnv(databaseFile)),
    ...(database ? (JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>) : {}),
    PUBLISH_WEBHOOK_URL: webhook.url,
    PUBLISH_WEBHOOK_SECRET: webhook.secret,
  };
  if (!database) {
    const { PORT: _port, PUBLISH_WEBHOOK_URL: _url, PUBLISH_WEBHOOK_SECRET: _secret, ...kept } = env;
    writeFileSync(envFile, JSON.stringify(kept));
  }
  const logFile = path.join(dir, 'cms.log');
  const start = async (loadMs: number | null, importMs: number | null, importedEntries: number): Promise<BenchCms> => {
    let cms: RunningCms;
    try {
      cms = await startCmsLogged(env, logFile, 'bench');
    } catch (error) {
      for (const folder of new Set(database ? [dir] : [dir, dbDir])) rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    return { cms, env, dir, dbDir, loadMs, importMs, importedEntries, tail: () => logTail(logFile, 40) };
  };
  if (database) {
    log(`[bench] starting on ${database} as it is (no import)`);
    return start(null, null, 0);
  }

  // loadStrapi reads the environment of this process (over cms/.env) and moves it to cms/. The
  // import runs without the webhook: thousands of publish events nobody listens to yet.
  const { PUBLISH_WEBHOOK_URL: _url, PUBLISH_WEBHOOK_SECRET: _secret, ...importEnv } = env;
  const saved = { ...process.env };
  const cwd = process.cwd();
  Object.assign(process.env, importEnv);
  let started = performance.now();
  let loadMs = 0;
  let importedEntries = 0;
  try {
    const strapi = await loadStrapi();
    loadMs = performance.now() - started;
    started = performance.now();
    try {
      const report = await importSeed(strapi, bundle, { emptyDatabase: true });
      importedEntries = Object.values(report.created).reduce((a, b) => a + b, 0);
    } finally {
      await unloadStrapi(strapi);
    }
  } finally {
    for (const key of Object.keys(importEnv)) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
    process.chdir(cwd);
  }
  const importMs = performance.now() - started;
  log(
    `[bench] Strapi loaded in ${(loadMs / 1000).toFixed(1)} s; imported ${importedEntries} localized entries in ${(importMs / 1000).toFixed(1)} s`,
  );

  return start(loadMs, importMs, importedEntries);
}
