import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashJson, sha256Hex } from '../../src/core/hash.ts';

describe('hashing where WebCrypto is missing (a school server on plain http)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the same SHA-256 without crypto.subtle as with it', async () => {
    const texts = ['', 'abc', 'Señor Embajador — NIACT', 'x'.repeat(100_000)];
    const withSubtle = await Promise.all(texts.map(sha256Hex));
    vi.stubGlobal('crypto', {});
    const without = await Promise.all(texts.map(sha256Hex));
    expect(without).toEqual(withSubtle);
    expect(without[1]).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hashJson({ b: 1, a: [2, 'é'] })).toMatch(/^[0-9a-f]{64}$/);
  });
});
