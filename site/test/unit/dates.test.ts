import { describe, expect, it } from 'vitest';
import { formatDateRange, formatDay, formatDuration, formatPartialDate } from '../../src/lib/dates.ts';

const june2025 = { date: '2025-06-01', precision: 'month' as const };
const sept30 = { date: '2029-09-30', precision: 'day' as const };

describe('formatPartialDate', () => {
  it('writes each precision as the language does', () => {
    expect(formatPartialDate(sept30, 'it')).toBe('30 settembre 2029');
    expect(formatPartialDate(sept30, 'en')).toBe('30 September 2029');
    expect(formatPartialDate(june2025, 'it')).toBe('giugno 2025');
    expect(formatPartialDate(june2025, 'en')).toBe('June 2025');
    expect(formatPartialDate({ date: '2027-01-01', precision: 'year' }, 'it')).toBe('2027');
  });

  it('marks an estimated date', () => {
    expect(formatPartialDate({ ...june2025, estimated: true }, 'it')).toBe('giugno 2025 (previsto)');
    expect(formatPartialDate({ ...june2025, estimated: true }, 'en')).toBe('June 2025 (expected)');
  });
});

describe('formatDateRange', () => {
  it('joins both ends at their own precision', () => {
    expect(formatDateRange(june2025, sept30, 'it')).toBe('giugno 2025 – 30 settembre 2029');
    expect(formatDateRange(june2025, sept30, 'en')).toBe('June 2025 – 30 September 2029');
  });

  it('says from or until when one end is missing, null when both are', () => {
    expect(formatDateRange(june2025, null, 'it')).toBe('dal giugno 2025');
    expect(formatDateRange(null, { date: '2027-02-01', precision: 'month' }, 'en')).toBe('until February 2027');
    expect(formatDateRange(null, undefined, 'it')).toBeNull();
  });
});

describe('formatDuration', () => {
  it('agrees the unit with the number', () => {
    expect(formatDuration(24, 'it')).toBe('24 mesi');
    expect(formatDuration(1, 'it')).toBe('1 mese');
    expect(formatDuration(1, 'en')).toBe('1 month');
    expect(formatDuration(1200, 'en')).toBe('1,200 months');
  });
});

describe('formatDay', () => {
  it('accepts dates and datetimes', () => {
    expect(formatDay('2024-03-15', 'it')).toBe('15 marzo 2024');
    expect(formatDay('2024-03-15T09:00:00.000Z', 'en')).toBe('15 March 2024');
  });
});
