/**
 * SHA-256 over canonical JSON (RFC 8785, via `canonicalize`), computed by `@noble/hashes` (audited, no
 * dependencies): the same code and the same digest in the browser and in Node.
 *
 * Not WebCrypto: browsers offer `crypto.subtle` only in secure contexts (a school's own server often
 * speaks plain http, where a student could then not download a log), and in Node every
 * `subtle.digest` call waits its turn on the libuv thread pool, so that a log of thousands of entries
 * took minutes whenever the pool was busy. A synchronous digest has neither problem. The API stays
 * async so that callers need not change if that ever does.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

const encoder = new TextEncoder();

/** Canonical JSON text of a JSON value (sorted keys, no whitespace). Throws TypeError for non-JSON values. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** Lower-case hex SHA-256 of a UTF-8 string, synchronously. Pure. */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): Promise<string> {
  return Promise.resolve(sha256HexSync(text));
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}
