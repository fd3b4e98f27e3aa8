import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../../src/core/engine/conditions.ts';
import { initialState } from '../../../src/core/engine/state.ts';
import { explainReaction } from '../../../src/core/verdict/explain.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { randomWalk, SLIPPED_WALK, walkArb, walkStates } from './walks.ts';

const SUPPORT_REASON = 'you conveyed the whole circular and kept its secrets';
const OPPOSE_REASON = 'you left out the Organ, promised too much or took no care';

describe('explainReaction', () => {
  it('explains the one draw that set the reaction on the faithful walk, with the reasons of the open outcomes only', () => {
    const states = walkStates(MINI_FAITHFUL_WALK);
    const draws = explainReaction(miniScenario, states);
    // The ministry's answer is a draw too, but it cannot set the reaction: it is not explained.
    expect(draws).toHaveLength(1);
    const [draw] = draws;
    expect(draw).toMatchObject({ node: 'meet-3', before: null, drawn: 'support' });
    expect(draw?.odds).toEqual([
      { response: 'support', label: 'Full support', share: 0.6 },
      { response: 'reserve', label: 'Support with reservations', share: 0.4 },
    ]);
    expect(draw?.reasons).toEqual([{ text: SUPPORT_REASON, response: 'support', share: 0.6 }]);
    expect(draw?.drawn).toBe(states.at(-1)?.actual);
  });

  it("shows how the student's slips closed the best outcome and opened the worst", () => {
    const states = walkStates(SLIPPED_WALK);
    const [draw] = explainReaction(miniScenario, states);
    expect(draw?.odds.map((o) => o.response)).toEqual(['reserve', 'oppose']);
    expect(draw?.odds[0]?.share).toBeCloseTo(2 / 3);
    expect(draw?.odds[1]?.share).toBeCloseTo(1 / 3);
    expect(draw?.reasons.map((r) => [r.text, r.response])).toEqual([[OPPOSE_REASON, 'oppose']]);
    expect(draw?.drawn).toBe('reserve');
  });

  it('explains nothing before the meeting, or with fewer than two states', () => {
    const states = walkStates(MINI_FAITHFUL_WALK);
    expect(explainReaction(miniScenario, states.slice(0, 5))).toEqual([]);
    expect(explainReaction(miniScenario, [initialState(miniScenario, { seed: 1, variant: 'historical' })])).toEqual([]);
    expect(explainReaction(miniScenario, [])).toEqual([]);
  });

  it('on any walk: shares sum to 1, the drawn reaction is the state after the draw, reasons come only from open outcomes', () => {
    const reasonsOf = new Map(
      (miniScenario.nodes['meet-3']?.chance ?? []).flatMap((o) => (o.reason === undefined ? [] : [[o.reason, o] as const])),
    );
    fc.assert(
      fc.property(walkArb, ({ seed, variant, picks }) => {
        const states = randomWalk(seed, variant, picks);
        const draws = explainReaction(miniScenario, states);
        const atMeet3 = states.slice(0, -1).flatMap((s, i) => (s.node === 'meet-3' ? [i] : []));
        expect(draws).toHaveLength(atMeet3.length);
        draws.forEach((draw, k) => {
          const i = atMeet3[k] ?? -1;
          const before = states[i];
          const after = states[i + 1];
          expect(draw.node).toBe('meet-3');
          expect(draw.before).toBe(before?.actual);
          expect(draw.drawn).toBe(after?.actual);
          expect(draw.odds.reduce((n, o) => n + o.share, 0)).toBeCloseTo(1, 10);
          expect(draw.odds.map((o) => o.response)).toContain(draw.drawn);
          for (const o of draw.odds) expect(o.share).toBeGreaterThan(0);
          for (const r of draw.reasons) {
            const outcome = reasonsOf.get(r.text);
            expect(outcome, r.text).toBeDefined();
            if (before) expect(holds(miniScenario, before, outcome?.if)).toBe(true);
            expect(draw.odds.find((o) => o.response === r.response)?.share).toBeGreaterThanOrEqual(r.share);
          }
        });
        expect(explainReaction(miniScenario, structuredClone(states))).toEqual(draws);
      }),
      { numRuns: 150 },
    );
  });
});
