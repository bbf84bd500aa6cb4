import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LOCALES, type Locale, type ProjectStatus } from 'shared-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedBundle } from 'harness/seed-bundle';
import { href, type Route } from 'shared-types/routes';
import { attr, euroText as euro, normalise, textOf } from './support/html.ts';
import { builtPagePaths, fileFor, localeOf, readPage, site, walk, type BuiltPage } from './support/site.ts';

/**
 * The built site against the seed data: every published entity has its page in both languages
 * with its key facts, and every page is wired up (language, canonical, hreflang, links, scripts).
 * Expected values are computed from the seed files with Intl, independently of the site's helpers.
 */
const bundle = readSeedBundle();
const TAGS: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };
const other = (locale: Locale): Locale => (locale === 'it' ? 'en' : 'it');

type SeedDate = { date: string; precision: 'day' | 'month' | 'year'; estimated: boolean };
function partialDate(value: SeedDate, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    value.precision === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : value.precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
  const text = new Intl.DateTimeFormat(TAGS[locale], { ...options, timeZone: 'UTC' }).format(new Date(`${value.date}T00:00:00Z`));
  return value.estimated ? `${text} (${locale === 'it' ? 'previsto' : 'expected'})` : text;
}
function period(start: SeedDate | undefined, end: SeedDate | undefined, locale: Locale): string | null {
  if (start && end) return `${partialDate(start, locale)} – ${partialDate(end, locale)}`;
  if (start) return `${locale === 'it' ? 'dal' : 'from'} ${partialDate(start, locale)}`;
  if (end) return `${locale === 'it' ? 'fino a' : 'until'} ${partialDate(end, locale)}`;
  return null;
}

const countryName = (code: string, locale: Locale) =>
  new Intl.DisplayNames([locale === 'it' ? 'it' : 'en-GB'], { type: 'region' }).of(code)!;

/**
 * Each seed project's state on BUILD_DATE (2026-11-22): CONNACT ends February 2027 after 24 months,
 * CONNECTION states no dates, CONSOLIDATE is forced by the editor, EPI ended in 2022, PLEIADI runs
 * from June 2025 to 2029.
 */
const EXPECTED_STATUS: Record<string, ProjectStatus> = {
  connact: 'ongoing',
  connection: 'not_stated',
  consolidate: 'grant_agreement_in_preparation',
  epi: 'completed',
  pleiadi: 'ongoing',
};
const STATUS_TEXT: Record<ProjectStatus, Record<Locale, string>> = {
  grant_agreement_in_preparation: { it: 'Grant agreement in preparazione', en: 'Grant agreement in preparation' },
  planned: { it: 'In avvio', en: 'Planned' },
  ongoing: { it: 'In corso', en: 'Ongoing' },
  completed: { it: 'Concluso', en: 'Completed' },
  suspended: { it: 'Sospeso', en: 'Suspended' },
  cancelled: { it: 'Annullato', en: 'Cancelled' },
  not_stated: { it: 'Stato non indicato', en: 'Status not stated' },
};

const partnerBySlug = new Map(bundle.partners.map((p) => [p.slug, p]));
const countries = [...new Set(bundle.partners.flatMap((p) => (p.country ? [p.country] : [])))].sort();
const communities = bundle.projects.flatMap((project) => project.communities.map((community) => ({ project, community })));

/** The paths the page's <main> links to. */
function mainLinks(page: BuiltPage): string[] {
  const main = page.doc.querySelector('main');
  return (main?.querySelectorAll('a[href]') ?? []).map((a) => attr(a, 'href')!).map((value) => value.split('#')[0]!);
}

function expectLinksTo(page: BuiltPage, locale: Locale, routes: Route[]) {
  const links = new Set(mainLinks(page));
  const missing = routes.map((route) => href(locale, route)).filter((target) => !links.has(target));
  expect(missing, `${page.pathname} should link to these pages`).toEqual([]);
}

const h1 = (page: BuiltPage) => normalise(page.doc.querySelector('h1')?.textContent ?? '');

