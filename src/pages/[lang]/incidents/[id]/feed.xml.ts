// Atom feed of one incident: its new and changed events and its corrections.
import type { APIRoute } from 'astro';
import { atomFeed } from '../../../../lib/feeds.ts';
import { ct } from '../../../../lib/cite-i18n.ts';
import { LANGS, SITE_URL, type Lang } from '../../../../lib/settings.ts';
import { feedChanges, feedEvents, incidentIds } from '../../../../feed-data.ts';

export const getStaticPaths = async () => {
  const all = await incidentIds();
  return LANGS.flatMap((lang) => all.map((i) => ({ params: { lang, id: i.id }, props: { title: i.title } })));
};

export const GET: APIRoute = async ({ params, props }) => {
  const lang = params['lang'] as Lang;
  const id = params['id']!;
  const { title } = props as { title: { de: string; en: string } };
  const body = atomFeed({
    lang,
    title: `${ct(lang, 'feedIncidentTitle')}: ${title[lang]}`,
    self: `${SITE_URL}/${lang}/incidents/${id}/feed.xml`,
    home: `${SITE_URL}/${lang}/incidents/${id}/`,
    events: await feedEvents(lang, id),
    changes: await feedChanges(id),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
