import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { HtmlElement } from 'html-validate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForExplorer, type Browser } from '../support/browser.ts';
import { parseHtml } from '../support/html.ts';
import { walk } from '../support/site.ts';
import { batteryBundle, hostilePages, HOSTILE_PROJECT, PAYLOADS, SHORT_PAYLOADS } from './content.ts';

/**
 * Script-injection payloads typed into every text field of every type (content.ts) must render
 * inert. Two checks: every built page parsed for anything executable or injected, and the pages
 * carrying payloads opened in Chromium with the Content-Security-Policy bypassed (the markup
 * alone must be safe; the CSP is a second wall), searched through Pagefind and the explorer.
 */
const battery = () => inject('battery');
const figures = {
  payloads: PAYLOADS.length + SHORT_PAYLOADS.length,
  pagesParsed: 0,
  pagesInBrowser: 0,
  dialogs: 0,
  executed: 0,
  injectedElements: 0,
  unsafeLinks: 0,
};

/** Elements content can never produce on this site. */
const FORBIDDEN = new Set(['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet', 'math']);
const SAFE_HREF = /^(https?:\/\/|mailto:|\/|#|\.\.?\/)/i;

/** What in a parsed page could run or was injected; empty when the page is inert. */
function problemsIn(doc: HtmlElement): string[] {
  const problems: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.tagName;
    if (FORBIDDEN.has(tag)) problems.push(`<${tag}> element`);
    if (tag === 'meta' && element.hasAttribute('http-equiv') && element.getAttributeValue('http-equiv')?.toLowerCase() === 'refresh')
      problems.push('meta refresh');
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.key)) problems.push(`<${tag} ${attribute.key}>`);
      if (attribute.key === 'data-pwned') problems.push(`<${tag} data-pwned>`);
    }
    // The site's own forms (explorer filters, search) submit to itself, if anywhere.
    if (tag === 'form' && element.hasAttribute('action') && !/^\/(?!\/)/.test(String(element.getAttributeValue('action'))))
      problems.push('a form posting elsewhere');
    if (tag === 'a' && element.hasAttribute('href')) {
      const href = String(element.getAttributeValue('href') ?? '');
      if (!SAFE_HREF.test(href) || href.startsWith('//')) problems.push(`<a href="${href}">`);
    }
    if (tag === 'script') {
      const type = element.getAttributeValue('type');
      const text = element.textContent;
      if (type === 'application/ld+json') {
        if (text.includes('</')) problems.push('a JSON-LD block with a closing tag in it');
        JSON.parse(text);
      } else if (/pwned|alert\(/.test(text)) problems.push('a script carrying a payload');
    }
  }
  return problems;
}

describe('every built page, parsed', () => {
  it('holds no event handler, injected element, executable script or unsafe link', async () => {
    const problems: string[] = [];
    for (const file of walk(battery().outDir).filter((name) => name.endsWith('.html'))) {
      const doc = await parseHtml(readFileSync(path.join(battery().outDir, file), 'utf8'));
      figures.pagesParsed++;
      for (const problem of problemsIn(doc)) problems.push(`${file}: ${problem}`);
    }
    expect(figures.pagesParsed).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('shows the payloads as text where they were typed', () => {
    const html = readFileSync(path.join(battery().outDir, 'progetti', HOSTILE_PROJECT, 'index.html'), 'utf8');
    // Escaped markup, visible to the reader: the text survived, the markup did not.
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('in Chromium, with the CSP bypassed', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ injectsScripts: true });
    page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    figures.dialogs = dialogs.length;
    const line = `[battery ${battery().databaseClient}] hostile content: ${figures.payloads} payloads in every text field, ${figures.pagesParsed} pages parsed, ${figures.pagesInBrowser} pages run in Chromium, ${figures.dialogs} dialogs, ${figures.executed} payloads executed, ${figures.injectedElements} injected elements, ${figures.unsafeLinks} unsafe links`;
    console.log(line);
    writeFileSync(
      path.join(battery().resultsDir, `battery-hostile-${battery().databaseClient}.json`),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
  });

  /** What the page shows after the payloads had every chance to run. */
  async function inspect(): Promise<{ pwned: unknown; injected: string[]; unsafeLinks: string[] }> {
    await page.mouse.move(200, 200);
    await page.mouse.move(600, 400);
    return page.evaluate(
      (forbidden) => {
        const injected: string[] = [];
        for (const element of Array.from(document.querySelectorAll('*'))) {
          const tag = element.tagName.toLowerCase();
          if (forbidden.includes(tag)) injected.push(`<${tag}>`);
          // Pagefind's own search form says action="javascript:void(0);" (it searches as you type).
          const action = tag === 'form' && !element.classList.contains('pagefind-ui__form') ? element.getAttribute('action') : null;
          if (action && new URL(action, location.href).origin !== location.origin) injected.push(`<form action="${action}">`);
          for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name) || attribute.name === 'data-pwned') injected.push(`<${tag} ${attribute.name}>`);
          }
        }
        // getAttribute: SVG links (the countries map) have no string .href.
        const unsafeLinks = Array.from(document.querySelectorAll('a[href]'))
          .map((a) => new URL(a.getAttribute('href')!, location.href).href)
          .filter((href) => !/^(https?:|mailto:)/i.test(href));
        return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, injected, unsafeLinks };
      },
      [...FORBIDDEN],
    );
  }

  function record(result: { pwned: unknown; injected: string[]; unsafeLinks: string[] }) {
    if (result.pwned !== undefined) figures.executed++;
    figures.injectedElements += result.injected.length;
    figures.unsafeLinks += result.unsafeLinks.length;
  }

  it('runs no payload on any page that carries them', async () => {
    // Status pages exist only for the statuses the battery's projects have.
    const pages = hostilePages(batteryBundle()).filter(
      (p) => (!p.includes('/stato/') && !p.includes('/status/')) || existsSync(path.join(battery().outDir, p, 'index.html')),
    );
    expect(pages.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const pathname of pages) {
      const response = await page.goto(`${battery().siteUrl}${pathname}`, { waitUntil: 'load' });
      expect(response?.status(), pathname).toBe(200);
      if (await page.locator('astro-island').count()) await waitForExplorer(page);
      figures.pagesInBrowser++;
      const result = await inspect();
      record(result);
      if (result.pwned !== undefined || result.injected.length > 0 || result.unsafeLinks.length > 0)
        problems.push(`${pathname}: ${JSON.stringify(result)}`);
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it.each([
    ['the explorer', '/progetti/', '#explorer-q'],
    ['Pagefind search', '/cerca/', '.pagefind-ui__search-input'],
  ])('runs no payload in %s results', async (_, pathname, input) => {
    await page.goto(`${battery().siteUrl}${pathname}`, { waitUntil: 'load' });
    if (pathname === '/progetti/') await waitForExplorer(page);
    for (const query of ['script', 'pwned', 'onerror', 'img', '<svg onload=alert(1)>']) {
      await page.locator(input).fill(query);
      await page.waitForTimeout(700);
      figures.pagesInBrowser++;
      const result = await inspect();
      record(result);
      expect(result, `${pathname} searching ${query}`).toEqual({ pwned: undefined, injected: [], unsafeLinks: [] });
    }
    // The search found the hostile entries: the payload text was indexed and shown, inert.
    expect(await page.locator('main').innerText()).toMatch(/script|pwned|onerror/i);
    expect(dialogs).toEqual([]);
  });
});
