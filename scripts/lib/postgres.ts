import { execFileSync } from 'node:child_process';

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