describe.each(LOCALES)('the project pages (%s)', (locale) => {
  it.each(bundle.projects.map((p) => [p.acronym, p] as const))(
    '%s has its title, status, dates, money, funding, themes and partners',
    async (_, project) => {
      const page = await readPage(href(locale, { page: 'project', slug: project.slug }));
      expect(h1(page)).toContain(project.acronym);
      expect(h1(page)).toContain(normalise(project.title[locale]));
      expect(page.main).toContain(normalise(project.summary[locale]));
      expect(page.main).toContain(STATUS_TEXT[EXPECTED_STATUS[project.slug]!][locale]);
      const range = period(project.startDate, project.endDate, locale);
      if (range) expect(page.main).toContain(range);
      if (project.totalBudget !== undefined) expect(page.main).toContain(euro(project.totalBudget, locale));
      if (project.euContribution !== undefined) expect(page.main).toContain(euro(project.euContribution, locale));
      for (const amount of project.otherAmounts) {
        expect(page.main).toContain(normalise(amount.label[locale]));
        if (amount.amount !== undefined) expect(page.main).toContain(euro(amount.amount, locale));
      }
      if (project.grantAgreementNumber) expect(page.main).toContain(project.grantAgreementNumber);
      expectLinksTo(page, locale, [
        ...(project.fundingLine ? [{ page: 'fundingLine' as const, slug: project.fundingLine }] : []),
        ...project.themes.map((slug) => ({ page: 'theme' as const, slug })),
        ...project.partnerships.map((p) => ({ page: 'partner' as const, slug: p.partner })),
        ...project.communities.map((c) => ({ page: 'community' as const, slug: c.slug })),
      ]);
      for (const { partner } of project.partnerships) expect(page.main).toContain(normalise(partnerBySlug.get(partner)!.name[locale]));
    },
  );
});

describe('the key facts of PLEIADI and EPI, as editors wrote them', () => {
  it('shows PLEIADI’s budget in each language’s notation', async () => {
    expect((await readPage('/progetti/pleiadi/')).main).toContain('5.611.995,92 €');
    expect((await readPage('/en/projects/pleiadi/')).main).toContain('€5,611,995.92');
  });

  it('shows PLEIADI’s expected start month and exact end day', async () => {
    expect((await readPage('/progetti/pleiadi/')).main).toContain('giugno 2025 (previsto) – 30 settembre 2029');
    expect((await readPage('/en/projects/pleiadi/')).main).toContain('June 2025 (expected) – 30 September 2029');
  });

  it('shows EPI’s grant agreement number and its completed period', async () => {
    for (const [path, label, range] of [
      ['/progetti/epi/', 'Grant agreement n.', '1 gennaio 2020 – 30 giugno 2022'],
      ['/en/projects/epi/', 'Grant agreement no.', '1 January 2020 – 30 June 2022'],
    ] as const) {
      const page = await readPage(path);
      expect(page.main).toContain(`${label} 863614`);
      expect(page.main).toContain(range);
    }
  });

  it('says a missing budget is not stated instead of showing zero', async () => {
    const page = await readPage('/progetti/epi/');
    expect(page.main).toContain('non indicato dalla fonte');
    expect(page.main).not.toMatch(/\b0(,00)? €/);
  });
});

describe.each(LOCALES)('the partner pages (%s)', (locale) => {
  it.each(bundle.partners.map((p) => [p.slug, p] as const))('%s has its name, country and projects', async (_, partner) => {
    const page = await readPage(href(locale, { page: 'partner', slug: partner.slug }));
    expect(h1(page)).toBe(normalise(partner.name[locale]));
    expect(page.main).toContain(
      partner.country ? countryName(partner.country, locale) : locale === 'it' ? 'Paese non indicato' : 'Country not stated',
    );
    const projects = bundle.projects.filter((p) => p.partnerships.some((row) => row.partner === partner.slug));
    expect(projects.length).toBeGreaterThan(0);
    expectLinksTo(page, locale, [
      ...projects.map((p) => ({ page: 'project' as const, slug: p.slug })),
      ...(partner.country ? [{ page: 'country' as const, code: partner.country }] : []),
    ]);
    // Other names (Dimos Athinaion for the City of Athens) in the key facts, inside the indexed <main>.
    const alsoKnownAs = locale === 'it' ? 'Noto anche come' : 'Also known as';
    if (partner.alternativeNames?.length) {
      const facts = page.doc
        .querySelectorAll('main dl.facts > div')
        .find((div) => normalise(textOf(div.querySelector('dt')!)) === alsoKnownAs);
      expect(facts, `${alsoKnownAs} on ${partner.slug}`).toBeDefined();
      expect(facts!.querySelectorAll('dd').map((dd) => normalise(textOf(dd)))).toEqual(partner.alternativeNames);
    } else {
      expect(page.main).not.toContain(alsoKnownAs);
    }
  });

  it('shows the City of Athens as also known as Dimos Athinaion', async () => {
    const page = await readPage(href(locale, { page: 'partner', slug: 'city-of-athens' }));
    expect(page.main).toContain(`${locale === 'it' ? 'Noto anche come' : 'Also known as'} Dimos Athinaion`);
  });
});

