import type * as React from 'react';
import { Link } from 'react-router-dom';
import { duration, pages, when } from './format';
import { isUpdating, type FailingEntry, type PublicationStatus } from './use-publication-status';

/** The admin's colours (Strapi's design system), so the boxes sit well beside its own. */
export const COLOURS = {
  text: '#32324d',
  muted: '#666687',
  success: '#328048',
  successBg: '#eafbe7',
  danger: '#b72b1a',
  dangerBg: '#fcecea',
  warning: '#8e4b10',
  warningBg: '#fdf4dc',
  link: '#4945ff',
};

const paragraph: React.CSSProperties = { margin: '0 0 0.8rem', fontSize: '1.4rem', lineHeight: 1.45, color: COLOURS.text };

type Tone = 'success' | 'danger' | 'warning' | 'neutral';
const TONES: Record<Tone, { color: string; background: string }> = {
  success: { color: COLOURS.success, background: COLOURS.successBg },
  danger: { color: COLOURS.danger, background: COLOURS.dangerBg },
  warning: { color: COLOURS.warning, background: COLOURS.warningBg },
  neutral: { color: COLOURS.muted, background: '#f6f6f9' },
};

/** A one-line verdict with a coloured dot: what an officer reads first. */
export function Verdict({ tone, children, testId }: { tone: Tone; children: React.ReactNode; testId?: string }) {
  const { color, background } = TONES[tone];
  return (
    <p
      role="status"
      data-testid={testId}
      style={{
        ...paragraph,
        display: 'flex',
        gap: '0.8rem',
        alignItems: 'baseline',
        fontWeight: 600,
        color,
        background,
        padding: '0.8rem 1.2rem',
        borderRadius: 4,
      }}
    >
      <span
        aria-hidden="true"
        style={{ display: 'inline-block', width: '0.9rem', height: '0.9rem', borderRadius: '50%', background: color, flex: 'none' }}
      />
      <span>{children}</span>
    </p>
  );
}

export const Text = ({ children, muted }: { children: React.ReactNode; muted?: boolean }) => (
  <p style={{ ...paragraph, ...(muted ? { color: COLOURS.muted, fontSize: '1.3rem' } : {}) }}>{children}</p>
);

/** Which entry and field stopped the last build, and what to do about it. */
export function FailureDetails({
  failure,
  error,
  currentDocumentId,
  currentLocale,
}: {
  failure?: FailingEntry;
  error?: string;
  currentDocumentId?: string;
  currentLocale?: string;
}) {
  if (!failure) {
    return (
      <div data-testid="publication-failure">
        <Text>
          <strong>Causa:</strong> un problema tecnico durante l’aggiornamento (per esempio il CMS non ha risposto in tempo).
        </Text>
        <Text>
          <strong>Cosa fare:</strong> pubblicare di nuovo fra qualche minuto. Se l’errore si ripete, avvisare gli sviluppatori.
        </Text>
        {error && <TechnicalDetails text={error} />}
      </div>
    );
  }
  const here = currentDocumentId !== undefined && failure.documentId === currentDocumentId;
  const entry = failure.name ? `${failure.typeName} «${failure.name}»` : `una voce di tipo ${failure.typeName} che non esiste più`;
  const field = failure.fieldLabel ? `, campo «${failure.fieldLabel}»` : '';
  return (
    <div data-testid="publication-failure">
      <Text>
        <strong>{here ? 'È questa voce ad aver bloccato l’aggiornamento:' : 'Ha bloccato l’aggiornamento:'}</strong>{' '}
        <span data-testid="publication-failure-entry">{entry}</span> (versione in {failure.language}){field}.
      </Text>
      <Text>
        <strong>Cosa fare:</strong> {whatToDo(failure, here, currentLocale)}
      </Text>
      {failure.editPath && !here && (
        <p style={paragraph}>
          <Link to={failure.editPath} style={{ color: COLOURS.link, fontWeight: 600 }}>
            Apri la voce da correggere
          </Link>
        </p>
      )}
      <TechnicalDetails text={`${failure.uid} ${failure.documentId} (${failure.locale}), ${failure.field || '-'}: ${failure.reason}`} />
    </div>
  );
}

