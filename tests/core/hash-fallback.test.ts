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
