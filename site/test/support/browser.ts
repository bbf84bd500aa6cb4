import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser downloads are never used. */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Every URL any page of the context requested, in order. */
  requests: string[];
  /** Uncaught exceptions, console errors and failed responses, with the page they happened on. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile (`injectsScripts` lets a test inject axe-core past the
 * site's Content-Security-Policy; every other test sees the policy as visitors do). Throws (the test fails, it is not skipped) when
 * Chromium is not installed: browser behaviour is part of what the suite guarantees.
 */
export async function launchBrowser({ injectsScripts = false } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install Debian's package (apt-get install chromium) to run the browser tests.`,
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'portfolio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    // Only for tests that inject their own tooling (axe-core): the site's CSP rightly blocks it.
    bypassCSP: injectsScripts,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400)
        errors.push(`${page.url()}: ${response.request().resourceType()} ${response.url()} answered ${response.status()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: console error: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the project explorer island has hydrated (its filter form replaces the plain links). */
export async function waitForExplorer(page: Page): Promise<void> {
  await page.locator('astro-island').scrollIntoViewIfNeeded();
  await page.locator('form.filters select#explorer-theme').waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 15_000 });
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * The WCAG 2.1 A and AA violations axe-core finds in the page as it is now, one line each (rule,
 * impact, help and the first elements with why): empty when the page passes. The browser must be
 * launched with `injectsScripts`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags } })
        .then((r) => r.violations),
    WCAG_21_AA,
  )) as AxeViolation[];
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
        .join('\n')}`,
  );
}
