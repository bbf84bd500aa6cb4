import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser, type Browser } from '../support/browser.ts';
import { builtPagePaths, site } from '../support/site.ts';

/**
 * WCAG 2.1 A and AA with axe-core (as test/a11y.test.ts) on the first and a later page of each
 * kind of paged list, at phone width (the main suite checks every template at desktop width too); each page is also saved as a screenshot
 * (test-results/scale/screenshots/) for a person to look at.
 */

/** The first page of a list of each kind that has a page 2, in both languages, and that page 2. */
function pagedLists(): string[] {
  const built = new Set(builtPagePaths());
  const kinds = [
    /^\/partner\/$/,
    /^\/en\/partners\/$/,
    /^\/temi\/[^/]+\/$/,
    /^\/en\/themes\/[^/]+\/$/,
    /^\/linee-di-finanziamento\/[^/]+\/$/,
    /^\/paesi\/[^/]+\/$/,
    /^\/en\/countries\/[^/]+\/$/,
    /^\/progetti\/stato\/[^/]+\/$/,
  ];
  return kinds.flatMap((kind) => {
    const list = [...built].sort().find((p) => kind.test(p) && (built.has(`${p}pagina/2/`) || built.has(`${p}page/2/`)));
    if (!list) throw new Error(`no list matching ${kind} has a second page`);
    return [list, built.has(`${list}pagina/2/`) ? `${list}pagina/2/` : `${list}page/2/`];
  });
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

describe.each([390])('paged lists at %i pixels wide', (width) => {
  test.each(['/', '/en/', ...pagedLists()])('%s has no axe violations', async (pathname) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${site().url}${pathname}`, { waitUntil: 'networkidle' });
    const shots = path.join(site().resultsDir, 'screenshots');
    mkdirSync(shots, { recursive: true });
    // What a visitor sees first, and the links between pages (a full page is too long to judge).
    const name = `${pathname.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${width}`;
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
    const pagination = page.locator('.pagination');
    if ((await pagination.count()) > 0) await pagination.first().screenshot({ path: path.join(shots, `${name}-pagination.png`) });
    const violations = await axeViolations(page);
    expect(violations, `${pathname}:\n${violations.join('\n')}`).toEqual([]);
  });
});
