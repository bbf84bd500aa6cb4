import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LOCALES } from 'shared-types';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { href } from 'shared-types/routes';
import { MARKER_PREFIX } from './global-setup.ts';
import { normalise } from './support/html.ts';
import { readPage, site, walk } from './support/site.ts';

/**
 * Drafts never reach the public: the setup put a never-published project and partner, and an
 * unpublished edit of a published project, in the CMS before the build. Every file the build wrote
 * (pages, data files, feeds, sitemap, the search index) is searched for their markers.
 */
const drafts = inject('drafts');

/** A file's text as a reader (or a search client) would get it: gzip (Pagefind's .pf_* files) unpacked. */
function contents(file: string): string {
  const bytes = readFileSync(file);
  const unpacked = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return unpacked.toString('utf8');
}

describe('the built output', () => {
  let files: Array<{ name: string; text: string }>;
  beforeAll(() => {
    files = walk(site().outDir).map((name) => ({ name, text: contents(path.join(site().outDir, name)) }));
  });

  it('includes every kind of published file, so the search below covers them', () => {
    const names = files.map((f) => f.name);
    expect(names.filter((n) => n.endsWith('.html')).length).toBeGreaterThan(100);
    expect(names).toEqual(
      expect.arrayContaining(['sitemap.xml', 'feed.xml', 'en/feed.xml', 'opendata/projects.csv', 'opendata/projects.json']),
    );
    expect(names.filter((n) => /^explorer\/(it|en)\.[0-9a-f]{12}\.json$/.test(n))).toHaveLength(2);
    expect(names.some((n) => n.startsWith('pagefind/') && n.endsWith('.pf_fragment'))).toBe(true);
    expect(names.some((n) => n.startsWith('pagefind/') && n.endsWith('.pf_index'))).toBe(true);
    // The search index is compressed: unpacked, it holds the published text (here, PLEIADI's).
    const fragments = files.filter((f) => f.name.endsWith('.pf_fragment'));
    expect(fragments.some((f) => f.text.includes('PLEIADI'))).toBe(true);
  });

  // The random part alone, case-insensitively: Pagefind's word index keeps words lower-cased.
  it.each([
    ['the draft project', drafts.draftProject],
    ['the draft partner', drafts.draftPartner],
    ['the unpublished edit of a published project', drafts.editedDraft],
  ])('holds nothing of %s', (_, marker) => {
    const token = marker.slice(MARKER_PREFIX.length).toLowerCase();
    expect(token).toMatch(/^[0-9a-f]{16}$/);
    const leaks = files.filter((f) => f.text.toLowerCase().includes(token)).map((f) => f.name);
    expect(leaks).toEqual([]);
  });

  it('has no page for the draft project or partner, and no trace of the draft project’s acronym', () => {
    const leaks = files
      .filter((f) => f.name.includes('segreto') || f.name.includes('ente-riservato') || /\bSEGRETO\b/.test(f.text))
      .map((f) => f.name);
    expect(leaks).toEqual([]);
  });
});

describe('a published project with an unpublished edit', () => {
  it.each(LOCALES)('shows its published summary (%s)', async (locale) => {
    const page = await readPage(href(locale, { page: 'project', slug: drafts.editedProject.slug }));
    const published = normalise(drafts.editedProject.publishedSummary[locale]);
    expect(published.length).toBeGreaterThan(20);
    expect(page.main).toContain(published);
    expect(page.html).not.toContain(drafts.editedDraft);
    expect(page.doc.querySelector('meta[name="description"]')?.getAttributeValue('content')).not.toContain(drafts.editedDraft);
  });
});
