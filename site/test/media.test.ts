import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const site = inject('site');
const cms = inject('cms');
const media = inject('media');

const page = (relative: string) => readFileSync(path.join(site.outDir, relative, 'index.html'), 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

describe('media', () => {
  it('serves a partner logo through the image pipeline, from the site itself', () => {
    const html = page(`partner/${media.logoPartnerSlug}`);
    const src = /<img[^>]+class="logo[^"]*"[^>]*src="([^"]+)"|<img[^>]+src="([^"]+)"[^>]*class="logo/.exec(html);
    const url = src?.[1] ?? src?.[2];
    expect(url, 'the partner page shows the logo').toBeTruthy();
    expect(url).toMatch(/^\/_astro\/.+\.webp$/);
    expect(statSync(path.join(site.outDir, url!)).size).toBeGreaterThan(0);
    expect(html).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"/);
  });

  it('copies a linked document into /media/ with the same bytes', () => {
    const html = page(`progetti/${media.documentProjectSlug}`);
    const href = /href="(\/media\/[^"]+\.pdf)"/.exec(html)?.[1];
    expect(href, 'the project page links the document on the site').toBeTruthy();
    expect(readFileSync(path.join(site.outDir, href!), 'utf8')).toBe(media.documentBytes);
  });

  it('never links to the CMS from any page', () => {
    const cmsHost = new URL(cms.url).host;
    const offenders = htmlFiles(site.outDir).filter((file) => {
      const html = readFileSync(file, 'utf8');
      return html.includes(cmsHost) || html.includes('/uploads/');
    });
    expect(offenders.map((file) => path.relative(site.outDir, file))).toEqual([]);
  });
});
