import { format } from 'date-fns/format';
import { startOfDay } from 'date-fns/startOfDay';

/** Today as the build sees it; fixed by BUILD_DATE for reproducible builds and tests. */
export const buildDate = (): Date => (process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date());

/**
 * The build's day (local midnight), as statuses count it: what a page drawn "as of today" (a
 * timeline's today line) depends on, so two builds on the same day write the same page.
 */
export const buildDay = (): Date => startOfDay(buildDate());
/** The build's day as yyyy-MM-dd. */
export const buildDayIso = (): string => format(buildDay(), 'yyyy-MM-dd');
