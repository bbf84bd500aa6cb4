import { ActionTypeSchema, formatIssues, OrganisationTypeSchema, SeedBundleSchema, type SeedBundle, type SeedText } from 'shared-types';

/**
 * Synthetic seed bundles for the benchmark: the shape of the real portfolio at any number of
 * projects, deterministic for a given PRNG seed, validated with the same schema as the seed files.
 */

/** Benchmark scales: how many projects each one has. */
export const SCALES = { seed: 5, '200': 200, '1000': 1000 } as const;
export type Scale = keyof typeof SCALES;

export interface GenerateOptions {
  projects: number;
  /** PRNG seed: the same seed always gives the same bundle. */
  seed?: number;
  /** Size of the shared partner pool relative to the number of projects. */
  partnerPoolFactor?: number;
  partnersPerProject?: number;
  actionsPerProject?: number;
  communitiesPerProject?: number;
  fundingLines?: number;
  themes?: number;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** `count` distinct items, in random order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(count, copy.length));
  };
  return { next, int, pick, sample };
}
type Random = ReturnType<typeof createRandom>;

const WORDS = {
  it: 'integrazione cittadini paesi terzi comunità territorio servizi formazione lavoro scuola salute abitare partecipazione rete enti locali cooperazione inclusione sociale percorsi orientamento mediazione culturale accoglienza competenze linguistiche giovani donne famiglie operatori strumenti buone pratiche politiche pubbliche governance regionale'.split(
    ' ',
  ),
  en: 'integration citizens third countries community territory services training work school health housing participation network local authorities cooperation social inclusion pathways guidance cultural mediation reception language skills young people women families practitioners tools good practices public policies regional governance'.split(
    ' ',
  ),
} as const;
const COUNTRIES = [
  'IT',
  'IT',
  'IT',
  'ES',
  'FR',
  'DE',
  'BE',
  'NL',
  'GR',
  'PT',
  'AT',
  'SE',
  'FI',
  'MT',
  'SI',
  'HR',
  'PL',
  'IE',
  'DK',
  'CY',
] as const;
/** The enumerations' values but "other" (and "grant_scheme" for actions), so the generated portfolios stay the ones the benchmark has always measured. */
const ORG_TYPES = OrganisationTypeSchema.options.filter((type) => type !== 'other');
const ACTION_TYPES = ActionTypeSchema.options.filter((type) => type !== 'other' && type !== 'grant_scheme');
const CITIES = [
  'Bologna',
  'Modena',
  'Parma',
  'Madrid',
  'Lyon',
  'Berlin',
  'Gent',
  'Utrecht',
  'Atene',
  'Lisbona',
  'Vienna',
  'Malmö',
  'Tampere',
  'La Valletta',
  'Lubiana',
] as const;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const code = (n: number, width = 4) => String(n).padStart(width, '0');

/** The same sentence shape in both languages: word i of the Italian list is word i of the English one. */
function sentence(random: Random, words: number): SeedText {
  const indexes = Array.from({ length: words }, () => random.int(0, WORDS.it.length - 1));
  const make = (list: readonly string[]) => `${capitalise(indexes.map((i) => list[i]).join(' '))}.`;
  return { it: make(WORDS.it), en: make(WORDS.en) };
}
const joinTexts = (texts: SeedText[], separator: string): SeedText => ({
  it: texts.map((t) => t.it).join(separator),
  en: texts.map((t) => t.en).join(separator),
});
/** Markdown paragraphs of a few sentences each (about 600-900 characters per paragraph). */
const paragraphs = (random: Random, count: number): SeedText =>
  joinTexts(
    Array.from({ length: count }, () =>
      joinTexts(
        Array.from({ length: random.int(5, 8) }, () => sentence(random, random.int(12, 20))),
        ' ',
      ),
    ),
    '\n\n',
  );
/** A Markdown bullet list. */
function list(random: Random, count: number): SeedText {
  const items = Array.from({ length: count }, () => sentence(random, random.int(10, 18)));
  return { it: items.map((t) => `- ${t.it}`).join('\n'), en: items.map((t) => `- ${t.en}`).join('\n') };
}
const label = (it: string, en: string): SeedText => ({ it, en });

