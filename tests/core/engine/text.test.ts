import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/core/engine/state.ts';
import { nodeText } from '../../../src/core/engine/text.ts';
import type { ScenarioNode } from '../../../src/core/scenario/schema.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { walk } from '../verdict/walks.ts';

const washington = miniScenario.nodes['washington'] as ScenarioNode;
const TEXT = 'In Washington, the Department reads the reports.';
const SUPPORT = 'Your telegram says the government stands with Washington.';
const PILE = 'The telegrams from the other posts pile up on the desk.';
const HONEST = 'What you sent is what the minister said.';

/** The faithful walk's state just before its last choice: at the Washington node, full support reported truly. */
const atWashington: SessionState = walk(MINI_FAITHFUL_WALK.slice(0, -1));

describe('nodeText', () => {
  it('shows only the text of a node without passages', () => {
    const node = miniScenario.nodes['meet-1'] as ScenarioNode;
    expect(nodeText(miniScenario, node, atWashington)).toEqual(['The minister receives you.']);
  });

  it('shows the text, then every passage whose condition holds, in file order', () => {
    expect(atWashington.node).toBe('washington');
    expect(nodeText(miniScenario, washington, atWashington)).toEqual([TEXT, SUPPORT, PILE, HONEST]);
  });

  it('leaves out a passage whose condition fails and always shows one without a condition', () => {
    // Support reported, but the minister had reservations: the honest-report passage goes.
    const rosy = { ...atWashington, actual: 'reserve' };
    expect(nodeText(miniScenario, washington, rosy)).toEqual([TEXT, SUPPORT, PILE]);
    // Opposition reported truly: the support passage goes.
    const opposed: SessionState = { ...atWashington, actual: 'oppose', reported: 'oppose', sent: { reported: 'oppose', precedence: 'NIACT', draft: [] } };
    expect(nodeText(miniScenario, washington, opposed)).toEqual([TEXT, PILE, HONEST]);
  });

  it('tests a claim on the telegram that left, not on a later word', () => {
    const corrected = { ...atWashington, actual: 'reserve', reported: 'reserve' };
    expect(nodeText(miniScenario, washington, corrected)).toEqual([TEXT, PILE]);
  });

  it('never changes the node it is given', () => {
    const before = JSON.stringify(washington);
    nodeText(miniScenario, washington, atWashington);
    expect(JSON.stringify(washington)).toBe(before);
  });
});
