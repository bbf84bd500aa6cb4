import { timed } from './build-timing.ts';
import { buildOpenData, type OpenDataExport } from './open-data/index.ts';
import { getPortfolio } from './portfolio.ts';

let built: { site: string; data: Promise<OpenDataExport> } | undefined;

/**
 * The open-data export of this build, made once: the endpoint (pages/opendata/[file].ts) and the
 * data page in both languages show the same files, about 60 MB at a thousand projects.
 */
export function openDataExport(site: URL): Promise<OpenDataExport> {
  if (built?.site !== site.href) {
    const data = Promise.all([getPortfolio('it'), getPortfolio('en')]).then(([it, en]) =>
      timed('open data', () => buildOpenData({ it, en }, site)),
    );
    built = { site: site.href, data };
  }
  return built.data;
}
