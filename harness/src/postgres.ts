import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { CMS_DIR } from './paths.ts';

// pg is the CMS's dependency.
const require = createRequire(`${CMS_DIR}/package.json`);

/** The throwaway role and database the PostgreSQL test runs use (never a production database). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://portfolio_test:portfolio_test@127.0.0.1:5432/portfolio_test';

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const psql = (sql: string) => run('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -qAtc "${sql.replace(/"/g, '\\"')}"`]);

/**
 * Makes sure the machine's PostgreSQL answers and holds the test role and database: starts the
 * Debian cluster when it is down (the machines ship PostgreSQL stopped) and creates both if
 * missing. Throws with what to do when PostgreSQL is not installed or cannot start.
 */
export function ensureTestPostgres(): string {
  if (process.env.TEST_DATABASE_URL) return TEST_DATABASE_URL;
  let clusters: string;
  try {
    clusters = run('pg_lsclusters', ['--no-header']);
  } catch {
    throw new Error('PostgreSQL is not installed (pg_lsclusters not found): install postgresql, or set TEST_DATABASE_URL to a server');
  }
  for (const line of clusters.trim().split('\n')) {
    const [version, name, , status] = line.trim().split(/\s+/);
    if (version && name && status !== 'online') run('pg_ctlcluster', [version, name, 'start']);
  }
  if (psql("SELECT 1 FROM pg_roles WHERE rolname='portfolio_test'").trim() !== '1') {
    psql("CREATE ROLE portfolio_test LOGIN PASSWORD 'portfolio_test'");
  }
  if (psql("SELECT 1 FROM pg_database WHERE datname='portfolio_test'").trim() !== '1') {
    psql('CREATE DATABASE portfolio_test OWNER portfolio_test');
  }
  return TEST_DATABASE_URL;
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/**
 * A fresh schema in the test database for one run (a CMS test suite, the battery): the settings a
 * throwaway CMS needs to use it, and `drop()` to remove it afterwards.
 */
export async function createTestSchema(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const { Client } = require('pg') as { Client: new (options: { connectionString: string }) => PgClient };
  const url = ensureTestPostgres();
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema },
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
