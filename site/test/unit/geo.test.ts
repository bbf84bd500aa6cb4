import { describe, expect, it } from 'vitest';
import { NUMERIC_TO_ALPHA2 } from '../../src/lib/geo-base.ts';
import { europeMap } from '../../src/lib/geo.ts';

/** Countries of the seed partners. */
const SEED = ['AT', 'BE', 'BG', 'DE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IT', 'LV', 'MT', 'NL', 'PL', 'RO', 'SE'];
const EU = [...SEED, 'CY', 'CZ', 'DK', 'EE', 'HU', 'IE', 'LT', 'LU', 'PT', 'SI', 'SK'];

/** Every absolute point of a compact path ("M x y l dx dy ... z"). */
function points(d: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MlZz])([^MlZz]*)/g)) {
    const numbers = (args ?? '').match(/-?(\d+\.?\d*|\.\d+)/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      if (command === 'M' && i === 0) [x, y] = [numbers[i]!, numbers[i + 1]!];
      else [x, y] = [x + numbers[i]!, y + numbers[i + 1]!];
      result.push([x, y]);
    }
  }
  return result;
}

describe('europeMap', () => {
  const counts = new Map(SEED.map((code, i) => [code, i + 1]));
  const map = europeMap(counts);
  const [, , width, height] = map.viewBox.split(' ').map(Number) as [number, number, number, number];
  const inside = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;

  it('gives every seed partner country a path or a marker inside the viewBox', () => {
    for (const code of SEED) {
      const country = map.countries.find((c) => c.code === code);
      const marker = map.markers.find((m) => m.code === code);
      expect(country !== undefined || marker !== undefined, code).toBe(true);
      if (country) expect(points(country.d).some(inside), code).toBe(true);
      if (marker) expect(inside([marker.x, marker.y]), code).toBe(true);
    }
  });

  it('draws every EU member state, Cyprus and Malta included', () => {
    const drawn = new Set(map.countries.map((c) => c.code));
    for (const code of EU) expect(drawn.has(code), code).toBe(true);
  });

  it('marks Malta with a circle because it is too small to see', () => {
    expect(map.markers.map((m) => m.code)).toContain('MT');
    expect(map.markers.map((m) => m.code)).not.toContain('IT');
  });

  it('marks Monaco and the Vatican, too small for the simplified map, with a circle', () => {
    const small = europeMap(
      new Map([
        ['MC', 1],
        ['VA', 2],
      ]),
    );
    expect(small.markers.map((m) => m.code)).toEqual(['MC', 'VA']);
    for (const marker of small.markers) expect(inside([marker.x, marker.y]), marker.code).toBe(true);
  });

  it('highlights exactly the countries with a count above zero, with their count', () => {
    const other = europeMap(
      new Map([
        ['IT', 3],
        ['FR', 0],
      ]),
    );
    for (const country of other.countries) {
      expect(country.highlighted, country.code).toBe(country.code === 'IT');
      expect(country.count, country.code).toBe(country.code === 'IT' ? 3 : 0);
    }
    for (const country of map.countries) expect(country.count).toBe(counts.get(country.code) ?? 0);
  });

  it('draws highlighted countries after the others so their borders stay visible', () => {
    const firstHighlighted = map.countries.findIndex((c) => c.highlighted);
    expect(map.countries.slice(firstHighlighted).every((c) => c.highlighted)).toBe(true);
  });

  it('gives every drawn shape a known country code', () => {
    expect(map.countries.filter((c) => c.code === '')).toEqual([]);
    expect(new Set(map.countries.map((c) => c.code)).size).toBe(map.countries.length);
  });

  it('keeps the path data under 55 KB with one decimal at most', () => {
    const total = map.countries.reduce((sum, c) => sum + c.d.length, 0);
    expect(total).toBeLessThan(55_000);
    for (const country of map.countries) expect(country.d).not.toMatch(/\.\d\d/);
  });

  it('frames Europe: Iceland, Portugal, Cyprus and Finland are inside, Kazakhstan is not', () => {
    for (const code of ['IS', 'PT', 'CY', 'FI']) {
      const country = map.countries.find((c) => c.code === code);
      expect(country, code).toBeDefined();
      expect(points(country!.d).filter(inside).length, code).toBeGreaterThan(3);
    }
    expect(map.countries.some((c) => c.code === 'KZ')).toBe(false);
  });

  it('maps the numeric ids of the seed countries', () => {
    const mapped = new Set(Object.values(NUMERIC_TO_ALPHA2));
    for (const code of EU) expect(mapped.has(code), code).toBe(true);
  });

  it('ignores countries outside the frame and places known small territories', () => {
    const outside = europeMap(
      new Map([
        ['US', 2],
        ['GI', 1],
      ]),
    );
    expect(outside.countries.some((c) => c.highlighted)).toBe(false);
    expect(outside.markers.map((m) => m.code)).toEqual(['GI']);
  });
});