describe('partners’ alternative names in search and open data', () => {
  it('are in the Pagefind index of the partner page', () => {
    const fragments = walk(site().outDir)
      .filter((name) => name.startsWith('pagefind/') && name.endsWith('.pf_fragment'))
      .map((name) => gunzipSync(readFileSync(fileFor(`/${name}`))).toString('utf8'));
    for (const locale of LOCALES) {
      const athens = fragments.filter((text) => text.includes(`"${href(locale, { page: 'partner', slug: 'city-of-athens' })}"`));
      expect(athens).toHaveLength(1);
      expect(athens[0]).toContain('Dimos Athinaion');
    }
  });

  it('are a column of the partners CSV and JSON', () => {
    const json = JSON.parse(readFileSync(fileFor('/opendata/partners.json'), 'utf8')) as { rows: Array<Record<string, unknown>> };
    expect(json.rows.filter((row) => row.slug === 'city-of-athens').map((row) => row.alternative_names)).toEqual([
      ['Dimos Athinaion'],
      ['Dimos Athinaion'],
    ]);
    expect(readFileSync(fileFor('/opendata/partners.csv'), 'utf8').split('\n')[0]).toContain('alternative_names');
  });
});

describe.each(LOCALES)('the actions of a project (%s)', (locale) => {
  it('are labelled with their type, the new participation type included', async () => {
    const page = await readPage(href(locale, { page: 'project', slug: 'pleiadi' }));
    expect(page.main).toContain(locale === 'it' ? 'Partecipazione attiva' : 'Active participation');
  });
});

describe.each(LOCALES)('the funding line pages (%s)', (locale) => {
  it.each(bundle.fundingLines.map((f) => [f.slug, f] as const))('%s has its name and its projects', async (_, line) => {
    const page = await readPage(href(locale, { page: 'fundingLine', slug: line.slug }));
    expect(h1(page)).toContain(normalise(line.acronym[locale]));
    expect(h1(page)).toContain(normalise(line.name[locale]));
    expectLinksTo(
      page,
      locale,
      bundle.projects.filter((p) => p.fundingLine === line.slug).map((p) => ({ page: 'project', slug: p.slug })),
    );
  });
});

describe.each(LOCALES)('the community of practice pages (%s)', (locale) => {
  it.each(communities.map((c) => [c.community.slug, c] as const))(
    '%s has its title, guiding question, project and members',
    async (_, { project, community }) => {
      const page = await readPage(href(locale, { page: 'community', slug: community.slug }));
      expect(h1(page)).toContain(normalise(community.title[locale]));
      if (community.guidingQuestion) expect(page.main).toContain(normalise(community.guidingQuestion[locale]));
      expectLinksTo(page, locale, [
        { page: 'project', slug: project.slug },
        ...community.members.map((slug) => ({ page: 'partner' as const, slug })),
      ]);
    },
  );
});

describe.each(LOCALES)('the theme pages (%s)', (locale) => {
  it.each(bundle.themes.map((t) => [t.slug, t] as const))('%s has its name and exactly its projects', async (_, theme) => {
    const page = await readPage(href(locale, { page: 'theme', slug: theme.slug }));
    expect(h1(page)).toBe(normalise(theme.name[locale]));
    const expected = bundle.projects
      .filter((p) => p.themes.includes(theme.slug))
      .map((p) => href(locale, { page: 'project', slug: p.slug }));
    const projectLinks = new Set(
      mainLinks(page).filter((link) => bundle.projects.some((p) => link === href(locale, { page: 'project', slug: p.slug }))),
    );
    expect([...projectLinks].sort()).toEqual(expected.sort());
  });
});

describe.each(LOCALES)('the country pages (%s)', (locale) => {
  it.each(countries)('%s names the country and lists its partners', async (code) => {
    const page = await readPage(href(locale, { page: 'country', code }));
    expect(h1(page)).toBe(countryName(code, locale));
    expectLinksTo(
      page,
      locale,
      bundle.partners.filter((p) => p.country === code).map((p) => ({ page: 'partner', slug: p.slug })),
    );
  });
});

