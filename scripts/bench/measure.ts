import { gzipSync } from 'node:zlib';

/** Pure helpers of the benchmark: parsing what the system reports and what the site ships. */

/** Resident memory in KiB from the text of /proc/<pid>/status; null when the line is absent (zombie, kernel thread). */
export function parseVmRssKb(statusText: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  return match ? Number(match[1]) : null;
}

/** Parent pid from the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parsePpid(statText: string): number | null {
  const afterName = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(afterName[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

/** The pid and every descendant of it, from a map of pid → parent pid. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The p-th percentile (0-100) with linear interpolation between closest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Bytes after gzip at the default level, as a static host would serve the file. */
export const gzipSize = (content: string | Uint8Array): number => gzipSync(content).length;

export interface PageAssets {
  /** External scripts: <script src> (classic or module). */
  scriptSrcs: string[];
  /** Island component and renderer modules Astro loads on the client. */
  islandModules: string[];
  /** Inline <script> bodies, JSON and other data blocks excluded. */
  inlineScripts: string[];
  /** <link rel="stylesheet" href>. */
  stylesheets: string[];
  /** Inline <style> bodies. */
  inlineStyles: string[];
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Non-executable script types (JSON-LD, import maps are data, not JS shipped). */
const DATA_SCRIPT = /json|importmap|template|text\/plain/i;

/** What a page asks the browser to load: scripts, island modules, stylesheets. */
export function extractPageAssets(html: string): PageAssets {
  const assets: PageAssets = { scriptSrcs: [], islandModules: [], inlineScripts: [], stylesheets: [], inlineStyles: [] };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = match[1] ?? '';
    const type = attribute(tag, 'type');
    if (type && DATA_SCRIPT.test(type)) continue;
    const src = attribute(tag, 'src');
    if (src) assets.scriptSrcs.push(src);
    else if ((match[2] ?? '').trim()) assets.inlineScripts.push(match[2]!);
  }
  for (const match of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attribute(match[1] ?? '', name);
      if (url && !assets.islandModules.includes(url)) assets.islandModules.push(url);
    }
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const tag = match[1] ?? '';
    if (/(^|\s)stylesheet(\s|$)/i.test(attribute(tag, 'rel') ?? '')) {
      const href = attribute(tag, 'href');
      if (href) assets.stylesheets.push(href);
    }
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) assets.inlineStyles.push(match[1] ?? '');
  return assets;
}

/** Relative static imports of a (minified) ES module: `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`. Dynamic import() is lazy and not counted. */
export function staticImports(js: string): string[] {
  const found = new Set<string>();
  for (const match of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
    found.add(match[1]!);
  return [...found];
}

/**
 * Items in the longest list of a page's <main>: the <li> directly in one <ul>/<ol> (cards
 * included), or the rows of one <table>. What grows with the portfolio, so what makes a page
 * heavy at scale. 0 when <main> holds no list.
 */
export function largestList(html: string): number {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1] ?? '';
  /** The lists open at this point of the page, innermost last, with the items counted so far. */
  const open: Array<{ tag: 'list' | 'table'; items: number }> = [];
  let largest = 0;
  for (const [, closing, name] of main.matchAll(/<(\/?)(ul|ol|li|table|tr)\b/gi)) {
    const tag = name!.toLowerCase();
    if (closing) {
      if (tag === 'ul' || tag === 'ol' || tag === 'table') largest = Math.max(largest, open.pop()?.items ?? 0);
    } else if (tag === 'ul' || tag === 'ol') open.push({ tag: 'list', items: 0 });
    else if (tag === 'table') open.push({ tag: 'table', items: 0 });
    else if (open.at(-1)?.tag === (tag === 'li' ? 'list' : 'table')) open.at(-1)!.items++;
  }
  return largest;
}

/** The page templates the benchmark weighs, by path of the built page (both locales). */
export const TEMPLATES = [
  'home',
  'projects',
  'project',
  'partner',
  'fundingLine',
  'theme',
  'community',
  'country',
  'statistics',
  'data',
] as const;
export type Template = (typeof TEMPLATES)[number];

const TEMPLATE_PATTERNS: Array<[Template, RegExp]> = [
  ['home', /^\/(en\/)?$/],
  ['projects', /^\/(progetti|en\/projects)\/$/],
  ['project', /^\/(progetti|en\/projects)\/(?!stato\/|status\/)[^/]+\/$/],
  ['partner', /^\/(partner|en\/partners)\/[^/]+\/$/],
  ['fundingLine', /^\/(linee-di-finanziamento|en\/funding)\/[^/]+\/$/],
  ['theme', /^\/(temi|en\/themes)\/[^/]+\/$/],
  ['community', /^\/(comunita-di-pratica|en\/communities)\/[^/]+\/$/],
  ['country', /^\/(paesi|en\/countries)\/[^/]+\/$/],
  ['statistics', /^\/(statistiche|en\/statistics)\/$/],
  ['data', /^\/(dati|en\/data)\/$/],
];

/** The template of a page from its URL path (/progetti/x/ → project); null for pages not weighed. */
export function templateOf(urlPath: string): Template | null {
  return TEMPLATE_PATTERNS.find(([, pattern]) => pattern.test(urlPath))?.[0] ?? null;
}
