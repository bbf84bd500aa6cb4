import { registerHooks, stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE_DIR } from 'harness/paths';

/** The part of the site's CMS client (site/src/lib/strapi/client.ts) the benchmark drives. */
export interface SiteClient {
  readonly requestCount: number;
  listAll(path: string, locale: string, populate: object): Promise<unknown[]>;
  getSingle(path: string, locale: string, populate: object): Promise<unknown | null>;
}
type CreateClient = (options: { baseUrl: string; token: string; attempts?: number }) => SiteClient;

const SITE_SOURCES = pathToFileURL(path.join(SITE_DIR, 'src')).href;
let hooked = false;

/**
 * Imports the site's own client, so the benchmark reads the CMS exactly as the build does.
 * The site's TypeScript is compiled by Vite, not Node: errors.ts uses parameter properties, which
 * Node's type stripping refuses, so site sources are transformed (not just stripped) on load.
 * The specifier is computed so the scripts' type-check does not pull in the site's sources.
 */
export async function importSiteClient(): Promise<CreateClient> {
  if (!hooked) {
    hooked = true;
    registerHooks({
      load(url, context, nextLoad) {
        const result = nextLoad(url, context);
        if (!url.startsWith(SITE_SOURCES) || !url.endsWith('.ts')) return result;
        return { ...result, format: 'module', source: stripTypeScriptTypes(String(result.source), { mode: 'transform', sourceUrl: url }) };
      },
    });
  }
  const module = (await import(pathToFileURL(path.join(SITE_DIR, 'src', 'lib', 'strapi', 'client.ts')).href)) as {
    createClient: CreateClient;
  };
  return module.createClient;
}
