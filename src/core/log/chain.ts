/** Checking a sealed log's hash chain (the rules are in seal.ts). Async because hashing is; otherwise pure. */
import type { SealedLog } from './format.ts';
import { emptyAttemptHash, entryHash, genesisHash, headHash } from './seal.ts';

/**
 * The first break in the hash chain, or none: which entry first fails, or that the file was
 * truncated when only the head does not match. Every entry's hash is computed at once from the
 * `prev` it stores; the links are then followed in order, so
 * the break reported is the first one. `rules` are the first link's and the head's (format 1 had its own).
 */
export interface ChainRules {
  /** The first link. */
  genesisOf(log: SealedLog): Promise<string>;
  /** The head, from the last link's hash. */
  headOf(log: SealedLog, last: string): Promise<string>;
}

/** The rules of the current format. */
export const CHAIN_RULES: ChainRules = { genesisOf: genesisHash, headOf: (log, last) => headHash(last, log.verdict) };

export async function chainProblems(log: SealedLog, rules: ChainRules = CHAIN_RULES): Promise<string[]> {
  const { genesisOf } = rules;
  const [genesis, hashes] = await Promise.all([
    genesisOf(log),
    Promise.all(log.attempts.map((attempt, a) => Promise.all(attempt.entries.map((entry) => entryHash(entry, entry.prev, a, attempt))))),
  ]);
  let prev = genesis;
  for (const [a, attempt] of log.attempts.entries()) {
    for (const [i, entry] of attempt.entries.entries()) {
      const where = `The hash chain breaks at attempt ${a} entry ${i}`;
      if (entry.prev !== prev) {
        const before = a === 0 && i === 0 ? 'the header (student, seed, variant, scenario or dates)' : 'an earlier entry or attempt';
        return [`${where}: it does not follow from what comes before it; ${before} or this entry was changed after the log was sealed.`];
      }
      if (entry.hash !== hashes[a]?.[i]) return [`${where}: this entry was changed after the log was sealed.`];
      prev = entry.hash;
    }
    if (attempt.entries.length === 0) prev = await emptyAttemptHash(prev, a, attempt);
  }
  if (log.head !== (await rules.headOf(log, prev))) {
    return [
      'The log does not end where it was sealed (its head hash does not match its last entry and its verdict): ' +
        'the file was truncated, or its end or its verdict was changed, added or removed.',
    ];
  }
  return [];
}
