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
