import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from 'shared-types';
import en from '../i18n/en.ts';
import it from '../i18n/it.ts';
import type { Route } from 'shared-types/routes';

// Labels of enumeration values live with the enumerations: the admin shows the same words.
export {
  ACTION_TYPE_LABELS,
  FUNDING_STATEMENTS,
  LINK_KIND_LABELS,
  MANAGEMENT_MODE_LABELS,
  ORGANISATION_LABELS,
  ROLE_LABELS,
} from 'shared-types/enum-labels';

const MESSAGES = { it, en } as const;
export type UiKey = keyof typeof it;
/** Values of a message's arguments: {name}, {n, plural, …}, {flag, select, yes {…} other {…}}. */
export type MessageValues = Record<string, string | number>;

/** The language tags every Intl formatter of the site uses: Italian, and British English. */
export const FORMAT_LOCALES = { it: 'it-IT', en: 'en-GB' } as const;
const formats = new Map<string, IntlMessageFormat>();

/**
 * The interface text `key` in `locale`, its arguments filled: `t('it', 'count.project', { count: 5 })`
 * is "5 progetti". Messages are parsed once and kept.
 */
export function t(locale: Locale, key: UiKey, values?: MessageValues): string {
  const id = `${locale}:${key}`;
  let format = formats.get(id);
  if (!format) formats.set(id, (format = new IntlMessageFormat(MESSAGES[locale][key], FORMAT_LOCALES[locale])));
  return String(format.format(values));
}

/**
 * What kind of page each route is, as the search page's "Tipo di pagina" filter names it. Every
 * kind of page is named here (the type checks it), so a new one cannot go unfiltered.
 */
const PAGE_TYPES: Record<Route['page'], UiKey> = {
  project: 'project',
  partner: 'partner',
  theme: 'pageType.theme',
  fundingLine: 'fundingLine',
  community: 'pageType.community',
  country: 'country',
  projects: 'pageType.list',
  status: 'pageType.list',
  partners: 'pageType.list',
  fundingLines: 'pageType.list',
  themes: 'pageType.list',
  countries: 'pageType.list',
  statistics: 'pageType.figures',
  data: 'pageType.figures',
  home: 'pageType.home',
  search: 'pageType.about',
  legal: 'pageType.about',
  privacy: 'pageType.about',
  contacts: 'pageType.about',
  accessibility: 'pageType.about',
};
export const pageTypeLabel = (locale: Locale, page: Route['page']): string => t(locale, PAGE_TYPES[page]);

type Noun = 'project' | 'partner' | 'country' | 'community';

/** The noun agreeing with a number: "progetto" for 1, "progetti" otherwise. */
export const nounFor = (locale: Locale, n: number, noun: Noun): string => t(locale, `noun.${noun}`, { count: n });

/** "1 progetto", "5 progetti", "1 project", "5 projects". */
export const count = (locale: Locale, n: number, noun: Noun): string => t(locale, `count.${noun}`, { count: n });

const countryNames = {
  it: new Intl.DisplayNames([FORMAT_LOCALES.it], { type: 'region' }),
  en: new Intl.DisplayNames([FORMAT_LOCALES.en], { type: 'region' }),
};

/** "Paesi Bassi" / "Netherlands" from "NL". */
const countryNameCache = new Map<string, string>();
export const countryName = (code: string, locale: Locale): string => {
  const key = `${locale}:${code}`;
  return countryNameCache.get(key) ?? countryNameCache.set(key, countryNames[locale].of(code) ?? code).get(key)!;
};

/** "FAMI – FAMI 2021-2027 ..." says the acronym twice: name it once when the name starts with it. */
export const fundingLineLabel = (line: { acronym: string; name: string }): string =>
  line.name.startsWith(line.acronym) ? line.name : `${line.acronym} – ${line.name}`;

/**
 * A funding line where space is short (cards, key facts): its acronym, with its period when
 * another line of the portfolio has the same acronym ("FAMI (2014-2020)", "FAMI (2021-2027)").
 */
export const fundingLineShortLabel = (
  line: { documentId: string; acronym: string; programmingPeriod?: string | null },
  lines: ReadonlyArray<{ documentId: string; acronym: string }>,
): string =>
  line.programmingPeriod && lines.some((other) => other.documentId !== line.documentId && other.acronym === line.acronym)
    ? `${line.acronym} (${line.programmingPeriod})`
    : line.acronym;

/** Locale-aware alphabetical comparison. */
export const byText = (locale: Locale) => new Intl.Collator(locale, { sensitivity: 'base' }).compare;
