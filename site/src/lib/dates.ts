import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { enGB } from 'date-fns/locale/en-GB';
import { it } from 'date-fns/locale/it';
import type { DatePrecision, Locale } from 'shared-types';
import { FORMAT_LOCALES, t } from './i18n.ts';

/** Dates and durations as the site writes them, in the words of the interface text. */

interface PartialDateLike {
  date: string;
  precision: DatePrecision;
  estimated?: boolean | null;
}

const DATE_LOCALES = { it, en: enGB } as const;
const PATTERNS: Record<DatePrecision, string> = { day: 'd MMMM yyyy', month: 'LLLL yyyy', year: 'yyyy' };
const MONTHS = {
  it: new Intl.NumberFormat(FORMAT_LOCALES.it, { style: 'unit', unit: 'month', unitDisplay: 'long' }),
  en: new Intl.NumberFormat(FORMAT_LOCALES.en, { style: 'unit', unit: 'month', unitDisplay: 'long' }),
};

/** "30 settembre 2029", "giugno 2025", "2027" — at the precision the date is known to. */
export function formatPartialDate(value: PartialDateLike, locale: Locale): string {
  const text = format(parseISO(value.date), PATTERNS[value.precision], { locale: DATE_LOCALES[locale] });
  return value.estimated ? t(locale, 'date.estimated', { date: text }) : text;
}

/**
 * A project's period: "giugno 2025 – 30 settembre 2029", "from June 2025", "fino a febbraio 2027".
 * Null when neither end is known.
 */
export function formatDateRange(
  start: PartialDateLike | null | undefined,
  end: PartialDateLike | null | undefined,
  locale: Locale,
): string | null {
  if (start && end) return `${formatPartialDate(start, locale)} – ${formatPartialDate(end, locale)}`;
  if (start) return t(locale, 'date.from', { date: formatPartialDate(start, locale) });
  if (end) return t(locale, 'date.until', { date: formatPartialDate(end, locale) });
  return null;
}

/** "24 mesi" / "24 months", "1 mese" / "1 month". */
export const formatDuration = (months: number, locale: Locale): string => MONTHS[locale].format(months);

/** A calendar date in full: "15 marzo 2024" / "15 March 2024". Accepts YYYY-MM-DD or ISO datetimes. */
export function formatDay(value: string, locale: Locale): string {
  return format(parseISO(value), PATTERNS.day, { locale: DATE_LOCALES[locale] });
}
