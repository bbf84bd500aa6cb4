import type { Core } from '@strapi/strapi';

/** The admin password .env.example ships with; accepted for local use only. */
export const DEFAULT_ADMIN_PASSWORD = 'Portfolio-2026';

const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'SITE_BUILD_TOKEN',
  'PUBLISH_WEBHOOK_SECRET',
  'PREVIEW_SECRET',
] as const;

const PLACEHOLDERS = ['change-me', 'tobemodified', 'changeme', 'secret'];

/** Problems that make the environment unfit for production; empty when it is fit. */
export function productionProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const name of SECRETS) {
    const values = (env[name] ?? '').split(',').map((value) => value.trim());
    if (values.some((value) => value.length < 16 || PLACEHOLDERS.includes(value.toLowerCase()))) {
      problems.push(`${name} is missing, a placeholder or shorter than 16 characters`);
    }
  }
  if (env.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD) {
    problems.push('ADMIN_PASSWORD is the default local password');
  }
  if ((env.EDITOR_PASSWORD ?? '').toLowerCase().includes('change-me')) {
    problems.push('EDITOR_PASSWORD is the .env.example placeholder');
  }
  const origins = (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim());
  if (origins.includes('*')) {
    problems.push('CORS_ORIGINS allows every origin ("*")');
  }
  return problems;
}

/** Refuses to start in production with placeholder secrets, the default password or open CORS. */
export function assertProductionReady(strapi: Core.Strapi): void {
  if (process.env.NODE_ENV !== 'production') return;
  const problems = productionProblems(process.env);
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start in production:\n- ${problems.join('\n- ')}\nSet real values in the environment (see cms/.env.example).`,
    );
  }
  strapi.log.info('Production configuration checked: secrets set, no default password, CORS restricted');
}

/** In production, refuses to run while an admin account still uses the default password. */
export async function assertNoDefaultAdminPassword(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV !== 'production') return;
  const users = await strapi.db.query('admin::user').findMany({ select: ['email', 'password'] });
  const auth = strapi.service('admin::auth') as { validatePassword(p: string, h: string): Promise<boolean> };
  for (const user of users) {
    if (user.password && (await auth.validatePassword(DEFAULT_ADMIN_PASSWORD, user.password))) {
      throw new Error(`Refusing to start in production: admin ${user.email} still has the default password`);
    }
  }
}
