import type { Media } from 'shared-types';
import { siteConfig } from './config.ts';
import type { Portfolio } from './portfolio.ts';

/**
 * Media lives in the CMS but the public site never links there: images go through Astro's image
 * pipeline (downloaded, resized, modern formats) and documents are copied to /media/ at build time.
 */

/** Where the build downloads a file from (local uploads have URLs relative to the CMS). */
export function sourceUrl(media: Pick<Media, 'url'>): string {
  return /^https?:\/\//i.test(media.url) ? media.url : `${siteConfig().cmsUrl}${media.url}`;
}

/** The site's own path for a document: /media/<documentId><ext>. */
export function documentPath(media: Pick<Media, 'documentId' | 'ext'>): string {
  return `/media/${media.documentId}${(media.ext ?? '').toLowerCase()}`;
}

/** Every document the published pages link to, once each. */
export function linkedDocuments(portfolios: Portfolio[]): Media[] {
  const byId = new Map<string, Media>();
  for (const portfolio of portfolios) {
    const links = [...portfolio.projects.flatMap((v) => v.project.links), ...portfolio.settings.footerLinks];
    for (const link of links) if (link.file) byId.set(link.file.documentId, link.file);
  }
  return [...byId.values()];
}
