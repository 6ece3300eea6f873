import { describe, expect, it } from 'vitest';
import {
  emptySearch,
  excerptParts,
  hasFilters,
  pagefindFilters,
  parseSearch,
  searchQuery,
  timelineHref,
} from '../../src/components/search/state.ts';

describe('search page state in the URL', () => {
  it('a search with facets survives the round trip through its query string', () => {
    const s = parseSearch('?q=Luftwaffe&type=Medienbericht&year=2024&type=Behebung');
    expect(s.q).toBe('Luftwaffe');
    expect(s.filters.type).toEqual(['Behebung', 'Medienbericht']);
    expect(parseSearch(searchQuery(s))).toEqual(s);
    expect(searchQuery(s)).toBe('?q=Luftwaffe&type=Behebung&type=Medienbericht&year=2024');
  });

  it('no query and no facet give the bare page address', () => {
    expect(searchQuery(emptySearch())).toBe('');
    expect(hasFilters(parseSearch('q=x'))).toBe(false);
  });

  it('facet values of one group are alternatives for Pagefind', () => {
    expect(pagefindFilters(parseSearch('kind=event&status=bestätigt&status=berichtet'))).toEqual({
      kind: { any: ['event'] },
      status: { any: ['berichtet', 'bestätigt'] },
    });
  });

  it('"show on the timeline" carries the same words', () => {
    expect(timelineHref('de', ' Webex & Co ')).toBe('/de/timeline/?q=Webex+%26+Co');
    expect(timelineHref('en', '')).toBe('/en/timeline/');
  });
});

describe('result excerpts', () => {
  it('marks become parts and entities are decoded to text', () => {
    expect(excerptParts('a &amp; <mark>Webex</mark> &lt;b&gt; &#246;')).toEqual([
      { text: 'a & ', mark: false },
      { text: 'Webex', mark: true },
      { text: ' <b> ö', mark: false },
    ]);
  });

  it('no other markup from the index survives', () => {
    const parts = excerptParts('x<img src=x onerror=alert(1)>y<script>z</script>');
    expect(parts).toEqual([{ text: 'xyz', mark: false }]);
  });
});
