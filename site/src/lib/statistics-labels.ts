import { STATUS_LABELS, type Locale, type ProjectStatus } from 'shared-types';
import { countryName, FORMAT_LOCALES, ORGANISATION_LABELS, t } from './i18n.ts';
import { NOT_STATED, OTHERS, type CountRow, type MoneyRow } from './statistics.ts';

/**
 * The names of the statistics' groups in both languages: the page's charts and tables and the
 * open-data files say the same words.
 */

export type GroupKind = 'fundingLine' | 'period' | 'country' | 'organisationType' | 'year';
const notStated = (kind: GroupKind, locale: Locale) => t(locale, `notStated.${kind}`);

/** "FAMI (2021-2027)", "2021-2027", or "Linea non indicata". */
export const moneyLabel = (row: MoneyRow, kind: 'fundingLine' | 'period', locale: Locale): string =>
  row.key === NOT_STATED ? notStated(kind, locale) : (row.name ?? row.key);

/** "Francia", "Altri paesi (5)", "Paese non indicato"; organisation types by their label. */
export function countLabel(row: CountRow, kind: 'country' | 'organisationType', locale: Locale): string {
  if (row.key === NOT_STATED) return notStated(kind, locale);
  if (row.key === OTHERS) return t(locale, `others.${kind}`, { count: row.groups ?? 0 });
  if (kind === 'country') return countryName(row.key, locale);
  return ORGANISATION_LABELS[row.key as keyof typeof ORGANISATION_LABELS]?.[locale] ?? row.key;
}

export const yearLabel = (year: number | null, locale: Locale): string => (year === null ? notStated('year', locale) : String(year));

export const statusLabel = (status: ProjectStatus, locale: Locale): string => STATUS_LABELS[status][locale];

const numberFormats = { it: new Intl.NumberFormat(FORMAT_LOCALES.it), en: new Intl.NumberFormat(FORMAT_LOCALES.en) };

/** A whole number as the language writes it: "1.000" / "1,000". */
export const formatCount = (n: number, locale: Locale): string => numberFormats[locale].format(n);

/** "3 di 6 progetti indicano un budget" / "3 of 6 projects state a budget". */
export const statedShare = (stated: number, of: number, what: 'budget' | 'euContribution', locale: Locale): string =>
  t(locale, 'statedShare', { stated, of, what });
