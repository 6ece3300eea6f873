/**
 * In a build, hands every prerendered HTML page to the build-time subscribers (src/lib/build-stream.ts:
 * the search index is built while pages render). Responses pass through unchanged: the same HTML,
 * status and headers. In dev, or without subscribers, it does nothing.
 */
import { defineMiddleware } from 'astro:middleware';
import { emitRendered, hasRenderedListeners } from './lib/build-stream.ts';

const decoder = new TextDecoder();

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !hasRenderedListeners() || response.status !== 200) return response;
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  // The bytes are read once and handed on as they are: Astro writes them to the file, so the page's
  // text is decoded once for the subscribers and never encoded again.
  const bytes = new Uint8Array(await response.arrayBuffer());
  await emitRendered(context.url.pathname, decoder.decode(bytes));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
