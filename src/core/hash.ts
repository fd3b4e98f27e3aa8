/**
 * SHA-256 over canonical JSON (RFC 8785, via `canonicalize`), computed by `@noble/hashes` (audited, no
 * dependencies): the same code and the same digest in the browser and in Node.
 *
 * Not WebCrypto: browsers offer `crypto.subtle` only in secure contexts (a school's own server often
 * speaks plain http, where a student could then not download a log), and in Node every
 * `subtle.digest` call waits its turn on the libuv thread pool, so that a log of thousands of entries
 * took minutes whenever the pool was busy. A synchronous digest has neither problem. The library is
 * imported on first use, so the first screen of the game does not carry it (only the debrief's
 * download and the verifier hash anything), which is why the API is async.
 */
import canonicalize from 'canonicalize';

const encoder = new TextEncoder();

/** Canonical JSON text of a JSON value (sorted keys, no whitespace). Throws TypeError for non-JSON values. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

type Sha256 = (bytes: Uint8Array) => Uint8Array;
let digest: Promise<Sha256> | null = null;

function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Lower-case hex SHA-256 of a UTF-8 string. The digest itself is synchronous, once loaded. */
export async function sha256Hex(text: string): Promise<string> {
  digest ??= import('@noble/hashes/sha2.js').then((m) => m.sha256);
  return hexOf((await digest)(encoder.encode(text)));
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}
