import * as React from 'react';
import type { Locale } from 'shared-types/enums';
import { documentRoute, href } from 'shared-types/routes';
import { when } from './format';
import { COLOURS, SiteStatus, Text, Verdict } from './SiteStatus';
import { isUpdating, usePublicationStatus, type PublicationStatus } from './use-publication-status';
import { languageName } from '../../language-names';
import { type PanelComponent, useEditedLocale } from '../side-panel';

/** The entry's public page on the live site, when the site's URL scheme gives it one. */
function publicUrl(status: PublicationStatus): string | null {
  const entry = status.entry;
  if (!entry) return null;
  const route = documentRoute(entry.uid, { slug: entry.slug, project: { slug: entry.projectSlug } });
  return route ? `${status.siteUrl}${href(entry.locale as Locale, route)}` : null;
}

function EntryStatus({ model, documentId, locale, refreshKey }: { model: string; documentId: string; locale: string; refreshKey: string }) {
  const params = React.useMemo(() => ({ uid: model, documentId, locale }), [model, documentId, locale]);
  const { status, failed } = usePublicationStatus(params, refreshKey);
  if (failed && !status) return <Text>Impossibile leggere lo stato della pubblicazione. Ricaricare la pagina.</Text>;
  if (!status) return <Text muted>Lettura dello stato della pubblicazione…</Text>;
  const entry = status.entry;
  const language = languageName(locale);
  const url = publicUrl(status);
  const failedSincePublished =
    entry?.publishedAt &&
    status.lastBuild &&
    !status.lastBuild.ok &&
    Date.parse(status.lastBuild.startedAt) >= Date.parse(entry.publishedAt);

  // An action is shown on its project's page only: whatever the site's state, it is on no page.
  const notShown = entry?.publishedAt ? entry.notShown : null;
  let verdict: React.ReactNode = null;
  if (notShown) {
    verdict = (
      <Verdict tone="warning" testId="entry-verdict">
        Pubblicata, ma non compare sul sito
      </Verdict>
    );
  } else if (status.reachable && entry) {
    if (!entry.publishedAt) {
      verdict = <Verdict tone="neutral" testId="entry-verdict">{`Versione in ${language} non pubblicata: non è sul sito`}</Verdict>;
    } else if (entry.live) {
      verdict = (
        <Verdict tone="success" testId="entry-verdict">
          Online sul sito pubblico
        </Verdict>
      );
    } else if (entry.live === null) {
      verdict = <Verdict tone="neutral" testId="entry-verdict">{`Pubblicata ${when(entry.publishedAt)}`}</Verdict>;
    } else if (failedSincePublished) {
      verdict = (
        <Verdict tone="danger" testId="entry-verdict">
          Pubblicata, ma non ancora sul sito
        </Verdict>
      );
    } else if (isUpdating(status)) {
      verdict = (
        <Verdict tone="warning" testId="entry-verdict">
          Pubblicata: il sito si sta aggiornando…
        </Verdict>
      );
    } else {
      verdict = (
        <Verdict tone="warning" testId="entry-verdict">
          Pubblicata: in attesa dell’aggiornamento del sito
        </Verdict>
      );
    }
  }

  const schedule = entry?.scheduled;
  return (
    <div data-testid="publication-panel" style={{ width: '100%' }}>
      {schedule?.failure && (
        <>
          <Verdict tone="danger" testId="schedule-verdict">
            {`Pubblicazione programmata non riuscita (${when(schedule.failure.at)})`}
          </Verdict>
          <Text>{schedule.failure.message}</Text>
          <Text muted>
            Si riprova ogni minuto finché «Pubblica il» resta compilato: correggere la voce, oppure premere «Pubblica» per vedere cosa
            manca.
          </Text>
        </>
      )}
      {schedule && !schedule.failure && <Text muted>{`Pubblicazione programmata: ${when(schedule.publishAt)}.`}</Text>}
      {verdict}
      {notShown?.reason === 'no-project' && (
        <Text>
          Sul sito un’azione compare solo nella pagina del suo progetto, e questa non è collegata a nessun progetto. Sceglierlo nel campo
          «Progetto» e pubblicare di nuovo.
        </Text>
      )}
      {notShown?.reason === 'project-not-published' && (
        <Text>{`Sul sito un’azione compare solo nella pagina del suo progetto, «${notShown.project}», che non è pubblicato in ${language}. Comparirà quando il progetto sarà pubblicato.`}</Text>
      )}
      {!notShown && entry?.publishedAt && entry.live && <Text muted>{`Pubblicata ${when(entry.publishedAt)}.`}</Text>}
      {!notShown && entry?.publishedAt && entry.live === false && !failedSincePublished && (
        <Text muted>Questo riquadro si aggiorna da solo finché il sito non mostra la modifica.</Text>
      )}
      {url && !notShown && entry?.publishedAt && entry.live !== false && (
        <p style={{ margin: '0 0 1.2rem', fontSize: '1.4rem' }}>
          <a
            href={url}
            target="_blank"
            rel="noreferrer"
            data-testid="entry-public-link"
            style={{
              display: 'inline-block',
              color: '#fff',
              background: COLOURS.link,
              padding: '0.6rem 1.2rem',
              borderRadius: 4,
              fontWeight: 600,
              textDecoration: 'none',
            }}
          >
            Vedi sul sito
          </a>
        </p>
      )}
      {entry?.linkedByPublished ? (
        <Text muted>
          {`Compare nelle pagine di ${entry.linkedByPublished === 1 ? 'una voce pubblicata' : `${entry.linkedByPublished} voci pubblicate`} in ${language}: finché ci sono, non si può convertire in bozza né eliminare in questa lingua.`}
        </Text>
      ) : null}
      <SiteStatus status={status} currentDocumentId={status.entry?.documentId ?? documentId} currentLocale={locale} />
    </div>
  );
}

/** The edit view's "Sul sito pubblico" panel: is this entry live, where, and did the last update work. */
export const PublicationStatusPanel: PanelComponent = ({ model, documentId, collectionType, document }) => {
  const locale = useEditedLocale(document);
  if (!model.startsWith('api::')) return null;
  // A single type's page has no documentId in its address: the server finds the document.
  if (!documentId && collectionType !== 'single-types') return null;
  const refreshKey = `${document?.updatedAt ?? ''}|${document?.publishedAt ?? ''}|${document?.status ?? ''}`;
  return {
    title: 'Sul sito pubblico',
    content: <EntryStatus model={model} documentId={documentId ?? ''} locale={locale} refreshKey={refreshKey} />,
  };
};
