import { COLOURS, SiteStatus, Text } from './SiteStatus';
import { usePublicationStatus } from './use-publication-status';

/** The home page's "Pubblicazione del sito" widget: is the public site up to date, and if not, why. */
export default function StatusWidget() {
  const { status, failed } = usePublicationStatus(null);
  if (failed && !status) return <Text>Impossibile leggere lo stato della pubblicazione. Ricaricare la pagina.</Text>;
  if (!status) return <Text muted>Lettura dello stato della pubblicazione…</Text>;
  return (
    <div data-testid="publication-widget" style={{ width: '100%' }}>
      <SiteStatus status={status} />
      {status.reachable && status.live && (
        <p style={{ margin: 0, fontSize: '1.4rem' }}>
          <a href={`${status.siteUrl}/`} target="_blank" rel="noreferrer" style={{ color: COLOURS.link, fontWeight: 600 }}>
            Apri il sito pubblico
          </a>
        </p>
      )}
    </div>
  );
}
