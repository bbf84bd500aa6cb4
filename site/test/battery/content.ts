import {
  LOCALES,
  STATUS_LABELS,
  SeedBundleSchema,
  formatIssues,
  type ProjectStatus,
  type SeedBundle,
  type SeedProject,
  type SeedText,
} from 'shared-types';
import { href, type Route } from 'shared-types/routes';
import { generateBundle } from 'harness/generate';

/**
 * The battery's content: hostile text in every text field of every type, and extreme but valid
 * content (a 500-partner project, maximum-length titles, emoji, right-to-left text, a project
 * with nothing optional). Built as a seed bundle, so it goes in through the same validated import
 * as real content. Link fields are not here: the CMS refuses to publish anything but http(s) and
 * mailto targets (cms/test/validation.test.ts) and the site drops them again (safeExternalUrl).
 */

/** Every payload, if it ever ran, would call alert() or set window.__pwned; none may. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"><script>window.__pwned=4</script></svg>',
  '"><script>window.__pwned=5</script>',
  "'><img src=x onerror=alert(6)>",
  '</title><script>alert(7)</script>',
  '</script><script>window.__pwned=8</script>',
  '<a href="javascript:window.__pwned=9">clic</a>',
  '[collegamento](javascript:window.__pwned=10)',
  '[dati](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=)',
  '![immagine](javascript:alert(12))',
  '<iframe srcdoc="<script>parent.__pwned=13</script>"></iframe>',
  '<details open ontoggle="window.__pwned=14">x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>',
  '<object data="javascript:alert(16)"></object>',
  '" onmouseover="window.__pwned=17" data-pwned="1',
  '<div data-pwned="1" style="position:fixed;inset:0">',
  '<!-- <b> unclosed <i> markup <p',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, literal on purpose.
  '{{constructor.constructor("window.__pwned=18")()}} ${alert(19)}',
  '<style>body{display:none}</style>',
  'javascript:alert(20)',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<form action="https://evil.example/"><input name=q></form>',
] as const;

/** For fields of at most 20 characters (codes, acronyms). */
export const SHORT_PAYLOADS = [
  '<b data-pwned=1>',
  '"><i data-pwned=1>',
  "'><s data-pwned=1>",
  '<svg/onload=alert(1)>'.slice(0, 20),
] as const;

export const HOSTILE_PROJECT = 'hostile-project';
export const EXTREME = {
  manyPartners: 'extreme-500-partners',
  longTitle: 'extreme-long-title',
  bare: 'extreme-bare',
  rtl: 'extreme-rtl-emoji',
} as const;
export const MANY_PARTNERS = 500;

let next = 0;
const payload = () => PAYLOADS[next++ % PAYLOADS.length]!;
const shortPayload = () => SHORT_PAYLOADS[next++ % SHORT_PAYLOADS.length]!;
/** Payloads in both languages. */
const hostile = (): SeedText => ({ it: payload(), en: payload() });

/** Fields of at most 40 characters get the short payloads; every other text field holds 120 or more. */
const SHORT_FIELDS = new Set(['acronym', 'code', 'shortName']);

/** Replaces every localized text ({ it, en }) in a value, at any depth, with payloads. */
function poison<T>(value: T, key = ''): T {
  if (Array.isArray(value)) return value.map((item) => poison(item)) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const text = value as unknown as Partial<SeedText>;
    const isText = entries.length === 2 && typeof text.it === 'string' && typeof text.en === 'string';
    if (isText) return (SHORT_FIELDS.has(key) ? { it: shortPayload(), en: shortPayload() } : hostile()) as T;
    return Object.fromEntries(entries.map(([name, inner]) => [name, poison(inner, name)])) as T;
  }
  return value;
}

/** The same SeedText in both languages. */
const same = (text: string): SeedText => ({ it: text, en: text });

