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
  'content-manager.form.Input.hint.character.unit': '{maxValue, plural, one { carattere} other { caratteri}}',
  'content-manager.relation.add': 'Aggiungi o crea una relazione',
  'content-manager.relation.publicationState.draft': 'Bozza',
  'content-manager.relation.publicationState.published': 'Pubblicato',
  'content-manager.popUpWarning.warning.has-draft-relations.title': 'Conferma',
  'content-manager.preview.panel.button': 'Apri l’anteprima',
  'app.components.ConfirmDialog.title': 'Conferma',
  'app.components.MediaLibraryBanner.intro': 'Novità: la nuova Libreria media. ',
  'app.components.MediaLibraryBanner.button.enabled': 'Leggi l’articolo',
  'upload.list.table.header.updatedAt': 'ultima modifica',
};
