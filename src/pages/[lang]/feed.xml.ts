// Atom feed per language: new and changed events and every correction (src/lib/feeds.ts).
import type { APIRoute } from 'astro';
import { atomFeed } from '../../lib/feeds.ts';
import { ct } from '../../lib/cite-i18n.ts';
import { LANGS, SITE_URL, type Lang } from '../../lib/settings.ts';
import { feedChanges, feedEvents } from '../../feed-data.ts';

export const getStaticPaths = () => LANGS.map((lang) => ({ params: { lang } }));

export const GET: APIRoute = async ({ params }) => {
  const lang = params['lang'] as Lang;
  const body = atomFeed({
    lang,
    title: ct(lang, 'feedTitle'),
    self: `${SITE_URL}/${lang}/feed.xml`,
    home: `${SITE_URL}/${lang}/`,
    events: await feedEvents(lang),
    changes: await feedChanges(),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
