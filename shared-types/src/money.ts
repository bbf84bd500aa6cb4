import type { Locale } from './enums.ts';

const NUMBER_LOCALES = { it: 'it-IT', en: 'en-GB' } as const;

/** Intl formatters are costly to create and a build formats thousands of amounts: one per kind. */
const formatters = new Map<string, Intl.NumberFormat>();
const formatter = (key: string, create: () => Intl.NumberFormat) => formatters.get(key) ?? formatters.set(key, create()).get(key)!;

/** Euro amounts with cents as each language writes them: "5.611.995,92 €" / "€5,611,995.92". */
export function formatEuro(amount: number, locale: Locale): string {
  const cents = !Number.isInteger(amount);
  return formatter(
    `${locale}:${cents}`,
    () =>
      new Intl.NumberFormat(NUMBER_LOCALES[locale], {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: cents ? 2 : 0,
        maximumFractionDigits: 2,
      }),
  ).format(amount);
}

/** Short figures for key numbers: "5,6 Mln €" / "€5.6m". */
export function formatEuroCompact(amount: number, locale: Locale): string {
  return formatter(
    `${locale}:compact`,
    () =>
      new Intl.NumberFormat(NUMBER_LOCALES[locale], {
        style: 'currency',
        currency: 'EUR',
        notation: 'compact',
        maximumFractionDigits: 1,
      }),
  ).format(amount);
}

/** Sum of the amounts that are known; null when none is. */
export function sumKnown(amounts: Array<number | null | undefined>): number | null {
  const known = amounts.filter((amount): amount is number => typeof amount === 'number');
  return known.length === 0 ? null : Math.round(known.reduce((total, amount) => total + amount, 0) * 100) / 100;
}
