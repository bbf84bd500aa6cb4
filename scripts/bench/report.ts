import type { BuildMeasurement } from './build.ts';
import type { FetchResult } from './fetch.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PublishMeasurement } from './publish.ts';
import type { PageWeights } from './weight.ts';

/** "Not measured" with the reason, in place of a number. */
export interface NotMeasured {
  measured: false;
  reason: string;
}
export type Maybe<T> = (T & { measured: true }) | NotMeasured;

export interface BenchResults {
  scale: string;
  date: string;
  machine: { cpus: number; loadAverageAtStart: number[]; node: string };
  content: {
    seed: number;
    projects: number;
    partners: number;
    actions: number;
    communities: number;
    fundingLines: number;
    themes: number;
    localizedEntries: number;
  };
  /** Null when the run started on an earlier run's database (--db). */
  strapiLoadMs: number | null;
  importMs: number | null;
  /** Fetch results are the median of `rounds` alternating rounds after a warm-up. */
  fetch: { rounds: number; site: FetchResult; peer: Maybe<FetchResult & { client: string; strategy: string }> };
  build: { full: BuildMeasurement; floor: Maybe<BuildMeasurement> };
  publishToLive: Maybe<{ scenarios: Array<PublishMeasurement & { name: string; n: number }> }>;
  pageWeight: Maybe<PageWeights>;
  lighthouse: LighthouseResult;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const nm = (reason: string) => `not measured (${reason})`;
/** The median of the values measured, or null when none was. */
const median = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return known.length > 0 ? known[Math.floor(known.length / 2)]! : null;
};

/** The results as a Markdown report: one table per measurement, ratios to the floor and the peer. */
export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const row = (...cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);
  const c = r.content;
  lines.push(`# Benchmark — scale ${r.scale} (${r.date})`, '');
  lines.push(
    `${c.projects} projects, ${c.partners} partners, ${c.actions} actions, ${c.communities} communities, ${c.fundingLines} funding lines, ${c.themes} themes; ` +
      `${c.localizedEntries} localized entries (it + en), PRNG seed ${c.seed}. ` +
      (r.importMs === null || r.strapiLoadMs === null
        ? "The CMS started on an earlier run's database (--db): no import, and earlier publishes are in it."
        : `Seed import through the Document Service: ${s(r.importMs)} (after loading Strapi: ${s(r.strapiLoadMs)}).`),
    `Machine: ${r.machine.cpus} CPUs, load average at start ${r.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' / ')}, Node ${r.machine.node}.`,
    '',
  );

  lines.push('## Fetch (all published content, both locales)', '', `Median of ${r.fetch.rounds} alternating rounds after a warm-up.`, '');
  row('reader', 'time', 'requests', 'entries', 'time vs ours', 'requests vs ours');
  row('---', '---:', '---:', '---:', '---:', '---:');
  const f = r.fetch.site;
  row('ours: site client + populate rules', s(f.durationMs), f.requests, f.entries, '1.00×', '1.00×');
  const peer = r.fetch.peer;
  if (peer.measured)
    row(
      `peer: ${peer.client} (${peer.strategy})`,
      s(peer.durationMs),
      peer.requests,
      peer.entries,
      ratio(peer.durationMs, f.durationMs),
      ratio(peer.requests, f.requests),
    );
  else row('peer', nm(peer.reason), '', '', '', '');
  lines.push('');

  lines.push('## Full build (cold cache)', '');
  row('build', 'wall time', 'pages', 'pages/s', 'peak RSS (tree)', 'time vs floor');
  row('---', '---:', '---:', '---:', '---:', '---:');
  const full = r.build.full;
  const floor = r.build.floor;
  const fullTime = full.ok ? s(full.durationMs) : `FAILED: ${full.error?.split('\n').at(-1)}`;
  row(
    'ours: CMS over HTTP, validated',
    fullTime,
    full.pages,
    full.pagesPerSecond.toFixed(1),
    `${full.peakRssMb.toFixed(0)} MB`,
    floor.measured && floor.ok ? ratio(full.durationMs, floor.durationMs) : '–',
  );
  if (floor.measured)
    row(
      'floor: in-memory JSON, no fetch, no validation',
      floor.ok ? s(floor.durationMs) : 'FAILED',
      floor.pages,
      floor.pagesPerSecond.toFixed(1),
      `${floor.peakRssMb.toFixed(0)} MB`,
      '1.00×',
    );
  else row('floor', nm(floor.reason), '', '', '', '');
  lines.push('');

  lines.push('## Publish to live (editor Publish → webhook → debounce → build → switch → page shows it)', '');
  const p = r.publishToLive;
  if (p.measured) {
    const maybe = (value: number | null, write: (v: number) => string | number) => (value === null ? '–' : write(value));
    row('change', 'N', 'p50', 'p95', 'max', 'build (median)', 'of it, site build', 'paths rendered', 'reused', 'search index');
    row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
    for (const scenario of p.scenarios) {
      const builds = scenario.builds ?? [];
      row(
        scenario.name,
        scenario.n,
        s(scenario.p50Ms),
        s(scenario.p95Ms),
        s(Math.max(...scenario.samples)),
        maybe(median(builds.map((b) => b.buildMs)), s),
        maybe(median(builds.map((b) => b.siteBuildMs)), s),
        maybe(median(builds.map((b) => b.pagesRendered)), (v) => v),
        maybe(median(builds.map((b) => b.pagesReused)), (v) => v),
        maybe(median(builds.map((b) => b.searchIndexMs)), s),
      );
    }
    lines.push('', ...siteBuildPartsSection(p.scenarios));
  } else lines.push(nm(p.reason));
  lines.push('');

  const pw = r.pageWeight;
  lines.push(...(pw.measured ? pageWeightSections(pw) : ['## Page weight', '', nm(pw.reason), '']));

  lines.push('## Lighthouse', '');
  const l = r.lighthouse;
  if (l.measured) {
    lines.push(`${l.config}.`, '');
    row('page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'CLS', 'TBT');
    row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
    for (const page of l.pages) {
      const v = (n: number | null) => (n === null ? '–' : String(n));
      row(
        page.name,
        v(page.scores.performance),
        v(page.scores.accessibility),
        v(page.scores['best-practices']),
        v(page.scores.seo),
        page.lcpMs === null ? '–' : s(page.lcpMs),
        page.cls === null ? '–' : page.cls.toFixed(3),
        page.tbtMs === null ? '–' : `${Math.round(page.tbtMs)} ms`,
      );
    }
  } else lines.push(nm(l.reason));
  lines.push('');
  return lines.join('\n');
}

