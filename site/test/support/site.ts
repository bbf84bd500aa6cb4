import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HtmlElement } from 'html-validate';
import type { Locale } from 'shared-types';
import { inject } from 'vitest';
import { href, type Route } from 'shared-types/routes';
import { parseHtml, textOf } from './html.ts';

/** The built site under test (see global-setup.ts). */
export const site = () => inject('site');

/** The file a static host serves for a path: /progetti/ → <outDir>/progetti/index.html. */
export function fileFor(pathname: string): string {
  const relative = decodeURIComponent(pathname).replace(/^\//, '');
  return path.join(site().outDir, relative.endsWith('/') || relative === '' ? path.join(relative, 'index.html') : relative);
}

export interface BuiltPage {
  pathname: string;
  html: string;
  doc: HtmlElement;
  /** The whole visible text of <body>, normalised. */
  text: string;
  /** The visible text of <main>, normalised. */
  main: string;
}

/** Reads and parses a built page; fails naming the missing file. */
export async function readPage(pathname: string): Promise<BuiltPage> {
  const file = fileFor(pathname);
  if (!existsSync(file)) throw new Error(`${pathname} was not built (no ${path.relative(site().outDir, file)} in the output)`);
  const html = readFileSync(file, 'utf8');
  const doc = await parseHtml(html);
  const body = doc.querySelector('body');
  const main = doc.querySelector('main');
  return { pathname, html, doc, text: body ? textOf(body) : '', main: main ? textOf(main) : '' };
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function walk(dir: string): string[] {
  const files: string[] = [];
  const visit = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) visit(full);
      else files.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  visit(dir);
  return files.sort();
}

/** Path of every built HTML page: /progetti/pleiadi/, /404.html. */
export const builtPagePaths = (): string[] =>
  walk(site().outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => (file.endsWith('/index.html') || file === 'index.html' ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`));

/** A former address's page (components/pages/MovedPage.astro): it sends the visitor on, and no page links to it. */
export const isMovedPage = (pathname: string): boolean => readFileSync(fileFor(pathname), 'utf8').includes('<meta http-equiv="refresh"');

/** The locale a path belongs to by the URL scheme: /en/... is English, the rest Italian. */
export const localeOf = (pathname: string): Locale => (pathname === '/en/' || pathname.startsWith('/en/') ? 'en' : 'it');

export interface TemplatePage {
  /** The page template (one per component in src/components/pages, plus 404). */
  template: string;
  locale: Locale;
  pathname: string;
  /** The page renders an island that needs hydration before it is complete. */
  island?: boolean;
}

/** A representative route of every page template, from the seed data. */
const TEMPLATE_ROUTES: Array<[template: string, route: Route, island?: boolean]> = [
  ['home', { page: 'home' }],
  ['projects', { page: 'projects' }, true],
  ['project', { page: 'project', slug: 'pleiadi' }],
  ['status', { page: 'status', status: 'ongoing' }],
  ['partners', { page: 'partners' }],
  ['partner', { page: 'partner', slug: 'emilia-romagna-region' }],
  ['funding lines', { page: 'fundingLines' }],
  ['funding line', { page: 'fundingLine', slug: 'fami-2021-2027-os2-regional-plans' }],
  ['community', { page: 'community', slug: 'connection-cop1' }],
  ['themes', { page: 'themes' }],
  ['theme', { page: 'theme', slug: 'participation' }],
  ['countries', { page: 'countries' }],
  ['country', { page: 'country', code: 'IT' }],
  ['statistics', { page: 'statistics' }],
  ['data', { page: 'data' }],
  ['search', { page: 'search' }],
  ['legal', { page: 'legal' }],
  ['privacy', { page: 'privacy' }],
  ['contacts', { page: 'contacts' }],
  ['accessibility', { page: 'accessibility' }],
];

/** One page of every template in both languages, and the single 404 page. */
export const TEMPLATE_PAGES: TemplatePage[] = [
  ...(['it', 'en'] as const).flatMap((locale) =>
    TEMPLATE_ROUTES.map(([template, route, island]) => ({
      template,
      locale,
      pathname: href(locale, route),
      ...(island ? { island } : {}),
    })),
  ),
  { template: '404', locale: 'it', pathname: '/404.html' },
];
