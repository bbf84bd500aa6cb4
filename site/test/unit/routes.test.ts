import { describe, expect, it } from 'vitest';
import { documentRoute, href } from '../../src/lib/routes.ts';
import { BUILD_FAILURE_MARKER, buildFailureLine, ContentContractError, parseBuildFailure } from '../../src/lib/strapi/errors.ts';

/** The page of a CMS document, as the preview server and the admin's "Vedi sul sito" link find it. */
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

describe('the machine-readable line of a build broken by an entry', () => {
  it('round-trips the first problem, and the last line wins', () => {
    const error = new ContentContractError('api::partner.partner', 'abc', 'en', [
      { path: 'country', reason: 'Use an ISO 3166-1 alpha-2 code' },
      { path: 'website', reason: 'Invalid URL' },
    ]);
    const line = buildFailureLine(error);
    expect(line.startsWith(BUILD_FAILURE_MARKER)).toBe(true);
    expect(line).not.toContain('\n');
    const output = `[build] start\n${BUILD_FAILURE_MARKER}{"contentType":"old"}\n  ${line}\n[ERROR] ${error.message}\n`;
    expect(parseBuildFailure(output)).toEqual({
      contentType: 'api::partner.partner',
      documentId: 'abc',
      locale: 'en',
      field: 'country',
      reason: 'Use an ISO 3166-1 alpha-2 code',
    });
  });

  it('finds nothing in the output of other failures, or in a broken line', () => {
    expect(parseBuildFailure('[ERROR] The CMS at http://127.0.0.1:1 did not answer')).toBeNull();
    expect(parseBuildFailure(`${BUILD_FAILURE_MARKER}{not json`)).toBeNull();
    expect(parseBuildFailure(`${BUILD_FAILURE_MARKER}{"contentType":"api::x.x"}`)).toBeNull();
  });
});
