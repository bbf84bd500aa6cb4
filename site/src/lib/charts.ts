import type { Locale, ProjectStatus } from 'shared-types';

/**
 * The fills of the statistics charts. Each series differs by pattern as well as colour, so the
 * charts read in greyscale, in print and without colour vision; every colour has at least 3:1
 * contrast on white (WCAG 1.4.11), and the patterns keep a white ground so they print cleanly.
 */
export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'vertical' | 'cross';

export interface Fill {
  colour: string;
  pattern: PatternKind;
}

export const FILLS = {
  blue: { colour: '#0066cc', pattern: 'solid' },
  navyHatch: { colour: '#003366', pattern: 'diagonal' },
  grey: { colour: '#5c6f82', pattern: 'solid' },
  blueHatch: { colour: '#0066cc', pattern: 'diagonal' },
  navyDots: { colour: '#003366', pattern: 'dots' },
  brownLines: { colour: '#8a5a00', pattern: 'horizontal' },
  blackCross: { colour: '#1a1a1a', pattern: 'cross' },
  greyLines: { colour: '#5c6f82', pattern: 'vertical' },
} as const satisfies Record<string, Fill>;

export type FillName = keyof typeof FILLS;

/** The fill of a series in SVG: a colour, or a pattern defined by <ChartPatterns id={chartId}>. */
export const fillOf = (chartId: string, name: FillName): string =>
  FILLS[name].pattern === 'solid' ? FILLS[name].colour : `url(#${chartId}-${name})`;

/** The fill of each project status in stacked charts. */
export const STATUS_FILLS: Record<ProjectStatus, FillName> = {
  completed: 'grey',
  ongoing: 'blue',
  planned: 'blueHatch',
  grant_agreement_in_preparation: 'navyDots',
  suspended: 'brownLines',
  cancelled: 'blackCross',
  not_stated: 'greyLines',
};

/** The width of the charts' coordinate system: the SVGs scale to their box, text with them. */
export const CHART_WIDTH = 400;

/**
 * A label cut at a word to about `max` characters with an ellipsis, so that it stays inside the
 * chart; the full text is in the chart's table (and the bar's tooltip).
 */
export function fitLabel(label: string, max = 44): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length >= max / 2 ? atWord : cut}…`;
}

/** What every bar chart takes. */
export interface ChartProps {
  locale: Locale;
  /** Unique in the page: prefix of the SVG's ids. */
  id: string;
  /** The SVG's accessible name and description. */
  title: string;
  description: string;
  series: Array<{ label: string; fill: FillName }>;
  /** How a value is written next to its bar. */
  format: (value: number) => string;
}
