/**
 * Engine properties (design.md §9) on the mini fixture and on every scenario under scenarios/:
 * replay is deterministic, the clock never runs backwards, and any random walk ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEffect } from '../../../src/core/engine/effects.ts';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { replayEvents } from '../../../src/core/log/replay.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { miniScenario } from '../../fixtures/mini-scenario.ts';
import { realScenarios } from '../../fixtures/real-scenarios.ts';

/** Steps a walk may take before it must have reached an ending. */
const MAX_STEPS = 300;
const RUNS = 150;

type Case = { name: string; scenario: Scenario } | { name: string; problem: string };

async function realCases(): Promise<Case[]> {
  return (await realScenarios()).map((c) => ('problem' in c ? c : { name: c.name, scenario: c.loaded.scenario }));
}

const cases: Case[] = [{ name: 'mini fixture', scenario: miniScenario }, ...(await realCases())];

interface Walk {
  choices: number[];
  states: SessionState[];
  /** Why the walk stopped before an ending, if it did. */
  stuck: string | null;
}

/** Takes a random available choice at each step (`picks[i]` modulo the number open). */
function randomWalk(scenario: Scenario, seed: number, variant: string, picks: readonly number[]): Walk {
  let state = initialState(scenario, { seed, variant });
  const states = [state];
  const choices: number[] = [];
  for (const pick of picks) {
    if (isEnded(scenario, state)) break;
    const open = availableChoices(scenario, state);
    const chosen = open[pick % Math.max(open.length, 1)];
    if (!chosen) return { choices, states, stuck: `no choice open at node "${state.node}"` };
    const r = step(scenario, state, { type: 'choice.made', choice: chosen.index });
    if (!r.ok) return { choices, states, stuck: r.error };
    choices.push(chosen.index);
    state = r.state;
    states.push(state);
  }
  return { choices, states, stuck: null };
}

function walkArb(scenario: Scenario): fc.Arbitrary<{ seed: number; variant: string; picks: number[] }> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    variant: fc.constantFrom(...Object.keys(scenario.variants)),
    picks: fc.array(fc.nat({ max: 1000 }), { minLength: MAX_STEPS, maxLength: MAX_STEPS }),
  });
}

describe.each(cases)('engine properties: $name', (c) => {
  if ('problem' in c) {
    it('loads', () => expect.fail(`${c.name} does not load:\n${c.problem}`));
    return;
  }
  const { scenario } = c;

  it('replays the same seed and choices to the same state', () => {
    fc.assert(
      fc.property(walkArb(scenario), ({ seed, variant, picks }) => {
        const walk = randomWalk(scenario, seed, variant, picks);
        const again = replayEvents(scenario, { seed, variant }, walk.choices);
        const third = replayEvents(scenario, { seed, variant }, walk.choices);
        expect(again.ok && again.states).toEqual(walk.states);
        expect(third).toEqual(again);
      }),
      { numRuns: RUNS },
    );
  });

  it('never runs the clock backwards along any walk', () => {
    fc.assert(
      fc.property(walkArb(scenario), ({ seed, variant, picks }) => {
        const { states } = randomWalk(scenario, seed, variant, picks);
        states.slice(1).forEach((s, i) => expect(s.clock).toBeGreaterThanOrEqual(states[i]?.clock ?? -Infinity));
      }),
      { numRuns: RUNS },
    );
  });

  it(`reaches an ending within ${MAX_STEPS} steps on any random walk, never stuck on the way`, () => {
    fc.assert(
      fc.property(walkArb(scenario), ({ seed, variant, picks }) => {
        const walk = randomWalk(scenario, seed, variant, picks);
        expect(walk.stuck).toBeNull();
        const last = walk.states.at(-1);
        expect(last && isEnded(scenario, last)).toBe(true);
        expect(last?.outcome).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a set effect', () => {
  it('gives the flags sorted and unique, as adding the flag and sorting did, and leaves the state it was given alone', () => {
    const start = initialState(miniScenario, { seed: 1, variant: Object.keys(miniScenario.variants)[0] as string });
    const flag = fc.string({ minLength: 1, maxLength: 6, unit: 'binary' });
    fc.assert(
      fc.property(fc.uniqueArray(flag, { maxLength: 12 }), flag, (flags, added) => {
        const sorted = [...flags].sort();
        const before: SessionState = { ...start, flags: sorted };
        const after = applyEffect(before, { set: added });
        expect(after.flags).toEqual([...new Set([...sorted, added])].sort());
        expect(before.flags).toEqual([...flags].sort());
        expect(after.flags).not.toBe(before.flags);
      }),
      { numRuns: 500 },
    );
  });
});