describe.each(LOCALES)('the status pages (%s)', (locale) => {
  const statuses = [...new Set(Object.values(EXPECTED_STATUS))];
  it.each(statuses)('%s lists exactly the projects in that state', async (status) => {
    const page = await readPage(href(locale, { page: 'status', status }));
    expect(h1(page)).toBe(STATUS_TEXT[status][locale]);
    const expected = bundle.projects
      .filter((p) => EXPECTED_STATUS[p.slug] === status)
      .map((p) => href(locale, { page: 'project', slug: p.slug }));
    const projectLinks = new Set(
      mainLinks(page).filter((link) => bundle.projects.some((p) => link === href(locale, { page: 'project', slug: p.slug }))),
    );
    expect([...projectLinks].sort()).toEqual(expected.sort());
  });

  it('has no page for a state no project is in', () => {
    expect(existsSync(fileFor(href(locale, { page: 'status', status: 'cancelled' })))).toBe(false);
  });
});

describe.each(LOCALES)('the index pages (%s)', (locale) => {
  it('the home page gives the portfolio’s figures and leads to the projects', async () => {
    const page = await readPage(href(locale, { page: 'home' }));
    expect(h1(page)).toBe(normalise(bundle.settings.siteName[locale]));
    expect(page.main).toContain(`${bundle.projects.length} ${locale === 'it' ? 'progetti' : 'projects'}`);
    expect(page.main).toContain(`${bundle.partners.length} ${locale === 'it' ? 'partner' : 'partners'}`);
    expect(page.main).toContain(`${countries.length} ${locale === 'it' ? 'paesi' : 'countries'}`);
    expectLinksTo(page, locale, [
      { page: 'projects' },
      ...bundle.fundingLines.map((f) => ({ page: 'fundingLine' as const, slug: f.slug })),
    ]);
  });

  it('the projects page lists every project without JavaScript', async () => {
    const page = await readPage(href(locale, { page: 'projects' }));
    expectLinksTo(
      page,
      locale,
      bundle.projects.map((p) => ({ page: 'project', slug: p.slug })),
    );
    expect(page.main).toContain(`${bundle.projects.length} ${locale === 'it' ? 'risultati' : 'results'}`);
  });

  it('the projects page offers, without JavaScript, plain links to browse by status, funding line, theme and country', async () => {
    const page = await readPage(href(locale, { page: 'projects' }));
    const themes = bundle.themes.filter((t) => bundle.projects.some((p) => p.themes.includes(t.slug)));
    const projectCountries = [
      ...new Set(
        bundle.projects.flatMap((p) =>
          p.partnerships.map((row) => partnerBySlug.get(row.partner)!.country).filter((c): c is string => !!c),
        ),
      ),
    ];
    expectLinksTo(page, locale, [
      ...[...new Set(Object.values(EXPECTED_STATUS))].map((status) => ({ page: 'status' as const, status })),
      ...bundle.fundingLines.map((f) => ({ page: 'fundingLine' as const, slug: f.slug })),
      ...themes.map((t) => ({ page: 'theme' as const, slug: t.slug })),
      ...projectCountries.map((code) => ({ page: 'country' as const, code })),
    ]);
  });

  it('the partners page lists every partner', async () => {
    expectLinksTo(
      await readPage(href(locale, { page: 'partners' })),
      locale,
      bundle.partners.map((p) => ({ page: 'partner', slug: p.slug })),
    );
  });

  it('the funding lines page lists every funding line', async () => {
    expectLinksTo(
      await readPage(href(locale, { page: 'fundingLines' })),
      locale,
      bundle.fundingLines.map((f) => ({ page: 'fundingLine', slug: f.slug })),
    );
  });

  it('the themes page lists every theme', async () => {
    expectLinksTo(
      await readPage(href(locale, { page: 'themes' })),
      locale,
      bundle.themes.map((t) => ({ page: 'theme', slug: t.slug })),
    );
  });

  it('the countries page lists every partner country', async () => {
    const page = await readPage(href(locale, { page: 'countries' }));
    expectLinksTo(
      page,
      locale,
      countries.map((code) => ({ page: 'country', code })),
    );
    for (const code of countries) expect(page.main).toContain(countryName(code, locale));
  });

  it.each(['legal', 'privacy', 'contacts', 'accessibility'] as const)('the %s page is built', async (name) => {
    const page = await readPage(href(locale, { page: name }));
    expect(h1(page).length).toBeGreaterThan(0);
  });
});

