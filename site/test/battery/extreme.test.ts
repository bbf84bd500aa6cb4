import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, waitForExplorer, type Browser } from '../support/browser.ts';
import { EXTREME, extremePages, MANY_PARTNERS } from './content.ts';

/**
 * Extreme but valid content (content.ts): the site builds, every page answers, and the pages
 * holding it stay readable and accessible (axe-core, WCAG 2.1 AA) on a phone and a desktop.
 */
const battery = () => inject('battery');

const PAGES = extremePages();

let browser: Browser;
let page: Page;
let axeChecks = 0;
beforeAll(async () => {
  browser = await launchBrowser({ injectsScripts: true });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  console.log(
    `[battery ${battery().databaseClient}] extreme content: built in ${(battery().buildDurationMs / 1000).toFixed(1)} s, ${PAGES.length} pages × 2 widths checked with axe (${axeChecks} runs)`,
  );
});

describe('the extreme content build', () => {
  it('answers every page of its sitemap', async () => {
    const sitemap = readFileSync(path.join(battery().outDir, 'sitemap.xml'), 'utf8');
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(paths.length).toBeGreaterThan(1000);
    const failed: string[] = [];
    for (const pathname of paths) {
      const response = await fetch(`${battery().siteUrl}${pathname}`);
      await response.arrayBuffer();
      if (response.status !== 200) failed.push(`${pathname}: ${response.status}`);
    }
    expect(failed).toEqual([]);
  });

  it(`lists all ${MANY_PARTNERS} partners of the largest project`, () => {
    const html = readFileSync(path.join(battery().outDir, 'progetti', EXTREME.manyPartners, 'index.html'), 'utf8');
    const partnerLinks = new Set([...html.matchAll(/href="\/partner\/(partner-\d+)\/"/g)].map((m) => m[1]));
    expect(partnerLinks.size).toBe(MANY_PARTNERS);
  });

  it('renders a project with nothing optional without placeholders leaking', async () => {
    await page.goto(`${battery().siteUrl}/progetti/${EXTREME.bare}/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Progetto senza dati facoltativi');
    expect(text).not.toMatch(/undefined|NaN|null|\[object/);
  });
});

describe.each([390, 1280])('at %i pixels wide', (width) => {
  it.each(PAGES)('%s fits the window and has no axe violations', async (pathname) => {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(`${battery().siteUrl}${pathname}`, { waitUntil: 'load' });
    expect(response?.status(), pathname).toBe(200);
    if (await page.locator('astro-island').count()) await waitForExplorer(page);
    // Long unbroken words wrap instead of pushing the page sideways (tables scroll in their own box).
    const overflow = await page.evaluate(() => {
      const wider = Array.from(document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest('.table-scroll'))
        .map(
          (element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`,
        );
      return { by: document.documentElement.scrollWidth - window.innerWidth, elements: [...new Set(wider)].slice(0, 8) };
    });
    expect(overflow.by, `${pathname} is ${overflow.by}px wider than the window: ${overflow.elements.join(', ')}`).toBeLessThanOrEqual(0);
    // For a person to look at: site/test-results/screenshots/extreme-*.png.
    if (width === 390 && pathname.startsWith('/progetti/')) {
      const name = pathname.split('/').filter(Boolean).pop();
      await page.screenshot({ path: path.join(battery().resultsDir, 'screenshots', `extreme-${name}.png`) });
    }
    const violations = await axeViolations(page);
    axeChecks++;
    expect(violations, pathname).toEqual([]);
  });
});
