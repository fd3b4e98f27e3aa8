/**
 * SHA-256 over canonical JSON (RFC 8785, via `canonicalize`), through WebCrypto: the same code
 * runs in the browser and in Node 20 (globalThis.crypto). Async because WebCrypto is.
 *
 * Browsers offer WebCrypto only in secure contexts, and a school's own server often speaks plain
 * http: there the same digest comes from `@noble/hashes` (audited, no dependencies), loaded only
 * when it is needed, so a student can always download a log.
 */
import canonicalize from 'canonicalize';

interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): SubtleLike | null {
  return (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle ?? null;
}

async function digest(bytes: Uint8Array): Promise<Uint8Array> {
  const s = subtle();
  if (s) return new Uint8Array(await s.digest('SHA-256', bytes));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return sha256(bytes);
}

/** Canonical JSON text of a JSON value (sorted keys, no whitespace). Throws TypeError for non-JSON values. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  return Array.from(await digest(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}
