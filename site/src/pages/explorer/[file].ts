import type { APIRoute, GetStaticPaths } from 'astro';
import { explorerDataFiles } from '../../lib/explorer-data.ts';

/** /explorer/<locale>.<hash>.json: the project explorer's data (lib/explorer-data.ts). */
export const getStaticPaths = (async () =>
  (await explorerDataFiles()).map((data) => ({ params: { file: data.file }, props: { body: data.body } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
