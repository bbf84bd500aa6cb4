import { alternativeNameList, STATUS_LABELS, type Action } from 'shared-types';
import { ACTION_TYPE_LABELS, FUNDING_STATEMENTS, MANAGEMENT_MODE_LABELS, ORGANISATION_LABELS, ROLE_LABELS, countryName } from '../i18n.ts';
import type { CommunityView, FundingLineView, PartnerView, ProjectView, ThemeView } from '../portfolio.ts';
import {
  codes,
  count,
  dataset,
  DATE_PRECISIONS,
  euro,
  idColumn,
  list,
  localeColumn,
  slugColumn,
  text,
  unique,
  updatedColumn,
  urlColumn,
  type Column,
} from './columns.ts';

/** The datasets of the published collections: one row per entity per language. */

/** Start or end date of a project: the date, its precision and whether it is an estimate. */
function dateColumns(prefix: 'start' | 'end', get: (view: ProjectView) => ProjectView['project']['startDate']): Column<ProjectView>[] {
  const what = prefix === 'start' ? { it: 'inizio', en: 'start' } : { it: 'fine', en: 'end' };
  return [
    {
      name: `${prefix}_date`,
      type: 'date',
      description: {
        it: `Data di ${what.it} del progetto; se nota solo al mese o all'anno, è il primo giorno del periodo (vedi ${prefix}_date_precision). Vuota se la fonte non la indica.`,
        en: `Project ${what.en} date; when known only to the month or year it is the first day of that period (see ${prefix}_date_precision). Empty when the source does not state it.`,
      },
      value: (view) => get(view)?.date ?? null,
    },
    {
      name: `${prefix}_date_precision`,
      type: 'code',
      description: { it: `Precisione con cui è nota ${prefix}_date.`, en: `How precisely ${prefix}_date is known.` },
      values: codes(DATE_PRECISIONS),
      value: (view) => get(view)?.precision ?? null,
    },
    {
      name: `${prefix}_date_estimated`,
      type: 'boolean',
      description: {
        it: `true se ${prefix}_date è una data prevista e non ancora confermata.`,
        en: `true when ${prefix}_date is expected rather than confirmed.`,
      },
      value: (view) => (get(view) ? get(view)?.estimated === true : null),
    },
  ];
}

