/**
 * The timeline's data files are also published gzip-compressed (`….json.gz`, built once at level
 * 9): a static host sends such a file as it is stored, where a server that compresses on the fly
 * spends time on every request (on `astro preview`, ~80 ms for the main file of a 10,000-event
 * register, before the first byte). The browser decompresses it with `DecompressionStream`; a
 * browser without one loads the plain `.json` file.
 *
 * `unpackJson` runs in the browser (web-standard APIs only); the files are written at build time
 * by `packJson` (pack.ts, Node).
 */

/** True when the bytes begin with gzip's magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The JSON value in the bytes of a `.json.gz` file — or in its content already decompressed,
 * for a host that sends the file with `Content-Encoding: gzip` (the browser then hands over the
 * plain JSON).
 */
export async function unpackJson<T>(bytes: ArrayBuffer): Promise<T> {
  const b = new Uint8Array(bytes);
  if (!isGzip(b)) return JSON.parse(new TextDecoder().decode(b)) as T;
  const plain = new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'));
  return (await new Response(plain).json()) as T;
}
