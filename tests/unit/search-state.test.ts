import { describe, expect, it } from 'vitest';
import {
  bulkEdit,
  emptySearch,
  excerptParts,
  facetEntries,
  hasFilters,
  pagefindFilters,
  parseSearch,
  searchQuery,
  timelineHref,
} from '../../src/components/search/state.ts';
import { CLIENT_STRINGS, clientStrings, searchStrings } from '../../src/components/search/strings.ts';

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

describe('typing and pasting', () => {
  it('a keystroke is not a bulk edit; a paste, autofill or replaced selection is', () => {
    expect(bulkEdit('conf', 'confe')).toBe(false);
    expect(bulkEdit('confe', 'conf')).toBe(false);
    expect(bulkEdit('cnference', 'conference')).toBe(false);
    expect(bulkEdit('', 'c')).toBe(false);
    expect(bulkEdit('', 'conference')).toBe(true);
    expect(bulkEdit('webex', 'zoom')).toBe(true);
    expect(bulkEdit('webex leak', 'webex')).toBe(true);
    expect(bulkEdit('aa', 'aaa')).toBe(false);
  });
});

describe('facet groups', () => {
  const alpha = (a: string, b: string) => a.localeCompare(b);
  const many = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}`);

  it('a short group keeps its order and offers every value, zero counts too', () => {
    expect(facetEntries(['b', 'a', 'c'], { a: 2, c: 5 }, ['b'], alpha)).toEqual({
      entries: [
        { value: 'a', count: 2, checked: false },
        { value: 'b', count: 0, checked: true },
        { value: 'c', count: 5, checked: false },
      ],
      more: 0,
    });
  });

  it('a long group shows its most frequent values and every checked one, the rest on demand', () => {
    const counts = Object.fromEntries(many.map((v, i) => [v, i]));
    const { entries, more } = facetEntries(many, counts, ['p00', 'gone'], alpha, { limit: 5 });
    expect(entries.map((e) => e.value)).toEqual(['p29', 'p28', 'p27', 'p26', 'p25', 'gone', 'p00']);
    expect(entries.filter((e) => e.checked).map((e) => e.value)).toEqual(['gone', 'p00']);
    expect(more).toBe(31 - 7);
    const all = facetEntries(many, counts, ['p00'], alpha, { limit: 5, expanded: true });
    expect(all.entries).toHaveLength(30);
    expect(all.more).toBe(0);
  });

  it('ties in a long group keep the given order', () => {
    const { entries } = facetEntries(many, {}, [], alpha, { limit: 3 });
    expect(entries.map((e) => e.value)).toEqual(['p00', 'p01', 'p02']);
  });
});

describe('strings for the script', () => {
  it('the page passes the script every string it uses and none it does not', () => {
    const s = clientStrings(searchStrings('de'));
    expect(Object.keys(s).sort()).toEqual([...CLIENT_STRINGS].sort());
    expect(s.kindLabels['event']).toBe('Ereignis');
    expect(s.publisher).toBe('Herausgeber der Quelle');
    expect('noJs' in s).toBe(false);
  });
});
