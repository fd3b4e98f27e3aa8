/**
 * Walks through the mini scenario for the verdict and telegram tests: a fixed path by choice indices,
 * and a random walk (with every state along it) for the property tests.
 */
import fc from 'fast-check';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { replayEvents } from '../../../src/core/log/replay.ts';
import { MINI_VARIANTS, miniScenario } from '../../fixtures/mini-scenario.ts';

/** The states of a fixed walk, `states[0]` the initial one and the last the state after every choice. */
export function walkStates(choices: readonly number[], seed = 1, variant = 'historical'): SessionState[] {
  const r = replayEvents(miniScenario, { seed, variant }, choices);
  if (!r.ok) throw new Error(r.error);
  return r.states;
}

/** The state after a fixed walk. */
export function walk(choices: readonly number[], seed = 1, variant = 'historical'): SessionState {
  const states = walkStates(choices, seed, variant);
  const last = states.at(-1);
  if (!last) throw new Error('no state');
  return last;
}

/** Takes an open choice at each step (`picks[i]` modulo the number open) until an ending or the picks run out. */
export function randomWalk(seed: number, variant: string, picks: readonly number[]): SessionState[] {
  let state = initialState(miniScenario, { seed, variant });
  const states = [state];
  for (const pick of picks) {
    if (isEnded(miniScenario, state)) break;
    const open = availableChoices(miniScenario, state);
    const chosen = open[pick % Math.max(open.length, 1)];
    if (!chosen) throw new Error(`no choice open at node "${state.node}"`);
    const r = step(miniScenario, state, { type: 'choice.made', choice: chosen.index });
    if (!r.ok) throw new Error(r.error);
    state = r.state;
    states.push(state);
  }
  return states;
}

/** A seed, a variant and enough picks to reach an ending of the mini scenario (or to stop short of one). */
export const walkArb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  variant: fc.constantFrom(...MINI_VARIANTS),
  picks: fc.array(fc.nat({ max: 99 }), { minLength: 0, maxLength: 14 }),
});

/** Short démarche, both slips, no Organ request, report full support NIACT; with seed 1 the minister has reservations. */
export const SLIPPED_WALK: readonly number[] = [1, 0, 0, 1, 1, 2, 0, 0, 0, 0];

/** Waits for the written answer and sends NIACT at 17:05 local, after the press conference: ends "late". */
export const LATE_WALK: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 2, 0, 3];
