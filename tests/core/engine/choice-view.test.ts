import { describe, expect, it } from 'vitest';
import { availableChoices, initialState, timeOf } from '../../../src/core/index.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { miniScenario } from '../../fixtures/mini-scenario.ts';

/** The mini scenario with five plain choices at the start node, one of which jumps the clock. */
function withChoices(shuffle: boolean): Scenario {
  const s = structuredClone(miniScenario);
  const start = s.nodes[s.start];
  const next = start?.choices?.[0]?.next;
  if (!start || !next) throw new Error('fixture changed: start node has no choices');
  start.choices = ['A', 'B', 'C', 'D', 'E'].map((label) => ({ label, minutes: 10, next }));
  start.choices[4] = { label: 'E', minutes: 10, effects: [{ clockTo: '1962-11-20T08:30-06:00' }], next };
  if (shuffle) start.shuffle = true;
  else delete start.shuffle;
  return s;
}

describe('choices as the student sees them', () => {
  it('keeps file order unless the node asks for a shuffle', () => {
    const s = withChoices(false);
    const state = initialState(s, { seed: 7, variant: 'historical' });
    expect(availableChoices(s, state).map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('shuffles by seed and node: the same order on every call, other orders for other seeds', () => {
    const s = withChoices(true);
    const order = (seed: number): number[] =>
      availableChoices(s, initialState(s, { seed, variant: 'historical' })).map((c) => c.index);
    expect(order(7)).toEqual(order(7));
    expect([...order(7)].sort()).toEqual([0, 1, 2, 3, 4]);
    const seen = new Set(Array.from({ length: 40 }, (_, seed) => order(seed).join()));
    expect(seen.size).toBeGreaterThan(10);
    const firsts = new Set(Array.from({ length: 40 }, (_, seed) => order(seed)[0]));
    expect(firsts.size).toBe(5);
  });

  it('says where a choice moves the clock when a clockTo goes past its minutes', () => {
    const s = withChoices(false);
    const state = initialState(s, { seed: 1, variant: 'historical' });
    const views = availableChoices(s, state);
    expect(views[0]?.until).toBeNull();
    expect(views[4]?.until).toBe(timeOf('1962-11-20T08:30-06:00'));
  });
});
