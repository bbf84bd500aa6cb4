/**
 * What every enumeration value is called, in Italian and English: on the public site and, in
 * Italian, in the admin's dropdowns and filters (cms/src/admin/app.tsx). Imported by the admin
 * bundle on its own (the `shared-types/enum-labels` export), so it holds labels and nothing else.
 */
import type {
  ActionType,
  DatePrecision,
  FundingStatement,
  LinkKind,
  Locale,
  ManagementMode,
  OrganisationType,
  PartnerRole,
  ProjectStatus,
} from './enums.ts';

type Labels<T extends string> = Record<T, Record<Locale, string>>;

export const ROLE_LABELS: Labels<PartnerRole> = {
  lead: { it: 'Capofila', en: 'Lead partner' },
  coordinator: { it: 'Coordinatore', en: 'Coordinator' },
  partner: { it: 'Partner', en: 'Partner' },
  associated_partner: { it: 'Partner associato', en: 'Associated partner' },
  mentor: { it: 'Mentor', en: 'Mentor' },
  implementing: { it: 'Soggetto attuatore', en: 'Implementing partner' },
  cluster_member: { it: 'Membro del cluster', en: 'Cluster member' },
  other: { it: 'Altro ruolo', en: 'Other role' },
};

export const ORGANISATION_LABELS: Labels<OrganisationType> = {
  municipality: { it: 'Comune / città', en: 'Municipality / city' },
  region: { it: 'Regione', en: 'Region' },
  provincial_authority: { it: 'Provincia / Consiglio insulare', en: 'Province / island council' },
  national_authority: { it: 'Autorità statale', en: 'State authority' },
  municipal_association: { it: 'Associazione di enti locali', en: 'Association of local authorities' },
  ngo: { it: 'Organizzazione non governativa', en: 'Non-governmental organisation' },
  network: { it: 'Rete', en: 'Network' },
  research: { it: 'Ricerca / think tank', en: 'Research / think tank' },
  cooperative: { it: 'Cooperativa / impresa sociale', en: 'Cooperative / social enterprise' },
  school_training: { it: 'Scuola / ente di formazione', en: 'School / training body' },
  development_agency: { it: 'Agenzia di sviluppo', en: 'Development agency' },
  other: { it: 'Altro', en: 'Other' },
};

export const ACTION_TYPE_LABELS: Labels<ActionType> = {
  workshop: { it: 'Workshop', en: 'Workshop' },
  staff_exchange: { it: 'Scambio di personale', en: 'Staff exchange' },
  training: { it: 'Formazione', en: 'Training' },
  guidelines_toolkit: { it: 'Linee guida / toolkit', en: 'Guidelines / toolkit' },
  mapping_research: { it: 'Mappatura / ricerca', en: 'Mapping / research' },
  pilot: { it: 'Azione pilota', en: 'Pilot' },
  action_plan: { it: 'Piano d’azione', en: 'Action plan' },
  grant_scheme: { it: 'Sovvenzioni', en: 'Grant scheme' },
  dissemination: { it: 'Diffusione', en: 'Dissemination' },
  governance_network: { it: 'Governance / rete', en: 'Governance / network' },
  monitoring_evaluation: { it: 'Monitoraggio e valutazione', en: 'Monitoring and evaluation' },
  study_visit: { it: 'Visite di studio', en: 'Study visits' },
  participation: { it: 'Partecipazione attiva', en: 'Active participation' },
  other: { it: 'Altro', en: 'Other' },
};

export const MANAGEMENT_MODE_LABELS: Labels<ManagementMode> = {
  direct: { it: 'Gestione diretta (Commissione europea)', en: 'Direct management (European Commission)' },
  indirect: { it: 'Gestione indiretta', en: 'Indirect management' },
  shared: { it: 'Gestione concorrente (con lo Stato membro)', en: 'Shared management (with the member state)' },
};

/** The wording the EU emblem rules require next to the emblem. */
export const FUNDING_STATEMENTS: Labels<FundingStatement> = {
  co_funded: { it: 'Cofinanziato dall’Unione europea', en: 'Co-funded by the European Union' },
  funded: { it: 'Finanziato dall’Unione europea', en: 'Funded by the European Union' },
};

export const LINK_KIND_LABELS: Labels<LinkKind> = {
  website: { it: 'Sito web', en: 'Website' },
  document: { it: 'Documento', en: 'Document' },
  news: { it: 'Notizia', en: 'News' },
  video: { it: 'Video', en: 'Video' },
  social: { it: 'Social', en: 'Social media' },
  other: { it: 'Link', en: 'Link' },
};

export const STATUS_LABELS: Labels<ProjectStatus> = {
  grant_agreement_in_preparation: { it: 'Grant agreement in preparazione', en: 'Grant agreement in preparation' },
  planned: { it: 'In avvio', en: 'Planned' },
  ongoing: { it: 'In corso', en: 'Ongoing' },
  completed: { it: 'Concluso', en: 'Completed' },
  suspended: { it: 'Sospeso', en: 'Suspended' },
  cancelled: { it: 'Annullato', en: 'Cancelled' },
  not_stated: { it: 'Stato non indicato', en: 'Status not stated' },
};

export const PRECISION_LABELS: Labels<DatePrecision> = {
  day: { it: 'Giorno', en: 'Day' },
  month: { it: 'Mese', en: 'Month' },
  year: { it: 'Anno', en: 'Year' },
};
