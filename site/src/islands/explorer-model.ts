/**
 * The project explorer's data and filtering, free of React so it can be tested on its own.
 * Filters live in the URL (?status=ongoing&theme=housing&q=...) so a view can be shared.
 */
export interface ExplorerItem {
  slug: string;
  href: string;
  acronym: string;
  title: string;
  summary: string;
  status: string;
  statusLabel: string;
  fundingLine: string | null;
  fundingLineLabel: string | null;
  themes: string[];
  countries: string[];
  partners: string[];
  /** Partner names, for text search. */
  partnerNames: string[];
  period: string | null;
  startDate: string | null;
  budget: number | null;
}

export interface Option {
  value: string;
  label: string;
}

/** An option as the data file holds it: [value, label]. */
export type ExplorerOption = [value: string, label: string];

/**
 * The data file (lib/explorer-data.ts writes it, the island fetches it): each option list once,
 * and each project as an array that refers to the options by index, to keep it small.
 */
export interface ExplorerData {
  options: Record<FilterKey, ExplorerOption[]>;
  /** Short label of each funding line, by the funding option's index. */
  fundingShort: string[];
  projects: Array<
    [
      slug: string,
      acronym: string,
      title: string,
      summary: string,
      status: number,
      /** -1: none. */
      funding: number,
      themes: number[],
      countries: number[],
      partners: number[],
      /** '' when unknown. */
      period: string,
      startDate: string,
      /** -1 when not stated. */
      budget: number,
    ]
  >;
}

/** The data file as the explorer uses it: items with their labels, and the options of each filter. */
export function decodeExplorerData(
  data: ExplorerData,
  projectsHref: string,
): { items: ExplorerItem[]; options: Record<FilterKey, Option[]> } {
  const { options } = data;
  const items = data.projects.map(
    ([slug, acronym, title, summary, status, funding, themes, countries, partners, period, startDate, budget]): ExplorerItem => ({
      slug,
      href: `${projectsHref}${slug}/`,
      acronym,
      title,
      summary,
      status: options.status[status]![0],
      statusLabel: options.status[status]![1],
      fundingLine: funding >= 0 ? options.funding[funding]![0] : null,
      fundingLineLabel: funding >= 0 ? data.fundingShort[funding]! : null,
      themes: themes.map((i) => options.theme[i]![0]),
      countries: countries.map((i) => options.country[i]![0]),
      partners: partners.map((i) => options.partner[i]![0]),
      partnerNames: partners.map((i) => options.partner[i]![1]),
      period: period || null,
      startDate: startDate || null,
      budget: budget >= 0 ? budget : null,
    }),
  );
  const toOptions = (list: ExplorerOption[]) => list.map(([value, label]) => ({ value, label }));
  return {
    items,
    options: {
      status: toOptions(options.status),
      funding: toOptions(options.funding),
      theme: toOptions(options.theme),
      country: toOptions(options.country),
      partner: toOptions(options.partner),
    },
  };
}

export const FILTER_KEYS = ['status', 'funding', 'theme', 'country', 'partner'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const SORTS = ['title', 'start', 'budget'] as const;
export type Sort = (typeof SORTS)[number];

export interface ExplorerState {
  filters: Partial<Record<FilterKey, string>>;
  q: string;
  sort: Sort;
}

export function stateFromSearch(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const filters: ExplorerState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const sort = params.get('sort');
  return { filters, q: params.get('q') ?? '', sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'title' };
}

export function searchFromState(state: ExplorerState): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]!);
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.sort !== 'title') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Lower case without accents, so "citta" finds "Città". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function matches(item: ExplorerItem, state: ExplorerState): boolean {
  const { status, funding, theme, country, partner } = state.filters;
  if (status && item.status !== status) return false;
  if (funding && item.fundingLine !== funding) return false;
  if (theme && !item.themes.includes(theme)) return false;
  if (country && !item.countries.includes(country)) return false;
  if (partner && !item.partners.includes(partner)) return false;
  const words = fold(state.q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([item.acronym, item.title, item.summary, item.fundingLineLabel ?? '', ...item.partnerNames].join(' '));
  return words.every((word) => haystack.includes(word));
}

export function applyState(items: ExplorerItem[], state: ExplorerState, locale: string): ExplorerItem[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const sorted = items.filter((item) => matches(item, state));
  sorted.sort((a, b) => {
    if (state.sort === 'start') return (b.startDate ?? '').localeCompare(a.startDate ?? '') || collator.compare(a.acronym, b.acronym);
    if (state.sort === 'budget') return (b.budget ?? -1) - (a.budget ?? -1) || collator.compare(a.acronym, b.acronym);
    return collator.compare(a.acronym, b.acronym);
  });
  return sorted;
}

/**
 * The partner filter's names: one per partner, a name shared by two partners (up to case and
 * accents) followed by the partner's identifier, so that each name picks one partner; and the
 * partner a typed text names, whatever its case and accents ("comune di citta" is "Comune di Città").
 */
export function partnerNames(options: Option[]): {
  names: Array<{ value: string; name: string }>;
  partnerNamed: (typed: string) => string | undefined;
  /** The name the field shows for a partner ('' for none or an unknown one). */
  nameOf: (partner: string | undefined) => string;
} {
  const folded = options.map((option) => fold(option.label));
  const seen = new Map<string, number>();
  for (const key of folded) seen.set(key, (seen.get(key) ?? 0) + 1);
  const names = options.map((option, i) => ({
    value: option.value,
    name: seen.get(folded[i]!)! > 1 ? `${option.label} (${option.value})` : option.label,
  }));
  const byName = new Map(names.map((entry) => [fold(entry.name), entry.value]));
  const byValue = new Map(names.map((entry) => [entry.value, entry.name]));
  return {
    names,
    partnerNamed: (typed) => byName.get(fold(typed.trim())),
    nameOf: (partner) => (partner ? (byValue.get(partner) ?? '') : ''),
  };
}
