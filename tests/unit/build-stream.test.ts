import { describe, expect, it } from 'vitest';
import { emitRendered, hasRenderedListeners, pageFile, subscribeRendered } from '../../src/lib/build-stream.ts';

describe('pages handed on while they render', () => {
  it('a page URL maps to the file a directory-format build writes', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/de/events/2024-02-19-luftwaffe-webex-call/')).toBe(
      'de/events/2024-02-19-luftwaffe-webex-call/index.html',
    );
    expect(pageFile('/404')).toBe('404.html');
    expect(pageFile('/de/suche%20x/')).toBe('de/suche x/index.html');
  });

  it('subscribers receive every page until they unsubscribe, and a slow subscriber holds the page back', async () => {
    const got: string[] = [];
    let release!: () => void;
    const unsubscribe = subscribeRendered((p, html) => {
      got.push(`${p} ${html.length}`);
      if (p === '/slow/') return new Promise<void>((r) => (release = r));
      return undefined;
    });
    expect(hasRenderedListeners()).toBe(true);
    await emitRendered('/a/', '<html>');
    let slowDone = false;
    const slow = emitRendered('/slow/', 'x').then(() => (slowDone = true));
    await Promise.resolve();
    expect(slowDone).toBe(false);
    release();
    await slow;
    expect(slowDone).toBe(true);
    unsubscribe();
    await emitRendered('/after/', 'y');
    expect(got).toEqual(['/a/ 6', '/slow/ 1']);
    expect(hasRenderedListeners()).toBe(false);
  });
});
