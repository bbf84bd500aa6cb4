import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { CMS_DIR, CMS_ENV_FILE, SITE_ENV_FILE } from './paths.ts';

const PLACEHOLDER = 'change-me';

/**
 * Node's own .env parser: KEY=value lines, quotes taken off, `#` starting a comment, no
 * interpolation; the same reading as the dotenv Strapi loads cms/.env with, and as the site's config.
 */
export { parseEnv };

export function readEnvFile(file: string): NodeJS.Dict<string> {
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}

/** Replaces every placeholder of the template with its own random secret. */
export function fillSecrets(template: string, random = () => randomBytes(24).toString('base64url')): string {
  return template
    .split('\n')
    .map((line) => (line.startsWith('#') ? line : line.replaceAll(PLACEHOLDER, () => random())))
    .join('\n');
}

/**
 * Lines of `template` whose keys `existing` lacks, secrets filled: what a newer .env.example adds
 * to an existing .env (existing values are never touched).
 */
export function missingLines(existing: string, template: string): string[] {
  const have = parseEnv(existing);
  return fillSecrets(template)
    .split('\n')
    .filter((line) => {
      const key = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
      return key !== undefined && !(key in have);
    });
}

/**
 * Creates cms/.env from cms/.env.example with fresh secrets on the first run (later runs only add
 * the keys a newer template introduced), and site/.env with the CMS URL and the build token.
 * Returns true when cms/.env was created now.
 */
export function ensureEnvFiles(): boolean {
  let created = false;
  const template = readFileSync(path.join(CMS_DIR, '.env.example'), 'utf8');
  if (!existsSync(CMS_ENV_FILE)) {
    writeFileSync(CMS_ENV_FILE, fillSecrets(template), { mode: 0o600 });
    created = true;
  } else {
    const added = missingLines(readFileSync(CMS_ENV_FILE, 'utf8'), template);
    if (added.length > 0) appendFileSync(CMS_ENV_FILE, `\n# Added from a newer .env.example\n${added.join('\n')}\n`);
  }
  if (!existsSync(SITE_ENV_FILE)) {
    const cms = readEnvFile(CMS_ENV_FILE);
    writeFileSync(
      SITE_ENV_FILE,
      [
        '# Written by the first `npm start`: where the site build reads published content.',
        `STRAPI_URL=http://localhost:${cms.PORT ?? '1337'}`,
        `STRAPI_TOKEN=${cms.SITE_BUILD_TOKEN ?? ''}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  }
  return created;
}
