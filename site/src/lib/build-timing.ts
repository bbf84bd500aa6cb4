/**
 * How long the parts of a build that grow with the portfolio took, one log line each:
 * "[timing] open data 812 ms". The publisher reads them into its build report and the benchmark
 * prints their medians (scripts/bench/), so that what a publish costs is measured on every run
 * rather than timed by hand.
 */
const MARKER = '[timing]';
// Not anchored at the start: Astro writes a rendered path's line in two parts, and a log line can land between them.
const LINE = new RegExp(`${MARKER.replace(/[[\]]/g, '\\$&')} (.+?) (\\d+) ms$`, 'gm');

/** Runs one part of the build and logs its wall time, also when it throws. */
export async function timed<T>(part: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    console.log(`${MARKER} ${part} ${Math.round(performance.now() - started)} ms`);
  }
}

/** The timings a build logged, by part (a part logged more than once is summed). */
export function buildTimings(output: string): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const [, part, ms] of output.matchAll(LINE)) timings[part!] = (timings[part!] ?? 0) + Number(ms);
  return timings;
}
