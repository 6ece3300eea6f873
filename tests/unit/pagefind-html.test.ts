import { describe, expect, it } from 'vitest';
import { indexedHtml, separateWords } from '../../src/lib/pagefind-html.ts';

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

  it('the head reaches Pagefind only with the tags that carry data-pagefind attributes; the body is unchanged', () => {
    const body =
      '<body><article data-pagefind-body><h1>Titel</h1><dl><dt>Typ</dt><dd>Aussage</dd></dl></article></body>';
    const html =
      '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src \'none\'">' +
      '<meta name="pagefind-kind" content="event" data-pagefind-meta="kind:event" data-pagefind-filter="kind:event">' +
      '<script type="application/ld+json">{"@type":"Event"}</script><title>Titel</title></head>' +
      body +
      '</html>';
    expect(indexedHtml(html)).toBe(
      '<!DOCTYPE html><html lang="de"><head><meta name="pagefind-kind" content="event" data-pagefind-meta="kind:event" data-pagefind-filter="kind:event"></head>' +
        separateWords(body) +
        '</html>',
    );
  });

  it('a page without a head is handed over whole', () => {
    const html = '<html lang="en"><body data-pagefind-body><p>x</p></body></html>';
    expect(indexedHtml(html)).toBe(separateWords(html));
  });
});
