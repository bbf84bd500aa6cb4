import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES } from 'shared-types';
import { href } from 'shared-types/routes';
import { builtPagePaths, fileFor, isMovedPage, readPage, site } from '../support/site.ts';
import { RENAMED_THEME } from './global-setup.ts';

/** `/progetti/pagina/3/` → { list: '/progetti/', pageNumber: 3 }; null for a page that is not a later page of a list. */
function laterPage(pathname: string): { list: string; pageNumber: number } | null {
  const match = /^(.*\/)(?:pagina|page)\/(\d+)\/$/.exec(pathname);
  return match ? { list: match[1]!, pageNumber: Number(match[2]) } : null;
}

const hrefsOf = async (pathname: string) =>
  (await readPage(pathname)).doc.querySelectorAll('a[href]').map((a) => a.getAttributeValue('href')!);

describe('paged lists at scale', () => {
  const later = builtPagePaths()
    .map(laterPage)
    .filter((page) => page !== null)
    // A renamed list's former addresses (global-setup.ts) send the visitor on: they are no list.
    .filter((page) => !isMovedPage(page.list));
  const lists = [...new Set(later.map((page) => page.list))].sort();

  test('the generated portfolio makes paged lists, in both languages', () => {
    expect(lists).toContain('/progetti/');
    expect(lists).toContain('/en/projects/');
    expect(lists).toContain('/partner/');
    expect(lists).toContain('/en/partners/');
  });

  test.each(lists)('every page of %s exists and links its neighbours', async (list) => {
    const pageCount = Math.max(...later.filter((page) => page.list === list).map((page) => page.pageNumber));
    const pathOf = (n: number) => (n === 1 ? list : `${list}${list.startsWith('/en/') ? 'page' : 'pagina'}/${n}/`);
    for (let n = 1; n <= pageCount; n++) {
      const links = await hrefsOf(pathOf(n));
      if (n > 1) expect(links, `${pathOf(n)} links the page before`).toContain(pathOf(n - 1));
      if (n < pageCount) expect(links, `${pathOf(n)} links the page after`).toContain(pathOf(n + 1));
      expect(links, `${pathOf(n)} links the last page`).toContain(pathOf(pageCount));
    }
  });

  test.each(lists)('the later pages of %s say which page they are and lead back to the first', async (list) => {
    const pageCount = Math.max(...later.filter((page) => page.list === list).map((page) => page.pageNumber));
    const italian = !list.startsWith('/en/');
    const page = await readPage(`${list}${italian ? 'pagina' : 'page'}/2/`);
    expect(page.doc.querySelector('h1')!.textContent).toMatch(
      italian ? new RegExp(` – pagina 2 di ${pageCount}$`) : new RegExp(` – page 2 of ${pageCount}$`),
    );
    const back = page.doc.querySelectorAll('main a').find((a) => a.getAttributeValue('href') === list && /^← /.test(a.textContent));
    expect(back, 'a link back to the first page').toBeDefined();
  });

  test('every kind of paged list has later pages at this scale', () => {
    for (const pattern of [
      /^\/partner\/$/,
      /^\/temi\/[^/]+\/$/,
      /^\/linee-di-finanziamento\/[^/]+\/$/,
      /^\/paesi\/[^/]+\/$/,
      /^\/progetti\/stato\/[^/]+\/$/,
      /^\/en\/countries\/[^/]+\/$/,
    ]) {
      expect(
        lists.some((list) => pattern.test(list)),
        String(pattern),
      ).toBe(true);
    }
  });

  test.each(LOCALES)('a renamed theme’s old addresses lead to its pages under the new one, later pages included (%s)', async (locale) => {
    const to = (pageNumber?: number) => href(locale, { page: 'theme', slug: RENAMED_THEME.to, pageNumber });
    const from = (pageNumber?: number) => href(locale, { page: 'theme', slug: RENAMED_THEME.from, pageNumber });
    const pageCount = later.filter((page) => page.list === to()).length + 1;
    expect(pageCount, 'the renamed theme has later pages').toBeGreaterThan(1);
    for (let n = 1; n <= pageCount; n++) {
      const pageNumber = n === 1 ? undefined : n;
      const moved = await readPage(from(pageNumber));
      expect(moved.doc.querySelector('meta[http-equiv="refresh"]')?.getAttributeValue('content'), from(pageNumber)).toBe(
        `0; url=${to(pageNumber)}`,
      );
      expect((await readPage(to(pageNumber))).doc.querySelector('h1'), to(pageNumber)).not.toBeNull();
    }
    // No more old pages than the theme has now.
    expect(builtPagePaths().filter((pathname) => pathname.startsWith(from()))).toHaveLength(pageCount);
  });

  test('no page is over 100 KB of gzipped HTML', () => {
    const weights = builtPagePaths().map((pathname) => ({ pathname, gzip: gzipSync(readFileSync(fileFor(pathname))).length }));
    // The heaviest page of each kind (/paesi/*/pagina/*/), to see how far each is from the bound.
    const heaviest = new Map<string, { pathname: string; gzip: number }>();
    for (const page of weights) {
      const kind = page.pathname
        .replace(/\/(pagina|page)\/\d+\//, '/$1/*/')
        .replace(/^((?:\/en)?\/[^/]+\/(?:(?:stato|status)\/)?)[^/*]+\//, '$1*/');
      if ((heaviest.get(kind)?.gzip ?? 0) < page.gzip) heaviest.set(kind, page);
    }
    const report = [...heaviest]
      .sort((a, b) => b[1].gzip - a[1].gzip)
      .map(([kind, page]) => `${(page.gzip / 1024).toFixed(1).padStart(6)} KB  ${kind.padEnd(40)} ${page.pathname}`);
    writeFileSync(path.join(site().resultsDir, 'heaviest-pages.txt'), `${report.join('\n')}\n`);
    const heavy = weights.filter((page) => page.gzip > 100 * 1024);
    expect(heavy).toEqual([]);
  });
});
