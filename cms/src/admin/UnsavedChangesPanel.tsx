import * as React from 'react';
import { CONTENT_TYPE_LAYOUTS } from '../admin-layout/labels';
import { entryKey, forgetRefusedChanges, REFUSED_EVENT, readRefusedChanges, type RefusedChanges } from './edit-conflicts';
import { when } from './publication-status/format';
import { COLOURS, Text, Verdict } from './publication-status/SiteStatus';
import { type PanelComponent, useEditedLocale } from './side-panel';

const button: React.CSSProperties = {
  font: 'inherit',
  fontSize: '1.2rem',
  fontWeight: 600,
  color: COLOURS.link,
  background: '#fff',
  border: `1px solid ${COLOURS.link}`,
  borderRadius: 4,
  padding: '0.2rem 0.8rem',
  cursor: 'pointer',
};

function CopyButton({ text, field }: { text: string; field: string }) {
  const [copied, setCopied] = React.useState(false);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button type="button" style={button} onClick={copy} aria-label={`Copia il testo non salvato del campo «${field}»`}>
      {copied ? 'Copiato' : 'Copia'}
    </button>
  );
}

function RefusedList({ model, refused, onForget }: { model: string; refused: RefusedChanges; onForget: () => void }) {
  const label = (field: string) => CONTENT_TYPE_LAYOUTS[model]?.fields[field]?.label ?? field;
  return (
    <div data-testid="refused-changes" style={{ width: '100%' }}>
      <Verdict tone="danger">{`Salvataggio rifiutato ${when(refused.refusedAt)}`}</Verdict>
      <Text>
        La voce era stata salvata di nuovo dopo che l’avevi aperta: il modulo ora mostra quella versione.{' '}
        {refused.changes.length > 0
          ? 'Ecco cosa avevi cambiato, da riportare nei campi prima di salvare.'
          : 'Non avevi cambiato nulla: controllala e ripeti l’azione.'}
      </Text>
      <ul style={{ listStyle: 'none', margin: '0 0 1.2rem', padding: 0 }}>
        {refused.changes.map(({ field, value, lines }) => (
          <li key={field} style={{ margin: '0 0 1rem', fontSize: '1.3rem', color: COLOURS.text }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.8rem', alignItems: 'baseline' }}>
              <strong>{label(field)}</strong>
              {value !== undefined && <CopyButton text={value} field={label(field)} />}
            </div>
            {value === undefined && lines?.length ? (
              <ul style={{ margin: 0, paddingLeft: '1.6rem', color: COLOURS.muted }}>
                {lines.map((line, at) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a refused form, in their order, never reordered
                  <li key={at}>{line}</li>
                ))}
              </ul>
            ) : value === undefined ? (
              <span style={{ color: COLOURS.muted }}>modificato: da rifare</span>
            ) : (
              <div
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '12rem', overflowY: 'auto', color: COLOURS.muted }}
              >
                {value || '(vuoto)'}
              </div>
            )}
          </li>
        ))}
      </ul>
      <button type="button" style={button} onClick={onForget}>
        Fatto: nascondi
      </button>
    </div>
  );
}

/** Listed after a save refused because someone saved first (edit-conflicts.ts): what the officer had typed. */
export const UnsavedChangesPanel: PanelComponent = ({ model, documentId, collectionType, document }) => {
  const locale = useEditedLocale(document);
  const key = entryKey(collectionType, model, documentId, locale);
  const [refused, setRefused] = React.useState(() => readRefusedChanges(key));
  React.useEffect(() => {
    const reread = () => setRefused(readRefusedChanges(key));
    reread();
    window.addEventListener(REFUSED_EVENT, reread);
    return () => window.removeEventListener(REFUSED_EVENT, reread);
  }, [key]);
  if (!refused) return null;
  return {
    title: 'Modifiche non salvate',
    content: <RefusedList model={model} refused={refused} onForget={() => forgetRefusedChanges(key)} />,
  };
};