/** The steps that fix a failing entry, from where the officer is: elsewhere, on the entry, on the very version. */
function whatToDo(failure: FailingEntry, here: boolean, currentLocale?: string): string {
  if (!failure.name) return 'pubblicare di nuovo una voce qualsiasi; se l’errore resta, avvisare gli sviluppatori.';
  const field = failure.fieldLabel ? `il campo «${failure.fieldLabel}»` : 'i dati';
  const fix = `controllare ${field}, correggerlo se serve e premere «Pubblica»: il sito si aggiorna da solo. Se il valore sembra giusto, avvisare gli sviluppatori.`;
  if (here && currentLocale === failure.locale) return `in questa pagina (versione in ${failure.language}) ${fix}`;
  if (here) return `passare alla versione in ${failure.language} (menu della lingua in alto a destra), ${fix}`;
  return `aprire la voce, passare alla versione in ${failure.language}, ${fix}`;
}

/** The build's own words, in English, folded away: for developers, not for the officer. */
function TechnicalDetails({ text }: { text: string }) {
  return (
    <details style={{ fontSize: '1.2rem', color: COLOURS.muted }}>
      <summary style={{ cursor: 'pointer' }}>Dettagli per gli sviluppatori</summary>
      <pre lang="en" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 200, overflowY: 'auto', marginTop: 4 }}>
        {text}
      </pre>
    </details>
  );
}

/** The site as a whole: the live release, and the last build's result in Italian. */
export function SiteStatus({
  status,
  currentDocumentId,
  currentLocale,
}: {
  status: PublicationStatus;
  currentDocumentId?: string;
  currentLocale?: string;
}) {
  if (!status.reachable) {
    return (
      <div data-testid="publication-status">
        <Verdict tone="danger" testId="publication-verdict">
          Il servizio di pubblicazione non risponde
        </Verdict>
        <Text>Le modifiche pubblicate sono salvate, ma il sito pubblico non si aggiorna finché il servizio non riparte.</Text>
        <Text>
          <strong>Cosa fare:</strong> riprovare fra qualche minuto; se dura, avvisare gli sviluppatori.
        </Text>
      </div>
    );
  }
  const last = status.lastBuild ?? null;
  const updating = status.building || (status.pendingEvents ?? 0) > 0;
  // The entry was just published and the publisher has not heard of it yet (the webhook is on its
  // way): the entry's own verdict says the site is updating, and the last update's green "Sito
  // aggiornato" would contradict it. The version online is still told below.
  const awaitingWebhook = !updating && isUpdating(status);
  return (
    <div data-testid="publication-status">
      {status.building ? (
        <Verdict tone="warning" testId="publication-verdict">
          Aggiornamento del sito in corso…
        </Verdict>
      ) : (status.pendingEvents ?? 0) > 0 ? (
        <Verdict tone="warning" testId="publication-verdict">
          Modifiche ricevute: l’aggiornamento del sito parte tra pochi secondi
        </Verdict>
      ) : awaitingWebhook ? null : !last ? (
        <Verdict tone="neutral" testId="publication-verdict">
          Nessun aggiornamento del sito ancora eseguito
        </Verdict>
      ) : last.ok ? (
        <Verdict tone="success" testId="publication-verdict">
          Sito aggiornato {when(last.finishedAt)}
        </Verdict>
      ) : (
        <Verdict tone="danger" testId="publication-verdict">
          Ultimo aggiornamento non riuscito ({when(last.finishedAt)})
        </Verdict>
      )}
      {status.mode === 'relay' ? (
        <Text muted>Il sito viene costruito e messo online da GitHub Actions: l’esito della pubblicazione si vede lì.</Text>
      ) : status.live ? (
        <Text muted>
          Versione del sito ora online: pronta {when(status.live.builtAt)}, {pages(status.live.pages)}
          {last?.ok ? ` (aggiornamento durato ${duration(last.durationMs)})` : ''}.
        </Text>
      ) : (
        <Text muted>Nessuna versione del sito è ancora online.</Text>
      )}
      {last && !last.ok && (
        <>
          {!updating && <Text>Il sito pubblico resta com’era prima di questo aggiornamento.</Text>}
          <FailureDetails failure={last.failure} error={last.error} currentDocumentId={currentDocumentId} currentLocale={currentLocale} />
        </>
      )}
    </div>
  );
}
