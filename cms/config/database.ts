import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite by default (a file under cms/data/, no server needed); PostgreSQL when
 * DATABASE_CLIENT=postgres, configured by DATABASE_URL or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', 'localhost'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'portfolio'),
          user: env('DATABASE_USERNAME', 'portfolio'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative paths are resolved from cms/, not from the compiled dist/ folder.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', 'data/portfolio.db')),
      },
      useNullAsDefault: true,
    },
  };
};

export default config;
