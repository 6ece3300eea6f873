/** Build side of packed.ts: the `.json.gz` twin of a timeline data file. Node only. */
import { gzipSync } from 'node:zlib';

/** The gzip file of a JSON value (level 9: built once, read many times). */
export function packJson(value: unknown): Uint8Array<ArrayBuffer> {
  const gz = gzipSync(JSON.stringify(value), { level: 9 });
  return new Uint8Array(gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength));
}
