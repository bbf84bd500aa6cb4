import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtPages } from './build.ts';
import { extractPageAssets, gzipSize, largestList, percentile, staticImports, templateOf, TEMPLATES, type Template } from './measure.ts';

export interface Weight {
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  html: Weight;
  css: Weight;
  /** Every module the page makes the browser load up front: scripts, islands and their static imports. */
  js: Weight & { files: number };
  /** Items in the longest list of <main> (see `largestList`). */
  largestList: number;
}

export interface TemplateWeight extends PageWeight {
  template: Template;
  /** Pages of this template in the build (both locales). Weights are the median page's. */
  pages: number;
  /** The template's page with the most HTML after gzip: where the template stops scaling first. */
  heaviest: PageWeight & { path: string };
}

/** The target: no page over 100 KB of gzipped HTML, at 1,000 projects. */
export const HTML_GZIP_BUDGET = 100 * 1024;
/** How many of the pages over the budget the results name, heaviest first. */
const OVER_BUDGET_NAMED = 10;

export interface PageWeights {
  templates: TemplateWeight[];
  /** Every built page (any template or none) over HTML_GZIP_BUDGET. */
  overBudget: { limitGzip: number; pages: number; heaviest: Array<{ path: string; html: Weight }> };
}

const add = (a: Weight, b: Weight): Weight => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip });
const weigh = (content: string | Buffer): Weight => ({ bytes: Buffer.byteLength(content), gzip: gzipSize(content) });

/** Page weight of one built page: its HTML, its CSS and the JS it ships (modules followed through static imports). */
export function weighPage(outDir: string, urlPath: string): PageWeight {
  const html = readFileSync(path.join(outDir, urlPath, 'index.html'), 'utf8');
  const assets = extractPageAssets(html);
  const local = (url: string, from = urlPath) => {
    const resolved = new URL(url, `http://site${from}`);
    return resolved.host === 'site' ? resolved.pathname : null;
  };
  let css: Weight = assets.inlineStyles.map(weigh).reduce(add, { bytes: 0, gzip: 0 });
  for (const href of assets.stylesheets) {
    const file = local(href);
    if (file && existsSync(path.join(outDir, file))) css = add(css, weigh(readFileSync(path.join(outDir, file))));
  }
  let js: Weight = assets.inlineScripts.map(weigh).reduce(add, { bytes: 0, gzip: 0 });
  const seen = new Set<string>();
  const queue = [...assets.scriptSrcs, ...assets.islandModules].map((url) => local(url)).filter((file): file is string => file !== null);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(path.join(outDir, file))) continue;
    seen.add(file);
    const code = readFileSync(path.join(outDir, file), 'utf8');
    js = add(js, weigh(code));
    for (const specifier of staticImports(code)) {
      const next = local(specifier, file);
      if (next) queue.push(next);
    }
  }
  return { html: weigh(html), css, js: { ...js, files: seen.size + assets.inlineScripts.length }, largestList: largestList(html) };
}

/**
 * The weight of a built site: each template's median page and its heaviest page, and every page
 * over the HTML budget.
 */
export function weighSite(outDir: string): PageWeights {
  const byTemplate = new Map<Template, Array<PageWeight & { path: string }>>();
  const overBudget: PageWeights['overBudget']['heaviest'] = [];
  for (const page of builtPages(outDir)) {
    const template = templateOf(page);
    const weight = template ? weighPage(outDir, page) : null;
    const html = weight?.html ?? weigh(readFileSync(path.join(outDir, page, 'index.html')));
    if (html.gzip > HTML_GZIP_BUDGET) overBudget.push({ path: page, html });
    if (template) byTemplate.set(template, [...(byTemplate.get(template) ?? []), { path: page, ...weight! }]);
  }
  const templates = TEMPLATES.filter((template) => byTemplate.has(template)).map((template): TemplateWeight => {
    const weights = byTemplate.get(template)!;
    const median = (pick: (w: PageWeight) => number) => Math.round(percentile(weights.map(pick), 50));
    const medianWeight = (pick: (w: PageWeight) => Weight): Weight => ({
      bytes: median((w) => pick(w).bytes),
      gzip: median((w) => pick(w).gzip),
    });
    return {
      template,
      pages: weights.length,
      html: medianWeight((w) => w.html),
      css: medianWeight((w) => w.css),
      js: { ...medianWeight((w) => w.js), files: median((w) => w.js.files) },
      largestList: median((w) => w.largestList),
      heaviest: weights.reduce((heaviest, w) => (w.html.gzip > heaviest.html.gzip ? w : heaviest)),
    };
  });
  overBudget.sort((a, b) => b.html.gzip - a.html.gzip);
  return {
    templates,
    overBudget: { limitGzip: HTML_GZIP_BUDGET, pages: overBudget.length, heaviest: overBudget.slice(0, OVER_BUDGET_NAMED) },
  };
}