export const projects = dataset<ProjectView>({
  name: 'projects',
  title: { it: 'Progetti', en: 'Projects' },
  description: {
    it: "I progetti finanziati dall'Unione europea per l'integrazione dei cittadini migranti: date, importi, linea di finanziamento, temi e partenariato.",
    en: 'The EU-funded projects for the integration of migrants: dates, amounts, funding line, themes and partnership.',
  },
  items: (portfolio) => portfolio.projects,
  sortKey: (view) => view.project.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'del progetto', en: 'the project' }, (v) => v.project.documentId),
    slugColumn('slug', { it: 'del progetto', en: 'the project' }, (v) => v.project.slug),
    text('acronym', { it: 'Acronimo o nome breve del progetto.', en: 'Acronym or short name of the project.' }, (v) => v.project.acronym),
    text('title', { it: 'Titolo del progetto.', en: 'Project title.' }, (v) => v.project.title),
    text('subtitle', { it: 'Sottotitolo, se presente.', en: 'Subtitle, if any.' }, (v) => v.project.subtitle),
    text('summary', { it: 'Sintesi del progetto (testo semplice).', en: 'Summary of the project (plain text).' }, (v) => v.project.summary),
    text('description', { it: 'Descrizione del progetto.', en: 'Description of the project.' }, (v) => v.project.description, 'markdown'),
    {
      name: 'status',
      type: 'code',
      description: {
        it: 'Stato del progetto alla data di pubblicazione del sito: deriva dalle date, salvo quando la redazione lo indica espressamente.',
        en: 'Project status on the day the site was published: derived from the dates unless the editors state it explicitly.',
      },
      values: codes(STATUS_LABELS),
      value: (v) => v.status,
    },
    ...dateColumns('start', (v) => v.project.startDate),
    ...dateColumns('end', (v) => v.project.endDate),
    {
      name: 'duration_months',
      type: 'integer',
      description: { it: 'Durata in mesi indicata dalla fonte.', en: 'Duration in months as stated by the source.' },
      value: (v) => v.project.durationMonths,
    },
    euro(
      'total_budget_eur',
      { it: 'Budget totale del progetto in euro; vuoto se non indicato.', en: 'Total project budget in euro; empty when not stated.' },
      (v) => v.project.totalBudget,
    ),
    euro(
      'eu_contribution_eur',
      { it: "Contributo dell'Unione europea in euro; vuoto se non indicato.", en: 'EU contribution in euro; empty when not stated.' },
      (v) => v.project.euContribution,
    ),
    text(
      'grant_agreement_number',
      { it: 'Numero del grant agreement (convenzione di sovvenzione).', en: 'Grant agreement number.' },
      (v) => v.project.grantAgreementNumber,
    ),
    text(
      'project_code',
      { it: 'Codice del progetto (es. CUP o codice del programma).', en: 'Project code (e.g. CUP or programme code).' },
      (v) => v.project.internalReference,
    ),
    idColumn(
      'funding_line_id',
      { it: 'della linea di finanziamento (vedi funding-lines)', en: 'the funding line (see funding-lines)' },
      (v) => v.fundingLine?.documentId,
    ),
    slugColumn('funding_line_slug', { it: 'della linea di finanziamento', en: 'the funding line' }, (v) => v.fundingLine?.slug),
    text(
      'funding_line_acronym',
      {
        it: 'Sigla della linea di finanziamento nella lingua della riga (es. FAMI / AMIF).',
        en: 'Acronym of the funding line in the language of the row (e.g. FAMI / AMIF).',
      },
      (v) => v.fundingLine?.acronym ?? null,
    ),
    list('themes', { it: 'Slug dei temi del progetto (vedi themes).', en: 'Slugs of the project themes (see themes).' }, (v) =>
      v.themes.map((t) => t.slug),
    ),
    {
      name: 'partner_roles',
      type: 'list',
      description: {
        it: `Partner del progetto come "slug-del-partner:ruolo" (vedi partners); ruoli: ${codes(ROLE_LABELS)
          .map((r) => `${r.code} (${r.label.it})`)
          .join(', ')}.`,
        en: `Project partners as "partner-slug:role" (see partners); roles: ${codes(ROLE_LABELS)
          .map((r) => `${r.code} (${r.label.en})`)
          .join(', ')}.`,
      },
      value: (v) => unique(v.partnerships.map((p) => `${p.partner.slug}:${p.role}`)),
    },
    count('partner_count', { it: 'Numero di partner distinti.', en: 'Number of distinct partners.' }, (v) =>
      unique(v.partnerships.map((p) => p.partner.documentId)),
    ),
    list(
      'countries',
      { it: 'Paesi dei partner, codici ISO 3166-1 alpha-2.', en: 'Partner countries, ISO 3166-1 alpha-2 codes.' },
      (v) => v.countries,
    ),
    text('website', { it: 'Sito ufficiale del progetto.', en: 'Official project website.' }, (v) => v.project.website),
    {
      name: 'source_updated_on',
      type: 'date',
      description: {
        it: 'Data di aggiornamento dichiarata dalla pagina ufficiale di origine.',
        en: 'Update date stated by the official source page.',
      },
      value: (v) => v.project.sourceUpdatedOn,
    },
    updatedColumn((v) => v.project.updatedAt),
    urlColumn({ it: 'Pagina del progetto su questo sito.', en: 'Project page on this site.' }, (v) => ({
      page: 'project',
      slug: v.project.slug,
    })),
  ],
});

