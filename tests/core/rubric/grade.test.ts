import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { rubricTotal } from '../../../src/core/rubric/grade.ts';
import { scoreRubric } from '../../../src/core/rubric/rubric.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { PRECEDENCES } from '../../../src/core/scenario/vocabulary.ts';
import { judgeTelegram, telegramFaults } from '../../../src/core/telegram/judge.ts';
import { MINI_FAITHFUL_WALK, miniScenario, MINI_VARIANTS } from '../../fixtures/mini-scenario.ts';
import { realScenarios } from '../../fixtures/real-scenarios.ts';
import { walk } from '../verdict/walks.ts';

const real = await realScenarios();

/** What the rubric counts as faulty among the words, remarks and comment, from the full judgement. */
function judgedFaults(scenario: Scenario, state: SessionState): number {
  return judgeTelegram(scenario, state).parts.filter((p) => (p.part === 'words' || p.part === 'remarks' || p.part === 'comment') && p.fault).length;
}

function expectSameScore(scenario: Scenario, state: SessionState): void {
  expect(telegramFaults(scenario, state)).toBe(judgedFaults(scenario, state));
  expect(rubricTotal(scenario, state)).toEqual(scoreRubric(scenario, state).total);
}

/** Every state of walks through a scenario that take open choices picked from the seed. */
function walkEveryState(scenario: Scenario, walks: number, check: (state: SessionState) => void): number {
  const variants = Object.keys(scenario.variants);
  let states = 0;
  for (let seed = 1; seed <= walks; seed++) {
    let state = initialState(scenario, { seed, variant: variants[seed % variants.length] as string });
    check(state);
    for (let i = 0; i < 200 && !isEnded(scenario, state); i++) {
      const open = availableChoices(scenario, state);
      const r = step(scenario, state, { type: 'choice.made', choice: open[(seed * 31 + i * 7) % open.length]?.index ?? 0 });
      if (!r.ok) break;
      state = r.state;
      check(state);
      states++;
    }
  }
  return states;
}

describe('the rubric total without its words', () => {
  it('is the rubric total on every state of random walks through the mini scenario', () => {
    expect(walkEveryState(miniScenario, 300, (s) => expectSameScore(miniScenario, s))).toBeGreaterThan(1000);
  });

  for (const c of real) {
    it(`is the rubric total on every state of walks through ${c.name}`, () => {
      if (!('loaded' in c)) throw new Error(c.problem);
      const { scenario } = c.loaded;
      expect(walkEveryState(scenario, 40, (s) => expectSameScore(scenario, s))).toBeGreaterThan(100);
    });
  }

  it('is the rubric total for any telegram, slips and reactions (contradicting parts, parts left out, late words)', () => {
    const base = walk(MINI_FAITHFUL_WALK);
    const paragraphs = Object.keys(miniScenario.telegram.paragraphs);
    const responses = Object.keys(miniScenario.responses);
    const reaction = fc.option(fc.constantFrom(...responses), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          sent: fc.option(fc.record({ reported: reaction, precedence: fc.option(fc.constantFrom(...PRECEDENCES), { nil: null }), draft: fc.array(fc.constantFrom(...paragraphs), { maxLength: 6 }) }), { nil: null }),
          draft: fc.array(fc.constantFrom(...paragraphs), { maxLength: 6 }),
          actual: reaction,
          reported: reaction,
          leaks: fc.subarray(Object.keys(miniScenario.pitfalls)),
          variant: fc.constantFrom(...MINI_VARIANTS),
        }),
        (parts) => expectSameScore(miniScenario, { ...base, ...parts }),
      ),
      { numRuns: 2000 },
    );
  });
});
