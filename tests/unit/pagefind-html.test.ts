import { describe, expect, it } from 'vitest';
import { separateWords } from '../../src/lib/pagefind-html.ts';

/** The text a reader or an indexer gets from the markup: tags removed, nothing else added. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the HTML handed to Pagefind', () => {
  it('words in adjacent definition and table cells stay separate words', () => {
    const html = '<dl><dt>Typ</dt><dd>Aussage</dd></dl><table><tr><th>Monat</th><td>12</td></tr></table>';
    expect(text(html)).toContain('TypAussage');
    expect(text(separateWords(html)).split(/\s+/).filter(Boolean)).toEqual(['Typ', 'Aussage', 'Monat', '12']);
  });

  it('inline markup and attributes are left as they are', () => {
    const html = '<p data-pagefind-meta="title:„Taurus“-Leak">Vogel<strong>sang</strong> <a href="/x/">Link</a></p>';
    expect(separateWords(html)).toBe(html);
  });
});