export const partners = dataset<PartnerView>({
  name: 'partners',
  title: { it: 'Partner', en: 'Partners' },
  description: {
    it: 'Le organizzazioni che partecipano ai progetti, con paese, tipo e ruoli nei progetti.',
    en: 'The organisations taking part in the projects, with country, type and roles in the projects.',
  },
  items: (portfolio) => portfolio.partners,
  sortKey: (view) => view.partner.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'del partner', en: 'the partner' }, (v) => v.partner.documentId),
    slugColumn('slug', { it: 'del partner', en: 'the partner' }, (v) => v.partner.slug),
    text('name', { it: "Nome dell'organizzazione.", en: 'Name of the organisation.' }, (v) => v.partner.name),
    text('short_name', { it: 'Nome breve o sigla.', en: 'Short name or acronym.' }, (v) => v.partner.shortName),
    list(
      'alternative_names',
      {
        it: "Altri nomi dell'organizzazione (es. nella lingua originale), uguali nelle due lingue.",
        en: 'Other names of the organisation (e.g. in its own language), the same in both languages.',
      },
      (v) => alternativeNameList(v.partner.alternativeNames),
    ),
    {
      name: 'organisation_type',
      type: 'code',
      description: { it: 'Tipo di organizzazione.', en: 'Type of organisation.' },
      values: codes(ORGANISATION_LABELS),
      value: (v) => v.partner.organisationType,
    },
    {
      name: 'country',
      type: 'code',
      description: {
        it: 'Paese, codice ISO 3166-1 alpha-2; vuoto se la fonte non lo indica.',
        en: 'Country, ISO 3166-1 alpha-2 code; empty when the source does not state it.',
      },
      value: (v) => v.partner.country,
    },
    {
      name: 'country_name',
      type: 'string',
      description: { it: 'Nome del paese nella lingua della riga.', en: 'Country name in the language of the row.' },
      value: (v, context) => (v.partner.country ? countryName(v.partner.country, context.locale) : null),
    },
    text('city', { it: 'Città.', en: 'City.' }, (v) => v.partner.city),
    text('website', { it: "Sito web dell'organizzazione.", en: 'Website of the organisation.' }, (v) => v.partner.website),
    text(
      'description',
      { it: "Descrizione dell'organizzazione.", en: 'Description of the organisation.' },
      (v) => v.partner.description,
      'markdown',
    ),
    {
      name: 'project_roles',
      type: 'list',
      description: {
        it: 'Progetti del partner come "slug-del-progetto:ruolo" (vedi projects e la colonna partner_roles).',
        en: 'Projects of the partner as "project-slug:role" (see projects and the partner_roles column).',
      },
      value: (v) => unique(v.projects.flatMap((p) => p.roles.map((role) => `${p.view.project.slug}:${role}`))),
    },
    count('project_count', { it: 'Numero di progetti del partner.', en: 'Number of projects of the partner.' }, (v) => v.projects),
    list(
      'communities',
      {
        it: 'Slug delle comunità di pratica di cui il partner è membro.',
        en: 'Slugs of the communities of practice the partner belongs to.',
      },
      (v) => v.communities.map((c) => c.community.slug),
    ),
    updatedColumn((v) => v.partner.updatedAt),
    urlColumn({ it: 'Pagina del partner su questo sito.', en: 'Partner page on this site.' }, (v) => ({
      page: 'partner',
      slug: v.partner.slug,
    })),
  ],
});

export type ActionItem = { action: Action; view: ProjectView };

export const actions = dataset<ActionItem>({
  name: 'actions',
  title: { it: 'Azioni', en: 'Actions' },
  description: {
    it: 'Le azioni (linee di lavoro) di ciascun progetto, con tipo, destinatari e sotto-azioni.',
    en: 'The actions (work strands) of each project, with type, audience and sub-actions.',
  },
  items: (portfolio) => portfolio.projects.flatMap((view) => view.actions.map((action) => ({ action, view }))),
  sortKey: ({ action, view }) => `${view.project.slug}/${String(action.order ?? 0).padStart(6, '0')}/${action.documentId}`,
  columns: [
    localeColumn(),
    idColumn('id', { it: "dell'azione", en: 'the action' }, (a) => a.action.documentId),
    idColumn('project_id', { it: 'del progetto (vedi projects)', en: 'the project (see projects)' }, (a) => a.view.project.documentId),
    slugColumn('project_slug', { it: 'del progetto', en: 'the project' }, (a) => a.view.project.slug),
    text('project_acronym', { it: 'Acronimo del progetto.', en: 'Project acronym.' }, (a) => a.view.project.acronym),
    text(
      'code',
      { it: 'Codice dell\'azione come nella fonte (es. "Azione 01").', en: 'Action code as in the source (e.g. "Azione 01").' },
      (a) => a.action.code,
    ),
    text('title', { it: "Titolo dell'azione.", en: 'Action title.' }, (a) => a.action.title),
    {
      name: 'action_type',
      type: 'code',
      description: { it: 'Tipo di azione.', en: 'Type of action.' },
      values: codes(ACTION_TYPE_LABELS),
      value: (a) => a.action.actionType,
    },
    text('description', { it: "Descrizione dell'azione.", en: 'Description of the action.' }, (a) => a.action.description, 'markdown'),
    {
      name: 'sub_actions',
      type: 'string',
      description: {
        it: 'Sotto-azioni, una per riga nella forma "a) testo" (solo il testo se la sotto-azione non ha lettera).',
        en: 'Sub-actions, one per line as "a) text" (the text alone when the sub-action has no letter).',
      },
      value: (a) =>
        a.action.subActions.length === 0
          ? null
          : a.action.subActions.map((s) => (s.letter?.trim() ? `${s.letter.trim()}) ${s.text}` : s.text)).join('\n'),
    },
    text('target_audience', { it: "Destinatari dell'azione.", en: 'Target audience of the action.' }, (a) => a.action.targetAudience),
    {
      name: 'order',
      type: 'integer',
      description: { it: "Posizione dell'azione nel progetto.", en: 'Position of the action within the project.' },
      value: (a) => a.action.order,
    },
    updatedColumn((a) => a.action.updatedAt),
    urlColumn({ it: "Pagina del progetto che descrive l'azione.", en: 'Page of the project describing the action.' }, (a) => ({
      page: 'project',
      slug: a.view.project.slug,
    })),
  ],
});

