import { createRequire } from 'node:module';
import { CMS_DIR } from './paths.ts';

const require = createRequire(import.meta.url);

/**
 * The part of a loaded Strapi instance scripts use. The cms package owns Strapi's types: the
 * seed and the benchmark pass data the Document Service validates at run time.
 */
export interface StrapiApp {
  // biome-ignore lint/suspicious/noExplicitAny: Strapi's types live in the cms package, not here.
  documents(uid: string): any;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  db: { query(uid: string): any; transaction<T>(work: () => Promise<T>): Promise<T>; connection: any };
  log: { level: string };
  destroy(): Promise<void>;
}

/**
 * Loads the CMS in this process (compiled, bootstrapped, not listening) for scripts that work
 * through the Document Service: seeding and benchmarks. The caller must `unloadStrapi()` it.
 * Strapi reads cms/.env from the working directory, so the process moves there.
 */
export async function loadStrapi(): Promise<StrapiApp> {
  process.chdir(CMS_DIR);
  process.env.STRAPI_LOG_LEVEL ??= 'warn';
  // The CommonJS entry: Strapi's ESM build lazily calls require(), which ESM does not have.
  const { compileStrapi, createStrapi } = require(require.resolve('@strapi/strapi', { paths: [CMS_DIR] }));
  const appContext = await compileStrapi({ appDir: CMS_DIR });
  const strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  return strapi;
}

/**
 * Stops a loaded Strapi once its background queries are done. Plugins (content-releases) update
 * their bookkeeping after each write without awaiting it; after a long transaction hundreds of
 * those wait for the connection, and destroying the pool under them crashes the process.
 */
export async function unloadStrapi(strapi: StrapiApp): Promise<void> {
  const pool = strapi.db.connection.client.pool as { numPendingAcquires(): number; numUsed(): number } | undefined;
  const deadline = Date.now() + 30_000;
  while (pool && (pool.numPendingAcquires() > 0 || pool.numUsed() > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await strapi.destroy();
}
