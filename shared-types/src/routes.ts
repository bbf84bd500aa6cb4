import type { Locale, ProjectStatus } from './enums.ts';

/**
 * A page of a list split into pages (lib/pagination.ts): 1, the default, is the list's own URL;
 * page n > 1 is that URL followed by pagina/n/ (page/n/ in English).
 */
interface Paged {
  pageNumber?: number;
}

/** Every page of the site. The URL scheme for both languages lives here and nowhere else. */
export type Route =
  | { page: 'home' }
  | ({ page: 'projects' } & Paged)
  | { page: 'project'; slug: string }
  | ({ page: 'status'; status: ProjectStatus } & Paged)
  | ({ page: 'partners' } & Paged)
  | { page: 'partner'; slug: string }
  | { page: 'fundingLines' }
  | ({ page: 'fundingLine'; slug: string } & Paged)
  | { page: 'community'; slug: string }
  | { page: 'themes' }
  | ({ page: 'theme'; slug: string } & Paged)
  | { page: 'countries' }
  | ({ page: 'country'; code: string } & Paged)
  | { page: 'statistics' }
  | { page: 'data' }
  | { page: 'search' }
  | { page: 'legal' }
  | { page: 'privacy' }
  | { page: 'contacts' }
  | { page: 'accessibility' };

export type PageName = Route['page'];

/** The props every page component receives from the router. */
export interface PageProps<P extends PageName = PageName> {
  locale: Locale;
  route: Extract<Route, { page: P }>;
}

const SEGMENTS = {
  it: {
    projects: 'progetti',
    status: 'progetti/stato',
    partners: 'partner',
    fundingLines: 'linee-di-finanziamento',
    communities: 'comunita-di-pratica',
    themes: 'temi',
    countries: 'paesi',
    statistics: 'statistiche',
    data: 'dati',
    search: 'cerca',
    legal: 'note-legali',
    privacy: 'privacy',
    contacts: 'contatti',
    accessibility: 'accessibilita',
    pageNumber: 'pagina',
  },
  en: {
    projects: 'projects',
    status: 'projects/status',
    partners: 'partners',
    fundingLines: 'funding',
    communities: 'communities',
    themes: 'themes',
    countries: 'countries',
    statistics: 'statistics',
    data: 'data',
    search: 'search',
    legal: 'legal-notes',
    privacy: 'privacy',
    contacts: 'contacts',
    accessibility: 'accessibility',
    pageNumber: 'page',
  },
} as const;

export const STATUS_SLUGS: Record<Locale, Record<ProjectStatus, string>> = {
  it: {
    grant_agreement_in_preparation: 'grant-agreement-in-preparazione',
    planned: 'in-avvio',
    ongoing: 'in-corso',
    completed: 'conclusi',
    suspended: 'sospesi',
    cancelled: 'annullati',
    not_stated: 'non-indicato',
  },
  en: {
    grant_agreement_in_preparation: 'grant-agreement-in-preparation',
    planned: 'planned',
    ongoing: 'ongoing',
    completed: 'completed',
    suspended: 'suspended',
    cancelled: 'cancelled',
    not_stated: 'not-stated',
  },
};

/** Path of a page in a language, always with a trailing slash: /progetti/pleiadi/, /en/projects/pleiadi/. */
export function href(locale: Locale, route: Route): string {
  const s = SEGMENTS[locale];
  const prefix = locale === 'it' ? '/' : '/en/';
  const path = (() => {
    switch (route.page) {
      case 'home':
        return '';
      case 'projects':
        return `${s.projects}/`;
      case 'project':
        return `${s.projects}/${route.slug}/`;
      case 'status':
        return `${s.status}/${STATUS_SLUGS[locale][route.status]}/`;
      case 'partners':
        return `${s.partners}/`;
      case 'partner':
        return `${s.partners}/${route.slug}/`;
      case 'fundingLines':
        return `${s.fundingLines}/`;
      case 'fundingLine':
        return `${s.fundingLines}/${route.slug}/`;
      case 'community':
        return `${s.communities}/${route.slug}/`;
      case 'themes':
        return `${s.themes}/`;
      case 'theme':
        return `${s.themes}/${route.slug}/`;
      case 'countries':
        return `${s.countries}/`;
      case 'country':
        return `${s.countries}/${route.code.toLowerCase()}/`;
      default:
        return `${s[route.page]}/`;
    }
  })();
  const pageNumber = 'pageNumber' in route && route.pageNumber && route.pageNumber > 1 ? `${s.pageNumber}/${route.pageNumber}/` : '';
  return `${prefix}${path}${pageNumber}`;
}

const origins = new Map<string, string>();
/**
 * The absolute URL of a site path (`/progetti/pleiadi/`), as `new URL(path, site).href` gives it.
 * A path of the characters URLs keep as they are, with no dot segment (every path href makes), is
 * joined to the site's origin: parsing a URL for each of the 23,000 links of the sitemap at a thousand projects cost
 * more than the rest of it.
 */
export function absoluteUrl(site: string | URL, path: string): string {
  // Other characters are encoded, and `.` and `..` segments resolved: by URL itself.
  if (!/^\/[A-Za-z0-9\-._~/]*$/.test(path) || /\/\.\.?(\/|$)/.test(path)) return new URL(path, site).href;
  const key = String(site);
  let origin = origins.get(key);
  if (origin === undefined) origins.set(key, (origin = new URL(key).origin));
  return `${origin}${path}`;
}

/** What documentRoute needs of a document: its slug, and an action's project's slug. */
export interface DocumentFields {
  slug?: string | null;
  project?: { slug?: string | null } | null;
}

/**
 * The page a document of a CMS type is shown on (by its uid), or null when it has none: actions
 * show on their project's page, the site settings on the home page. Used by the preview server
 * and the admin's "Vedi sul sito" link.
 */
export function documentRoute(uid: string, doc: DocumentFields): Route | null {
  const slug = doc.slug ?? '';
  switch (uid) {
    case 'api::project.project':
      return slug ? { page: 'project', slug } : null;
    case 'api::partner.partner':
      return slug ? { page: 'partner', slug } : null;
    case 'api::funding-line.funding-line':
      return slug ? { page: 'fundingLine', slug } : null;
    case 'api::theme.theme':
      return slug ? { page: 'theme', slug } : null;
    case 'api::community-of-practice.community-of-practice':
      return slug ? { page: 'community', slug } : null;
    case 'api::action.action':
      return doc.project?.slug ? { page: 'project', slug: doc.project.slug } : null;
    case 'api::site-setting.site-setting':
      return { page: 'home' };
    default:
      return null;
  }
}

/** The catch-all route's `path` param for a page ("progetti/pleiadi", undefined for the Italian home). */
export function pathParam(locale: Locale, route: Route): string | undefined {
  const path = href(locale, route).replace(/^\/|\/$/g, '');
  return path === '' ? undefined : path;
}

export const otherLocale = (locale: Locale): Locale => (locale === 'it' ? 'en' : 'it');
