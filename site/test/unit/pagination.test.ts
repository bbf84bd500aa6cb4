import { describe, expect, it } from 'vitest';
import { latestStarted, pagedTitle, rangeText } from '../../src/lib/pagination.ts';

const view = (acronym: string, start: string | null) => ({ acronym, project: { startDate: start === null ? null : { date: start } } });

describe('latestStarted', () => {
  it('puts the latest start first, undated starts last, and keeps the given order among equals', () => {
    const views = [view('A', '2024-01-01'), view('B', null), view('C', '2026-09-01'), view('D', '2024-01-01'), view('E', '2025-03-01')];
    expect(latestStarted(views).map((v) => v.acronym)).toEqual(['C', 'E', 'A', 'D', 'B']);
    // The input is left as it was.
    expect(views.map((v) => v.acronym)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('the words of a paged list', () => {
  it('names a later page in the title, not the first', () => {
    expect(pagedTitle('it', 'Partner', { pageNumber: 1, pageCount: 8 })).toBe('Partner');
    expect(pagedTitle('it', 'Partner', { pageNumber: 2, pageCount: 8 })).toBe('Partner – pagina 2 di 8');
    expect(pagedTitle('en', 'Partners', { pageNumber: 2, pageCount: 8 })).toBe('Partners – page 2 of 8');
  });
  it('gives the range of a page', () => {
    expect(rangeText('it', { first: 101, last: 200, total: 750 })).toBe('101–200 di 750');
    expect(rangeText('en', { first: 101, last: 200, total: 750 })).toBe('101–200 of 750');
  });
});
