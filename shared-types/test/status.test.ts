import { describe, expect, it } from 'vitest';
import { endOfPeriod, projectStatus } from '../src/status.ts';

const day = (date: string) => ({ date, precision: 'day' as const });
const today = new Date('2026-11-22T10:00:00Z');

describe('projectStatus', () => {
  it('is ongoing between start and end', () => {
    expect(projectStatus({ startDate: day('2025-06-01'), endDate: day('2029-09-30') }, today)).toBe('ongoing');
  });

  it('is completed after the end date', () => {
    expect(projectStatus({ startDate: day('2020-01-01'), endDate: day('2022-06-30') }, today)).toBe('completed');
  });

  it('is planned before the start date', () => {
    expect(projectStatus({ startDate: day('2027-01-01') }, today)).toBe('planned');
  });

  it('counts a month-precision end date until the last day of that month', () => {
    const endDate = { date: '2026-11-01', precision: 'month' as const };
    expect(projectStatus({ startDate: day('2025-01-01'), endDate }, new Date('2026-11-30T12:00:00Z'))).toBe('ongoing');
    expect(projectStatus({ startDate: day('2025-01-01'), endDate }, new Date('2026-12-01T12:00:00Z'))).toBe('completed');
  });

  it('derives the start from the end date and the duration when the start is unknown', () => {
    const project = { endDate: { date: '2027-02-01', precision: 'month' as const }, durationMonths: 24 };
    expect(projectStatus(project, today)).toBe('ongoing');
    expect(projectStatus(project, new Date('2024-12-01'))).toBe('planned');
  });

  it('lets the editor override what the dates say', () => {
    expect(projectStatus({ statusOverride: 'grant_agreement_in_preparation', startDate: day('2020-01-01') }, today)).toBe(
      'grant_agreement_in_preparation',
    );
  });

  it('says not_stated when no date is known', () => {
    expect(projectStatus({}, today)).toBe('not_stated');
  });
});

describe('endOfPeriod', () => {
  it('ends a year-precision date on 31 December', () => {
    expect(endOfPeriod('2027-01-01', 'year').getMonth()).toBe(11);
    expect(endOfPeriod('2027-01-01', 'year').getDate()).toBe(31);
  });
});
