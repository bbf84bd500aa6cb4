import { CONTENT_TYPE_LAYOUTS } from '../admin-layout/labels';

/**
 * Italian for admin strings Strapi 5.54's own Italian translation lacks, met by officers on the
 * screens they use (list, edit, relations, publish). Keys are Strapi's message ids.
 */
export const MISSING_ITALIAN: Record<string, string> = {
  'Auth.form.welcome.title': 'Portafoglio progetti UE',
  'Auth.form.welcome.subtitle': 'Accedi per modificare i contenuti del sito',
  'Auth.form.email.placeholder': 'nome.cognome@ente.it',
  'Content Manager': 'Gestione contenuti',
  'global.content-manager': 'Gestione contenuti',
  'content-manager.header.name': 'Gestione contenuti',
  'content-manager.containers.Home.pluginHeaderTitle': 'Gestione contenuti',
  'content-manager.components.LeftMenu.collection-types': 'Raccolte',
  'content-manager.components.LeftMenu.single-types': 'Pagine singole',
  'app.components.LeftMenuLinkContainer.collectionTypes': 'Raccolte',
  'app.components.LeftMenuLinkContainer.singleTypes': 'Pagine singole',
  'content-manager.containers.edit.tabs.label': 'Stato del documento',
  'content-manager.containers.edit.tabs.draft': 'bozza',
  'content-manager.containers.edit.tabs.published': 'pubblicato',
  'content-manager.containers.edit.panels.default.title': 'Voce',
  'content-manager.containers.edit.panels.default.more-actions': 'Altre azioni',
  'content-manager.link-to-ctb': 'Modifica il modello',
  'content-manager.plugin.name': 'Gestione contenuti',
  // Strapi's joke placeholder ("es: il primo cane sulla luna") in every search box.
  'search.placeholder': 'Cerca…',
  'global.plugins.content-manager': 'Gestione contenuti',
  // The language picker's name, and the Markdown editor's list buttons (ids Strapi's files lack).
  'i18n.Settings.locales.modal.create.code.label': 'Lingue',
  'i18n.Settings.locales.modal.locales.label': 'Lingue',
  'components.Blocks.blocks.unorderedList': 'Elenco puntato',
  'components.Blocks.blocks.orderedList': 'Elenco numerato',
  'components.Blocks.blocks.bulletList': 'Elenco puntato',
  'components.Blocks.blocks.numberList': 'Elenco numerato',
  // The home page's statistics widget, which editors see too.
  'widget.key-statistics.title': 'Statistiche del sito',
  'widget.key-statistics.list.admins': 'Amministratori',
  'widget.key-statistics.list.apiTokens': 'Token API',
  'widget.key-statistics.list.assets': 'File multimediali',
  'widget.key-statistics.list.components': 'Componenti',
  'widget.key-statistics.list.contentTypes': 'Tipi di contenuto',
  'widget.key-statistics.list.entries': 'Voci',
  'widget.key-statistics.list.locales': 'Lingue',
  'widget.key-statistics.list.webhooks': 'Webhook',
  'content-manager.containers.EditView.add.new-entry': 'Aggiungi una voce',
  'content-manager.containers.list.filters.status': 'Stato',
  'content-manager.HeaderLayout.button.label-add-entry': 'Crea una nuova voce',
  'content-manager.pages.ListView.header-subtitle':
    '{number, plural, =0 {nessuna voce trovata} one {# voce trovata} other {# voci trovate}}',
  'content-manager.containers.list.table-headers.status': 'stato',
  'i18n.list-view.table.header.label': 'Disponibile in',
  'portfolio.list.updatedAt': 'Ultima modifica',
  'content-manager.form.Input.hint.character.unit': '{maxValue, plural, one { carattere} other { caratteri}}',
  'content-manager.relation.add': 'Aggiungi o crea una relazione',
  'content-manager.relation.publicationState.draft': 'Bozza',
  'content-manager.relation.publicationState.published': 'Pubblicato',
  'content-manager.popUpWarning.warning.has-draft-relations.title': 'Conferma',
  'content-manager.preview.panel.button': 'Apri l’anteprima',
  // Publish's warning about links to drafts: the CMS refuses such a publish, and says what to do instead.
  'content-manager.popUpWarning.warning.has-draft-relations.message':
    '{count, plural, one {Questa voce è collegata a # voce ancora in bozza.} other {Questa voce è collegata a # voci ancora in bozza.}} Per pubblicarle insieme usare «Pubblica con le voci collegate» (menu Altre azioni).',
  'content-manager.popUpWarning.warning.has-draft-m2m-relations.message':
    '{count, plural, one {# voce collegata è ancora in bozza.} other {# voci collegate sono ancora in bozza.}} Per pubblicarle insieme usare «Pubblica con le voci collegate» (menu Altre azioni).',
  'content-manager.popUpWarning.warning.publish-question': 'Pubblicare comunque?',
  'content-manager.popUpwarning.warning.has-draft-relations.button-confirm': 'Pubblica',
  'app.components.ConfirmDialog.title': 'Conferma',
  'app.components.MediaLibraryBanner.intro': 'Novità: la nuova Libreria media. ',
  'app.components.MediaLibraryBanner.button.enabled': 'Leggi l’articolo',
  'app.components.MediaLibraryBanner.button': 'Documentazione',
  'app.components.MediaLibraryBanner.close': 'Chiudi l’avviso. ',
  'app.components.MediaLibraryBanner.text': 'La documentazione spiega come passare alla nuova versione.',
  'app.components.MediaLibraryBanner.text.enabled': 'Ora usi la versione rinnovata.',
  'upload.list.table.header.updatedAt': 'ultima modifica',
  // The home page's widgets.
  'content-manager.widget.last-edited.title': 'Ultime voci modificate',
  'content-manager.widget.last-edited.single-type': 'Pagina singola',
  'content-manager.widget.last-edited.no-data': 'Nessuna voce modificata',
  'content-manager.widget.last-published.title': 'Ultime voci pubblicate',
  'content-manager.widget.last-published.no-data': 'Nessuna voce pubblicata',
  'content-manager.widget.chart-entries.title': 'Voci',
  'content-manager.widget.chart-entries.count.label': '{count, plural, =0 {voci} one {voce} other {voci}}',
  'content-manager.containers.List.modified': 'Modificato',
  'widget.profile.title': 'Profilo',
  'global.profile': 'Profilo',
  'global.profile.settings': 'Impostazioni del profilo',
  'portfolio.widget.publication.title': 'Pubblicazione del sito',
  'HomePage.addWidget.title': 'Aggiungi un riquadro',
  'HomePage.addWidget.button': 'Aggiungi un riquadro',
  // Strapi's Italian: a typo, a word no office uses, a button said to be below that is above, and
  // a publish refused for errors told to correct them "before saving".
  'app.components.LeftMenu.navbrand.title': 'Pannello di gestione',
  'app.components.LeftMenu.navbrand.workplace': 'Area di lavoro',
  'content-manager.components.empty-repeatable': 'Ancora nessun elemento: aggiungine uno con il pulsante «+» qui sopra.',
  'content-manager.validation.error': 'Alcuni campi hanno errori: correggili e riprova.',
  // A yes-or-no field's switch, as a form says it (Strapi's Italian: «FALSO» / «VERO»).
  'app.components.ToggleCheckbox.off-label': 'No',
  'app.components.ToggleCheckbox.on-label': 'Sì',
  // The list's filters: a database word («null») where an officer means empty.
  'components.FilterOptions.FILTER_TYPES.$null': 'è vuoto',
  'components.FilterOptions.FILTER_TYPES.$notNull': 'non è vuoto',
  // Ids Strapi's screens use without the plugin prefix its files give them (column picker, loading).
  'containers.list.displayedFields': 'Campi visualizzati',
  'app.loading': 'Caricamento…',
  // Ids of our patch of the i18n plugin (patches/@strapi__i18n@5.54.0.patch).
  'i18n.list.locale.default': 'predefinita',
  // The media library's "from an address" dialog.
  'upload.modal.url.title': 'Importa da un indirizzo web',
  'upload.modal.url.upload': 'Importa',
  'upload.input.url.placeholder': 'https://…',
  // Strapi's Italian names this placeholder {qui}: the message fails to format and shows in English.
  'Settings.profile.form.section.experience.interfaceLanguageHelp':
    'Le modifiche alle preferenze valgono solo per te. Ulteriori informazioni sono disponibili {here}.',
  // A list's filters and column picker name documentId by these ids (patches/@strapi__content-manager):
  // Strapi resets its label to "documentId" at every start (admin-layout/configure.ts).
  ...Object.fromEntries(
    Object.keys(CONTENT_TYPE_LAYOUTS).map((uid) => [`content-manager.content-types.${uid}.documentId`, 'Codice della voce']),
  ),
};
