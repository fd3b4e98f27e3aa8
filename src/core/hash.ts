/**
 * SHA-256 over canonical JSON (RFC 8785, via `canonicalize`), through WebCrypto: the same code
 * runs in the browser and in Node 20 (globalThis.crypto). Async because WebCrypto is.
 */
import canonicalize from 'canonicalize';

interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): SubtleLike {
  const c = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this environment');
  return c.subtle;
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
  const digest = await subtle().digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}
