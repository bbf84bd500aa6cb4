import * as React from 'react';
import { unstable_useDocument, useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { languageName } from '../../language-names';

/** The part of the content manager's document-action contract this action uses. */
interface DocumentActionProps {
  model: string;
  documentId?: string;
  collectionType: string;
}
type DocumentActionComponent = ((props: DocumentActionProps) => object | null) & { type?: string };

interface PlannedEntry {
  uid: string;
  documentId: string;
  locale: string;
  label: string;
  typeName: string;
}
interface Plan {
  plan: PlannedEntry[];
  untranslated: PlannedEntry[];
}

const ENDPOINT = '/portfolio/publish-with-related';

/** What the action will publish, read when the dialog opens. */
function PlanList({ model, documentId }: { model: string; documentId: string }) {
  const { get } = useFetchClient();
  const [plan, setPlan] = React.useState<Plan | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get<{ data: Plan }>(ENDPOINT, { params: { model, documentId } })
      .then(({ data }) => setPlan(data.data))
      .catch(() => setError('Impossibile leggere le voci collegate. Riprovare.'));
  }, [get, model, documentId]);

  if (error) return <p role="alert">{error}</p>;
  if (!plan) return <p>Ricerca delle voci collegate…</p>;
  return (
    <div style={{ textAlign: 'left' }}>
      {plan.untranslated.length > 0 && (
        <p role="alert" style={{ color: '#b72b1a', marginBottom: 8 }}>
          Prima di pubblicare, creare la versione mancante di:{' '}
          {plan.untranslated.map((e) => `${e.typeName} «${e.label}» (${languageName(e.locale)})`).join(', ')}.
        </p>
      )}
      <p style={{ marginBottom: 8 }}>Verranno pubblicati insieme, in un’unica operazione ({plan.plan.length}):</p>
      <ul style={{ listStyle: 'disc', paddingLeft: 20, maxHeight: 240, overflowY: 'auto' }} data-testid="publish-with-related-plan">
        {plan.plan.map((e) => (
          <li key={`${e.uid}:${e.documentId}:${e.locale}`}>
            {e.typeName} «{e.label}» – {languageName(e.locale)}
          </li>
        ))}
      </ul>
      <p style={{ marginTop: 8 }}>Se una voce non è pubblicabile, non viene pubblicato nulla.</p>
    </div>
  );
}

/**
 * "Pubblica con le voci collegate": publishes a project with the entries it needs (new partners,
 * funding line, themes, actions, communities), in every language, in one transaction on the CMS.
 * It publishes the saved drafts, not the form: with changes not saved yet it is disabled and says
 * so, or it would announce "Pubblicate" while the officer's last changes stayed unpublished.
 */
export const PublishWithRelatedAction: DocumentActionComponent = ({ model, documentId, collectionType }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { refetch } = unstable_useDocument({ model, documentId: documentId ?? '', collectionType }, { skip: !documentId });
  const unsaved = useForm('PublishWithRelatedAction', ({ modified }) => modified, false) ?? false;
  if (model !== 'api::project.project' || !documentId) return null;

  return {
    label: unsaved ? 'Pubblica con le voci collegate (prima salva le modifiche)' : 'Pubblica con le voci collegate',
    disabled: unsaved,
    position: ['panel'],
    variant: 'secondary',
    dialog: {
      type: 'dialog',
      title: 'Pubblica con le voci collegate',
      content: <PlanList model={model} documentId={documentId} />,
      confirmLabel: 'Pubblica tutto',
      onConfirm: async () => {
        try {
          const { data } = await post<{ data: PlannedEntry[] }>(ENDPOINT, { model, documentId });
          toggleNotification({ type: 'success', message: `Pubblicate ${data.data.length} voci: il sito si aggiorna tra pochi secondi.` });
          refetch();
        } catch (error) {
          const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
          toggleNotification({ type: 'danger', message: message ?? 'Pubblicazione non riuscita: nulla è stato pubblicato.' });
        }
      },
    },
  };
};
