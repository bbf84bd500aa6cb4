import type { APIRoute, GetStaticPaths } from 'astro';
import type { Media } from 'shared-types';
import { siteConfig } from '../../lib/config.ts';
import { documentPath, linkedDocuments, sourceUrl } from '../../lib/media.ts';
import { getPortfolio } from '../../lib/portfolio.ts';

/** Copies every linked document from the CMS into the static output, so the site never hot-links it. */
export const getStaticPaths = (async () => {
  const documents = linkedDocuments([await getPortfolio('it'), await getPortfolio('en')]);
  return documents.map((media) => ({ params: { file: documentPath(media).replace('/media/', '') }, props: { media } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const media = (props as { media: Media }).media;
  const { cmsToken } = siteConfig();
  const response = await fetch(sourceUrl(media), { headers: cmsToken ? { Authorization: `Bearer ${cmsToken}` } : {} });
  if (!response.ok) throw new Error(`Could not copy document "${media.name}" (${sourceUrl(media)}): HTTP ${response.status}`);
  return new Response(await response.arrayBuffer(), { headers: { 'Content-Type': media.mime } });
};
