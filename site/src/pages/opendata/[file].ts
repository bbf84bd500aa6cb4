import type { APIRoute, GetStaticPaths } from 'astro';
import { buildOpenData, OPEN_DATA_FILE_NAMES, type OpenDataExport } from '../../lib/open-data/index.ts';
import { getPortfolio } from '../../lib/portfolio.ts';

/**
 * /opendata/<collection>.csv and .json (both languages in each file, a `locale` column),
 * /opendata/catalog.jsonld (DCAT-AP_IT) and /opendata/dictionary.json.
 */
export const getStaticPaths = (() => OPEN_DATA_FILE_NAMES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

let openData: Promise<OpenDataExport> | undefined;

// Built once per build: every file comes from the same two portfolios.
async function build(site: URL): Promise<OpenDataExport> {
  const [it, en] = await Promise.all([getPortfolio('it'), getPortfolio('en')]);
  return buildOpenData({ it, en }, site);
}

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('The open-data files need absolute URLs: set `site` in astro.config.ts (SITE_URL).');
  const file = (await (openData ??= build(site))).files.get(params.file ?? '');
  if (!file) throw new Error(`No open-data file "${params.file}": the files are ${OPEN_DATA_FILE_NAMES.join(', ')}.`);
  return new Response(file.body, { headers: { 'Content-Type': `${file.mediaType}; charset=utf-8` } });
};
