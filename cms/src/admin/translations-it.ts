/**
 * Italian for admin strings Strapi 5.54's own Italian translation lacks, met by officers on the
 * screens they use (list, edit, relations, publish). Keys are Strapi's message ids.
 */
export const MISSING_ITALIAN: Record<string, string> = {
  'Auth.form.welcome.title': 'Portafoglio progetti UE',
  'Auth.form.welcome.subtitle': 'Accedi per modificare i contenuti del sito',
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
  'content-manager.containers.EditView.add.new-entry': 'Aggiungi una voce',
  'content-manager.containers.list.filters.status': 'Stato',
  'content-manager.HeaderLayout.button.label-add-entry': 'Crea una nuova voce',
  'content-manager.pages.ListView.header-subtitle': '{number, plural, =0 {nessuna voce trovata} one {# voce trovata} other {# voci trovate}}',
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
};
