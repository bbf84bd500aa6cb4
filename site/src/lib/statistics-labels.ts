import { STATUS_LABELS, type Locale, type ProjectStatus } from 'shared-types';
import { countryName, ORGANISATION_LABELS } from './i18n.ts';
import { NOT_STATED, OTHERS, type CountRow, type MoneyRow } from './statistics.ts';

/**
 * The names of the statistics' groups in both languages: the page's charts and tables and the
 * open-data files say the same words.
 */

const NOT_STATED_LABELS = {
  fundingLine: { it: 'Linea non indicata', en: 'Funding line not stated' },
  period: { it: 'Periodo non indicato', en: 'Period not stated' },
  country: { it: 'Paese non indicato', en: 'Country not stated' },
  organisationType: { it: 'Tipo non indicato', en: 'Type not stated' },
  year: { it: 'Anno non indicato', en: 'Year not stated' },
} as const;

export type GroupKind = keyof typeof NOT_STATED_LABELS;

/** "FAMI (2021-2027)", "2021-2027", or "Linea non indicata". */
export const moneyLabel = (row: MoneyRow, kind: 'fundingLine' | 'period', locale: Locale): string =>
  row.key === NOT_STATED ? NOT_STATED_LABELS[kind][locale] : (row.name ?? row.key);

/** "Francia", "Altri paesi (5)", "Paese non indicato"; organisation types by their label. */
export function countLabel(row: CountRow, kind: 'country' | 'organisationType', locale: Locale): string {
  if (row.key === NOT_STATED) return NOT_STATED_LABELS[kind][locale];
  if (row.key === OTHERS) {
    const what = kind === 'country' ? { it: 'Altri paesi', en: 'Other countries' } : { it: 'Altri tipi', en: 'Other types' };
    return `${what[locale]} (${row.groups ?? 0})`;
  }
  if (kind === 'country') return countryName(row.key, locale);
  return ORGANISATION_LABELS[row.key as keyof typeof ORGANISATION_LABELS]?.[locale] ?? row.key;
}

export const yearLabel = (year: number | null, locale: Locale): string => (year === null ? NOT_STATED_LABELS.year[locale] : String(year));

export const statusLabel = (status: ProjectStatus, locale: Locale): string => STATUS_LABELS[status][locale];

const NUMBER_LOCALES = { it: 'it-IT', en: 'en-GB' } as const;
const numberFormats = { it: new Intl.NumberFormat(NUMBER_LOCALES.it), en: new Intl.NumberFormat(NUMBER_LOCALES.en) };

/** A whole number as the language writes it: "1.000" / "1,000". */
export const formatCount = (n: number, locale: Locale): string => numberFormats[locale].format(n);

/** "3 di 6 progetti indicano un budget" / "3 of 6 projects state a budget". */
export function statedShare(stated: number, of: number, what: 'budget' | 'euContribution', locale: Locale): string {
  const s = formatCount(stated, locale);
  const n = formatCount(of, locale);
  if (locale === 'it') {
    const noun = of === 1 ? 'progetto' : 'progetti';
    const verb = stated === 1 || of === 1 ? 'indica' : 'indicano';
    return `${s} di ${n} ${noun} ${verb} ${what === 'budget' ? 'un budget' : 'il contributo UE'}`;
  }
  const noun = of === 1 ? 'project' : 'projects';
  const verb = stated === 1 ? 'states' : 'state';
  return `${s} of ${n} ${noun} ${verb} ${what === 'budget' ? 'a budget' : 'the EU contribution'}`;
}
