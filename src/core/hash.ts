/**
 * SHA-256 over canonical JSON (RFC 8785, via `canonicalize`), computed by `@noble/hashes` (audited, no
 * dependencies): the same digest in the browser and in Node. The command line hands the core Node's
 * own SHA-256 instead (`useSha256Hex`, src/cli/native-hash.ts), several times faster for a class.
 *
 * Not WebCrypto: browsers offer `crypto.subtle` only in secure contexts (a school's own server often
 * speaks plain http, where a student could then not download a log), and in Node every
 * `subtle.digest` call waits its turn on the libuv thread pool, so that a log of thousands of entries
 * took minutes whenever the pool was busy. A synchronous digest has neither problem. The library is
 * imported on first use, so the first screen of the game does not carry it (only the debrief's
 * download and the verifier hash anything), which is why the API is async. Code that hashes many
 * texts in a row (a log's chain) awaits `sha256Ready()` once and then calls `sha256HexSync`.
 */
import canonicalize from 'canonicalize';

const encoder = new TextEncoder();

/** Canonical JSON text of a JSON value (sorted keys, no whitespace). Throws TypeError for non-JSON values. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** What JSON escapes in a string (quote, backslash, control characters) and surrogates, which canonicalize checks. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `canonicalJson` of one string or number, at once for a string that needs no escape and holds no
 * surrogate (most of those in a log): for writing the canonical JSON of a known shape by hand.
 * Throws as `canonicalJson` does (a lone surrogate, a number that is not finite).
 */
export function canonicalScalar(value: string | number): string {
  if (typeof value === 'string') return NEEDS_CARE.test(value) ? canonicalJson(value) : `"${value}"`;
  return Number.isFinite(value) ? String(value) : canonicalJson(value);
}

/** Lower-case hex SHA-256 of a UTF-8 string, at once. */
export type Sha256Hex = (text: string) => string;
let loading: Promise<unknown> | null = null;
let loaded: Sha256Hex | null = null;

/** The two hex digits of each byte value. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number] as string;
  return out;
}

/** Loads the digest (once); after it resolves, `sha256HexSync` may be called. */
export function sha256Ready(): Promise<void> {
  loading ??= import('@noble/hashes/sha2.js').then((m) => {
    loaded ??= (text) => hexOf(m.sha256(encoder.encode(text)));
  });
  return loading.then(() => undefined);
}

/**
 * Hashes with `digest` from now on: a platform's own SHA-256 (Node's, for the command line and the
 * bench, several times faster than any in JavaScript). It must compute SHA-256 of the text's UTF-8
 * bytes as lower-case hex; tests/core/hash-fallback.test.ts checks Node's against the library's.
 */
export function useSha256Hex(digest: Sha256Hex): void {
  loaded = digest;
  loading = Promise.resolve();
}

/**
 * Lower-case hex SHA-256 of a UTF-8 string, computed at once. Throws a `NotLoadedError` when called
 * before `sha256Ready()` has resolved: a programmer's error.
 */
export function sha256HexSync(text: string): string {
  if (loaded === null) throw new NotLoadedError();
  return loaded(text);
}

/** `sha256HexSync` was called before the digest was loaded. */
export class NotLoadedError extends Error {
  override readonly name = 'NotLoadedError';
  constructor() {
    super('sha256HexSync was called before sha256Ready() resolved');
  }
}

/** Lower-case hex SHA-256 of a UTF-8 string. The digest itself is synchronous, once loaded. */
export async function sha256Hex(text: string): Promise<string> {
  if (loaded === null) await sha256Ready();
  return sha256HexSync(text);
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}

/** `hashJson`, at once (after `sha256Ready()`). */
export function hashJsonSync(value: unknown): string {
  return sha256HexSync(canonicalJson(value));
}
