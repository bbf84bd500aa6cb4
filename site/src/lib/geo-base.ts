import { geoArea, geoAzimuthalEqualArea, geoCircle, geoPath, type GeoContext } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import atlas from 'world-atlas/countries-50m.json';

/**
 * The geometry of the partner-country map: Natural Earth 1:50m borders (world-atlas), Lambert
 * azimuthal equal-area centred on Europe (as EPSG:3035), simplified and written as compact SVG
 * path data so the whole map stays a small inline SVG with no tiles and no scripts.
 *
 * Made once when the site's code is bundled (scripts/europe-map-plugin.ts, the module
 * `virtual:europe-map-base`), before a build started ahead of time waits at its gate: projecting
 * and simplifying the atlas took about 0.13 s of every publish that showed a map. Pages highlight
 * countries on it (geo.ts).
 */

type Topology = Parameters<typeof presimplify>[0];
export type Point = [number, number];
/** A GeoJSON polygon's rings of [longitude, latitude] positions. */
type PolygonCoordinates = number[][][];
interface AtlasCountry {
  id?: string | number;
  properties: { name: string };
  geometry: { type: string; coordinates?: unknown } | null;
}

/** Width of the viewBox; the height follows from the frame. */
const WIDTH = 1000;
/** Margin around the frame, in viewBox units. */
const PADDING = 12;
/**
 * Visvalingam threshold in viewBox units²: a point goes when the triangle it forms with its
 * neighbours is smaller (detail invisible at the sizes the map is shown).
 */
const MIN_TRIANGLE_AREA = 1.5;
/** Islands smaller than this (viewBox units²) are dropped, except a country's largest piece. */
const MIN_ISLAND_AREA = 3;
/** Highlighted countries smaller than this (viewBox units², about 5,000 km²: Luxembourg, Malta) also get a circle marker. */
const MARKER_AREA = 250;

/**
 * Points the frame must show, [longitude, latitude]: Iceland, Portugal, the sea south of Malta,
 * Cyprus with a margin, Finland and the North Cape.
 */
const FRAME: Point[] = [
  [-24.6, 63.3],
  [-22.5, 66.6],
  [-9.6, 36.8],
  [14.4, 34.4],
  [35.4, 34.0],
  [35.8, 35.8],
  [31.6, 70.1],
  [27, 71.3],
];

/** ISO 3166-1 numeric (as world-atlas spells it) to alpha-2, for every country inside or near the frame. */
export const NUMERIC_TO_ALPHA2: Readonly<Record<string, string>> = {
  '008': 'AL',
  '012': 'DZ',
  '020': 'AD',
  '031': 'AZ',
  '040': 'AT',
  '051': 'AM',
  '056': 'BE',
  '070': 'BA',
  '100': 'BG',
  '112': 'BY',
  '191': 'HR',
  '196': 'CY',
  '203': 'CZ',
  '208': 'DK',
  '233': 'EE',
  '234': 'FO',
  '246': 'FI',
  '250': 'FR',
  '268': 'GE',
  '275': 'PS',
  '276': 'DE',
  '292': 'GI',
  '300': 'GR',
  '304': 'GL',
  '336': 'VA',
  '348': 'HU',
  '352': 'IS',
  '364': 'IR',
  '368': 'IQ',
  '372': 'IE',
  '376': 'IL',
  '380': 'IT',
  '398': 'KZ',
  '400': 'JO',
  '422': 'LB',
  '428': 'LV',
  '434': 'LY',
  '438': 'LI',
  '440': 'LT',
  '442': 'LU',
  '470': 'MT',
  '492': 'MC',
  '498': 'MD',
  '499': 'ME',
  '504': 'MA',
  '528': 'NL',
  '578': 'NO',
  '616': 'PL',
  '620': 'PT',
  '642': 'RO',
  '643': 'RU',
  '674': 'SM',
  '682': 'SA',
  '688': 'RS',
  '703': 'SK',
  '705': 'SI',
  '724': 'ES',
  '744': 'SJ',
  '752': 'SE',
  '756': 'CH',
  '760': 'SY',
  '788': 'TN',
  '792': 'TR',
  '804': 'UA',
  '807': 'MK',
  '818': 'EG',
  '826': 'GB',
  '831': 'GG',
  '832': 'JE',
  '833': 'IM',
  // Åland is part of Finland: partners there are recorded as FI.
  '248': 'FI',
};

/** Features Natural Earth ships without an ISO numeric id, by name. */
const UNNUMBERED: Readonly<Record<string, string>> = {
  Kosovo: 'XK',
  // The EU and the UN recognise one Cyprus; the island is drawn as one country.
  'N. Cyprus': 'CY',
};

/**
 * Centres of territories too small for the 1:50m atlas or for the simplified map (Monaco and the
 * Vatican are a fraction of a viewBox unit²), so partners there still get a marker.
 */
const SMALL_TERRITORIES: Readonly<Record<string, Point>> = {
  GI: [-5.35, 36.14],
  MC: [7.42, 43.74],
  VA: [12.45, 41.9],
};

/** A country's shape on the map. */
export interface BaseShape {
  code: string;
  /** Compact SVG path data. */
  d: string;
  /** Where its marker goes when it is too small to see (MARKER_AREA), or null. */
  marker: Point | null;
}

