import { describe, expect, it } from 'vitest';
import { availableChoices, initialState, step } from '../../../src/core/index.ts';
import { checkScenario } from '../../../src/core/scenario/check.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { miniScenario } from '../../fixtures/mini-scenario.ts';

/** The mini scenario with its start node's choices replaced: one per variant, and a fallback. */
function withFallback(): Scenario {
  const s = structuredClone(miniScenario);
  const start = s.nodes[s.start];
  if (!start?.choices?.[0]) throw new Error('fixture changed: start node has no choices');
  const next = start.choices[0].next;
  start.choices = [
    { label: 'Historical way', minutes: 5, if: { variant: 'historical' }, next },
    { label: 'Spare way out', minutes: 5, fallback: true, next },
  ];
  return s;
}

describe('fallback choices', () => {
  it('hides a fallback while another choice is open', () => {
    const s = withFallback();
    const state = initialState(s, { seed: 1, variant: 'historical' });
    expect(availableChoices(s, state).map((c) => c.label)).toEqual(['Historical way']);
    expect(step(s, state, { type: 'choice.made', choice: 1 }).ok).toBe(false);
  });

  it('offers the fallback when nothing else is open', () => {
    const s = withFallback();
    const state = initialState(s, { seed: 1, variant: 'refusal' });
    expect(availableChoices(s, state).map((c) => c.label)).toEqual(['Spare way out']);
    expect(step(s, state, { type: 'choice.made', choice: 1 }).ok).toBe(true);
  });

  it('reports a fallback that has a condition', () => {
    const s = withFallback();
    const start = s.nodes[s.start];
    if (start?.choices?.[1]) start.choices[1].if = { flag: 'x' };
    const messages = checkScenario(s).map((i) => `${i.path}: ${i.message}`);
    expect(messages.some((m) => m.includes('choices[1].if') && m.includes('fallback'))).toBe(true);
  });
});
