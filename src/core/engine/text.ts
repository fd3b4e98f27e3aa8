/** The words a node shows in a state: its text, then each passage whose condition holds. Pure. */
import type { Scenario, ScenarioNode } from '../scenario/schema.ts';
import { holds } from './conditions.ts';
import type { SessionState } from './state.ts';

/** The paragraphs of `node` as shown in `state`, in file order. */
export function nodeText(scenario: Scenario, node: ScenarioNode, state: SessionState): string[] {
  return [node.text, ...(node.passages ?? []).filter((p) => holds(scenario, state, p.if)).map((p) => p.text)];
}
