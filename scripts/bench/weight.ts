import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtPages } from './build.ts';
import { extractPageAssets, gzipSize, percentile, staticImports, templateOf, TEMPLATES, type Template } from './measure.ts';

export interface Weight {
  bytes: number;
  gzip: number;
}

export interface TemplateWeight {
  template: Template;
  /** Pages of this template in the build (both locales). */
  pages: number;
  /** Median over the template's pages. */
  html: Weight;
  css: Weight;
  /** Every module the page makes the browser load up front: scripts, islands and their static imports. */
  js: Weight & { files: number };
}

const add = (a: Weight, b: Weight): Weight => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip });
const weigh = (content: string | Buffer): Weight => ({ bytes: Buffer.byteLength(content), gzip: gzipSize(content) });

/** Page weight of one built page: its HTML, its CSS and the JS it ships (modules followed through static imports). */
export function weighPage(outDir: string, urlPath: string): { html: Weight; css: Weight; js: Weight & { files: number } } {
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
  return { html: weigh(html), css, js: { ...js, files: seen.size + assets.inlineScripts.length } };
}

/** Median weight of each template's pages in a built site. */
export function weighTemplates(outDir: string): TemplateWeight[] {
  const byTemplate = new Map<Template, string[]>();
  for (const page of builtPages(outDir)) {
    const template = templateOf(page);
    if (template) byTemplate.set(template, [...(byTemplate.get(template) ?? []), page]);
  }
  return TEMPLATES.filter((template) => byTemplate.has(template)).map((template) => {
    const weights = byTemplate.get(template)!.map((page) => weighPage(outDir, page));
    const median = (pick: (w: (typeof weights)[number]) => Weight): Weight => ({
      bytes: Math.round(percentile(weights.map((w) => pick(w).bytes), 50)),
      gzip: Math.round(percentile(weights.map((w) => pick(w).gzip), 50)),
    });
    return {
      template,
      pages: weights.length,
      html: median((w) => w.html),
      css: median((w) => w.css),
      js: { ...median((w) => w.js), files: Math.round(percentile(weights.map((w) => w.js.files), 50)) },
    };
  });
}
