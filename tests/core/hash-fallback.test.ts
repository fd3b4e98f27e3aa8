import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashJson, sha256Hex } from '../../src/core/hash.ts';

describe('hashing needs no WebCrypto (a school server on plain http has none)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the same SHA-256 as WebCrypto, and works without crypto.subtle', async () => {
    const texts = ['', 'abc', 'Señor Embajador — NIACT', 'x'.repeat(100_000)];
    const hex = (b: ArrayBuffer): string => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const withSubtle = await Promise.all(texts.map(async (t) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t)))));
    expect(await Promise.all(texts.map(sha256Hex))).toEqual(withSubtle);
    vi.stubGlobal('crypto', {});
    const without = await Promise.all(texts.map(sha256Hex));
    expect(without).toEqual(withSubtle);
    expect(without[1]).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hashJson({ b: 1, a: [2, 'é'] })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the command line's digest (Node's own SHA-256)", () => {
  it('gives the same digests as the JavaScript one the pages use, on any text, lone surrogates included', async () => {
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { useSha256Hex, sha256HexSync, sha256Ready } = await import('../../src/core/hash.ts');
    const { useNodeSha256 } = await import('../../src/cli/native-hash.ts');
    const fc = (await import('fast-check')).default;
    const library = (text: string): string => Array.from(sha256(new TextEncoder().encode(text)), (b) => b.toString(16).padStart(2, '0')).join('');
    await sha256Ready();
    useNodeSha256();
    try {
      for (const text of ['', 'abc', 'Señor Embajador — NIACT', '\uD800 alone', 'x'.repeat(100_000)]) expect(sha256HexSync(text)).toBe(library(text));
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256HexSync(text) === library(text)), { numRuns: 2000 });
    } finally {
      useSha256Hex(library);
    }
  });
});
