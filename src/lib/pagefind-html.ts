/**
 * The HTML handed to Pagefind. Pagefind joins the text of adjacent elements it does not treat as
 * blocks: `<dt>Typ</dt><dd>Aussage</dd>` is indexed as the one word "typaussage", which no reader
 * searches for and which fills the index with words that exist nowhere (at 10,000 events, about a
 * sixth of the bytes a first search loads). A space after the closing tag of each such element keeps
 * the words apart; the page itself is not changed. Pure module: no Astro imports.
 */
const JOINED = /<\/(dt|dd|th|td|caption|tr|dl|ol|ul|li|table|figcaption|summary)>/gi;

export function separateWords(html: string): string {
  return html.replace(JOINED, '</$1> ');
}

/**
 * What Pagefind reads of a page: the page with its `<head>` cut down to the tags Pagefind reads
 * there (those with `data-pagefind-…` attributes, such as the page kind's filter). Pagefind takes
 * the language from `<html lang>` and the rest (text, filters, meta, title from the first heading)
 * from the body. The head is a third of an event page's bytes (the CSP hashes, JSON-LD, citation
 * metadata, alternates), which were encoded, piped to Pagefind's process and parsed there for
 * nothing. On the 1k corpus every page's fragment is the same, word for word, with or without it
 * (see CHANGELOG). A page whose `<head>` cannot be found is sent whole.
 */
export function indexedHtml(html: string): string {
  const start = html.indexOf('<head>');
  const end = start < 0 ? -1 : html.indexOf('</head>', start);
  if (end < 0) return separateWords(html);
  const kept = html.slice(start, end).match(/<[a-z][^>]*\sdata-pagefind-[^>]*>/gi) ?? [];
  return separateWords(`${html.slice(0, start)}<head>${kept.join('')}</head>${html.slice(end + '</head>'.length)}`);
}
