import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** A random secret, long enough for the production guard. */
export const randomSecret = (): string => randomBytes(24).toString('base64url');

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The environment of a throwaway CMS (tests, benchmarks): fresh random secrets, a free port, an
 * admin account, an officer (Editor) account, SQLite at `databaseFile`. `extra` adds or overrides
 * settings (webhook, preview...).
 */
export async function throwawayCmsEnv(databaseFile: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    APP_KEYS: [randomSecret(), randomSecret()].join(','),
    API_TOKEN_SALT: randomSecret(),
    ADMIN_JWT_SECRET: randomSecret(),
    TRANSFER_TOKEN_SALT: randomSecret(),
    JWT_SECRET: randomSecret(),
    ENCRYPTION_KEY: randomSecret(),
    SITE_BUILD_TOKEN: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'editor@test.local',
    ADMIN_PASSWORD: `Test-${randomSecret()}`,
    EDITOR_EMAIL: 'redazione@test.local',
    EDITOR_PASSWORD: `Editor-1-${randomSecret()}`,
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    STRAPI_LOG_LEVEL: 'warn',
    PREVIEW_SECRET: randomSecret(),
    ...extra,
  };
}