/** The map every page highlights countries on: plain data, made when the code is bundled. */
export interface EuropeBase {
  width: number;
  height: number;
  shapes: BaseShape[];
  /** Marker positions of the territories too small for the atlas (SMALL_TERRITORIES). */
  territories: Record<string, Point | null>;
}

export function buildEuropeBase(): EuropeBase {
  const frame = { type: 'MultiPoint' as const, coordinates: FRAME };
  const projection = geoAzimuthalEqualArea().rotate([-10, -52]).precision(0);
  projection.fitWidth(WIDTH - 2 * PADDING, frame);
  const [, [, bottom]] = geoPath(projection).bounds(frame);
  const height = Math.ceil(bottom) + 2 * PADDING;
  projection.translate(projection.translate().map((v) => v + PADDING) as Point);
  projection.clipExtent([
    [0, 0],
    [WIDTH, height],
  ]);

  // The projection is equal-area: one factor turns steradians into viewBox units² anywhere.
  const disc = geoCircle().center([10, 52]).radius(5)();
  const unitsPerSteradian = geoPath(projection).area(disc) / geoArea(disc);
  // Arcs are shared by neighbouring countries, so simplifying the topology keeps common borders identical.
  const topology = simplify(presimplify(atlas as unknown as Topology, sphericalTriangleArea), MIN_TRIANGLE_AREA / unitsPerSteradian);
  const countries = feature(topology, 'countries') as unknown as { features: AtlasCountry[] };
  const measure = geoPath(projection);

  const pieces = new Map<string, Array<{ polygon: PolygonCoordinates; area: number }>>();
  for (const country of countries.features) {
    const id = country.id === undefined ? undefined : String(country.id);
    const code = (id && NUMERIC_TO_ALPHA2[id]) ?? UNNUMBERED[country.properties.name] ?? '';
    const polygons = polygonsOf(country.geometry);
    const list = pieces.get(code) ?? [];
    for (const polygon of polygons) list.push({ polygon, area: measure.area({ type: 'Polygon', coordinates: polygon }) });
    pieces.set(code, list);
  }

  const shapes: BaseShape[] = [];
  for (const [code, list] of pieces) {
    const largest = list.reduce((a, b) => (b.area > a.area ? b : a));
    if (largest.area <= 0) continue;
    const kept = list.filter((p) => p.area >= MIN_ISLAND_AREA || p === largest);
    const geometry = { type: 'MultiPolygon' as const, coordinates: kept.map((p) => p.polygon) };
    const writer = new CompactPath();
    geoPath(projection, writer)(geometry);
    const area = kept.reduce((sum, p) => sum + p.area, 0);
    const centre = measure.centroid({ type: 'Polygon', coordinates: largest.polygon }) as Point;
    shapes.push({ code, d: writer.toString(), marker: area < MARKER_AREA ? centre : null });
  }

  const territories: EuropeBase['territories'] = {};
  for (const [code, point] of Object.entries(SMALL_TERRITORIES)) {
    const xy = projection(point);
    territories[code] = xy ? [xy[0], xy[1]] : null;
  }
  return { width: WIDTH, height, shapes, territories };
}

function polygonsOf(geometry: AtlasCountry['geometry']): PolygonCoordinates[] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates as PolygonCoordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates as PolygonCoordinates[];
  return [];
}

/**
 * A geoPath context that writes compact SVG path data: one decimal, relative line commands,
 * no repeated points, no redundant separators.
 */
class CompactPath implements GeoContext {
  #out = '';
  /** Current and sub-path start points, in tenths of a unit. */
  #x = 0;
  #y = 0;
  #startX = 0;
  #startY = 0;
  #inLine = false;
  /** Whether the last thing written is a number, and whether it has a decimal point. */
  #afterNumber = false;
  #afterDot = false;

  moveTo(x: number, y: number): void {
    this.#x = this.#startX = Math.round(x * 10);
    this.#y = this.#startY = Math.round(y * 10);
    this.#command('M');
    this.#number(this.#x);
    this.#number(this.#y);
    this.#inLine = false;
  }

  lineTo(x: number, y: number): void {
    const tx = Math.round(x * 10);
    const ty = Math.round(y * 10);
    if (tx === this.#x && ty === this.#y) return;
    if (!this.#inLine) this.#command('l');
    this.#inLine = true;
    this.#number(tx - this.#x);
    this.#number(ty - this.#y);
    this.#x = tx;
    this.#y = ty;
  }

  closePath(): void {
    this.#command('z');
    this.#x = this.#startX;
    this.#y = this.#startY;
    this.#inLine = false;
  }

  beginPath(): void {}

  arc(): void {}

  toString(): string {
    return this.#out;
  }

  #command(letter: string): void {
    this.#out += letter;
    this.#afterNumber = false;
  }

  #number(tenths: number): void {
    const text = (tenths / 10).toString().replace(/^(-?)0\./, '$1.');
    const needsSeparator = this.#afterNumber && (/^\d/.test(text) || (text.startsWith('.') && !this.#afterDot));
    this.#out += (needsSeparator ? ' ' : '') + text;
    this.#afterNumber = true;
    this.#afterDot = text.includes('.');
  }
}