export const communities = dataset<CommunityView>({
  name: 'communities',
  title: { it: 'Comunità di pratica', en: 'Communities of practice' },
  description: {
    it: 'Le comunità di pratica: gruppi di partner di un progetto che lavorano su una domanda guida.',
    en: 'The communities of practice: groups of partners of a project working on a guiding question.',
  },
  items: (portfolio) => portfolio.communities,
  sortKey: (view) => view.community.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'della comunità', en: 'the community' }, (c) => c.community.documentId),
    slugColumn('slug', { it: 'della comunità', en: 'the community' }, (c) => c.community.slug),
    text('code', { it: 'Codice della comunità (es. CoP1).', en: 'Community code (e.g. CoP1).' }, (c) => c.community.code),
    text('title', { it: 'Titolo della comunità.', en: 'Community title.' }, (c) => c.community.title),
    text('guiding_question', { it: 'Domanda guida.', en: 'Guiding question.' }, (c) => c.community.guidingQuestion),
    text(
      'description',
      { it: 'Descrizione della comunità.', en: 'Description of the community.' },
      (c) => c.community.description,
      'markdown',
    ),
    idColumn('project_id', { it: 'del progetto (vedi projects)', en: 'the project (see projects)' }, (c) => c.project?.documentId),
    slugColumn('project_slug', { it: 'del progetto', en: 'the project' }, (c) => c.project?.slug),
    slugColumn('theme_slug', { it: 'del tema (vedi themes)', en: 'the theme (see themes)' }, (c) => c.theme?.slug),
    list('members', { it: 'Slug dei partner membri (vedi partners).', en: 'Slugs of the member partners (see partners).' }, (c) =>
      c.members.map((m) => m.slug),
    ),
    count('member_count', { it: 'Numero di partner membri.', en: 'Number of member partners.' }, (c) => c.members),
    updatedColumn((c) => c.community.updatedAt),
    urlColumn({ it: 'Pagina della comunità su questo sito.', en: 'Community page on this site.' }, (c) => ({
      page: 'community',
      slug: c.community.slug,
    })),
  ],
});

