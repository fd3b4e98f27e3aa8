/**
 * The command line hashes with Node's own SHA-256 (OpenSSL), several times faster than the
 * JavaScript digest the browser pages use; the digests are the same (tests/core/hash-fallback.test.ts).
 */
import * as crypto from 'node:crypto';
import { useSha256Hex } from '../core/hash.ts';

/** Makes the core hash with node:crypto from now on (its one-shot `hash` where this Node has it). */
export function useNodeSha256(): void {
  const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
  useSha256Hex(oneShot ? (text) => oneShot('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex'));
}
