import { describe, expect, it } from 'vitest';
import { BUILD_FAILURE_MARKER, buildFailureLine, ContentContractError, parseBuildFailure } from '../../src/lib/strapi/errors.ts';

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
