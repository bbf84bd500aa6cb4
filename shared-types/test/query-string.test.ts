import { describe, expect, it } from 'vitest';
import { toQueryString } from '../src/query-string.ts';

describe('toQueryString', () => {
  it('writes nested objects and arrays with brackets, as Strapi reads them', () => {
    expect(
      decodeURIComponent(toQueryString({ locale: 'it', populate: { partner: { fields: ['name', 'slug'] } }, pagination: { page: 2 } })),
    ).toBe('locale=it&populate[partner][fields][0]=name&populate[partner][fields][1]=slug&pagination[page]=2');
  });

  it('percent-encodes keys and values, keeps booleans and null as words, leaves undefined out', () => {
    expect(toQueryString({ filters: { title: { $eq: 'a&b é' } }, populate: { partner: true }, status: undefined, note: null })).toBe(
      'filters%5Btitle%5D%5B%24eq%5D=a%26b%20%C3%A9&populate%5Bpartner%5D=true&note=null',
    );
  });
});
