/**
 * Italian labels and help texts for the admin's edit views, list columns and relation labels.
 * Applied on every start by configure.ts, so the editing experience is versioned with the model.
 */
export interface FieldText {
  label: string;
  description?: string;
}

export interface TypeLayout {
  /** Field shown for an entry in relation pickers and as the list's title. */
  mainField: string;
  /**
   * Columns of the list view, in order: two, so that with Strapi's own (languages, status, the row's
   * menu) the list fits a 1440-pixel screen without scrolling sideways.
   */
  list: string[];
  /** Field shown for an entry in another type's list column, where the main field is too long to fit. */
  listMainField?: string;
  defaultSortBy?: string;
  fields: Record<string, FieldText>;
}

const SLUG: FieldText = {
  label: 'Slug (indirizzo)',
  description:
    'Parte finale dell’indirizzo della pagina: minuscole e trattini. Uguale in tutte le lingue. ' +
    'Se cambiato dopo la pubblicazione, anche il vecchio indirizzo continua a portare alla pagina.',
};
/** Kept by the CMS at each publish under a new slug (integrity/slugs.ts); hidden from the form (configure.ts). */
const FORMER_SLUGS: FieldText = {
  label: 'Indirizzi precedenti',
  description: 'Gli slug con cui la pagina è stata pubblicata in passato: i loro indirizzi portano alla pagina.',
};
/** Scheduled publishing, on every public collection type. */
const PUBLISH_AT: FieldText = {
  label: 'Pubblica il',
  description: 'Data e ora in cui la bozza sarà pubblicata automaticamente (controllo ogni minuto). Vuoto: pubblicazione manuale.',
};
const ADMIN_LABEL: FieldText = {
  label: 'Etichetta (automatica)',
  description: 'Calcolata al salvataggio: è il nome con cui la voce compare negli elenchi e nelle relazioni.',
};

