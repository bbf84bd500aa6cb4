import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfYear } from 'date-fns/endOfYear';
import { isAfter } from 'date-fns/isAfter';
import { isBefore } from 'date-fns/isBefore';
import { parseISO } from 'date-fns/parseISO';
import { startOfDay } from 'date-fns/startOfDay';
import { subMonths } from 'date-fns/subMonths';
import type { DatePrecision, ProjectStatus, StatusOverride } from './enums.ts';

interface DatedProject {
  statusOverride?: StatusOverride | null;
  startDate?: { date: string; precision: DatePrecision } | null;
  endDate?: { date: string; precision: DatePrecision } | null;
  durationMonths?: number | null;
}

/** Last day of the period a partial date stands for ("February 2027" ends on 28 February). */
export function endOfPeriod(date: string, precision: DatePrecision): Date {
  const day = parseISO(date);
  if (precision === 'year') return endOfYear(day);
  if (precision === 'month') return endOfMonth(day);
  return day;
}

/**
 * The project's state on `today`: the editor's override when set, else derived from the dates.
 * With an end date and a duration but no start date, the start is taken as end minus duration.
 * When nothing is known it is 'not_stated': the site says so instead of guessing.
 */
export function projectStatus(project: DatedProject, today: Date): ProjectStatus {
  if (project.statusOverride) return project.statusOverride;
  const day = startOfDay(today);
  const end = project.endDate ? endOfPeriod(project.endDate.date, project.endDate.precision) : null;
  const start = project.startDate
    ? parseISO(project.startDate.date)
    : end && project.durationMonths
      ? subMonths(end, project.durationMonths)
      : null;

  if (end && isAfter(day, end)) return 'completed';
  if (start && isBefore(day, start)) return 'planned';
  if (start) return 'ongoing';
  return 'not_stated';
}
