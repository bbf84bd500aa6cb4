import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTimings, timed } from '../../src/lib/build-timing.ts';

describe('build timings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs how long a part took, also when it throws, and the publisher reads the lines back', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    expect(await timed('open data', () => new Promise((resolve) => setTimeout(() => resolve(42), 30)))).toBe(42);
    await expect(timed('page keys', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    const timings = buildTimings(lines.join('\n'));
    expect(Object.keys(timings)).toEqual(['open data', 'page keys']);
    expect(timings['open data']).toBeGreaterThanOrEqual(29);
  });

  it('sums a part logged twice, and finds a line Astro split in two', () => {
    const output = [
      '[timing] portfolio views (it) 250 ms',
      '12:04:45   ├─ /en/feed.xml[timing] page keys 633 ms',
      '[timing] portfolio views (it) 50 ms',
      '[build] 11774 page(s) built in 12.51s',
    ].join('\n');
    expect(buildTimings(output)).toEqual({ 'portfolio views (it)': 300, 'page keys': 633 });
  });
});
