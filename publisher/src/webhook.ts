import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header Strapi sends the shared secret in (Strapi's webhooks are not signed). */
export const SECRET_HEADER = 'x-portfolio-webhook-secret';

/** Constant-time comparison that does not leak the secret's length either. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (!given || !expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a JSON body of at most `limit` bytes. The content is only parsed to refuse garbage:
 * what changed is always read back from the CMS, never taken from the payload.
 */
export function readJsonBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve({ ok: false, status: 413, message: `body larger than ${limit} bytes` });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, status: 413, message: `body larger than ${limit} bytes` });
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, body: null });
      try {
        resolve({ ok: true, body: JSON.parse(text) });
      } catch {
        resolve({ ok: false, status: 400, message: 'body is not JSON' });
      }
    });
    request.on('error', () => {
      if (!done) resolve({ ok: false, status: 400, message: 'request aborted' });
      done = true;
    });
  });
}

/** A short, safe description of a Strapi webhook payload for the logs (never trusted otherwise). */
export function describeEvent(body: unknown): { strapiEvent: string; model: string } {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 80) : 'unknown');
  return { strapiEvent: text(record.event), model: text(record.model ?? record.uid) };
}
