import { describe, expect, it } from 'vitest';
import { absoluteUrl, documentRoute, href } from '../src/routes.ts';

describe('documentRoute', () => {
  it('gives each public type its page, in both languages', () => {
    const page = (uid: string, doc: Parameters<typeof documentRoute>[1], locale: 'it' | 'en' = 'it') => {
      const route = documentRoute(uid, doc);
      return route && href(locale, route);
    };
    expect(page('api::project.project', { slug: 'pleiadi' })).toBe('/progetti/pleiadi/');
    expect(page('api::project.project', { slug: 'pleiadi' }, 'en')).toBe('/en/projects/pleiadi/');
    expect(page('api::partner.partner', { slug: 'city-of-athens' })).toBe('/partner/city-of-athens/');
    expect(page('api::funding-line.funding-line', { slug: 'fami' }, 'en')).toBe('/en/funding/fami/');
    expect(page('api::theme.theme', { slug: 'housing' })).toBe('/temi/housing/');
    expect(page('api::community-of-practice.community-of-practice', { slug: 'cop1' })).toBe('/comunita-di-pratica/cop1/');
    // An action shows on its project's page; the site settings on the home page.
    expect(page('api::action.action', { project: { slug: 'pleiadi' } })).toBe('/progetti/pleiadi/');
    expect(page('api::site-setting.site-setting', {}, 'en')).toBe('/en/');
  });

  it('gives none to an entry without a slug, an action without a project, or an unknown type', () => {
    expect(documentRoute('api::project.project', { slug: null })).toBeNull();
    expect(documentRoute('api::action.action', { project: null })).toBeNull();
    expect(documentRoute('plugin::upload.file', { slug: 'x' })).toBeNull();
  });
});

describe('absoluteUrl', () => {
  it('gives what new URL(path, site) gives, for every page and for any other path', () => {
    const paths = [
      href('it', { page: 'home' }),
      href('en', { page: 'project', slug: 'pleiadi' }),
      href('it', { page: 'status', status: 'ongoing' }),
      href('en', { page: 'country', code: 'IT', pageNumber: 3 }),
      '/opendata/projects.csv',
      '/progetti/perché/',
      '/cerca/?q=a b',
      '/a/../b/',
      '/a/./b/',
      '/a/..',
      '/.well-known/x.json',
    ];
    for (const site of ['http://localhost:4321', 'https://Example.org:443/portfolio/', new URL('https://example.org/')]) {
      for (const path of paths) expect(absoluteUrl(site, path), `${site} ${path}`).toBe(new URL(path, site).href);
    }
  });
});
