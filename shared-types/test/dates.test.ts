import { describe, expect, it } from 'vitest';
import { newestDate } from '../src/dates.ts';

describe('newestDate', () => {
  it('picks the newest of ISO dates and timestamps, and is empty for none', () => {
    expect(newestDate(['2025-01-02T10:00:00.000Z', '2026-03-01', '2025-12-31T23:59:59.999Z'])).toBe('2026-03-01');
    expect(newestDate([])).toBe('');
  });
});
