import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from 'shared-types';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedBundle } from 'harness/seed-bundle';
import { STATUS_LABELS } from 'shared-types';
import { fundingLineShortLabel, t, type UiKey } from '../src/lib/i18n.ts';
import { href, type Route } from 'shared-types/routes';
import { launchBrowser, waitForExplorer, type Browser } from './support/browser.ts';
import { site, TEMPLATE_PAGES } from './support/site.ts';

/**
 * The built site in real Chromium, served like a static host: the project explorer, the
 * language switch, search, what the pages request, and screenshots for a human to look at.
 */
const bundle = readSeedBundle();
type Seed = (typeof bundle.projects)[number];
const partnerCountry = new Map(bundle.partners.map((p) => [p.slug, p.country]));
const partnerName = new Map(bundle.partners.map((p) => [p.slug, p.name]));
let browser: Browser;
let page: Page;
const url = (pathname: string) => `${site().url}${pathname}`;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The projects the explorer currently shows, by slug. */
const shownProjects = (p: Page) =>
  p.locator('.explorer-results [data-project]').evaluateAll((items) => items.map((item) => item.getAttribute('data-project')));
const resultCount = async (p: Page) => Number(/^(\d+)/.exec((await p.locator('.result-count').textContent()) ?? '')?.[1]);

describe('the project explorer', () => {
  it('lists every project once hydrated, with the filter controls instead of the plain links', async () => {
    await page.goto(url('/progetti/'));
    await waitForExplorer(page);
    expect((await shownProjects(page)).sort()).toEqual(bundle.projects.map((p) => p.slug).sort());
    expect(await resultCount(page)).toBe(bundle.projects.length);
  });

  it('keeps only the projects of the chosen theme, updates the count and writes the filter into the URL', async () => {
    await page.goto(url('/progetti/'));
    await waitForExplorer(page);
    const theme = 'housing';
    const expected = bundle.projects.filter((p) => p.themes.includes(theme)).map((p) => p.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(bundle.projects.length);
    await page.selectOption('#explorer-theme', theme);
    await expect.poll(() => shownProjects(page)).toEqual(expected);
    expect(await resultCount(page)).toBe(expected.length);
    expect(new URL(page.url()).searchParams.get('theme')).toBe(theme);
  });

  it('applies the filters of the URL on arrival and shows them in the controls', async () => {
    await page.goto(url('/progetti/?status=ongoing&q=digitale'));
    await waitForExplorer(page);
    await expect.poll(() => shownProjects(page)).toEqual(['pleiadi']);
    expect(await page.inputValue('#explorer-status')).toBe('ongoing');
    expect(await page.inputValue('#explorer-q')).toBe('digitale');

    await page.goto(url('/en/projects/?status=ongoing'));
    await waitForExplorer(page);
    await expect.poll(() => shownProjects(page)).toEqual(['connact', 'pleiadi']);
  });

  it.each([
    ['funding', 'amif-european-commission', (p: Seed) => p.fundingLine === 'amif-european-commission'],
    ['country', 'LV', (p: Seed) => p.partnerships.some((row) => partnerCountry.get(row.partner) === 'LV')],
    ['partner', 'eurocities', (p: Seed) => p.partnerships.some((row) => row.partner === 'eurocities')],
    ['status', 'not_stated', (p: Seed) => p.slug === 'connection'],
  ] as const)('filters by %s from the URL (?%s=%s)', async (key, value, keep) => {
    const expected = bundle.projects
      .filter(keep)
      .map((p) => p.slug)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(url(`/progetti/?${key}=${encodeURIComponent(value)}`));
    await waitForExplorer(page);
    await expect.poll(async () => (await shownProjects(page)).sort()).toEqual(expected);
    // The partner field shows the partner's name; the other filters are lists of values.
    expect(await page.inputValue(`#explorer-${key}`)).toBe(key === 'partner' ? partnerName.get(value)!.it : value);
  });

  it('filters by a partner typed by name, suggesting the names only once the field is used', async () => {
    await page.goto(url('/progetti/'));
    await waitForExplorer(page);
    // No partner names in the page until a visitor needs them: a national portfolio has thousands.
    expect(await page.locator('#explorer-partner-names option').count()).toBe(0);
    const partner = 'eurocities';
    const expected = bundle.projects
      .filter((p) => p.partnerships.some((row) => row.partner === partner))
      .map((p) => p.slug)
      .sort();
    await page.locator('#explorer-partner').focus();
    const partnersWithProjects = new Set(bundle.projects.flatMap((p) => p.partnerships.map((row) => row.partner)));
    await expect.poll(() => page.locator('#explorer-partner-names option').count()).toBe(partnersWithProjects.size);
    // Part of a name filters nothing yet; the whole name (what picking a suggestion types) does.
    await page.locator('#explorer-partner').fill('Eurocit');
    expect(await resultCount(page)).toBe(bundle.projects.length);
    expect(new URL(page.url()).searchParams.get('partner')).toBeNull();
    // Typed in lower case, as a visitor might: the name still picks the partner.
    await page.locator('#explorer-partner').fill(partnerName.get(partner)!.it.toLowerCase());
    await expect.poll(async () => (await shownProjects(page)).sort()).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('partner')).toBe(partner);
    // Back goes to the list before the partner was chosen, and empties the field.
    await page.goBack();
    await expect.poll(() => resultCount(page)).toBe(bundle.projects.length);
    expect(await page.inputValue('#explorer-partner')).toBe('');
  });

  it('sorts by budget, the projects with a stated budget first', async () => {
    await page.goto(url('/en/projects/?sort=budget'));
    await waitForExplorer(page);
    const withBudget = bundle.projects
      .filter((p) => p.totalBudget !== undefined)
      .sort((a, b) => b.totalBudget! - a.totalBudget!)
      .map((p) => p.slug);
    await expect.poll(async () => (await shownProjects(page)).slice(0, withBudget.length)).toEqual(withBudget);
    expect(await page.inputValue('#explorer-sort')).toBe('budget');
  });

  it('clears every filter with one button, back to all projects and a clean URL', async () => {
    await page.goto(url('/progetti/?status=ongoing&theme=labour-market&q=pleiadi'));
    await waitForExplorer(page);
    await expect.poll(() => shownProjects(page)).toEqual(['pleiadi']);
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await expect.poll(() => shownProjects(page).then((s) => s.length)).toBe(bundle.projects.length);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.inputValue('#explorer-theme')).toBe('');
  });

  it('says "no project" instead of an empty list when nothing matches', async () => {
    await page.goto(url('/en/projects/?q=zzzz-nothing-matches'));
    await waitForExplorer(page);
    await expect.poll(() => page.locator('.explorer-layout').textContent()).toContain('No project matches the filters.');
    expect(await resultCount(page)).toBe(0);
  });

  it('counts one result in the singular', async () => {
    for (const [path, expected] of [
      ['/progetti/?q=pleiadi', '1 risultato'],
      ['/en/projects/?q=pleiadi', '1 result'],
    ] as const) {
      await page.goto(url(path));
      await waitForExplorer(page);
      await expect.poll(() => shownProjects(page)).toEqual(['pleiadi']);
      expect((await page.locator('.result-count').textContent())?.trim()).toBe(expected);
    }
  });
});

