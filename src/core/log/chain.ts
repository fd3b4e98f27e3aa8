/** Checking a sealed log's hash chain (the rules are in seal.ts). Async because loading the digest is; otherwise pure. */
import type { SealedLog } from './format.ts';
import { sha256Ready } from '../hash.ts';
import { decisionWhere } from './replay.ts';
import { attemptLink, emptyAttemptHashSync, genesisHashSync, headHashSync, linkHashSync } from './seal.ts';

/**
 * The first link of the chain and its head, at once (they are called after `sha256Ready()`).
 * `CHAIN_RULES` are the current format's; format 1 had its own (migrate.ts).
 */
export interface ChainRules {
  /** The first link. */
  genesisOf(log: SealedLog): string;
  /** The head, from the last link's hash. */
  headOf(log: SealedLog, last: string): string;
}

/** The rules of the current format. */
export const CHAIN_RULES: ChainRules = { genesisOf: genesisHashSync, headOf: (log, last) => headHashSync(last, log.verdict) };

/**
 * The first break in the hash chain, or none: which entry first fails, or that the file was
 * truncated when only the head does not match. The links are followed in order, each entry's hash
 * computed from the `prev` it stores, so the break reported is the first one.
 */
export async function chainProblems(log: SealedLog, rules: ChainRules = CHAIN_RULES): Promise<string[]> {
  await sha256Ready();
  // Each entry is hashed from the `prev` it stores, in order, at once (the digest is synchronous):
  // the first break found is the first in the file.
  let prev = rules.genesisOf(log);
  for (let a = 0; a < log.attempts.length; a++) {
    const attempt = log.attempts[a] as SealedLog['attempts'][number];
    const { entries } = attempt;
    const link = attemptLink(a, attempt);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as SealedLog['attempts'][number]['entries'][number];
      if (entry.prev !== prev) {
        const before = a === 0 && i === 0 ? 'the header (student, seed, variant, scenario or dates)' : 'an earlier entry or attempt';
        return [`The hash chain breaks at ${decisionWhere(a, i)}: it does not follow from what comes before it; ${before} or this decision was changed after the log was sealed.`];
      }
      if (entry.hash !== linkHashSync(link, entry, entry.prev)) return [`The hash chain breaks at ${decisionWhere(a, i)}: this decision was changed after the log was sealed.`];
      prev = entry.hash;
    }
    if (entries.length === 0) prev = emptyAttemptHashSync(prev, a, attempt);
  }
  if (log.head !== rules.headOf(log, prev)) {
    return [
      'The log does not end where it was sealed (its head hash does not match its last entry and its verdict): ' +
        'the file was truncated, or its end or its verdict was changed, added or removed.',
    ];
  }
  return [];
}
