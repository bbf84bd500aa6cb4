import type { Locale } from 'shared-types';
import type { Route } from './routes.ts';

// Labels of enumeration values live with the enumerations: the admin shows the same words.
export {
  ACTION_TYPE_LABELS,
  FUNDING_STATEMENTS,
  LINK_KIND_LABELS,
  MANAGEMENT_MODE_LABELS,
  ORGANISATION_LABELS,
  ROLE_LABELS,
} from 'shared-types/enum-labels';

/** Interface text of the site in both languages. Content text comes from the CMS. */
const UI = {
  skipToContent: { it: 'Vai al contenuto', en: 'Skip to content' },
  home: { it: 'Home', en: 'Home' },
  projects: { it: 'Progetti', en: 'Projects' },
  partner: { it: 'Partner', en: 'Partner' },
  partners: { it: 'Partner', en: 'Partners' },
  notes: { it: 'Note', en: 'Notes' },
  fundingLines: { it: 'Linee di finanziamento', en: 'Funding lines' },
  communities: { it: 'Comunità di pratica', en: 'Communities of practice' },
  themes: { it: 'Temi', en: 'Themes' },
  countries: { it: 'Paesi', en: 'Countries' },
  statistics: { it: 'Statistiche', en: 'Statistics' },
  openData: { it: 'Dati aperti', en: 'Open data' },
  search: { it: 'Cerca', en: 'Search' },
  legal: { it: 'Note legali', en: 'Legal notes' },
  privacy: { it: 'Privacy', en: 'Privacy' },
  contacts: { it: 'Contatti', en: 'Contacts' },
  accessibility: { it: 'Dichiarazione di accessibilità', en: 'Accessibility statement' },
  mainMenu: { it: 'Menu principale', en: 'Main menu' },
  breadcrumb: { it: 'Percorso di navigazione', en: 'Breadcrumb' },
  languageSwitch: { it: 'Read this page in English', en: 'Leggi questa pagina in italiano' },
  languageSwitchShort: { it: 'EN', en: 'IT' },
  lastUpdate: { it: 'Ultimo aggiornamento', en: 'Last updated' },
  sourceUpdated: { it: 'Aggiornato alla fonte il', en: 'Source updated on' },
  status: { it: 'Stato', en: 'Status' },
  period: { it: 'Periodo', en: 'Period' },
  duration: { it: 'Durata', en: 'Duration' },
  fundingLine: { it: 'Linea di finanziamento', en: 'Funding line' },
  totalBudget: { it: 'Budget totale', en: 'Total budget' },
  euContribution: { it: 'Contributo UE', en: 'EU contribution' },
  otherAmounts: { it: 'Altri importi', en: 'Other amounts' },
  notStated: { it: 'non indicato dalla fonte', en: 'not stated in the source' },
  grantAgreement: { it: 'Grant agreement n.', en: 'Grant agreement no.' },
  internalReference: { it: 'Codice progetto', en: 'Project code' },
  references: { it: 'Riferimenti', en: 'References' },
  keyFacts: { it: 'In sintesi', en: 'Key facts' },
  description: { it: 'Il progetto', en: 'About the project' },
  objectives: { it: 'Obiettivi', en: 'Objectives' },
  expectedResults: { it: 'Risultati attesi', en: 'Expected results' },
  targetGroups: { it: 'Destinatari', en: 'Target groups' },
  administrationRole: { it: 'Il ruolo dell’amministrazione', en: 'Our administration’s role' },
  actions: { it: 'Azioni', en: 'Actions' },
  partnership: { it: 'Partenariato', en: 'Partnership' },
  documentsAndLinks: { it: 'Documenti e link', en: 'Documents and links' },
  officialWebsite: { it: 'Sito ufficiale del progetto', en: 'Official project website' },
  relatedProjects: { it: 'Progetti collegati', en: 'Related projects' },
  members: { it: 'Partner membri', en: 'Member partners' },
  membersNotStated: { it: 'La fonte non elenca i membri.', en: 'The source does not list the members.' },
  guidingQuestion: { it: 'Domanda guida', en: 'Guiding question' },
  project: { it: 'Progetto', en: 'Project' },
  projectsOfPartner: { it: 'Progetti', en: 'Projects' },
  role: { it: 'Ruolo', en: 'Role' },
  country: { it: 'Paese', en: 'Country' },
  countryNotStated: { it: 'Paese non indicato', en: 'Country not stated' },
  organisationType: { it: 'Tipo di organizzazione', en: 'Type of organisation' },
  alsoKnownAs: { it: 'Noto anche come', en: 'Also known as' },
  website: { it: 'Sito web', en: 'Website' },
  programme: { it: 'Programma', en: 'Programme' },
  programmingPeriod: { it: 'Periodo di programmazione', en: 'Programming period' },
  managingBody: { it: 'Ente gestore', en: 'Managing body' },
  managementMode: { it: 'Modalità di gestione', en: 'Management mode' },
  callReference: { it: 'Avviso', en: 'Call' },
  decreeReference: { it: 'Decreto', en: 'Decree' },
  specificObjective: { it: 'Obiettivo specifico', en: 'Specific objective' },
  applicationAreas: { it: 'Ambiti di applicazione', en: 'Areas of application' },
  noFundingLine: { it: 'La fonte non indica la linea di finanziamento.', en: 'The source does not name the funding line.' },
  totals: { it: 'Totali dei progetti', en: 'Project totals' },
  budgetsStated: { it: 'di budget indicati dalle fonti', en: 'in budgets stated by the sources' },
  ongoingProjects: { it: 'Progetti in corso', en: 'Ongoing projects' },
  allProjects: { it: 'Tutti i progetti', en: 'All projects' },
  exploreProjects: { it: 'Esplora i progetti', en: 'Explore the projects' },
  filters: { it: 'Filtri', en: 'Filters' },
  filterByStatus: { it: 'Per stato', en: 'By status' },
  filterByFundingLine: { it: 'Per linea di finanziamento', en: 'By funding line' },
  filterByTheme: { it: 'Per tema', en: 'By theme' },
  filterByCountry: { it: 'Per paese dei partner', en: 'By partner country' },
  filterByPartner: { it: 'Per partner', en: 'By partner' },
  textSearch: { it: 'Cerca nei progetti', en: 'Search the projects' },
  sortBy: { it: 'Ordina per', en: 'Sort by' },
  sortTitle: { it: 'Titolo', en: 'Title' },
  sortStartNewest: { it: 'Inizio (più recenti)', en: 'Start (newest)' },
  sortBudget: { it: 'Budget (maggiore)', en: 'Budget (largest)' },
  any: { it: 'Tutti', en: 'All' },
  resetFilters: { it: 'Azzera i filtri', en: 'Clear filters' },
  result: { it: 'risultato', en: 'result' },
  results: { it: 'risultati', en: 'results' },
  noResults: { it: 'Nessun progetto corrisponde ai filtri.', en: 'No project matches the filters.' },
  showMore: { it: 'Mostra altri progetti', en: 'Show more projects' },
  shownOf: { it: 'mostrati {n}', en: '{n} shown' },
  explorerLoadFailed: {
    it: 'Non è stato possibile caricare i filtri: sfoglia l’elenco per pagine o per stato, linea di finanziamento, tema e paese.',
    en: 'The filters could not be loaded: browse the list by page or by status, funding line, theme and country.',
  },
  copyLink: { it: 'Il link di questa pagina conserva i filtri.', en: 'This page’s link keeps the filters.' },
  partnersByCountry: { it: 'Partner per paese', en: 'Partners by country' },
  mapTitle: { it: 'Paesi dei partner', en: 'Partner countries' },
  notFoundTitle: { it: 'Pagina non trovata', en: 'Page not found' },
  backToTop: { it: 'Torna su', en: 'Back to top' },
  licence: { it: 'Contenuti pubblicati con licenza CC BY 4.0', en: 'Content published under CC BY 4.0' },
  printSheet: { it: 'Stampa la scheda', en: 'Print the project sheet' },
  searchPlaceholder: { it: 'Progetti, partner, temi...', en: 'Projects, partners, themes...' },
  entries: { it: 'voci', en: 'entries' },
  pageType: { it: 'Tipo di pagina', en: 'Type of page' },
} as const satisfies Record<string, Record<Locale, string>>;

