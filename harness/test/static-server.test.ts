import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../src/static-server.ts';

/** The raw response: node:http does not decompress, unlike fetch. */
function request(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('the static server', () => {
  let dir: string;
  let server: Server;
  let url: string;
  const page = `<!doctype html><html><body>${'<p>Progetto di integrazione</p>'.repeat(2000)}</body></html>`;
  const data = JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ slug: `progetto-${i}`, title: `Progetto ${i}` })) });
  const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4000 }, (_, i) => i % 7)]);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'static-server-'));
    mkdirSync(path.join(dir, 'explorer'));
    writeFileSync(path.join(dir, 'index.html'), page);
    writeFileSync(path.join(dir, '404.html'), '<!doctype html><p>Pagina non trovata</p>');
    writeFileSync(path.join(dir, 'explorer', 'it.0123abcd.json'), data);
    writeFileSync(path.join(dir, 'logo.png'), image);
    ({ server, url } = await serveFolder(dir));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('compresses text for a browser that accepts gzip, and the bytes unpack to the file', async () => {
    for (const [pathname, content] of [
      ['/', page],
      ['/explorer/it.0123abcd.json', data],
    ] as const) {
      const response = await request(`${url}${pathname}`, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(response.status, pathname).toBe(200);
      expect(response.headers['content-encoding'], pathname).toBe('gzip');
      expect(response.headers.vary, pathname).toBe('Accept-Encoding');
      expect(response.body.length, pathname).toBeLessThan(content.length / 5);
      expect(gunzipSync(response.body).toString(), pathname).toBe(content);
    }
    expect((await request(`${url}/explorer/it.0123abcd.json`, { 'Accept-Encoding': 'gzip' })).headers['cache-control']).toContain(
      'immutable',
    );
  });

  it('sends the file as it is to a client that does not ask for gzip, and never compresses images', async () => {
    const plain = await request(`${url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    const png = await request(`${url}/logo.png`, { 'Accept-Encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.equals(image)).toBe(true);
  });

  it('compresses the not-found page too, with its 404 status', async () => {
    const missing = await request(`${url}/progetti/non-esiste/`, { 'Accept-Encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(missing.body).toString()).toContain('Pagina non trovata');
  });
});