export const CONTENT_TYPE_LAYOUTS: Record<string, TypeLayout> = {
  'api::project.project': {
    mainField: 'adminLabel',
    list: ['acronym', 'title'],
    listMainField: 'acronym',
    defaultSortBy: 'acronym',
    fields: {
      publishAt: PUBLISH_AT,
      acronym: { label: 'Acronimo', description: 'Nome breve del progetto, es. PLEIADI. Uguale in tutte le lingue.' },
      title: { label: 'Titolo', description: 'Titolo esteso del progetto nella lingua corrente.' },
      subtitle: {
        label: 'Sottotitolo / nome completo',
        description: 'Scioglimento dell’acronimo o nome ufficiale completo, se diverso dal titolo.',
      },
      slug: SLUG,
      formerSlugs: FORMER_SLUGS,
      summary: {
        label: 'Sintesi',
        description: 'Due o tre frasi (max 320 caratteri) per le schede e la descrizione nei motori di ricerca.',
      },
      description: { label: 'Descrizione', description: 'Testo principale della pagina del progetto.' },
      objectives: { label: 'Obiettivi', description: 'Obiettivo generale e obiettivi specifici, anche come elenco puntato.' },
      expectedResults: { label: 'Risultati attesi' },
      targetGroups: { label: 'Destinatari', description: 'A chi si rivolge il progetto: un elenco puntato, un gruppo per riga.' },
      administrationRole: {
        label: 'Ruolo dell’amministrazione',
        description: 'Che cosa fa la nostra amministrazione nel progetto (capofila, partner, città mentor...).',
      },
      statusOverride: {
        label: 'Stato (forzato)',
        description:
          'Lasciare vuoto: lo stato si calcola dalle date. Compilare solo per stati che le date non dicono, es. “grant agreement in preparazione”.',
      },
      startDate: {
        label: 'Data di inizio',
        description: 'Con la precisione nota (giorno, mese o anno); «Stimata» su «Sì» se è una previsione.',
      },
      endDate: { label: 'Data di fine', description: 'Non può precedere la data di inizio.' },
      durationMonths: { label: 'Durata (mesi)' },
      totalBudget: { label: 'Budget totale (EUR)', description: 'Importo complessivo del progetto in euro, con i centesimi.' },
      euContribution: {
        label: 'Contributo UE (EUR)',
        description: 'Quota finanziata dall’Unione europea: non può superare il budget totale.',
      },
      otherAmounts: {
        label: 'Altri importi',
        description: 'Importi con una loro etichetta, es. “Sovvenzione per l’azione pilota in ogni città”.',
      },
      grantAgreementNumber: { label: 'N. Grant Agreement', description: 'Numero della convenzione di sovvenzione, es. 863614.' },
      internalReference: {
        label: 'Codice interno',
        description: 'Numero di progetto assegnato dall’autorità di gestione, es. Prog. 1063.',
      },
      fundingLine: { label: 'Linea di finanziamento' },
      partnerships: {
        label: 'Partenariato',
        description:
          'Un partner per riga con il suo ruolo, uguale in tutte le lingue: si inserisce una volta sola. Solo la nota ha una versione italiana e una inglese.',
      },
      actions: { label: 'Azioni' },
      communities: { label: 'Comunità di pratica' },
      themes: { label: 'Temi' },
      links: { label: 'Documenti e link' },
      website: { label: 'Sito ufficiale del progetto', description: 'Indirizzo completo, con https://.' },
      coverImage: { label: 'Immagine di copertina' },
      sourceUpdatedOn: {
        label: 'Aggiornato alla fonte il',
        description: 'Data di aggiornamento dichiarata dalla fonte ufficiale, se presente.',
      },
      sourceNotes: {
        label: 'Note redazionali (non pubblicate)',
        description: 'Correzioni fatte rispetto alla fonte, dubbi aperti. Non compaiono sul sito.',
      },
      seo: { label: 'SEO e condivisione' },
      adminLabel: ADMIN_LABEL,
    },
  },
  'api::partner.partner': {
    mainField: 'adminLabel',
    list: ['name', 'country'],
    defaultSortBy: 'name',
    fields: {
      publishAt: PUBLISH_AT,
      name: {
        label: 'Nome',
        description: 'Denominazione ufficiale nella lingua corrente. Un’organizzazione è un solo partner anche se compare in più progetti.',
      },
      shortName: { label: 'Sigla', description: 'Acronimo o nome breve, es. ANCI Piemonte.' },
      alternativeNames: {
        label: 'Altri nomi',
        description:
          'Nomi in lingua originale o usati in altri progetti, uno per riga (es. “Dimos Athinaion” per la Città di Atene). Uguali in tutte le lingue; compaiono sul sito come “Noto anche come” e si possono cercare nelle relazioni.',
      },
      slug: SLUG,
      formerSlugs: FORMER_SLUGS,
      organisationType: {
        label: 'Tipo di organizzazione',
        description:
          'Il tipo di ente; “Provincia / Consiglio insulare” vale anche per città metropolitane e cabildos. Se nessuno corrisponde: Altro.',
      },
      country: {
        label: 'Paese',
        description: 'Scegli il paese dall’elenco, anche digitandone il nome: il sito ne salva il codice ISO (PT per il Portogallo).',
      },
      city: { label: 'Città' },
      website: { label: 'Sito web' },
      logo: { label: 'Logo' },
      description: { label: 'Descrizione' },
      communities: { label: 'Comunità di pratica' },
      adminLabel: ADMIN_LABEL,
    },
  },
  'api::action.action': {
    mainField: 'adminLabel',
    list: ['title', 'project'],
    defaultSortBy: 'order',
    fields: {
      publishAt: PUBLISH_AT,
      project: { label: 'Progetto' },
      code: { label: 'Codice', description: 'Come nella fonte, es. “Azione 01”. Vuoto se la fonte non ne dà.' },
      title: { label: 'Titolo' },
      actionType: {
        label: 'Tipo di azione',
        description: 'La voce più vicina a come la fonte descrive l’azione; se nessuna corrisponde: Altro.',
      },
      description: { label: 'Descrizione' },
      subActions: { label: 'Sotto-azioni', description: 'Una per riga, con la lettera (a, b, c...) se la fonte la indica.' },
      targetAudience: { label: 'Destinatari dell’azione' },
      order: { label: 'Ordine', description: 'Posizione nell’elenco delle azioni del progetto (0 = prima).' },
      adminLabel: ADMIN_LABEL,
    },
  },
  'api::community-of-practice.community-of-practice': {
    mainField: 'adminLabel',
    list: ['title', 'project'],
    defaultSortBy: 'order',
    fields: {
      publishAt: PUBLISH_AT,
      project: { label: 'Progetto' },
      code: { label: 'Codice', description: 'Es. CoP1.' },
      title: { label: 'Titolo' },
      slug: SLUG,
      formerSlugs: FORMER_SLUGS,
      guidingQuestion: {
        label: 'Domanda guida',
        description: 'La domanda a cui la comunità lavora, es. “Come progettare sportelli unici...?”',
      },
      theme: { label: 'Tema' },
      description: { label: 'Descrizione' },
      members: { label: 'Partner membri' },
      order: { label: 'Ordine' },
      adminLabel: ADMIN_LABEL,
    },
  },
  'api::funding-line.funding-line': {
    mainField: 'adminLabel',
    list: ['acronym', 'name'],
    defaultSortBy: 'acronym',
    fields: {
      publishAt: PUBLISH_AT,
      adminLabel: ADMIN_LABEL,
      name: { label: 'Nome' },
      acronym: { label: 'Sigla', description: 'Nella lingua corrente: FAMI in italiano, AMIF in inglese.' },
      slug: SLUG,
      formerSlugs: FORMER_SLUGS,
      programme: { label: 'Programma / fondo' },
      programmingPeriod: { label: 'Periodo di programmazione', description: 'Nel formato 2021-2027.' },
      managingBody: { label: 'Ente gestore', description: 'Autorità di gestione o organismo intermedio che emana l’avviso.' },
      managementMode: {
        label: 'Modalità di gestione',
        description: 'Diretta (Commissione), indiretta o concorrente (condivisa con lo Stato membro).',
      },
      callReference: { label: 'Avviso', description: 'Titolo dell’avviso pubblico o della call.' },
      decreeReference: { label: 'Decreto', description: 'Estremi dell’atto, es. Decreto prot. n. 56 del 07/08/2023.' },
      specificObjective: { label: 'Obiettivo specifico' },
      applicationAreas: { label: 'Ambiti di applicazione' },
      fundingStatement: {
        label: 'Dicitura di finanziamento',
        description: 'Come mostrare il logo UE: “Cofinanziato dall’Unione europea” o “Finanziato dall’Unione europea”.',
      },
      description: { label: 'Descrizione' },
      website: { label: 'Sito web' },
      projects: { label: 'Progetti' },
    },
  },
  'api::theme.theme': {
    mainField: 'name',
    list: ['name', 'slug'],
    defaultSortBy: 'name',
    fields: {
      publishAt: PUBLISH_AT,
      name: { label: 'Nome' },
      slug: SLUG,
      formerSlugs: FORMER_SLUGS,
      description: { label: 'Descrizione' },
      projects: { label: 'Progetti' },
      communities: { label: 'Comunità di pratica' },
    },
  },
  'api::site-setting.site-setting': {
    mainField: 'siteName',
    list: ['siteName', 'institutionName'],
    fields: {
      siteName: { label: 'Nome del sito' },
      tagline: { label: 'Sottotitolo del sito' },
      institutionName: {
        label: 'Amministrazione titolare',
        description: 'Nome dell’ente che pubblica il sito, mostrato nell’intestazione.',
      },
      institutionUrl: { label: 'Sito dell’amministrazione' },
      institutionLogo: { label: 'Logo dell’amministrazione' },
      parentInstitutionName: {
        label: 'Ente di appartenenza',
        description: 'Amministrazione di livello superiore, se presente (barra in alto).',
      },
      contactEmail: { label: 'Email di contatto' },
      certifiedEmail: { label: 'PEC' },
      phone: { label: 'Telefono' },
      address: { label: 'Indirizzo' },
      accessibilityStatementUrl: {
        label: 'Dichiarazione di accessibilità',
        description: 'Link alla dichiarazione pubblicata su form.agid.gov.it.',
      },
      privacyUrl: { label: 'Informativa privacy' },
      legalNotesUrl: { label: 'Note legali' },
      footerLinks: { label: 'Altri link nel piè di pagina' },
    },
  },
};

