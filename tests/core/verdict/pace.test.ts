import { describe, expect, it } from 'vitest';
import { FAST_THINK_MS, paceOf } from '../../../src/core/verdict/pace.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { walk } from './walks.ts';

/** The faithful walk's path as log entries, each with its think time. */
function path(thinkMs: readonly number[]): { node: string; thinkMs: number }[] {
  return walk(MINI_FAITHFUL_WALK).trail.map((t, i) => ({ node: t.node, thinkMs: thinkMs[i] ?? 0 }));
}

describe('paceOf', () => {
  it('counts the decisions of a path, leaving out the chance steps', () => {
    // cable-arrives, call-ministry, (ministry-answers), meet-1, meet-2, (meet-3), code-room, precedence, washington
    const pace = paceOf(miniScenario, path([5000, 6000, 100, 7000, 8000, 100, 9000, 10000, 11000]));
    expect(pace).toEqual({ decisions: 7, fast: 0, medianMs: 8000 });
  });

  it('does not count a quick "Continue" at a chance step as a fast decision', () => {
    const pace = paceOf(miniScenario, path([5000, 5000, 10, 5000, 5000, 10, 5000, 5000, 5000]));
    expect(pace.fast).toBe(0);
  });

  it('records a choice taken faster than anyone reads the choices as very fast', () => {
    const pace = paceOf(miniScenario, path([FAST_THINK_MS - 1, FAST_THINK_MS, 0, 300, 9000, 0, 9000, 9000, 9000]));
    expect(pace.fast).toBe(2);
  });

  it('takes the median of the decisions, whatever their order', () => {
    const entries = [
      { node: 'meet-1', thinkMs: 3000 },
      { node: 'code-room', thinkMs: 1000 },
      { node: 'precedence', thinkMs: 90000 },
    ];
    expect(paceOf(miniScenario, entries).medianMs).toBe(3000);
    expect(paceOf(miniScenario, [...entries].reverse()).medianMs).toBe(3000);
  });

  it('ignores entries at nodes the scenario does not have', () => {
    expect(paceOf(miniScenario, [{ node: 'nowhere', thinkMs: 10 }, { node: 'meet-1', thinkMs: 4000 }])).toEqual({ decisions: 1, fast: 0, medianMs: 4000 });
  });

  it('gives zero for a path with no decisions', () => {
    expect(paceOf(miniScenario, [])).toEqual({ decisions: 0, fast: 0, medianMs: 0 });
    expect(paceOf(miniScenario, [{ node: 'meet-3', thinkMs: 1 }])).toEqual({ decisions: 0, fast: 0, medianMs: 0 });
  });
});
