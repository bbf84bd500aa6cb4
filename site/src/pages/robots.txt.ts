import type { APIRoute } from 'astro';

/** /robots.txt: every crawler may read everything; the sitemap's absolute URL. */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt needs the absolute sitemap URL: set `site` in astro.config.ts (SITE_URL).');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap.xml', site).href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