export const fundingLines = dataset<FundingLineView>({
  name: 'funding-lines',
  title: { it: 'Linee di finanziamento', en: 'Funding lines' },
  description: {
    it: 'I fondi, programmi e avvisi europei che finanziano i progetti, con i totali dei progetti finanziati.',
    en: 'The EU funds, programmes and calls financing the projects, with the totals of the projects they fund.',
  },
  items: (portfolio) => portfolio.fundingLines,
  sortKey: (view) => view.fundingLine.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'della linea di finanziamento', en: 'the funding line' }, (f) => f.fundingLine.documentId),
    slugColumn('slug', { it: 'della linea di finanziamento', en: 'the funding line' }, (f) => f.fundingLine.slug),
    text('name', { it: 'Nome della linea di finanziamento.', en: 'Name of the funding line.' }, (f) => f.fundingLine.name),
    text(
      'acronym',
      { it: 'Sigla nella lingua della riga (es. FAMI / AMIF).', en: 'Acronym in the language of the row (e.g. FAMI / AMIF).' },
      (f) => f.fundingLine.acronym,
    ),
    text('programme', { it: 'Programma o fondo europeo.', en: 'EU programme or fund.' }, (f) => f.fundingLine.programme),
    text(
      'programming_period',
      { it: 'Periodo di programmazione (es. 2021-2027).', en: 'Programming period (e.g. 2021-2027).' },
      (f) => f.fundingLine.programmingPeriod,
    ),
    text('managing_body', { it: 'Ente che gestisce i fondi.', en: 'Body managing the funds.' }, (f) => f.fundingLine.managingBody),
    {
      name: 'management_mode',
      type: 'code',
      description: { it: 'Modalità di gestione dei fondi UE.', en: 'EU funding management mode.' },
      values: codes(MANAGEMENT_MODE_LABELS),
      value: (f) => f.fundingLine.managementMode,
    },
    text('call_reference', { it: "Riferimento dell'avviso.", en: 'Reference of the call.' }, (f) => f.fundingLine.callReference),
    text('decree_reference', { it: 'Riferimento del decreto.', en: 'Reference of the decree.' }, (f) => f.fundingLine.decreeReference),
    text(
      'specific_objective',
      { it: 'Obiettivo specifico del programma.', en: 'Specific objective of the programme.' },
      (f) => f.fundingLine.specificObjective,
    ),
    text(
      'application_areas',
      { it: 'Ambiti di applicazione.', en: 'Areas of application.' },
      (f) => f.fundingLine.applicationAreas,
      'markdown',
    ),
    {
      name: 'funding_statement',
      type: 'code',
      description: { it: "Dicitura che accompagna l'emblema UE.", en: 'Statement that goes with the EU emblem.' },
      values: codes(FUNDING_STATEMENTS),
      value: (f) => f.fundingLine.fundingStatement,
    },
    text(
      'description',
      { it: 'Descrizione della linea di finanziamento.', en: 'Description of the funding line.' },
      (f) => f.fundingLine.description,
      'markdown',
    ),
    text(
      'website',
      { it: 'Sito ufficiale del programma o avviso.', en: 'Official website of the programme or call.' },
      (f) => f.fundingLine.website,
    ),
    list('projects', { it: 'Slug dei progetti finanziati (vedi projects).', en: 'Slugs of the funded projects (see projects).' }, (f) =>
      f.projects.map((p) => p.project.slug),
    ),
    count('project_count', { it: 'Numero di progetti finanziati.', en: 'Number of funded projects.' }, (f) => f.projects),
    euro(
      'total_budget_eur',
      {
        it: 'Somma dei budget totali noti dei progetti, in euro; vuota se nessuno è noto.',
        en: 'Sum of the known total budgets of the projects, in euro; empty when none is known.',
      },
      (f) => f.totalBudget,
    ),
    euro(
      'eu_contribution_eur',
      {
        it: 'Somma dei contributi UE noti dei progetti, in euro; vuota se nessuno è noto.',
        en: 'Sum of the known EU contributions of the projects, in euro; empty when none is known.',
      },
      (f) => f.euContribution,
    ),
    updatedColumn((f) => f.fundingLine.updatedAt),
    urlColumn({ it: 'Pagina della linea di finanziamento su questo sito.', en: 'Funding line page on this site.' }, (f) => ({
      page: 'fundingLine',
      slug: f.fundingLine.slug,
    })),
  ],
});

export const themes = dataset<ThemeView>({
  name: 'themes',
  title: { it: 'Temi', en: 'Themes' },
  description: {
    it: 'I temi trasversali che collegano progetti e comunità di pratica.',
    en: 'The cross-cutting themes linking projects and communities of practice.',
  },
  items: (portfolio) => portfolio.themes,
  sortKey: (view) => view.theme.slug,
  columns: [
    localeColumn(),
    idColumn('id', { it: 'del tema', en: 'the theme' }, (t) => t.theme.documentId),
    slugColumn('slug', { it: 'del tema', en: 'the theme' }, (t) => t.theme.slug),
    text('name', { it: 'Nome del tema.', en: 'Name of the theme.' }, (t) => t.theme.name),
    text('description', { it: 'Descrizione del tema.', en: 'Description of the theme.' }, (t) => t.theme.description, 'markdown'),
    list('projects', { it: 'Slug dei progetti del tema (vedi projects).', en: 'Slugs of the projects on the theme (see projects).' }, (t) =>
      t.projects.map((p) => p.project.slug),
    ),
    count('project_count', { it: 'Numero di progetti del tema.', en: 'Number of projects on the theme.' }, (t) => t.projects),
    list('communities', { it: 'Slug delle comunità di pratica del tema.', en: 'Slugs of the communities of practice on the theme.' }, (t) =>
      t.communities.map((c) => c.community.slug),
    ),
    updatedColumn((t) => t.theme.updatedAt),
    urlColumn({ it: 'Pagina del tema su questo sito.', en: 'Theme page on this site.' }, (t) => ({ page: 'theme', slug: t.theme.slug })),
  ],
});
