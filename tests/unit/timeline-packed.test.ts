import { describe, expect, it } from 'vitest';
import { encodeTimeline } from '../../src/lib/timeline/data.ts';
import { packJson } from '../../src/lib/timeline/pack.ts';
import { isGzip, unpackJson } from '../../src/lib/timeline/packed.ts';
import { input } from '../fixtures/timeline.ts';

const buffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('gzip twins of the timeline data files', () => {
  const { json, summaries } = encodeTimeline(input());

  it('the packed main file and summary files read back as the same JSON', async () => {
    expect(await unpackJson(buffer(packJson(json)))).toEqual(json);
    for (const part of summaries) expect(await unpackJson(buffer(packJson(part)))).toEqual(part);
  });

  it('a packed file is gzip and smaller than its JSON', () => {
    const packed = packJson(json);
    expect(isGzip(packed)).toBe(true);
    expect(packed.length).toBeLessThan(JSON.stringify(json).length);
  });

  it('a file the host already decompressed (Content-Encoding: gzip) reads as plain JSON', async () => {
    const plain = new TextEncoder().encode(JSON.stringify(json));
    expect(isGzip(plain)).toBe(false);
    expect(await unpackJson(buffer(plain))).toEqual(json);
  });
});
