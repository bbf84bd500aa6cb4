import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_DATA_FILE_NAMES, openDataResponse } from '../../lib/open-data/index.ts';
import { openDataExport } from '../../lib/open-data-export.ts';

/**
 * /opendata/<collection>.csv and .json (both languages in each file, a `locale` column),
 * /opendata/catalog.jsonld (DCAT-AP_IT) and /opendata/dictionary.json.
 */
export const getStaticPaths = (async () => {
  const { files } = await openDataExport(siteUrl());
  return OPEN_DATA_FILE_NAMES.map((file) => ({ params: { file }, cacheKey: files.get(file)!.sha1 }));
}) satisfies GetStaticPaths;

function siteUrl(): URL {
  if (!import.meta.env.SITE) throw new Error('The open-data files need absolute URLs: set `site` in astro.config.ts (SITE_URL).');
  return new URL(import.meta.env.SITE);
}

export const GET: APIRoute = async ({ params }) => {
  const file = (await openDataExport(siteUrl())).files.get(params.file ?? '');
  if (!file) throw new Error(`No open-data file "${params.file}": the files are ${OPEN_DATA_FILE_NAMES.join(', ')}.`);
  return openDataResponse(file);
};
