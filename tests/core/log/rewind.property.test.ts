/**
 * Replay issue, point 8: any random walk with random rewinds (from any attempt, to any earlier
 * decision, as the store allows) replays to the same state for every attempt, through `replayLog`
 * one attempt at a time and through `replayAttempts` all at once, before sealing and after
 * sealLog → file → verifyLog. On the mini fixture and the real Mexico scenario, both asking why at
 * some nodes, with reasons written or left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SealedLog } from '../../../src/core/log/format.ts';
import type { ScenarioRef } from '../../../src/core/log/library.ts';
import { replayAttempts, replayLog } from '../../../src/core/log/replay.ts';
import { sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLog } from '../../../src/core/log/verify.ts';
import type { SessionState } from '../../../src/core/engine/state.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { currentRefs, everyOtherChoiceNode, miniWithWhy, playWalk, withWhy, type WalkInput, type WalkOp } from './format2-fixtures.ts';

const mexicoNow = (await currentRefs()).find((r) => r.scenario.id === 'mexico');
if (!mexicoNow) throw new Error('scenarios/mexico.yaml does not load');
/** `rewindOneIn`: one op in so many is a rewind; a Mexico game is long, so it rewinds less often to reach its endings. */
const cases: { name: string; ref: ScenarioRef; runs: number; maxOps: number; rewindOneIn: number }[] = [
  { name: 'the mini fixture', ref: await miniWithWhy(), runs: 200, maxOps: 60, rewindOneIn: 6 },
  { name: 'the Mexico scenario', ref: await withWhy(mexicoNow.scenario, everyOtherChoiceNode(mexicoNow.scenario)), runs: 100, maxOps: 140, rewindOneIn: 25 },
];

const opArb = (rewindOneIn: number): fc.Arbitrary<WalkOp> => fc.record({
  rewind: fc.nat({ max: rewindOneIn - 1 }).map((n) => n === 0),
  pick: fc.nat({ max: 100_000 }),
  reason: fc.option(fc.string({ minLength: 1, maxLength: 40 }).map((s) => `R: ${[...s].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('')}`), { nil: undefined }),
});

function walkArb(ref: ScenarioRef, maxOps: number, rewindOneIn: number): fc.Arbitrary<WalkInput> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    variant: fc.constantFrom(...Object.keys(ref.scenario.variants)),
    ops: fc.array(opArb(rewindOneIn), { minLength: 1, maxLength: maxOps, size: 'max' }),
    reasons: fc.constantFrom('optional' as const, 'required' as const),
  });
}

/** Every attempt of `log` replays, one by one and all at once, to `finals`. */
function expectFinals(ref: ScenarioRef, log: Parameters<typeof replayAttempts>[1], finals: readonly SessionState[]): void {
  const all = replayAttempts(ref.scenario, log);
  expect(all.errors.every((e) => e === null)).toBe(true);
  expect(all.finals).toEqual(finals);
  for (const [a, final] of finals.entries()) {
    const one = replayLog(ref.scenario, log, { attempt: a });
    if (!one.ok) expect.fail(`attempt ${a}: ${one.error}`);
    expect(one.state).toEqual(final);
  }
  const last = all.last;
  if (!last.ok) expect.fail(last.error);
  expect(last.state).toEqual(finals.at(-1));
}

describe('a random walk with random rewinds', () => {
  for (const { name, ref, runs, maxOps, rewindOneIn } of cases) {
    it(`replays to the state of every attempt, before and after sealing and verifying (${name})`, async () => {
      const seen = { rewound: 0, manyAttempts: 0, reasons: 0, ended: 0 };
      await fc.assert(
        fc.asyncProperty(walkArb(ref, maxOps, rewindOneIn), async (input) => {
          const { log, finals, paths } = playWalk(ref, input);
          if (log.attempts.length > 1) seen.rewound++;
          if (log.attempts.length > 3) seen.manyAttempts++;
          if (log.attempts.some((a) => a.entries.some((e) => e.reason !== undefined))) seen.reasons++;
          if (finals.some((s) => ref.scenario.nodes[s.node]?.ending !== undefined)) seen.ended++;
          expect(finals).toHaveLength(log.attempts.length);
          // The states along each attempt's path, as the store shows them, are replay's too.
          for (const [a, path] of paths.entries()) {
            const one = replayLog(ref.scenario, log, { attempt: a });
            if (!one.ok) expect.fail(one.error);
            expect(one.states).toEqual(path);
          }
          expectFinals(ref, log, finals);

          const file = JSON.parse(JSON.stringify(await sealLog(log, verdictOf(ref.scenario, finals.at(-1) as SessionState)))) as SealedLog;
          const r = await verifyLog(file, ref);
          if (!r.ok) expect.fail(r.problems.join('\n'));
          expect(r.formatRead).toBe(2);
          expect(r.attempts.map((s) => s.node)).toEqual(finals.map((s) => s.node));
          expect(r.attempts.map((s) => s.ending)).toEqual(finals.map((s) => ref.scenario.nodes[s.node]?.ending?.title ?? null));
          expect(r.replay.state).toEqual(finals.at(-1));
          expectFinals(ref, r.log, finals);
          expect(unsealLog(r.log)).toEqual(log);
        }),
        { numRuns: runs, seed: 938_2 },
      );
      // The walks are not trivial: most rewind, many several times, most write reasons, some reach an ending.
      expect(seen.rewound).toBeGreaterThan(runs / 2);
      expect(seen.manyAttempts).toBeGreaterThan(runs / 5);
      expect(seen.reasons).toBeGreaterThan(runs / 2);
      expect(seen.ended).toBeGreaterThan(runs / 10);
    });
  }
});