describe('the language switch', () => {
  it('goes from a project to the same project in English and back', async () => {
    await page.goto(url('/progetti/pleiadi/'));
    await page.locator('a.lang-switch').click();
    await page.waitForURL(url('/en/projects/pleiadi/'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('PLEIADI');
    await page.locator('a.lang-switch').click();
    await page.waitForURL(url('/progetti/pleiadi/'));
    expect(await page.getAttribute('html', 'lang')).toBe('it');
  });
});

describe('keyboard use', () => {
  it('offers a skip link first, after which the next Tab lands in the main content', async () => {
    await page.goto(url('/progetti/pleiadi/'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Vai al contenuto');
    expect(await page.evaluate(() => document.activeElement?.getBoundingClientRect().left ?? -1)).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/progetti/pleiadi/#main'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main')?.id ?? null)).toBe('main');
  });
});

describe('search', () => {
  it.each([
    ['it', 'Cerca', '/cerca/?q=PLEIADI', '/progetti/pleiadi/'],
    ['en', 'Search', '/en/search/?q=PLEIADI', '/en/projects/pleiadi/'],
  ] as const)(
    'the header form leads to the search page, where Pagefind finds PLEIADI (%s)',
    async (locale, button, searchPath, projectPath) => {
      await page.goto(url(href(locale, { page: 'home' })));
      await page.fill('#header-search-input', 'PLEIADI');
      await page.locator('form.header-search').getByRole('button', { name: button }).click();
      await page.waitForURL(url(searchPath));
      const result = page
        .locator(`.pagefind-ui__result a[href="${projectPath}"], .pagefind-ui__result a[href="${url(projectPath)}"]`)
        .first();
      await result.waitFor({ timeout: 15_000 });
      // Only the language of the page: the Italian index does not send readers to English pages.
      const links = await page
        .locator('.pagefind-ui__result-link')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBeGreaterThan(0);
      expect(links.every((link) => (locale === 'en') === link.startsWith('/en/'))).toBe(true);
    },
  );

  it.each([
    ['it', '/cerca/?q=Athinaion', '/partner/city-of-athens/'],
    ['en', '/en/search/?q=Athinaion', '/en/partners/city-of-athens/'],
  ] as const)('finds a partner by its alternative name (%s)', async (_, searchPath, partnerPath) => {
    await page.goto(url(searchPath));
    await page
      .locator(`.pagefind-ui__result a[href="${partnerPath}"], .pagefind-ui__result a[href="${url(partnerPath)}"]`)
      .first()
      .waitFor({ timeout: 15_000 });
  });
});

/** What Pagefind's own search API returns for an indexed page (`result.data()`). */
interface Indexed {
  url: string;
  content: string;
  excerpt: string;
  filters: Record<string, string[]>;
}

/**
 * Pagefind's search API, as the search page of a language loads it (the index of that language),
 * kept on `window.pagefindApi`. Loaded from a string: the test runner would rewrite an import()
 * written in a function before the browser sees it.
 */
async function openIndex(locale: Locale): Promise<void> {
  await page.goto(url(href(locale, { page: 'search' })));
  await page.evaluate(`import('/pagefind/pagefind.js').then(async (api) => { await api.init(); window.pagefindApi = api; })`);
}
/** Every page of the index, found by its type (a filter every page has). */
const everyIndexedPage = (typeFilter: string) =>
  page.evaluate(async (name) => {
    const api = (window as unknown as { pagefindApi: any }).pagefindApi; // eslint-disable-line @typescript-eslint/no-explicit-any
    const types = Object.keys((await api.filters())[name] ?? {});
    const pages: Indexed[] = [];
    for (const type of types) {
      const found = await api.search(null, { filters: { [name]: type } });
      pages.push(...(await Promise.all(found.results.map((r: { data: () => Promise<Indexed> }) => r.data()))));
    }
    return pages;
  }, typeFilter);
const searchIndex = (query: string) =>
  page.evaluate(async (q) => {
    const api = (window as unknown as { pagefindApi: any }).pagefindApi; // eslint-disable-line @typescript-eslint/no-explicit-any
    const found = await api.search(q);
    return (await Promise.all(found.results.map((r: { data: () => Promise<Indexed> }) => r.data()))) as Indexed[];
  }, query);

/** Labels the pages set before a value (<dt>, badges), in both languages. */
const LABEL_KEYS: UiKey[] = [
  'status',
  'period',
  'duration',
  'fundingLine',
  'totalBudget',
  'euContribution',
  'internalReference',
  'officialWebsite',
  'sourceUpdated',
  'country',
  'organisationType',
  'alsoKnownAs',
  'website',
  'programmingPeriod',
  'managingBody',
  'managementMode',
  'callReference',
  'decreeReference',
  'specificObjective',
  'applicationAreas',
  'role',
  'guidingQuestion',
  'lastUpdate',
];
const LABELS: Record<Locale, string[]> = {
  it: [...LABEL_KEYS.map((key) => t('it', key)), 'Città', 'Sigla'],
  en: [...LABEL_KEYS.map((key) => t('en', key)), 'City', 'Short name'],
};
/** A label run into the value after it ("Cittànon indicata", "Durata24 mesi"); a plural ("Funding lines") is no run. */
const gluedLabels = (locale: Locale, text: string): string[] =>
  LABELS[locale].flatMap((label) =>
    [
      ...text.matchAll(
        new RegExp(`(?<![\\p{L}\\d])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!s(?![\\p{L}\\d]))[\\p{L}\\d€]\\S*`, 'gu'),
      ),
    ].map((m) => m[0]),
  );

describe('what search shows', () => {
  it.each(['it', 'en'] as const)('indexes every page with labels and values apart, in the text and the excerpts (%s)', async (locale) => {
    await openIndex(locale);
    const pages = await everyIndexedPage(t(locale, 'pageType'));
    // Every project page is indexed and typed (the seed has them all in both languages).
    expect(pages.filter((p) => p.filters[t(locale, 'pageType')]?.[0] === t(locale, 'project')).length).toBe(bundle.projects.length);
    const glued = pages.flatMap((p) => gluedLabels(locale, p.content).map((word) => `${p.url}: ${word}`));
    expect(glued).toEqual([]);
    // The date of the last update is no content: no page is found by it.
    expect(pages.filter((p) => p.content.includes(t(locale, 'lastUpdate'))).map((p) => p.url)).toEqual([]);
    const query = locale === 'it' ? 'torino' : 'turin';
    const excerpts = (await searchIndex(query)).map((r) => r.excerpt.replace(/<\/?mark>/g, ''));
    expect(excerpts.length).toBeGreaterThan(0);
    expect(excerpts.flatMap((excerpt) => gluedLabels(locale, excerpt))).toEqual([]);
  });

  it.each(['it', 'en'] as const)("offers the type of page, and a project's status and funding line, as filters (%s)", async (locale) => {
    const seed = bundle.projects.find((p) => p.slug === 'pleiadi')!;
    const lines = bundle.fundingLines.map((line) => ({
      documentId: line.slug,
      acronym: line.acronym[locale],
      programmingPeriod: line.programmingPeriod ?? null,
    }));
    const fundingLine = lines.find((line) => line.documentId === seed.fundingLine)!;
    await openIndex(locale);
    const [pleiadi] = (await searchIndex('PLEIADI')).filter(
      (r) => new URL(r.url, url('/')).pathname === href(locale, { page: 'project', slug: 'pleiadi' }),
    );
    expect(pleiadi?.filters).toEqual({
      [t(locale, 'pageType')]: [t(locale, 'project')],
      [t(locale, 'status')]: [STATUS_LABELS.ongoing[locale]],
      [t(locale, 'fundingLine')]: [fundingLineShortLabel(fundingLine, lines)],
    });
    // The search page shows them, named in the page's language.
    await page.goto(url(`${href(locale, { page: 'search' })}?q=PLEIADI`));
    await page.locator('.pagefind-ui__filter-panel').waitFor({ timeout: 15_000 });
    const filterNames = await page.locator('.pagefind-ui__filter-name').allTextContents();
    expect(filterNames.map((name) => name.trim())).toEqual(
      expect.arrayContaining([t(locale, 'pageType'), t(locale, 'status'), t(locale, 'fundingLine')]),
    );
  });

  it('speaks Italian on the Italian search page: "Cancella" clears the search, not the history', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url('/cerca/?q=torino'));
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    expect((await page.locator('.pagefind-ui__search-clear').textContent())?.trim()).toBe('Cancella');
    expect(await page.locator('.pagefind-ui__message').textContent()).toMatch(/^\d+ risultat[oi] per torino$/);
    expect(await page.locator('.pagefind-ui__filter-panel-label').textContent()).toBe('Filtri');
    // Opened filters, for a human to judge as an Italian visitor.
    for (const details of await page.locator('.pagefind-ui__filter-block').all()) await details.locator('summary').click();
    mkdirSync(path.join(site().resultsDir, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(site().resultsDir, 'screenshots', 'it-search-torino-1280.png'), fullPage: true });
    await page.goto(url('/en/search/?q=turin'));
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    expect((await page.locator('.pagefind-ui__search-clear').textContent())?.trim()).toBe('Clear');
  });
});

describe('every page template in the browser', () => {
  it('requests nothing outside the site and throws no script error', async () => {
    const origin = new URL(site().url).origin;
    const start = browser.requests.length;
    const errorsBefore = browser.errors.length;
    for (const { pathname, island } of TEMPLATE_PAGES) {
      await page.goto(url(pathname), { waitUntil: 'networkidle' });
      if (island) await waitForExplorer(page);
    }
    await page.goto(url('/cerca/?q=integrazione'), { waitUntil: 'networkidle' });
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    const requests = browser.requests.slice(start);
    expect(requests.length).toBeGreaterThan(TEMPLATE_PAGES.length);
    expect(requests.filter((request) => !request.startsWith('data:') && new URL(request).origin !== origin)).toEqual([]);
    expect(browser.errors.slice(errorsBefore)).toEqual([]);
  });

  it('sent no request outside the site during any of these tests', () => {
    const origin = new URL(site().url).origin;
    expect(browser.requests.filter((request) => !request.startsWith('data:') && new URL(request).origin !== origin)).toEqual([]);
  });
});

const SCREENSHOTS: Array<[name: string, route: Route]> = [
  ['home', { page: 'home' }],
  ['projects', { page: 'projects' }],
  ['project-pleiadi', { page: 'project', slug: 'pleiadi' }],
  ['partner-emilia-romagna-region', { page: 'partner', slug: 'emilia-romagna-region' }],
  ['countries', { page: 'countries' }],
  ['data', { page: 'data' }],
];

describe('screenshots for review', () => {
  const dir = () => path.join(site().resultsDir, 'screenshots');

  it.each(
    (['it', 'en'] as Locale[]).flatMap((locale) => SCREENSHOTS.map(([name, route]) => [`${locale}-${name}`, locale, route] as const)),
  )('%s at 1280 and 390 pixels wide', async (name, locale, route) => {
    mkdirSync(dir(), { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url(href(locale, route)), { waitUntil: 'networkidle' });
      if (route.page === 'projects') await waitForExplorer(page);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(dir(), `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // Nothing may stick out sideways on a phone: the page is as wide as the window.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} is ${overflow}px wider than a ${width}px window`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
