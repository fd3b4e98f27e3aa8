/**
 * The hashes the chain is made of: an entry's link text, written out by hand for speed, is exactly
 * its canonical JSON, so the chain is the one `canonicalize` gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/hash.ts';
import { entryLinkText } from '../../../src/core/log/seal.ts';

describe('the link text of an entry', () => {
  it('is the canonical JSON of the entry with its link fields', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const whole = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(
        fc.record({ seq: whole, node: text, choice: whole, clock: text, at: text, thinkMs: whole }),
        text,
        whole,
        fc.option(fc.record({ attempt: whole, seq: whole })),
        text,
        (entry, prev, attempt, from, startedAt) => {
          const expected = canonicalJson({ ...entry, prev, attempt, from, startedAt });
          expect(entryLinkText(entry, prev, attempt, { from, startedAt, entries: [] })).toBe(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
