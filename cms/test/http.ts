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

/** The admin API bearer token the suite logged in with once (global setup), as the admin panel uses it. */
export async function adminToken(): Promise<string> {
  return inject('admin').token;
}
