import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Text formats worth compressing (images, fonts, PDFs and WebAssembly are compressed already or barely shrink). */
const COMPRESSIBLE = /^(text\/|application\/(json|ld\+json|xml)|image\/svg\+xml)/;

/** Content-hashed folders: a page of the previous release may still ask for its own files there. */
const IMMUTABLE_PREFIXES = ['/_astro/', '/pagefind/', '/explorer/'];
/** Folders whose every file name carries its content hash (Pagefind's entry files do not): cached for good. */
const CACHE_FOREVER_FOLDERS = ['_astro', 'explorer'];

/**
 * Serves a built static site the way a static host does: /path/ → /path/index.html, unknown paths
 * → 404.html with status 404. `root()` is read on every request, so the served folder can be
 * switched atomically by returning a different path. Files under the content-hashed folders are
 * also looked up in `previousRoots()`, so a page loaded just before a switch still gets its assets.
 */
export function createStaticServer(root: () => string | null, previousRoots: () => string[] = () => []): Server {
  return createServer(staticHandler(root, previousRoots));
}

/** The request handler of createStaticServer, for servers that wrap it (the preview server). */
export function staticHandler(root: () => string | null, previousRoots: () => string[] = () => []) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const base = root();
    if (!base) {
      response
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' })
        .end('The site is being built: retry in a few seconds.');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    let file = path.join(base, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(base)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file) && IMMUTABLE_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
      const older = previousRoots()
        .map((dir) => path.join(dir, pathname))
        .find((candidate) => existsSync(candidate));
      if (older) file = older;
    }
    if (!existsSync(file)) {
      status = 404;
      file = path.join(base, '404.html');
      if (!existsSync(file)) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const compressible = COMPRESSIBLE.test(type);
    const gzip = compressible && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, {
      'Content-Type': type,
      ...(compressible && { Vary: 'Accept-Encoding' }),
      ...(gzip && { 'Content-Encoding': 'gzip' }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cache-Control': CACHE_FOREVER_FOLDERS.some((folder) => file.includes(`${path.sep}${folder}${path.sep}`))
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    // A file removed after the check (an old release pruned) ends the response instead of hanging.
    const streams = gzip ? [createReadStream(file), createGzip(), response] : [createReadStream(file), response];
    pipeline(streams, (error) => {
      if (error) response.destroy();
    });
  };
}

/** Serves a built site folder on a free local port, as a static host would (tests, benchmarks). */
export async function serveFolder(dir: string): Promise<{ server: Server; url: string }> {
  const server = createStaticServer(() => dir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
