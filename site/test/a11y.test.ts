import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, waitForExplorer, type Browser } from './support/browser.ts';
import { site, TEMPLATE_PAGES } from './support/site.ts';

/**
 * WCAG 2.1 A and AA with axe-core on one page of every template in both languages, in Chromium,
 * as a visitor gets it (islands hydrated, the search UI loaded). Zero violations is the bar.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser({ injectsScripts: true });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

// A desktop window and a phone: tables that scroll sideways and the wrapped header only exist on the second.
describe.each([1280, 390])('accessibility (axe-core, WCAG 2.1 AA) at %i pixels wide', (width) => {
  it.each(TEMPLATE_PAGES.map((p) => [`${p.template} (${p.locale})`, p] as const))(
    '%s has no violations',
    async (_, { pathname, island, template }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site().url}${pathname}`, { waitUntil: 'networkidle' });
      if (island) await waitForExplorer(page);
      if (template === 'search') await page.locator('.pagefind-ui__search-input').waitFor({ timeout: 15_000 });
      const violations = await axeViolations(page);
      expect(violations, `${pathname}:\n${violations.join('\n')}`).toEqual([]);
    },
  );
});
