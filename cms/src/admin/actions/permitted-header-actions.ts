import { useRBAC } from '@strapi/strapi/admin';

/**
 * The edit view's header menu offers «Modifica il modello» and «Configura la visualizzazione» to
 * every user, though only an administrator may open those screens: an officer who clicks them
 * lands on a page that refuses them. Each is shown to the users allowed to open its screen, as
 * the list view already does for its own «Configura la visualizzazione».
 */
const PERMISSION_OF: Record<string, string> = {
  'edit-the-model': 'plugin::content-type-builder.read',
  'configure-the-view': 'plugin::content-manager.collection-types.configure-view',
};

type HeaderAction = ((props: object) => object | null) & { type?: string; position?: unknown };

function shownIfPermitted(action: HeaderAction, permission: string): HeaderAction {
  const permitted: HeaderAction = (props) => {
    const { allowedActions, isLoading } = useRBAC([{ action: permission, subject: null }]);
    // Called on every render, whatever the answer: the action's own hooks keep their order.
    const description = action(props);
    return !isLoading && Object.values(allowedActions).some(Boolean) ? description : null;
  };
  return Object.assign(permitted, { type: action.type, position: action.position });
}

/** For the content manager's addDocumentAction: the header menu's links, each behind its permission. */
export function withPermittedHeaderActions(actions: unknown[]): unknown[] {
  return (actions as HeaderAction[]).map((action) => {
    const permission = action.type ? PERMISSION_OF[action.type] : undefined;
    return permission ? shownIfPermitted(action, permission) : action;
  });
}
