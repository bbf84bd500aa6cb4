import { createHmac } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_TYPES, type Locale } from 'shared-types';
import { documentRoute, href, type DocumentFields } from 'shared-types/routes';
import { buildSite } from 'harness/site';
import { staticHandler } from 'harness/static-server';
import { jsonLog } from './publisher.ts';
import { secretMatches } from './webhook.ts';

/**
 * The draft preview server behind the admin's Preview button. It builds the site from the drafts
 * (the same components as the public site, reading with the preview secret) into its own folder,
 * which only it serves, and only to whoever came through the admin with the secret.
 */
export interface PreviewOptions {
  port: number;
  host?: string;
  secret: string;
  cmsUrl: string;
  token: string;
  /** Where draft builds go; never inside the public releases. */
  dir: string;
  cacheDir?: string;
  log?: typeof jsonLog;
}

const COOKIE = 'portfolio_preview';

/** Each content type by uid: its REST path and whether it is a single type. */
const TYPES_BY_UID = new Map<string, { path: string; single: boolean }>(Object.values(CONTENT_TYPES).map((type) => [type.uid, type]));

export function createPreviewServer(options: PreviewOptions) {
  const log = options.log ?? jsonLog;
  const cookieValue = createHmac('sha256', options.secret).update('preview-session').digest('hex');
  let liveDir: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let server: Server | null = null;
  mkdirSync(options.dir, { recursive: true });

  /** Builds the drafts; builds are serialised, each request gets a build started after it arrived. */
  function buildDrafts(): Promise<{ ok: boolean; output: string }> {
    const run = async () => {
      const outDir = path.join(options.dir, `build-${Date.now()}`);
      const result = await buildSite({
        outDir,
        cacheDir: options.cacheDir,
        env: { STRAPI_URL: options.cmsUrl, STRAPI_TOKEN: options.token, STRAPI_PREVIEW_SECRET: options.secret },
      });
      if (result.ok) {
        const previous = liveDir;
        liveDir = outDir;
        if (previous) rmSync(previous, { recursive: true, force: true });
      } else {
        rmSync(outDir, { recursive: true, force: true });
      }
      log(result.ok ? 'preview_built' : 'preview_failed', { durationMs: result.durationMs });
      return result;
    };
    const next = queue.then(run, run);
    queue = next;
    return next;
  }

  async function pathFor(uid: string, documentId: string, locale: Locale): Promise<string | null> {
    const type = TYPES_BY_UID.get(uid);
    if (!type) return null;
    const url = `${options.cmsUrl}/api/${type.path}${type.single ? '' : `/${documentId}`}?locale=${locale}&status=draft${uid === 'api::action.action' ? '&populate[project][fields][0]=slug' : ''}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${options.token}`, 'x-preview-secret': options.secret } });
    if (!response.ok) return null;
    const target = documentRoute(uid, ((await response.json()) as { data: DocumentFields }).data);
    return target ? href(locale, target) : null;
  }

  const serveStatic = staticHandler(() => liveDir);

  const handler = async (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('X-Robots-Tag', 'noindex, nofollow');
    response.setHeader('Cache-Control', 'no-store');
    if (url.pathname === '/preview') {
      if (!secretMatches(url.searchParams.get('secret') ?? undefined, options.secret)) {
        log('preview_refused', { reason: 'secret' });
        response.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Preview needs the secret the admin sends.');
        return;
      }
      const locale: Locale = url.searchParams.get('locale') === 'en' ? 'en' : 'it';
      const target = await pathFor(url.searchParams.get('uid') ?? '', url.searchParams.get('documentId') ?? '', locale);
      const build = await buildDrafts();
      if (!build.ok) {
        response
          .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end(`The draft could not be built:\n\n${build.output.split('\n').slice(-30).join('\n')}`);
        return;
      }
      response.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${cookieValue}; HttpOnly; Path=/; SameSite=Lax`,
        Location: target ?? (locale === 'it' ? '/' : '/en/'),
      });
      response.end();
      return;
    }
    const cookies = Object.fromEntries((request.headers.cookie ?? '').split(';').map((c) => c.trim().split('=') as [string, string]));
    if (!secretMatches(cookies[COOKIE], cookieValue)) {
      response.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Open the preview from the admin (Preview button).');
      return;
    }
    serveStatic(request, response);
  };

  return {
    async start(): Promise<number> {
      server = createServer((request, response) => {
        handler(request, response).catch((error) => {
          log('preview_error', { message: (error as Error).message });
          if (!response.headersSent) response.writeHead(500).end('Preview error');
        });
      });
      await new Promise<void>((resolve) => server!.listen(options.port, options.host ?? '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    },
    async stop(): Promise<void> {
      await queue.catch(() => undefined);
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}
