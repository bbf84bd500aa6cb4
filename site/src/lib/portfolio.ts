import { getCollection, type CollectionKey } from 'astro:content';
import {
  newestDate,
  partnershipNote,
  projectStatus,
  sumKnown,
  type Action,
  type CommunityOfPractice,
  type FundingLine,
  type Locale,
  type Partner,
  type PartnerRole,
  type Project,
  type ProjectStatus,
  type SiteSetting,
  type Theme,
} from 'shared-types';
import { buildDate } from './build-date.ts';
import { timed } from './build-timing.ts';
import { entryDigest, shareDigest } from './digest.ts';
import { groupBy } from './group-by.ts';
import { byText, fundingLineShortLabel } from './i18n.ts';

/** A project with its relations resolved, as project pages, cards and the explorer need it. */
export interface ProjectView {
  project: Project;
  status: ProjectStatus;
  fundingLine: FundingLine | null;
  /** The funding line's acronym, with its period where two lines share the acronym. */
  fundingLineLabel: string | null;
  themes: Theme[];
  partnerships: Array<{ partner: Partner; role: PartnerRole; note: string | null }>;
  actions: Action[];
  communities: CommunityView[];
  countries: string[];
  /** Latest update of the project or anything shown on its page. */
  updatedAt: string;
}

export interface CommunityView {
  community: CommunityOfPractice;
  project: Project | null;
  theme: Theme | null;
  members: Partner[];
}

export interface PartnerView {
  partner: Partner;
  projects: Array<{ view: ProjectView; roles: PartnerRole[]; notes: string[] }>;
  communities: CommunityView[];
}

export interface FundingLineView {
  fundingLine: FundingLine;
  /** Its acronym, with its period where two lines share the acronym. */
  shortLabel: string;
  projects: ProjectView[];
  totalBudget: number | null;
  euContribution: number | null;
}

export interface ThemeView {
  theme: Theme;
  projects: ProjectView[];
  communities: CommunityView[];
}

export interface Portfolio {
  locale: Locale;
  settings: SiteSetting;
  projects: ProjectView[];
  partners: PartnerView[];
  fundingLines: FundingLineView[];
  themes: ThemeView[];
  communities: CommunityView[];
  /** Country codes with at least one partner, sorted by name. */
  countries: string[];
  /** The newest update of any content (the site's "last update"). */
  updatedAt: string;
}

/** The entries of one collection in one locale (each collection holds both). */
async function entries<T>(name: CollectionKey, locale: Locale): Promise<T[]> {
  const all = await getCollection(name);
  return all
    .map((entry) => {
      // The page keys take the entry's stored digest rather than hashing it again (lib/digest.ts).
      if (entry.digest) entryDigest(entry.data, String(entry.digest));
      return entry.data as T & { locale: string };
    })
    .filter((data) => data.locale === locale);
}

