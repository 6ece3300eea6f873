/**
 * Case- and diacritics-insensitive text matching for the timeline's `q` filter.
 * Umlauts and accents fold to their base letter ("Übung" matches "ubung", "Défense" matches
 * "defense"); "ß" folds to "ss" so "Straße" and "Strasse" meet.
 */

/** Lower case, without diacritics, ß as ss, quotes and dashes as spaces, runs of space collapsed. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\s\u00a0"'„“”‚‘’«»‹›–—-]+/g, ' ')
    .trim();
}

/** The words of a query, folded; every word must occur (as a substring) for a match. */
export function queryTokens(q: string): string[] {
  const f = fold(q);
  return f === '' ? [] : [...new Set(f.split(' '))];
}

/** True when every token occurs in the folded haystack. */
export function matchesTokens(foldedText: string, tokens: readonly string[]): boolean {
  for (const t of tokens) if (!foldedText.includes(t)) return false;
  return true;
}
