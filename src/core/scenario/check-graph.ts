/**
 * Checks on the shape of a scenario's node graph: every node reachable, no loops, every path
 * ends, nobody stuck, and no ending reached without a report sent to Washington. Pure.
 */
import type { Condition, Effect, Scenario, ScenarioNode } from './schema.ts';
import type { PathSegment } from './issues.ts';

/** Records one problem at a path of the scenario. */
export type Report = (path: PathSegment[], message: string) => void;

/** A way out of a node: a choice or a chance outcome. */
export interface Exit {
  /** Path of the choice or outcome (`nodes.x.choices[1]`). */
  path: PathSegment[];
  next: string;
  if: Condition | undefined;
  effects: readonly Effect[];
}

/** The choices or chance outcomes of a node, in file order. */
export function exitsOf(id: string, node: ScenarioNode): Exit[] {
  const kind = node.choices ? 'choices' : 'chance';
  const list = node.choices ?? node.chance ?? [];
  return list.map((x, i) => ({ path: ['nodes', id, kind, i], next: x.next, if: x.if, effects: x.effects ?? [] }));
}

const arrow = (ids: readonly string[]): string => ids.join(' → ');

/** Node id → exits that lead to an existing node. Broken `next`s are reported by the reference checks. */
function edges(scenario: Scenario): Map<string, Exit[]> {
  const ids = new Set(Object.keys(scenario.nodes));
  const out = new Map<string, Exit[]>();
  for (const [id, node] of Object.entries(scenario.nodes)) {
    out.set(id, exitsOf(id, node).filter((e) => ids.has(e.next)));
  }
  return out;
}

/** Breadth-first from `from`, never entering a node `skip` refuses; returns each reached node's predecessor. */
function search(graph: Map<string, Exit[]>, from: string, skip: (id: string) => boolean): Map<string, string | null> {
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const exit of graph.get(id) ?? []) {
      if (parent.has(exit.next) || skip(exit.next)) continue;
      parent.set(exit.next, id);
      queue.push(exit.next);
    }
  }
  return parent;
}

function pathTo(parent: Map<string, string | null>, id: string): string[] {
  const path: string[] = [];
  for (let at: string | null | undefined = id; at !== null && at !== undefined; at = parent.get(at)) path.unshift(at);
  return path;
}

function checkCycles(graph: Map<string, Exit[]>, report: Report): void {
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (id: string): void => {
    stack.push(id);
    onStack.add(id);
    for (const exit of graph.get(id) ?? []) {
      if (onStack.has(exit.next)) {
        const loop = [...stack.slice(stack.indexOf(exit.next)), exit.next];
        report([...exit.path, 'next'], `closes a loop ${arrow(loop)}; the graph must have no cycles, so that every playthrough ends`);
      } else if (!done.has(exit.next)) {
        visit(exit.next);
      }
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
  };
  for (const id of graph.keys()) if (!done.has(id)) visit(id);
}

function checkEndingsReachable(scenario: Scenario, graph: Map<string, Exit[]>, report: Report): void {
  const into = new Map<string, string[]>();
  for (const [id, exits] of graph) for (const e of exits) into.set(e.next, [...(into.get(e.next) ?? []), id]);
  const ends = Object.keys(scenario.nodes).filter((id) => scenario.nodes[id]?.ending !== undefined);
  const reaches = new Set(ends);
  const queue = [...ends];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const from of into.get(id) ?? []) {
      if (!reaches.has(from)) {
        reaches.add(from);
        queue.push(from);
      }
    }
  }
  for (const id of Object.keys(scenario.nodes)) {
    if (!reaches.has(id)) report(['nodes', id], 'no path from this node reaches an ending');
  }
}

function checkDeadEnds(scenario: Scenario, report: Report): void {
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.choices && node.choices.every((c) => c.if !== undefined)) {
      report(['nodes', id, 'choices'], 'every choice has an "if", so a student can find none open; leave at least one choice without "if"');
    }
    if (node.chance && node.chance.every((o) => o.if !== undefined)) {
      report(['nodes', id, 'chance'], 'every outcome has an "if", so none may apply; leave at least one outcome without "if"');
    }
    // A fallback is the way out when nothing else is open; a condition on it would defeat that.
    const items: readonly { if?: unknown; fallback?: true | undefined }[] = node.choices ?? node.chance ?? [];
    const list = node.choices ? 'choices' : 'chance';
    items.forEach((item, i) => {
      if (item.fallback && item.if !== undefined) {
        report(['nodes', id, list, i, 'if'], 'a fallback is offered only when nothing else is open, so it must not have an "if"');
      }
    });
  }
}

/**
 * Reports unreachable nodes, cycles (each closing edge, with the loop), nodes that reach no
 * ending, choice and chance nodes whose every way out is conditional, and endings reachable
 * from the start without passing a report-phase node. Pure.
 */
export function checkGraph(scenario: Scenario, report: Report): void {
  const graph = edges(scenario);
  checkCycles(graph, report);
  checkEndingsReachable(scenario, graph, report);
  checkDeadEnds(scenario, report);
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return;

  const reached = search(graph, scenario.start, () => false);
  for (const id of Object.keys(scenario.nodes)) {
    if (!reached.has(id)) report(['nodes', id], `cannot be reached from the start node "${scenario.start}"`);
  }
  const isReport = (id: string): boolean => scenario.nodes[id]?.phase === 'report';
  if (isReport(scenario.start)) return;
  const bypass = search(graph, scenario.start, isReport);
  for (const id of bypass.keys()) {
    if (scenario.nodes[id]?.ending === undefined) continue;
    report(['nodes', id], `this ending can be reached without a report to Washington (${arrow(pathTo(bypass, id))}); every path must pass a node in phase "report"`);
  }
}