async function build(locale: Locale): Promise<Portfolio> {
  const [projects, partners, actions, communities, fundingLines, themes, settingsList] = await Promise.all([
    entries<Project>('projects', locale),
    entries<Partner>('partners', locale),
    entries<Action>('actions', locale),
    entries<CommunityOfPractice>('communities', locale),
    entries<FundingLine>('fundingLines', locale),
    entries<Theme>('themes', locale),
    entries<SiteSetting>('siteSettings', locale),
  ]);
  const settings = settingsList[0];
  if (!settings) throw new Error(`The CMS has no published site settings in locale "${locale}": publish "Impostazioni del sito".`);

  const compare = byText(locale);
  const index = <T extends { documentId: string }>(items: T[]) => new Map(items.map((item) => [item.documentId, item]));
  /** A lookup of items by every key `keysOf` gives them: the joins below stay linear at any scale. */
  const grouped = <T>(items: T[], keysOf: (item: T) => Array<string | undefined>) => {
    const groups = groupBy(items, keysOf);
    return (key: string): T[] => groups.get(key) ?? [];
  };
  const partnerById = index(partners);
  const themeById = index(themes);
  const fundingLineById = index(fundingLines);
  const projectById = index(projects);
  const today = buildDate();

  // Every view is shown by many pages: shared for the page keys' digests (digest.ts).
  const communityViews: CommunityView[] = communities
    .map((community) =>
      shareDigest({
        community,
        project: community.project ? (projectById.get(community.project.documentId) ?? null) : null,
        theme: community.theme ? (themeById.get(community.theme.documentId) ?? null) : null,
        members: community.members
          .map((ref) => partnerById.get(ref.documentId))
          .filter((p): p is Partner => p !== undefined)
          .sort((a, b) => compare(a.name, b.name)),
      }),
    )
    .sort((a, b) => (a.community.order ?? 0) - (b.community.order ?? 0) || compare(a.community.title, b.community.title));
  const actionsOf = grouped(actions, (a) => [a.project?.documentId]);
  const communitiesOf = grouped(communityViews, (c) => [c.project?.documentId]);
  const communitiesWithMember = grouped(communityViews, (c) => c.members.map((m) => m.documentId));

  const projectViews: ProjectView[] = projects
    .map((project) => {
      const partnerships = project.partnerships.flatMap((p) => {
        const partner = p.partner ? partnerById.get(p.partner.documentId) : undefined;
        return partner ? [{ partner, role: p.role, note: partnershipNote(p, locale) }] : [];
      });
      const projectActions = [...actionsOf(project.documentId)].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      const projectCommunities = communitiesOf(project.documentId);
      const countries = [...new Set(partnerships.map((p) => p.partner.country).filter((c): c is string => !!c))].sort();
      const fundingLine = project.fundingLine ? (fundingLineById.get(project.fundingLine.documentId) ?? null) : null;
      return shareDigest({
        project,
        status: projectStatus(project, today),
        fundingLine,
        fundingLineLabel: fundingLine && fundingLineShortLabel(fundingLine, fundingLines),
        themes: project.themes.map((ref) => themeById.get(ref.documentId)).filter((t): t is Theme => t !== undefined),
        partnerships,
        actions: projectActions,
        communities: projectCommunities,
        countries,
        updatedAt: newestDate([
          project.updatedAt,
          ...projectActions.map((a) => a.updatedAt),
          ...projectCommunities.map((c) => c.community.updatedAt),
        ]),
      });
    })
    .sort((a, b) => compare(a.project.acronym, b.project.acronym));

  const projectsWithPartner = grouped(projectViews, (view) => view.partnerships.map((p) => p.partner.documentId));
  const partnerViews: PartnerView[] = partners
    .map((partner) =>
      shareDigest({
        partner,
        projects: projectsWithPartner(partner.documentId).map((view) => {
          const rows = view.partnerships.filter((p) => p.partner.documentId === partner.documentId);
          return { view, roles: [...new Set(rows.map((r) => r.role))], notes: rows.flatMap((r) => (r.note ? [r.note] : [])) };
        }),
        communities: communitiesWithMember(partner.documentId),
      }),
    )
    .sort((a, b) => compare(a.partner.name, b.partner.name));

  const projectsOfLine = grouped(projectViews, (view) => [view.fundingLine?.documentId]);
  const fundingLineViews: FundingLineView[] = fundingLines
    .map((fundingLine) => {
      const lineProjects = projectsOfLine(fundingLine.documentId);
      return shareDigest({
        fundingLine,
        shortLabel: fundingLineShortLabel(fundingLine, fundingLines),
        projects: lineProjects,
        totalBudget: sumKnown(lineProjects.map((v) => v.project.totalBudget)),
        euContribution: sumKnown(lineProjects.map((v) => v.project.euContribution)),
      });
    })
    .sort((a, b) => compare(a.fundingLine.name, b.fundingLine.name));

  const projectsWithTheme = grouped(projectViews, (view) => view.themes.map((t) => t.documentId));
  const communitiesWithTheme = grouped(communityViews, (c) => [c.theme?.documentId]);
  const themeViews: ThemeView[] = themes
    .map((theme) =>
      shareDigest({ theme, projects: projectsWithTheme(theme.documentId), communities: communitiesWithTheme(theme.documentId) }),
    )
    .sort((a, b) => compare(a.theme.name, b.theme.name));

  const countries = [...new Set(partners.map((p) => p.country).filter((c): c is string => !!c))];

  return shareDigest({
    locale,
    settings,
    projects: projectViews,
    partners: partnerViews,
    fundingLines: fundingLineViews,
    themes: themeViews,
    communities: communityViews,
    countries,
    updatedAt: newestDate([
      settings.updatedAt,
      ...[...projects, ...partners, ...actions, ...communities, ...fundingLines, ...themes].map((e) => e.updatedAt),
    ]),
  });
}

const cache = new Map<Locale, Promise<Portfolio>>();

/** The whole published portfolio in one language, joined once per build. */
export function getPortfolio(locale: Locale): Promise<Portfolio> {
  let portfolio = cache.get(locale);
  if (!portfolio) cache.set(locale, (portfolio = timed(`portfolio views (${locale})`, () => build(locale))));
  return portfolio;
}