describe.each(LOCALES)('the open data page (%s)', (locale) => {
  it('offers every collection as CSV and JSON, and every file it links to is built', async () => {
    const page = await readPage(href(locale, { page: 'data' }));
    expect(h1(page)).not.toBe('DataPage');
    const files = mainLinks(page).filter((link) => link.startsWith('/opendata/'));
    for (const name of ['projects', 'partners', 'actions', 'communities', 'funding-lines', 'themes']) {
      expect(files, `${page.pathname} should link to ${name}.csv and ${name}.json`).toEqual(
        expect.arrayContaining([`/opendata/${name}.csv`, `/opendata/${name}.json`]),
      );
    }
    for (const file of files) {
      expect(existsSync(fileFor(file)), `${file} linked from ${page.pathname}`).toBe(true);
      expect(statSync(fileFor(file)).size).toBeGreaterThan(0);
    }
  });
});

describe('the open data files', () => {
  it('the catalogue gives each file its size as built, in bytes', () => {
    const catalog = JSON.parse(readFileSync(fileFor('/opendata/catalog.jsonld'), 'utf8')) as {
      'dcat:dataset': Array<{
        'dcat:distribution': Array<{ 'dcat:downloadURL': { '@id': string }; 'dcat:byteSize': { '@value': string } }>;
      }>;
    };
    const distributions = catalog['dcat:dataset'].flatMap((dataset) => dataset['dcat:distribution']);
    expect(distributions.length).toBeGreaterThanOrEqual(12);
    for (const distribution of distributions) {
      const file = new URL(distribution['dcat:downloadURL']['@id']).pathname;
      expect(distribution['dcat:byteSize']['@value'], file).toBe(String(statSync(fileFor(file)).size));
    }
  });

  it('the projects JSON has every published project in both languages, with the money as numbers', () => {
    const data = JSON.parse(readFileSync(fileFor('/opendata/projects.json'), 'utf8')) as unknown;
    const rows = (
      Array.isArray(data) ? data : ((data as { data?: unknown[]; rows?: unknown[] }).data ?? (data as { rows?: unknown[] }).rows ?? [])
    ) as Array<Record<string, unknown>>;
    const keys = rows.map((row) => `${row.locale}/${row.slug}`).sort();
    expect(keys).toEqual(LOCALES.flatMap((locale) => bundle.projects.map((p) => `${locale}/${p.slug}`)).sort());
    const pleiadi = rows.find((row) => row.slug === 'pleiadi' && row.locale === 'it')!;
    expect(Object.values(pleiadi)).toContain(5611995.92);
  });

  it('the projects CSV has a header and one row per project and language', () => {
    const csv = readFileSync(fileFor('/opendata/projects.csv'), 'utf8');
    for (const locale of LOCALES)
      for (const project of bundle.projects)
        expect(csv).toContain(project.title[locale].includes('"') ? project.acronym : project.title[locale]);
  });
});

