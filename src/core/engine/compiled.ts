/**
 * A scenario's nodes as `step` reads them, worked out once per node and kept beside the scenario (a
 * scenario is immutable data, design.md §3): the node found by a Map rather than an own-property test
 * on a large record, each choice's or outcome's condition and effects as functions, and the node it
 * leads to. Replaying a class's logs steps the same nodes a great many times. Pure.
 */
import type { Choice, Outcome, Scenario, ScenarioNode } from '../scenario/schema.ts';
import { testOf, type Test } from './conditions.ts';
import { effectOf, type Apply } from './effects.ts';
import { lookup } from './lookup.ts';

/** A choice or a chance outcome, compiled. */
export interface CompiledItem {
  item: Choice | Outcome;
  /** Its condition; null when it has none (always open). */
  test: Test | null;
  fallback: boolean;
  /** An outcome's weight; 0 for a choice. */
  weight: number;
  minutes: number;
  effects: readonly Apply[];
  /** The node it leads to, or undefined when the scenario has none of that id. */
  target: ScenarioNode | undefined;
}

export interface CompiledNode {
  node: ScenarioNode;
  /** The node's choices, or null at a chance node or an ending. */
  choices: readonly CompiledItem[] | null;
  chance: readonly CompiledItem[] | null;
}

const compiled = new WeakMap<Scenario, Map<string, CompiledNode | null>>();
/** The scenario asked last and its nodes: a replay asks about one scenario many times in a row, and this spares the WeakMap (one scenario is kept alive by it). */
let lastScenario: Scenario | null = null;
let lastNodes: Map<string, CompiledNode | null> | undefined;

function compileItem(scenario: Scenario, item: Choice | Outcome): CompiledItem {
  return {
    item,
    test: item.if === undefined ? null : testOf(item.if),
    fallback: item.fallback === true,
    weight: 'weight' in item ? item.weight : 0,
    minutes: item.minutes ?? 0,
    effects: (item.effects ?? []).map(effectOf),
    target: lookup(scenario.nodes, item.next),
  };
}

/** Node `id` of the scenario, compiled (on first use), or undefined when it has none. */
export function compiledNode(scenario: Scenario, id: string): CompiledNode | undefined {
  let nodes = scenario === lastScenario ? lastNodes : compiled.get(scenario);
  if (nodes === undefined) {
    nodes = new Map();
    compiled.set(scenario, nodes);
  }
  lastScenario = scenario;
  lastNodes = nodes;
  let found = nodes.get(id);
  if (found === undefined) {
    const node = lookup(scenario.nodes, id);
    found = node === undefined ? null : {
      node,
      choices: node.choices?.map((c) => compileItem(scenario, c)) ?? null,
      chance: node.chance?.map((o) => compileItem(scenario, o)) ?? null,
    };
    // Only ids the scenario has are kept: a file can name any number of others.
    if (found !== null) nodes.set(id, found);
  }
  return found ?? undefined;
}
