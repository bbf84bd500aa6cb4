import base from 'virtual:europe-map-base';

/**
 * The partner-country map: the map of Europe made when the code is bundled (geo-base.ts), with
 * a page's countries highlighted.
 */

export interface EuropeMap {
  /** SVG viewBox, "0 0 width height". */
  viewBox: string;
  /** Countries in the frame, non-highlighted first so highlighted borders are drawn on top. */
  countries: Array<{ code: string; d: string; highlighted: boolean; count: number }>;
  /** Circles for highlighted countries too small to see (Malta, Luxembourg...). */
  markers: Array<{ code: string; x: number; y: number }>;
}

const round = (value: number) => Math.round(value * 10) / 10;
// In list order as geo-base made them; shapes by code for the markers.
const shapes = new Map(base.shapes.map((shape) => [shape.code, shape]));

/**
 * The map of Europe with the given countries highlighted. `highlight` maps ISO 3166-1 alpha-2 codes
 * to a count (partners); codes with a count above 0 are highlighted. Codes outside the frame are
 * ignored: pages list every country in text as well.
 */
export function europeMap(highlight: ReadonlyMap<string, number>): EuropeMap {
  const { width, height } = base;
  const countOf = (code: string) => Math.max(0, highlight.get(code) ?? 0);

  const countries = base.shapes
    .map(({ code, d }) => ({ code, d, highlighted: countOf(code) > 0, count: countOf(code) }))
    .sort((a, b) => Number(a.highlighted) - Number(b.highlighted) || a.code.localeCompare(b.code));

  const markers: EuropeMap['markers'] = [];
  for (const [code, count] of [...highlight].sort(([a], [b]) => a.localeCompare(b))) {
    if (count <= 0) continue;
    const shape = shapes.get(code);
    const centre = shape ? shape.marker : (base.territories[code] ?? null);
    if (centre && centre[0] >= 0 && centre[0] <= width && centre[1] >= 0 && centre[1] <= height) {
      markers.push({ code, x: round(centre[0]), y: round(centre[1]) });
    }
  }

  return { viewBox: `0 0 ${width} ${height}`, countries, markers };
}
