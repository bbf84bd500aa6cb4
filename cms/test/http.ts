import { inject } from 'vitest';

/** Small helpers over the running test CMS's REST API. */
export const cms = () => inject('cms');

export type Auth = 'token' | 'public';

export async function api(pathAndQuery: string, auth: Auth = 'token', init: RequestInit = {}) {
  const { url, token } = cms();
  const headers = new Headers(init.headers);
  if (auth === 'token') headers.set('Authorization', `Bearer ${token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`${url}${pathAndQuery}`, { ...init, headers });
  } catch (error) {
    // A kept-alive socket the server closed while idle (e.g. during a seed run): retry reads once.
    if ((init.method ?? 'GET') !== 'GET') throw error;
    response = await fetch(`${url}${pathAndQuery}`, { ...init, headers });
  }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
  return { status: response.status, body: body as any };
}

/** Builds a Strapi query string (populate, filters...) from a plain object, as qs would. */
export function query(params: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (value === true) parts.push(`${encodeURIComponent(key)}=true`);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${key}[${index}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${key}[${k}]`);
    } else if (value !== undefined) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) walk(value, key);
  return parts.join('&');
}

/** The admin API bearer token the suite logged in with once (global setup), as the admin panel uses it. */
export async function adminToken(): Promise<string> {
  return inject('admin').token;
}
