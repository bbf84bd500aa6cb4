import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
