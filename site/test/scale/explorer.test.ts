import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, waitForExplorer, type Browser } from '../support/browser.ts';
import { builtPagePaths, fileFor, readPage, site } from '../support/site.ts';

/**
 * The project explorer with SCALE_PROJECTS projects: the page ships the first page of the list,
 * the island fetches the hashed data file, the filters and the history work, and every project
 * is reachable through the static pages without JavaScript.
 */
let browser: Browser;
let page: Page;
const url = (pathname: string) => `${site().url}${pathname}`;
const shots = () => {
  const dir = path.join(site().resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
};
const shownProjects = (p: Page) =>
  p.locator('.explorer-results [data-project]').evaluateAll((items) => items.map((item) => item.getAttribute('data-project')));
const announced = async (p: Page) => Number(/^(\d+)/.exec((await p.locator('[role=status].result-count').textContent()) ?? '')?.[1]);
const projectPages = () => builtPagePaths().filter((p) => /^\/progetti\/(?!pagina\/|stato\/)[^/]+\/$/.test(p));

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the explorer page at scale', () => {
  test.each(['/progetti/', '/en/projects/'])(
    '%s is small: at most 60 KB of gzipped HTML, and no full project list in it',
    async (pathname) => {
      const html = readFileSync(fileFor(pathname));
      const gzip = gzipSync(html).length;
      expect(gzip).toBeLessThanOrEqual(60 * 1024);
      const projectsPrefix = pathname;
      const linked = new Set(
        (await readPage(pathname)).doc
          .querySelectorAll('a[href]')
          .map((a) => a.getAttributeValue('href')!)
          .filter((h) => h.startsWith(projectsPrefix) && /^[^/]+\/$/.test(h.slice(projectsPrefix.length))),
      );
      expect(linked.size).toBe(24);
      expect(projectPages().length).toBeGreaterThan(100);
    },
  );

  // The island's weight is a bench figure (scripts/bench); what a test can hold is that the
  // build ships React's production build, which a stray NODE_ENV once swapped for the
  // development one (twice the size, and slower).
  test("the islands ship React's production build", () => {
    const astro = path.join(site().outDir, '_astro');
    const scripts = readdirSync(astro).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const development = scripts.filter((file) =>
      readFileSync(path.join(astro, file), 'utf8').includes('Each child in a list should have a unique'),
    );
    expect(development, 'scripts carrying React development warnings').toEqual([]);
  });

  test('every project is reachable from /progetti/ and its later pages, without JavaScript', async () => {
    const listPages = builtPagePaths().filter((p) => p === '/progetti/' || /^\/progetti\/pagina\/\d+\/$/.test(p));
    expect(listPages.length).toBeGreaterThan(5);
    const linked = new Set<string>();
    for (const list of listPages) {
      const hrefs = (await readPage(list)).doc.querySelectorAll('article.card a[href]').map((a) => a.getAttributeValue('href')!);
      expect(hrefs.length, `${list} lists projects`).toBeGreaterThan(0);
      hrefs.forEach((h) => linked.add(h));
    }
    expect([...linked].sort()).toEqual(projectPages().sort());
  });

  test('a later page is a plain list: no island, no data file', async () => {
    const later = await readPage('/progetti/pagina/2/');
    expect(later.doc.querySelectorAll('astro-island')).toHaveLength(0);
    expect(later.html).not.toContain('/explorer/');
    expect(later.doc.querySelector('title')?.textContent).toMatch(/pagina 2 di \d+/);
    expect(later.doc.querySelectorAll('article.card')).toHaveLength(24);
  });
});

describe('the explorer in Chromium at scale', () => {
  test('loads the hashed data file, filters, announces the count, keeps the state in the URL and Back restores it', async () => {
    const before = browser.requests.length;
    await page.goto(url('/progetti/'));
    await waitForExplorer(page);
    const data = browser.requests.slice(before).filter((r) => r.includes('/explorer/'));
    expect(data).toHaveLength(1);
    expect(new URL(data[0]!).pathname).toMatch(/^\/explorer\/it\.[0-9a-f]{12}\.json$/);
    expect((await readPage('/progetti/')).html).toContain(new URL(data[0]!).pathname);
    const all = projectPages().length;
    expect(await announced(page)).toBe(all);
    expect(await shownProjects(page)).toHaveLength(24);
    await page.screenshot({ path: path.join(shots(), 'explorer-desktop.png'), fullPage: false });

    // Show more: 24 more cards, the count stays the number of results.
    await page.getByRole('button', { name: 'Mostra altri progetti' }).click();
    await expect.poll(() => shownProjects(page).then((s) => s.length)).toBe(48);

    // A filter narrows the results; the announced count is the number of matching cards.
    const status = (await page.locator('#explorer-status option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(
      Boolean,
    )[0]!;
    await page.selectOption('#explorer-status', status);
    await expect.poll(() => announced(page)).toBeLessThan(all);
    const byStatus = await announced(page);
    expect(new URL(page.url()).searchParams.get('status')).toBe(status);
    const theme = (await page.locator('#explorer-theme option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(
      Boolean,
    )[0]!;
    await page.selectOption('#explorer-theme', theme);
    await expect.poll(() => announced(page)).toBeLessThan(byStatus);
    const narrowed = await announced(page);
    while (await page.getByRole('button', { name: 'Mostra altri progetti' }).isVisible())
      await page.getByRole('button', { name: 'Mostra altri progetti' }).click();
    expect(await shownProjects(page)).toHaveLength(narrowed);
    expect(new URL(page.url()).searchParams.get('theme')).toBe(theme);

    // Typing replaces the history entry instead of adding one per key.
    await page.fill('#explorer-q', 'a');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('a');

    // Back: the state before the theme (and the search typed after it).
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBeNull();
    await expect.poll(() => announced(page)).toBe(byStatus);
    expect(await page.inputValue('#explorer-theme')).toBe('');
    expect(await page.inputValue('#explorer-status')).toBe(status);
    await page.goForward();
    await expect.poll(() => page.inputValue('#explorer-theme')).toBe(theme);

    // Reload: the URL's state comes back.
    const stateUrl = page.url();
    await page.reload();
    await waitForExplorer(page);
    expect(page.url()).toBe(stateUrl);
    expect(await page.inputValue('#explorer-status')).toBe(status);
    expect(await page.inputValue('#explorer-q')).toBe('a');
    await expect.poll(() => announced(page)).toBeGreaterThan(0);
  });

  test('screenshots: the explorer and a later page on a phone and on a desktop', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url('/progetti/'));
    await waitForExplorer(phone);
    await phone.screenshot({ path: path.join(shots(), 'explorer-phone.png'), fullPage: false });
    await phone.goto(url('/progetti/pagina/2/'));
    await phone.screenshot({ path: path.join(shots(), 'later-page-phone.png'), fullPage: true });
    await phone.close();
    await page.goto(url('/en/projects/page/2/'));
    await page.screenshot({ path: path.join(shots(), 'later-page-desktop.png'), fullPage: true });
    expect(browser.errors).toEqual([]);
    // The first page as without JavaScript: the static list with its page links.
    const nojs = await browser.context.newPage();
    await nojs.route('**/*.js', (route) => route.abort());
    await nojs.setViewportSize({ width: 390, height: 844 });
    await nojs.goto(url('/progetti/'));
    await nojs.screenshot({ path: path.join(shots(), 'explorer-nojs-phone.png'), fullPage: true });
    expect(await nojs.locator('article.card').count()).toBe(24);
    await nojs.close();
  });
});