export const COMPONENT_LAYOUTS: Record<string, Omit<TypeLayout, 'list' | 'defaultSortBy'>> = {
  'shared.partial-date': {
    mainField: 'date',
    fields: {
      date: { label: 'Data', description: 'Per una data nota al mese o all’anno, indicare il primo giorno del periodo.' },
      precision: { label: 'Precisione', description: 'Quanto è nota la data: al giorno, al mese o solo all’anno.' },
      estimated: { label: 'Stimata', description: '«Sì» se la data è una previsione (es. “avvio previsto”).' },
    },
  },
  'shared.amount': {
    mainField: 'label',
    fields: {
      label: { label: 'Voce' },
      amount: { label: 'Importo (EUR)', description: 'Vuoto se la fonte non indica la cifra.' },
      note: { label: 'Nota' },
    },
  },
  'shared.link': {
    mainField: 'label',
    fields: {
      label: { label: 'Testo del link' },
      url: { label: 'Indirizzo (URL)', description: 'Solo https://, http:// o mailto:.' },
      file: { label: 'File', description: 'In alternativa all’indirizzo: un documento caricato.' },
      kind: { label: 'Tipo' },
    },
  },
  'shared.seo': {
    mainField: 'metaTitle',
    fields: {
      metaTitle: { label: 'Titolo per i motori di ricerca', description: 'Max 70 caratteri; se vuoto si usa il titolo.' },
      metaDescription: { label: 'Descrizione per i motori di ricerca', description: 'Max 160 caratteri; se vuota si usa la sintesi.' },
      shareImage: { label: 'Immagine per la condivisione' },
    },
  },
  'project.partnership': {
    // "Capofila · Comune di Bologna", computed at save (admin-labels.ts).
    mainField: 'adminLabel',
    fields: {
      partner: { label: 'Partner' },
      role: {
        label: 'Ruolo',
        description: 'Il ruolo del partner nel progetto, come lo indica la fonte (capofila, partner, partner associato, città mentor...).',
      },
      note: { label: 'Nota (italiano)', description: 'Es. ambito territoriale: “mandatario di ATS per l’ambito Emilia Nord”.' },
      noteEn: { label: 'Nota (inglese)', description: 'La stessa nota in inglese, per la versione inglese del sito.' },
      adminLabel: { label: 'Titolo della riga (automatico)' },
    },
  },
  'action.sub-action': {
    // A row is titled by its text: its letter alone ("a", "b") says nothing of it.
    mainField: 'text',
    fields: {
      letter: {
        label: 'Lettera',
        description: 'a, b, c... Facoltativa: vuota se la fonte non numera le sotto-azioni (il sito le mostra come elenco puntato).',
      },
      text: { label: 'Testo' },
    },
  },
};
