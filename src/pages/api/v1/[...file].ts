// Every open-data file under /api/v1/ (JSON, CSV, JSON Schemas, index.json) from src/lib/api.ts.
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiData } from '../../../versions-data.ts';
import type { ApiFile } from '../../../lib/api.ts';

export const getStaticPaths = (async () =>
  (await apiData()).map((f) => ({
    params: { file: f.path.replace(/^\/api\/v1\//, '') },
    props: { f },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { f } = props as { f: ApiFile };
  return new Response(f.body, { headers: { 'Content-Type': f.mediaType } });
};