export type UiKey = keyof typeof UI;

const LIST = { it: 'Elenco', en: 'List' };
const ABOUT = { it: 'Informazioni sul sito', en: 'About the site' };
const FIGURES = { it: 'Dati e statistiche', en: 'Data and statistics' };
/**
 * What kind of page each route is, as the search page's "Tipo di pagina" filter names it. Every
 * kind of page is named here (the type checks it), so a new one cannot go unfiltered.
 */
export const PAGE_TYPE_LABELS: Record<Route['page'], Record<Locale, string>> = {
  project: UI.project,
  partner: UI.partner,
  theme: { it: 'Tema', en: 'Theme' },
  fundingLine: UI.fundingLine,
  community: { it: 'Comunità di pratica', en: 'Community of practice' },
  country: UI.country,
  projects: LIST,
  status: LIST,
  partners: LIST,
  fundingLines: LIST,
  themes: LIST,
  countries: LIST,
  statistics: FIGURES,
  data: FIGURES,
  home: { it: 'Pagina iniziale', en: 'Home page' },
  search: ABOUT,
  legal: ABOUT,
  privacy: ABOUT,
  contacts: ABOUT,
  accessibility: ABOUT,
};

const NOUNS = {
  project: { it: ['progetto', 'progetti'], en: ['project', 'projects'] },
  partner: { it: ['partner', 'partner'], en: ['partner', 'partners'] },
  country: { it: ['paese', 'paesi'], en: ['country', 'countries'] },
  community: { it: ['comunità di pratica', 'comunità di pratica'], en: ['community of practice', 'communities of practice'] },
} as const;

