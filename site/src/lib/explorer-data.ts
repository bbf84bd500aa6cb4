import { createHash } from 'node:crypto';
import { LOCALES, STATUS_LABELS, type Locale } from 'shared-types';
import { formatDateRange } from './dates.ts';
import type { ExplorerData, ExplorerOption } from '../islands/explorer-model.ts';
import { byText, countryName, fundingLineLabel } from './i18n.ts';
import { getPortfolio } from './portfolio.ts';

/**
 * The project explorer's data, one JSON file per language, fetched by the island once hydrated
 * (so the page's HTML does not grow with the portfolio). The file name carries a hash of its
 * content, /explorer/progetti.<hash>.json, so a host can cache it forever and a release with
 * other content gets another name. The page and the endpoint (pages/explorer/[file].ts) both
 * ask this module, so they agree on the name.
 */
export const EXPLORER_DATA_PATH = '/explorer/';

export interface ExplorerDataFile {
  locale: Locale;
  /** e.g. `it.3f9a1c0b2d.json`. */
  file: string;
  /** e.g. `/explorer/it.3f9a1c0b2d.json`. */
  url: string;
  body: string;
}

const built = new Map<Locale, Promise<ExplorerDataFile>>();

export function explorerDataFile(locale: Locale): Promise<ExplorerDataFile> {
  let file = built.get(locale);
  if (!file) built.set(locale, (file = build(locale)));
  return file;
}

export const explorerDataFiles = () => Promise.all(LOCALES.map(explorerDataFile));

async function build(locale: Locale): Promise<ExplorerDataFile> {
  const portfolio = await getPortfolio(locale);
  const compare = byText(locale);
  // Each option list once, sorted by label as the selects show it; projects refer to them by index.
  const sorted = (options: ExplorerOption[]) => options.sort((a, b) => compare(a[1], b[1]));
  const status = sorted([...new Set(portfolio.projects.map((v) => v.status))].map((s) => [s, STATUS_LABELS[s][locale]]));
  const funding = sorted(
    portfolio.fundingLines.filter((f) => f.projects.length > 0).map((f) => [f.fundingLine.slug, fundingLineLabel(f.fundingLine)]),
  );
  const theme = sorted(portfolio.themes.filter((v) => v.projects.length > 0).map((v) => [v.theme.slug, v.theme.name]));
  const country = sorted([...new Set(portfolio.projects.flatMap((v) => v.countries))].map((code) => [code, countryName(code, locale)]));
  const partner = sorted(portfolio.partners.filter((v) => v.projects.length > 0).map((v) => [v.partner.slug, v.partner.name]));
  const indexOf = (options: ExplorerOption[]) => {
    const index = new Map(options.map(([value], i) => [value, i]));
    return (value: string) => index.get(value)!;
  };
  const [statusAt, fundingAt, themeAt, countryAt, partnerAt] = [status, funding, theme, country, partner].map(indexOf);
  const data: ExplorerData = {
    options: { status, funding, theme, country, partner },
    // The cards show a funding line's short label (unique among funding lines).
    fundingShort: funding.map(([slug]) => portfolio.projects.find((v) => v.fundingLine?.slug === slug)!.fundingLineLabel ?? ''),
    projects: portfolio.projects.map((view) => [
      view.project.slug,
      view.project.acronym,
      view.project.title,
      view.project.summary,
      statusAt!(view.status),
      view.fundingLine ? fundingAt!(view.fundingLine.slug) : -1,
      view.themes.map((theme) => themeAt!(theme.slug)),
      view.countries.map((code) => countryAt!(code)),
      [...new Set(view.partnerships.map((p) => partnerAt!(p.partner.slug)))],
      formatDateRange(view.project.startDate, view.project.endDate, locale) ?? '',
      view.project.startDate?.date ?? '',
      view.project.totalBudget ?? -1,
    ]),
  };
  const body = JSON.stringify(data);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const file = `${locale}.${hash}.json`;
  return { locale, file, url: `${EXPLORER_DATA_PATH}${file}`, body };
}