describe('the 404 page', () => {
  it('is one page in both languages, not indexed', async () => {
    const page = await readPage('/404.html');
    expect(h1(page)).toBe('Pagina non trovata');
    expect(page.main).toContain('Page not found');
    expect(page.doc.querySelector('meta[name="robots"]')?.getAttributeValue('content')).toContain('noindex');
  });

  it('is what the static host answers, with status 404, for an unknown address', async () => {
    const response = await fetch(`${site().url}/progetti/non-esiste/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Pagina non trovata');
  });
});

describe('every built page', () => {
  let pages: BuiltPage[];
  beforeAll(async () => {
    pages = await Promise.all(builtPagePaths().map((path) => readPage(path)));
  });

  /** Collects one message per page that breaks a rule, so one failure lists every offender. */
  const problems = (check: (page: BuiltPage) => string | string[] | null | undefined) =>
    pages.flatMap((page) => [check(page) ?? []].flat().map((problem) => `${page.pathname}: ${problem}`));

  it('is one per published route: the same pages in both languages, plus the 404', () => {
    // home, projects, partners, funding lines, themes, countries, statistics, data, search and the four info pages.
    const fixed = 13;
    const statuses = new Set(Object.values(EXPECTED_STATUS)).size;
    const perLocale =
      fixed +
      bundle.projects.length +
      statuses +
      bundle.partners.length +
      bundle.fundingLines.length +
      communities.length +
      bundle.themes.length +
      countries.length;
    const italian = pages.filter((p) => localeOf(p.pathname) === 'it' && p.pathname !== '/404.html').length;
    const english = pages.filter((p) => localeOf(p.pathname) === 'en').length;
    expect({ italian, english }).toEqual({ italian: perLocale, english: perLocale });
    expect(pages.map((p) => p.pathname)).toContain('/404.html');
  });

  it('declares the language of its locale on <html>', () => {
    expect(
      problems((page) => {
        const lang = page.doc.querySelector('html')?.getAttributeValue('lang');
        return lang === localeOf(page.pathname) ? null : `lang="${lang}"`;
      }),
    ).toEqual([]);
  });

  it('has a canonical URL to itself on the public site', () => {
    expect(
      problems((page) => {
        if (page.pathname === '/404.html') return null;
        const canonical = page.doc.querySelectorAll('link[rel="canonical"]').map((l) => attr(l, 'href'));
        const expected = new URL(page.pathname, site().buildSiteUrl).href;
        return canonical.length === 1 && canonical[0] === expected ? null : `canonical ${JSON.stringify(canonical)}, expected ${expected}`;
      }),
    ).toEqual([]);
  });

  it('points with hreflang at its twin in the other language, which points back', async () => {
    const byPath = new Map(pages.map((page) => [page.pathname, page]));
    const alternates = (page: BuiltPage) =>
      Object.fromEntries(page.doc.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [attr(l, 'hreflang'), attr(l, 'href')]));
    expect(
      problems((page) => {
        if (page.pathname === '/404.html') return null;
        const locale = localeOf(page.pathname);
        const links = alternates(page);
        const found: string[] = [];
        const self = new URL(page.pathname, site().buildSiteUrl).href;
        if (links[locale] !== self) found.push(`hreflang=${locale} is ${links[locale]}, expected ${self}`);
        const twinUrl = links[other(locale)];
        const twin = twinUrl ? byPath.get(new URL(twinUrl).pathname) : undefined;
        if (!twin) found.push(`hreflang=${other(locale)} ${twinUrl} is not a built page`);
        else if (alternates(twin)[locale] !== self) found.push(`its twin ${twin.pathname} points back to ${alternates(twin)[locale]}`);
        const italian = locale === 'it' ? self : twinUrl;
        if (links['x-default'] !== italian) found.push(`x-default is ${links['x-default']}, expected the Italian page ${italian}`);
        return found;
      }),
    ).toEqual([]);
  });

  it('ships no JavaScript unless it has an island (only JSON-LD scripts)', () => {
    const withScripts = new Set(['/progetti/', '/en/projects/', '/cerca/', '/en/search/']);
    expect(
      problems((page) => {
        if (withScripts.has(page.pathname)) return null;
        const scripts = page.doc.querySelectorAll('script').filter((s) => s.getAttributeValue('type') !== 'application/ld+json');
        const preloads = page.doc.querySelectorAll('link[rel="modulepreload"]');
        const islands = page.doc.querySelectorAll('astro-island');
        return scripts.length + preloads.length + islands.length === 0
          ? null
          : `${scripts.length} script(s) (${scripts.map((s) => s.getAttributeValue('src') ?? `inline ${s.getAttributeValue('type') ?? 'classic'}`).join(', ')}), ${preloads.length} modulepreload(s), ${islands.length} island(s)`;
      }),
    ).toEqual([]);
  });

  it('has valid JSON-LD with a schema.org type', () => {
    expect(
      problems((page) =>
        page.doc.querySelectorAll('script[type="application/ld+json"]').flatMap((script) => {
          try {
            const data = JSON.parse(script.textContent) as Record<string, unknown>;
            return data['@context'] === 'https://schema.org' && typeof data['@type'] === 'string'
              ? []
              : [`JSON-LD without schema.org @context/@type: ${script.textContent.slice(0, 120)}`];
          } catch (error) {
            return [`JSON-LD does not parse: ${(error as Error).message}`];
          }
        }),
      ),
    ).toEqual([]);
  });

  it('links only to pages and files that exist (internal links and in-page anchors)', () => {
    const origin = new URL(site().buildSiteUrl).origin;
    expect(
      problems((page) => {
        const ids = new Set(page.doc.querySelectorAll('[id]').map((el) => el.getAttributeValue('id')));
        return page.doc.querySelectorAll('a[href]').flatMap((a) => {
          const value = attr(a, 'href')!;
          if (value.startsWith('#')) return value === '#' || ids.has(value.slice(1)) ? [] : [`anchor ${value} has no target`];
          const url = new URL(value, new URL(page.pathname, origin));
          if (url.origin !== origin) return [];
          return existsSync(fileFor(url.pathname)) ? [] : [`broken link ${value}`];
        });
      }),
    ).toEqual([]);
  });

  it('refers in <head> only to files that exist (icon, feeds, sitemap, social image)', () => {
    const origin = new URL(site().buildSiteUrl).origin;
    const missing = new Map<string, string[]>();
    for (const page of pages) {
      const refs = [
        ...page.doc
          .querySelectorAll('head link[href]')
          .filter((l) => !['canonical', 'alternate'].includes(l.getAttributeValue('rel') ?? '') || l.getAttributeValue('type'))
          .map((l) => attr(l, 'href')!),
        ...page.doc.querySelectorAll('head meta[property="og:image"]').map((m) => attr(m, 'content')!),
      ];
      for (const ref of refs) {
        const url = new URL(ref, new URL(page.pathname, origin));
        if (url.origin === origin && !existsSync(fileFor(url.pathname))) missing.set(ref, [...(missing.get(ref) ?? []), page.pathname]);
      }
    }
    expect(
      [...missing].map(([ref, by]) => `${ref} is not built, yet ${by.length} page(s) refer to it, e.g. ${by.slice(0, 3).join(', ')}`),
    ).toEqual([]);
  });
});

describe('the assets the pages load', () => {
  it('are built and served with their content type (stylesheets, scripts, icon)', async () => {
    const assets = new Set<string>();
    for (const path of builtPagePaths()) {
      const page = await readPage(path);
      for (const link of page.doc.querySelectorAll('link[rel="stylesheet"], link[rel="icon"], link[rel="modulepreload"]'))
        assets.add(attr(link, 'href')!);
      for (const script of page.doc.querySelectorAll('script[src]')) assets.add(attr(script, 'src')!);
      for (const island of page.doc.querySelectorAll('astro-island'))
        ['component-url', 'renderer-url'].forEach((name) => assets.add(attr(island, name)!));
    }
    const TYPES: Record<string, string> = { css: 'text/css', js: 'text/javascript', svg: 'image/svg+xml' };
    const wrong: string[] = [];
    for (const asset of [...assets].filter((a) => a.startsWith('/'))) {
      const response = await fetch(`${site().url}${asset}`);
      const expected = TYPES[asset.split('.').pop()!];
      const type = response.headers.get('content-type') ?? '';
      if (response.status !== 200 || (expected && !type.startsWith(expected))) wrong.push(`${asset}: ${response.status} ${type}`);
    }
    expect([...assets].some((a) => a.endsWith('.css'))).toBe(true);
    expect(wrong).toEqual([]);
  });
});

describe('the projects page', () => {
  it.each(LOCALES)('carries exactly one island, the explorer, hydrated when visible (%s)', async (locale) => {
    const page = await readPage(href(locale, { page: 'projects' }));
    const islands = page.doc.querySelectorAll('astro-island');
    expect(islands).toHaveLength(1);
    const island = islands[0]!;
    expect(island.getAttributeValue('client')).toBe('visible');
    expect(island.getAttributeValue('component-export')).toBe('default');
    for (const attribute of ['component-url', 'renderer-url']) {
      const url = attr(island, attribute)!;
      expect(existsSync(fileFor(url)), `${attribute} ${url}`).toBe(true);
    }
    const external = page.doc.querySelectorAll('script[src]').map((s) => s.getAttributeValue('src'));
    expect(external).toEqual([]);
  });
});

describe('structured data (JSON-LD) of a project', () => {
  const projectLd = async (path: string) => {
    const page = await readPage(path);
    const objects = page.doc
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.textContent) as Record<string, any>);
    const project = objects.find((o) => o['@type'] === 'Project');
    expect(project, `${path} has a schema.org Project`).toBeDefined();
    return project!;
  };

  it.each(LOCALES)('describes PLEIADI with its name, period at the known precision, funding and partners (%s)', async (locale) => {
    const seed = bundle.projects.find((p) => p.slug === 'pleiadi')!;
    const ld = await projectLd(href(locale, { page: 'project', slug: 'pleiadi' }));
    expect(ld.name).toBe(seed.title[locale]);
    expect(ld.alternateName).toBe('PLEIADI');
    expect(ld.url).toBe(new URL(href(locale, { page: 'project', slug: 'pleiadi' }), site().buildSiteUrl).href);
    expect(ld.startDate).toBe('2025-06');
    expect(ld.endDate).toBe('2029-09-30');
    expect(ld.funding?.['@type']).toBe('MonetaryGrant');
    expect((ld.member as Array<{ name: string }>).map((m) => m.name).sort()).toEqual(
      [...new Set(seed.partnerships.map((p) => p.partner))].map((slug) => partnerBySlug.get(slug)!.name[locale]).sort(),
    );
  });

  it('gives EPI’s grant agreement number as the grant’s identifier', async () => {
    expect((await projectLd('/progetti/epi/')).funding?.identifier).toBe('863614');
  });
});

describe('names on the pages', () => {
  it('never repeat themselves in a heading or title ("Erasmus+ – Erasmus+", "FAMI – FAMI 2021-2027")', async () => {
    const repeated: string[] = [];
    for (const path of builtPagePaths()) {
      const page = await readPage(path);
      const texts = [
        page.doc.querySelector('title')?.textContent ?? '',
        ...page.doc.querySelectorAll('h1, h2, h3, .eu-funding a').map((el) => el.textContent),
      ];
      for (const text of texts.map(normalise)) {
        const match = /^(\S+) – (\S+)/.exec(text);
        if (match && match[2]!.startsWith(match[1]!)) repeated.push(`${path}: "${text.slice(0, 80)}"`);
      }
    }
    expect(repeated).toEqual([]);
  });
});

describe('funding lines that share an acronym', () => {
  // In English the FAMI line is "AMIF", as is the Commission's AMIF line: the period tells them apart.
  const keyFact = async (locale: Locale, slug: string) => {
    const page = await readPage(href(locale, { page: 'project', slug }));
    const link = page.doc.querySelectorAll('dd a').find((a) => attr(a, 'href')?.startsWith(href(locale, { page: 'fundingLines' })));
    return normalise(link?.textContent ?? '');
  };

  it('show the line’s period beside the acronym where two lines share it, and the bare acronym elsewhere', async () => {
    expect(await keyFact('en', 'pleiadi')).toBe('AMIF (2021-2027)');
    expect(await keyFact('it', 'pleiadi')).toBe('FAMI');
    expect(await keyFact('en', 'epi')).toBe('AMIF');
    const cards = textOf((await readPage(href('en', { page: 'home' }))).doc.querySelector('#funding + ul')!);
    expect(cards).toContain('AMIF (2021-2027)');
  });
});

describe('the sitemap', () => {
  const locs = () =>
    [...readFileSync(fileFor('/sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(normalise(m[1]!)).pathname);

  it('lists every built page that may be indexed, each once', async () => {
    const indexable: string[] = [];
    for (const path of builtPagePaths()) {
      const page = await readPage(path);
      if (!page.doc.querySelector('meta[name="robots"]')?.getAttributeValue('content')?.includes('noindex')) indexable.push(path);
    }
    const listed = locs();
    expect(new Set(listed).size).toBe(listed.length);
    expect(indexable.filter((path) => !listed.includes(path))).toEqual([]);
  });

  it('lists no page that is missing or asks not to be indexed', async () => {
    const wrong: string[] = [];
    for (const path of locs()) {
      if (!existsSync(fileFor(path))) wrong.push(`${path} (not built)`);
      else if ((await readPage(path)).doc.querySelector('meta[name="robots"]')?.getAttributeValue('content')?.includes('noindex'))
        wrong.push(`${path} (noindex)`);
    }
    expect(wrong).toEqual([]);
  });
});

describe.each(LOCALES)('the Atom feed (%s)', (locale) => {
  it('has one entry per project linking to its page', () => {
    const xml = readFileSync(fileFor(locale === 'it' ? '/feed.xml' : '/en/feed.xml'), 'utf8');
    expect(xml).toContain(`xml:lang="${locale}"`);
    const links = [...xml.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"/g)].map(
      (m) => new URL(m[1]!).pathname,
    );
    expect(links.sort()).toEqual(bundle.projects.map((p) => href(locale, { page: 'project', slug: p.slug })).sort());
  });
});