/** Generates a validated SeedBundle; throws naming every schema problem (a generator bug). */
export function generateBundle(options: GenerateOptions): SeedBundle {
  const {
    projects: projectCount,
    seed = 20261122,
    partnerPoolFactor = 2.5,
    partnersPerProject = 8,
    actionsPerProject = 3,
    communitiesPerProject = 2,
    fundingLines: fundingLineCount = 6,
    themes: themeCount = 10,
  } = options;
  const random = createRandom(seed);

  const themes = Array.from({ length: themeCount }, (_, i) => ({
    slug: `theme-${code(i + 1, 2)}`,
    name: label(`Tema ${i + 1}: ${WORDS.it[i % WORDS.it.length]}`, `Theme ${i + 1}: ${WORDS.en[i % WORDS.en.length]}`),
    description: sentence(random, 18),
  }));

  const fundingLines = Array.from({ length: fundingLineCount }, (_, i) => ({
    slug: `funding-line-${code(i + 1, 2)}`,
    name: label(`Fondo europeo ${i + 1} per l'integrazione`, `European fund ${i + 1} for integration`),
    acronym: label(`FAMI-${i + 1}`, `AMIF-${i + 1}`),
    programme: label(`Programma nazionale ${i + 1}`, `National programme ${i + 1}`),
    programmingPeriod: i % 2 === 0 ? '2021-2027' : '2014-2020',
    managingBody: label("Ministero dell'Interno", 'Ministry of the Interior'),
    managementMode: random.pick(['direct', 'indirect', 'shared'] as const),
    callReference: label(`Avviso ${i + 1}/2024`, `Call ${i + 1}/2024`),
    specificObjective: sentence(random, 14),
    applicationAreas: list(random, 4),
    fundingStatement: i % 3 === 0 ? ('funded' as const) : ('co_funded' as const),
    description: paragraphs(random, 2),
    website: `https://funding.example.eu/${i + 1}`,
  }));

  const poolSize = Math.max(partnersPerProject, Math.round(projectCount * partnerPoolFactor));
  const partners = Array.from({ length: poolSize }, (_, i) => {
    const city = random.pick(CITIES);
    return {
      slug: `partner-${code(i + 1, 5)}`,
      name: label(`Ente partner ${i + 1} di ${city}`, `Partner organisation ${i + 1} of ${city}`),
      shortName: `EP${i + 1}`,
      // One partner in five with a name in its own language, as real partner lists have.
      ...(i % 5 === 0 ? { alternativeNames: [`Partnerorganisation ${i + 1} ${city}`] } : {}),
      organisationType: random.pick(ORG_TYPES),
      country: random.pick(COUNTRIES),
      city: label(city, city),
      website: `https://partner-${i + 1}.example.org`,
      description: sentence(random, 24),
      namesInSources: [`Ente partner ${i + 1}`],
    };
  });
  const partnerSlugs = partners.map((p) => p.slug);

  const projects = Array.from({ length: projectCount }, (_, i) => {
    const n = i + 1;
    const slug = `project-${code(n)}`;
    const members = random.sample(partnerSlugs, partnersPerProject);
    const startYear = random.int(2019, 2027);
    const months = random.pick([18, 24, 30, 36]);
    const endYear = startYear + Math.ceil(months / 12);
    const totalBudget = random.int(200, 4000) * 1000;
    const summary = sentence(random, 22);
    return {
      source: `synthetic-${code(n)}.txt`,
      slug,
      acronym: `PRJ${n}`,
      title: label(
        `Progetto ${n}: ${summary.it.slice(0, 60).replace(/\.$/, '')}`,
        `Project ${n}: ${summary.en.slice(0, 60).replace(/\.$/, '')}`,
      ),
      subtitle: sentence(random, 8),
      summary,
      description: paragraphs(random, random.int(3, 5)),
      objectives: list(random, 4),
      expectedResults: list(random, 4),
      targetGroups: list(random, 3),
      administrationRole: sentence(random, 25),
      startDate: { date: `${startYear}-0${random.int(1, 9)}-01`, precision: 'month' as const, estimated: false },
      endDate: {
        date: `${endYear}-${random.pick(['06-30', '09-30', '12-31'])}`,
        precision: 'day' as const,
        estimated: random.next() < 0.1,
      },
      durationMonths: months,
      totalBudget,
      euContribution: Math.round(totalBudget * 0.9),
      otherAmounts: [{ label: label('Cofinanziamento', 'Co-funding'), amount: Math.round(totalBudget * 0.1) }],
      grantAgreementNumber: String(100000 + n),
      fundingLine: random.pick(fundingLines).slug,
      partnerships: members.map((partner, index) => ({
        partner,
        role: index === 0 ? ('lead' as const) : index < 6 ? ('partner' as const) : ('associated_partner' as const),
      })),
      themes: random.sample(themes, random.int(2, 4)).map((t) => t.slug),
      links: [{ label: label('Sito del progetto', 'Project website'), url: `https://${slug}.example.eu`, kind: 'website' as const }],
      website: `https://${slug}.example.eu`,
      actions: Array.from({ length: actionsPerProject }, (_, a) => ({
        code: `Azione ${code(a + 1, 2)}`,
        title: sentence(random, 6),
        actionType: random.pick(ACTION_TYPES),
        description: paragraphs(random, 1),
        subActions: ['a', 'b'].map((letter) => ({ letter, text: sentence(random, 12) })),
        targetAudience: sentence(random, 8),
      })),
      communities: Array.from({ length: communitiesPerProject }, (_, c) => ({
        slug: `${slug}-cop-${c + 1}`,
        code: `CoP${c + 1}`,
        title: sentence(random, 6),
        guidingQuestion: sentence(random, 12),
        theme: random.pick(themes).slug,
        description: paragraphs(random, 1),
        members: random.sample(members, 4),
      })),
    };
  });

  const raw = {
    settings: {
      siteName: label("Progetti europei per l'integrazione", 'European projects for integration'),
      tagline: label('Benchmark sintetico', 'Synthetic benchmark'),
      institutionName: label('Regione di prova', 'Test Region'),
      contactEmail: 'bench@example.org',
    },
    themes,
    fundingLines,
    partners,
    projects,
  };
  const result = SeedBundleSchema.safeParse(raw);
  if (!result.success) throw new Error(`The benchmark generator made an invalid bundle:\n${formatIssues(result.error)}`);
  return result.data;
}