export function batteryBundle(): SeedBundle {
  const base = generateBundle({
    projects: 2,
    seed: 7,
    partnerPoolFactor: 300,
    partnersPerProject: 6,
    actionsPerProject: 2,
    communitiesPerProject: 1,
    fundingLines: 2,
    themes: 3,
  });
  // Hostile: every text of every type poisoned, codes and short strings too.
  const partners = base.partners.map((partner, i) =>
    i < 6 ? { ...poison(partner), shortName: shortPayload(), alternativeNames: [payload(), payload()] } : partner,
  );
  const [first, second] = base.projects as [SeedProject, SeedProject];
  const hostileProject: SeedProject = {
    ...poison(first),
    slug: HOSTILE_PROJECT,
    acronym: shortPayload(),
    grantAgreementNumber: payload().slice(0, 60),
    internalReference: shortPayload(),
    partnerships: first.partnerships.map((p) => ({ ...p, note: hostile() })),
    otherAmounts: [{ label: hostile(), amount: 1000, note: hostile() }],
    actions: first.actions.map((action) => ({ ...poison(action), code: shortPayload() })),
    communities: first.communities.map((community) => ({ ...poison(community), slug: `${HOSTILE_PROJECT}-cop`, code: shortPayload() })),
  };

  // Extreme but valid.
  const maxTitle = (start: string) => `${start} ${'lunghissimo-titolo-senza-spazi-'.repeat(20)}`.slice(0, 250);
  const manyPartners: SeedProject = {
    ...second,
    slug: EXTREME.manyPartners,
    acronym: 'MOLTI',
    title: { it: 'Progetto con cinquecento partner', en: 'Project with five hundred partners' },
    partnerships: base.partners
      .slice(0, MANY_PARTNERS)
      .map((partner, i) => ({ partner: partner.slug, role: i === 0 ? 'lead' : 'partner' })),
    actions: second.actions.slice(0, 1),
    communities: second.communities.map((community) => ({
      ...community,
      slug: `${EXTREME.manyPartners}-cop`,
      members: base.partners.slice(0, 100).map((p) => p.slug),
    })),
  };
  const longTitle: SeedProject = {
    ...second,
    slug: EXTREME.longTitle,
    acronym: 'A'.repeat(40),
    title: { it: maxTitle('Titolo'), en: maxTitle('Title') },
    subtitle: same('S'.repeat(255)),
    summary: same(`${'Sintesi '.repeat(40)}`.slice(0, 320)),
    partnerships: second.partnerships.slice(0, 2),
    actions: [],
    communities: [],
  };
  // Nothing optional: no dates, budget, funding line, themes, partners, links, actions, communities.
  const bare: SeedProject = {
    source: 'battery',
    slug: EXTREME.bare,
    acronym: 'NUDO',
    title: { it: 'Progetto senza dati facoltativi', en: 'Project with no optional data' },
    summary: { it: 'Solo i campi obbligatori.', en: 'Required fields only.' },
    otherAmounts: [],
    partnerships: [],
    themes: [],
    links: [],
    actions: [],
    communities: [],
  };
  const rtl: SeedProject = {
    ...second,
    slug: EXTREME.rtl,
    acronym: '🌍 مرحبا',
    title: { it: 'مشروع الاندماج 🇮🇹🇪🇺 פרויקט שילוב 👩‍👩‍👧‍👦', en: 'مشروع الاندماج 🇮🇹🇪🇺 Integration 👩🏽‍🏫' },
    summary: { it: 'نص عربي من اليمين إلى اليسار مع emoji 🎉 e testo italiano.', en: 'טקסט בעברית 🎉 and English text.' },
    description: { it: '## عنوان\n\nفقرة **عربية** مع [رابط](https://example.org).\n\n- 🍝 uno\n- 🥙 اثنان', en: '## כותרת\n\nפסקה 😀.' },
    fundingLine: undefined,
    communities: [],
    actions: second.actions.map((action) => ({ ...action, title: same('عمل 🎯 action') })),
  };

  const raw = {
    settings: {
      ...poison(base.settings),
      siteName: { it: '<script>window.__pwned=30</script>Portale', en: '"><img src=x onerror=alert(31)>Portal' },
    },
    themes: poison(base.themes),
    fundingLines: base.fundingLines.map((line, i) => (i === 0 ? { ...poison(line), programmingPeriod: line.programmingPeriod } : line)),
    partners: [
      ...partners,
      {
        slug: 'extreme-partner-rtl',
        name: { it: 'جمعية الاندماج 🤝 עמותה', en: 'جمعية الاندماج 🤝 Association' },
        organisationType: 'ngo' as const,
        namesInSources: ['battery'],
      },
      {
        slug: 'extreme-partner-long-name',
        name: same(`Ente ${'con-un-nome-lunghissimo-'.repeat(12)}`.slice(0, 250)),
        organisationType: 'ngo' as const,
        namesInSources: ['battery'],
      },
    ],
    projects: [
      hostileProject,
      manyPartners,
      longTitle,
      bare,
      {
        ...rtl,
        partnerships: [
          ...rtl.partnerships,
          { partner: 'extreme-partner-rtl', role: 'partner' as const },
          { partner: 'extreme-partner-long-name', role: 'partner' as const },
        ],
      },
    ],
  };
  const result = SeedBundleSchema.safeParse(raw);
  if (!result.success) throw new Error(`the battery bundle is invalid:\n${formatIssues(result.error)}`);
  return result.data;
}

/** The site paths, in both languages, of routes; for list pages every language has one. */
const inBothLanguages = (routes: Route[]) => LOCALES.flatMap((locale) => routes.map((route) => href(locale, route)));

/** Where the hostile content shows: every template, in both languages (status pages only where projects have that status). */
export function hostilePages(bundle: SeedBundle): string[] {
  const hostilePartners = bundle.partners.slice(0, 6);
  return inBothLanguages([
    { page: 'home' },
    { page: 'projects' },
    { page: 'project', slug: HOSTILE_PROJECT },
    ...(Object.keys(STATUS_LABELS) as ProjectStatus[]).map((status): Route => ({ page: 'status', status })),
    { page: 'partners' },
    ...hostilePartners.map((p): Route => ({ page: 'partner', slug: p.slug })),
    { page: 'fundingLines' },
    ...bundle.fundingLines.map((f): Route => ({ page: 'fundingLine', slug: f.slug })),
    { page: 'community', slug: `${HOSTILE_PROJECT}-cop` },
    { page: 'themes' },
    ...bundle.themes.map((t): Route => ({ page: 'theme', slug: t.slug })),
    { page: 'countries' },
    ...[...new Set(hostilePartners.map((p) => p.country).filter((c) => c !== undefined))].map(
      (code): Route => ({ page: 'country', code: code.toLowerCase() }),
    ),
    { page: 'data' },
    { page: 'legal' },
    { page: 'privacy' },
    { page: 'contacts' },
    { page: 'accessibility' },
  ]);
}

/** The pages holding the extreme content, and the lists they appear in, in both languages. */
export const extremePages = (): string[] =>
  inBothLanguages([
    ...Object.values(EXTREME).map((slug): Route => ({ page: 'project', slug })),
    { page: 'partner', slug: 'extreme-partner-rtl' },
    { page: 'partner', slug: 'extreme-partner-long-name' },
    { page: 'partners' },
    { page: 'projects' },
    { page: 'home' },
  ]);
