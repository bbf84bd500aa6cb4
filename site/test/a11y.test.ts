import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForExplorer, type Browser } from './support/browser.ts';
import { site, TEMPLATE_PAGES } from './support/site.ts';

/**
 * WCAG 2.1 A and AA with axe-core on one page of every template in both languages, in Chromium,
 * as a visitor gets it (islands hydrated, the search UI loaded). Zero violations is the bar.
 */
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser({ injectsScripts: true });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const describeViolations = (violations: Violation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`,
    )
    .join('\n');

// A desktop window and a phone: tables that scroll sideways and the wrapped header only exist on the second.
describe.each([1280, 390])('accessibility (axe-core, WCAG 2.1 AA) at %i pixels wide', (width) => {
  it.each(TEMPLATE_PAGES.map((p) => [`${p.template} (${p.locale})`, p] as const))(
    '%s has no violations',
    async (_, { pathname, island, template }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site().url}${pathname}`, { waitUntil: 'networkidle' });
      if (island) await waitForExplorer(page);
      if (template === 'search') await page.locator('.pagefind-ui__search-input').waitFor({ timeout: 15_000 });
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe
            .run(document, { runOnly: { type: 'tag', values: tags } })
            .then((r) => r.violations),
        TAGS,
      )) as Violation[];
      expect(violations, `${pathname}:\n${describeViolations(violations)}`).toEqual([]);
    },
  );
});
