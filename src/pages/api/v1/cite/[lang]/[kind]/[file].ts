// Citation downloads: /api/v1/cite/{lang}/{incidents|events}/{id}.{bib|ris|json}, current version —
// in `astro dev`; the build writes the same files after rendering (see getStaticPaths).
import type { APIRoute, GetStaticPaths } from 'astro';
import { allVersions } from '../../../../../../versions-data.ts';
import { incidents, events } from '../../../../../../queries.ts';
import { formatCitation, FILE_EXT, MIME, type CitationInput } from '../../../../../../lib/citation.ts';
import { LANGS, today } from '../../../../../../lib/settings.ts';

const FORMATS = ['bibtex', 'ris', 'csl'] as const;

export const getStaticPaths = (async () => {
  // A build writes these files from the pages' own citation texts (src/lib/downloads.ts,
  // src/integrations/downloads.ts) — 60,000 endpoint routes at 10,000 events would cost more than
  // a quarter of page generation. The dev server serves them from here.
  if (!import.meta.env.DEV) return [];
  const versions = await allVersions();
  const entries = [
    ...(await incidents()).map((e) => ({
      kind: 'incident' as const,
      path: 'incidents' as const,
      id: e.id,
      title: e.data.title,
    })),
    ...(await events()).map((e) => ({
      kind: 'event' as const,
      path: 'events' as const,
      id: e.id,
      title: e.data.title,
    })),
  ];
  return LANGS.flatMap((lang) =>
    entries.flatMap((e) =>
      FORMATS.map((f) => {
        const citation: CitationInput = {
          kind: e.kind,
          id: e.id,
          lang,
          title: e.title[lang],
          version: versions.get(`${e.path}/${e.id}`)!.current.version,
          accessed: today(),
        };
        return {
          params: { lang, kind: e.path, file: `${e.id}.${FILE_EXT[f]}` },
          props: { body: formatCitation(citation, f), type: MIME[f] },
        };
      }),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { body, type } = props as { body: string; type: string };
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