/** The median and the heaviest page of each template, and the pages over the HTML budget. */
function pageWeightSections(pw: PageWeights): string[] {
  const lines: string[] = [];
  const row = (...cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push('## Page weight per template (median page; gzip in brackets)', '');
  const weight = (w: { bytes: number; gzip: number }) => `${kb(w.bytes)} (${kb(w.gzip)})`;
  row('template', 'pages', 'HTML', 'CSS', 'JS shipped', 'JS files', 'largest list');
  row('---', '---:', '---:', '---:', '---:', '---:', '---:');
  for (const w of pw.templates) row(w.template, w.pages, weight(w.html), weight(w.css), weight(w.js), w.js.files, w.largestList);
  lines.push('');

  lines.push('## Heaviest page per template (by HTML gzip)', '');
  row('template', 'page', 'HTML', 'CSS gzip', 'JS gzip', 'largest list');
  row('---', '---', '---:', '---:', '---:', '---:');
  for (const { template, heaviest: h } of pw.templates)
    row(template, `\`${h.path}\``, weight(h.html), kb(h.css.gzip), kb(h.js.gzip), h.largestList);
  lines.push('');
  const over = pw.overBudget;
  if (over.pages === 0) lines.push(`No page over ${kb(over.limitGzip)} of HTML gzip.`);
  else {
    lines.push(
      `**${over.pages} page${over.pages === 1 ? '' : 's'} over ${kb(over.limitGzip)} of HTML gzip**${over.pages > over.heaviest.length ? ` (the ${over.heaviest.length} heaviest)` : ''}:`,
      '',
    );
    for (const page of over.heaviest) lines.push(`- \`${page.path}\`: ${weight(page.html)}`);
  }
  lines.push('');

  return lines;
}

/** Where a site build's time goes, per kind of change: the median of each part the build times. */
function siteBuildPartsSection(scenarios: Array<PublishMeasurement & { name: string }>): string[] {
  const parts = [...new Set(scenarios.flatMap((scenario) => (scenario.builds ?? []).flatMap((b) => Object.keys(b.timings ?? {}))))];
  if (parts.length === 0) return [];
  const lines = [
    '### Inside the site build (median per publish)',
    '',
    'The parts that grow with the portfolio, as the build times them (site/src/lib/build-timing.ts). The loaders sync together, so the sync parts overlap; the rest of the site build is rendering and writing the changed pages.',
    '',
    `| part | ${scenarios.map((scenario) => scenario.name).join(' | ')} |`,
    `| --- | ${scenarios.map(() => '---:').join(' | ')} |`,
  ];
  for (const part of parts) {
    const cells = scenarios.map((scenario) => {
      const value = median((scenario.builds ?? []).map((b) => b.timings?.[part] ?? null));
      return value === null ? '–' : s(value);
    });
    lines.push(`| ${part} | ${cells.join(' | ')} |`);
  }
  return lines;
}
