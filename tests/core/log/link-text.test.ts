/**
 * The hashes the chain is made of: an entry's link text, the header the genesis covers and the
 * verdict the head seals, each written out by hand for speed, are exactly their canonical JSON, so
 * the chain is the one `canonicalize` gives (and it throws where `canonicalize` does).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalScalar } from '../../../src/core/hash.ts';
import type { LogHeader } from '../../../src/core/log/format.ts';
import { entryLinkText, headerOf, headerText, sameVerdict, verdictText } from '../../../src/core/log/seal.ts';
import type { Verdict } from '../../../src/core/verdict/summary.ts';
import { CLAIMS } from '../../../src/core/scenario/vocabulary.ts';

const text = fc.string({ unit: 'binary', maxLength: 20 });
const whole = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const gameTime = fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
const wallTime = fc.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);

describe('the link text of an entry', () => {
  it('is the canonical JSON of the entry with its link fields', () => {
    fc.assert(
      fc.property(
        // `clock` and `at` are times of the forms the log format allows (anything else is refused before the chain).
        fc.record(
          { seq: whole, node: text, choice: whole, clock: gameTime, at: wallTime, thinkMs: whole, reason: text },
          { requiredKeys: ['seq', 'node', 'choice', 'clock', 'at', 'thinkMs'] },
        ),
        // `prev` is a hash: the chain links to nothing else.
        fc.stringMatching(/^[0-9a-f]{64}$/),
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

describe('the header the genesis hash covers', () => {
  it('is the canonical JSON of the header, with or without a class code and a play mode', () => {
    const header = fc.record(
      {
        format: fc.constant('circular938-log' as const),
        formatVersion: fc.constant(2 as const),
        scenario: fc.record({ id: text, version: whole, hash: text }),
        seed: whole,
        variant: text,
        student: fc.record({ label: text, classCode: text }, { requiredKeys: ['label'] }),
        createdAt: text,
        rewind: fc.constantFrom('free' as const, 'look' as const, 'off' as const),
        reasons: fc.constantFrom('optional' as const, 'required' as const),
        play: fc.constant('class' as const),
      },
      { requiredKeys: ['format', 'formatVersion', 'scenario', 'seed', 'variant', 'student', 'createdAt', 'rewind', 'reasons'] },
    );
    fc.assert(fc.property(header, (h: LogHeader) => {
      expect(headerText(h)).toBe(canonicalJson(headerOf(h)));
    }), { numRuns: 2_000 });
  });
});

describe('the verdict the head seals', () => {
  const verdict: fc.Arbitrary<Verdict> = fc.record({
    outcome: fc.option(text),
    title: fc.option(text),
    claims: fc.array(fc.record({ claim: fc.constantFrom(...CLAIMS), stated: fc.boolean(), holds: fc.boolean(), text })),
    score: fc.record({ points: fc.integer(), max: fc.integer() }),
  });

  it('is the canonical JSON of the verdict', () => {
    fc.assert(fc.property(verdict, (v) => {
      expect(verdictText(v)).toBe(canonicalJson(v));
    }), { numRuns: 2_000 });
  });

  it('is the same for two verdicts exactly when sameVerdict says so', () => {
    // Pairs that differ in one small way as often as not: few texts, small numbers, 0 and -0.
    const small = fc.record({
      outcome: fc.option(fc.constantFrom('a', 'b')),
      title: fc.option(fc.constantFrom('a', 'b')),
      claims: fc.array(fc.record({ claim: fc.constantFrom('met-in-time', 'no-leak' as const), stated: fc.boolean(), holds: fc.boolean(), text: fc.constantFrom('a', 'b') }), { maxLength: 2 }),
      score: fc.record({ points: fc.constantFrom(0, -0, 1), max: fc.constantFrom(0, 2) }),
    });
    for (const pair of [fc.tuple(verdict, verdict), fc.tuple(small, small)]) {
      fc.assert(fc.property(pair, ([a, b]) => {
        expect(sameVerdict(a, b)).toBe(verdictText(a) === verdictText(b));
        expect(sameVerdict(a, structuredClone(a))).toBe(true);
      }), { numRuns: 3_000 });
    }
  });

  it('throws where canonicalize does: a lone surrogate, a number that is not finite', () => {
    const verdict: Verdict = { outcome: null, title: 'x\uD800', claims: [], score: { points: 1, max: 2 } };
    expect(() => canonicalJson(verdict)).toThrow('Lone surrogate');
    expect(() => verdictText(verdict)).toThrow('Lone surrogate');
    expect(() => verdictText({ ...verdict, title: null, score: { points: Number.NaN, max: 2 } })).toThrow('NaN');
    expect(canonicalScalar(-0)).toBe(canonicalJson(-0));
    expect(canonicalScalar(1e21)).toBe(canonicalJson(1e21));
  });
});
