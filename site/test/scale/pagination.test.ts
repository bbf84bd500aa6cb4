import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtPagePaths, fileFor, readPage } from '../support/site.ts';

/** `/progetti/pagina/3/` → { list: '/progetti/', pageNumber: 3 }; null for a page that is not a later page of a list. */
function laterPage(pathname: string): { list: string; pageNumber: number } | null {
  const match = /^(.*\/)(?:pagina|page)\/(\d+)\/$/.exec(pathname);
  return match ? { list: match[1]!, pageNumber: Number(match[2]) } : null;
}

const hrefsOf = async (pathname: string) => (await readPage(pathname)).doc.querySelectorAll('a[href]').map((a) => a.getAttributeValue('href')!);

describe('paged lists at scale', () => {
  const later = builtPagePaths().map(laterPage).filter((page) => page !== null);
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

  test('no page is over 100 KB of gzipped HTML', () => {
    const heavy = builtPagePaths()
      .map((pathname) => ({ pathname, gzip: gzipSync(readFileSync(fileFor(pathname))).length }))
      .filter((page) => page.gzip > 100 * 1024);
    expect(heavy).toEqual([]);
  });
});
