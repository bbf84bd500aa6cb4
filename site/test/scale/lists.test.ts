import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LOCALES, type Locale } from 'shared-types';
import { href } from 'shared-types/routes';
import { normalise } from '../support/html.ts';
import { builtPagePaths, fileFor, isMovedPage, readPage } from '../support/site.ts';

/** The English and Italian first segments of the pages of one entity each. */
const ENTITY_SEGMENTS = [
  'progetti',
  'projects',
  'partner',
  'partners',
  'temi',
  'themes',
  'linee-di-finanziamento',
  'funding',
  'paesi',
  'countries',
  'comunita-di-pratica',
  'communities',
];
/** Second segments that are lists, not entities: /progetti/stato/…, /partner/pagina/2/. */
const LIST_SEGMENTS = new Set(['stato', 'status', 'pagina', 'page']);

/** /partner/partner-00012/ → true; /partner/, /partner/pagina/2/, /progetti/stato/in-corso/ → false. */
function isEntityPage(pathname: string): boolean {
  const match = /^(?:\/en)?\/([^/]+)\/([^/]+)\/$/.exec(pathname);
  return !!match && ENTITY_SEGMENTS.includes(match[1]!) && !LIST_SEGMENTS.has(match[2]!);
}

/**
 * The plain links of a built page, as a visitor without JavaScript follows them: the explorer
 * island's server-rendered markup is left out, so nothing counts as reachable through it.
 */
function plainLinks(pathname: string): string[] {
  const html = readFileSync(fileFor(pathname), 'utf8').replace(/<astro-island\b[\s\S]*?<\/astro-island>/g, '');
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"#?]*)[^"]*"/g)]
    .map((m) => m[1]!)
    .filter((link) => link.startsWith('/') && link.endsWith('/'));
}

describe('every entity is reachable without JavaScript at scale', () => {
  test('a crawl of plain links from the home pages and the list pages reaches every project, partner, theme, funding line, country and community', () => {
    const built = new Set(builtPagePaths());
    const start = LOCALES.flatMap((locale) =>
      (['home', 'partners', 'themes', 'fundingLines', 'countries'] as const).map((page) => href(locale, { page })),
    );
    const reached = new Set(start);
    const queue = [...start];
    while (queue.length > 0) {
      for (const link of plainLinks(queue.pop()!)) {
        if (built.has(link) && !reached.has(link)) {
          reached.add(link);
          queue.push(link);
        }
      }
    }
    const entities = [...built].filter((p) => isEntityPage(p) && !isMovedPage(p));
    // The portfolio has every kind of entity page, in both languages.
    for (const segment of ENTITY_SEGMENTS)
      expect(
        entities.some((p) => p.split('/').includes(segment)),
        segment,
      ).toBe(true);
    expect(entities.filter((p) => !reached.has(p))).toEqual([]);
  });
});

describe.each(LOCALES)('the home page at scale (%s)', (locale: Locale) => {
  test('shows at most 12 ongoing projects, the latest started, and links to all of them with their right number', async () => {
    const home = await readPage(href(locale, { page: 'home' }));
    const cards = home.doc.querySelectorAll('#ongoing + ul > li');
    expect(cards.length).toBe(12);

    // Every ongoing project, from the pages of the status list.
    const statusList = href(locale, { page: 'status', status: 'ongoing' });
    const statusPages = builtPagePaths().filter(
      (p) => p === statusList || p.startsWith(`${statusList}${locale === 'it' ? 'pagina' : 'page'}/`),
    );
    const ongoing = (
      await Promise.all(statusPages.map(async (p) => (await readPage(p)).doc.querySelectorAll('main ul.grid > li').length))
    ).reduce((a, b) => a + b, 0);
    expect(ongoing).toBeGreaterThan(24);
    const allOngoing = home.doc.querySelectorAll('main a').find((a) => a.getAttributeValue('href') === statusList);
    expect(allOngoing, 'a link to the ongoing projects').toBeDefined();
    expect(normalise(allOngoing!.textContent)).toBe(
      locale === 'it' ? `Vedi tutti i ${ongoing} progetti in corso` : `See all ${ongoing} ongoing projects`,
    );

    // The key figures count every project and partner page built.
    const projectPages = builtPagePaths().filter(
      (p) => isEntityPage(p) && p.startsWith(href(locale, { page: 'project', slug: 'x' }).slice(0, -2)),
    ).length;
    const partnerPages = builtPagePaths().filter(
      (p) => isEntityPage(p) && p.startsWith(href(locale, { page: 'partner', slug: 'x' }).slice(0, -2)),
    ).length;
    expect(projectPages).toBe(300);
    expect(home.main).toContain(`${projectPages} ${locale === 'it' ? 'progetti' : 'projects'}`);
    expect(home.main).toContain(`${partnerPages} ${locale === 'it' ? 'partner' : 'partners'}`);
  });
});