/** The noun agreeing with a number: "progetto" for 1, "progetti" otherwise. */
export const nounFor = (locale: Locale, n: number, noun: keyof typeof NOUNS): string => NOUNS[noun][locale][n === 1 ? 0 : 1];

/** "1 progetto", "5 progetti", "1 project", "5 projects". */
export const count = (locale: Locale, n: number, noun: keyof typeof NOUNS): string => `${n} ${nounFor(locale, n, noun)}`;

export const t = (locale: Locale, key: UiKey): string => UI[key][locale];

const countryNames = {
  it: new Intl.DisplayNames(['it'], { type: 'region' }),
  en: new Intl.DisplayNames(['en-GB'], { type: 'region' }),
};

/** "Paesi Bassi" / "Netherlands" from "NL". */
const countryNameCache = new Map<string, string>();
export const countryName = (code: string, locale: Locale): string => {
  const key = `${locale}:${code}`;
  return countryNameCache.get(key) ?? countryNameCache.set(key, countryNames[locale].of(code) ?? code).get(key)!;
};

/** "FAMI – FAMI 2021-2027 ..." says the acronym twice: name it once when the name starts with it. */
export const fundingLineLabel = (line: { acronym: string; name: string }): string =>
  line.name.startsWith(line.acronym) ? line.name : `${line.acronym} – ${line.name}`;

/**
 * A funding line where space is short (cards, key facts): its acronym, with its period when
 * another line of the portfolio has the same acronym ("FAMI (2014-2020)", "FAMI (2021-2027)").
 */
export const fundingLineShortLabel = (
  line: { documentId: string; acronym: string; programmingPeriod?: string | null },
  lines: ReadonlyArray<{ documentId: string; acronym: string }>,
): string =>
  line.programmingPeriod && lines.some((other) => other.documentId !== line.documentId && other.acronym === line.acronym)
    ? `${line.acronym} (${line.programmingPeriod})`
    : line.acronym;

/** Locale-aware alphabetical comparison. */
export const byText = (locale: Locale) => new Intl.Collator(locale, { sensitivity: 'base' }).compare;
