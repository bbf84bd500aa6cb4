import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

/** Where the site reads from and where it will live. One place for the build's settings. */
export interface SiteConfig {
  /** Base URL of the CMS, e.g. http://localhost:1337. */
  cmsUrl: string;
  /** Read-only API token for published content. */
  cmsToken: string;
  /** Public URL of the site (canonical links, sitemap, feed). */
  siteUrl: string;
  /** Attempts per CMS request before the build fails, and the first backoff delay (doubling). */
  cmsAttempts: number;
  cmsBackoffMs: number;
  /**
   * Set only for draft previews (by the preview server): the build reads drafts, sending this
   * secret, and its output is served to editors only — never published.
   */
  previewSecret: string | null;
  /** Astro's cache folder (the content store, the incremental build's pages, the CMS's version lists): absolute. */
  cacheDir: string;
}

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let envFileValues: NodeJS.Dict<string> | undefined;
/** site/.env read by Node's own parser, as harness/src/env-file.ts reads cms/.env; once per process (a build asks per page). */
function envFile(): NodeJS.Dict<string> {
  const file = path.join(SITE_DIR, '.env');
  return (envFileValues ??= existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {});
}

/** Environment variables win over site/.env (written by the first `npm start`). */
export function siteConfig(): SiteConfig {
  const file = envFile();
  const get = (name: string, fallback: string) => process.env[name] ?? file[name] ?? fallback;
  return {
    cmsUrl: get('STRAPI_URL', 'http://localhost:1337').replace(/\/$/, ''),
    cmsToken: get('STRAPI_TOKEN', ''),
    siteUrl: get('SITE_URL', 'http://localhost:4321'),
    cmsAttempts: Number(get('STRAPI_ATTEMPTS', '5')),
    cmsBackoffMs: Number(get('STRAPI_BACKOFF_MS', '500')),
    previewSecret: process.env.STRAPI_PREVIEW_SECRET || null,
    cacheDir: path.resolve(SITE_DIR, get('SITE_CACHE_DIR', './node_modules/.astro')),
  };
}
