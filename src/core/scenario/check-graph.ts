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

/** Paths longer than this are shown by their first and last few nodes, so a message stays one readable line. */
const SHOWN = 8;

/** A long path as its first and last nodes, with how many are left out between them. */
function shortened(head: readonly string[], omitted: number, tail: readonly string[]): string {
  return `${head.join(' → ')} → … ${omitted} more … → ${tail.join(' → ')}`;
}

/** `a → b → c`; a long path as its first and last `SHOWN` nodes with the count between. */
function arrow(ids: readonly string[]): string {
  if (ids.length <= 2 * SHOWN + 1) return ids.join(' → ');
  return shortened(ids.slice(0, SHOWN), ids.length - 2 * SHOWN, ids.slice(-SHOWN));
}

/** Node id → exits that lead to an existing node. Broken `next`s are reported by the reference checks. */
function edges(scenario: Scenario): Map<string, Exit[]> {
  const ids = new Set(Object.keys(scenario.nodes));
  const out = new Map<string, Exit[]>();
  for (const [id, node] of Object.entries(scenario.nodes)) {
    out.set(id, exitsOf(id, node).filter((e) => ids.has(e.next)));
  }
  return out;
}

/**
 * A shortest way from the start to each node found by `search`, kept so that any one of them can
 * be shown in constant time: its length, its first `SHOWN` nodes and its predecessor.
 */
interface Trail {
  parent: string | null;
  length: number;
  /** The first nodes of the path, at most `SHOWN` (shared between nodes once full: never modified). */
  head: readonly string[];
}

/** Breadth-first from `from`, never entering a node `skip` refuses; returns how each reached node was reached. */
function search(graph: Map<string, Exit[]>, from: string, skip: (id: string) => boolean): Map<string, Trail> {
  const trails = new Map<string, Trail>([[from, { parent: null, length: 1, head: [from] }]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const trail = trails.get(id) as Trail;
    for (const exit of graph.get(id) ?? []) {
      if (trails.has(exit.next) || skip(exit.next)) continue;
      const head = trail.head.length >= SHOWN ? trail.head : [...trail.head, exit.next];
      trails.set(exit.next, { parent: id, length: trail.length + 1, head });
      queue.push(exit.next);
    }
  }
  return trails;
}

/** The path `search` found to `id`, written with `arrow`; costs at most `2 * SHOWN + 1` steps however long the path. */
function pathTo(trails: Map<string, Trail>, id: string): string {
  const trail = trails.get(id);
  if (!trail) return id;
  if (trail.length <= 2 * SHOWN + 1) {
    const path: string[] = [];
    for (let at: string | null | undefined = id; at !== null && at !== undefined; at = trails.get(at)?.parent) path.push(at);
    return arrow(path.reverse());
  }
  const tail: string[] = [];
  for (let at: string | null | undefined = id; tail.length < SHOWN && at !== null && at !== undefined; at = trails.get(at)?.parent) tail.push(at);
  return shortened(trail.head, trail.length - 2 * SHOWN, tail.reverse());
}

/**
 * Depth-first over the whole graph with an explicit stack (a chain of ten thousand nodes must not
 * overflow the call stack); reports each exit that leads back onto the current path.
 */
function checkCycles(graph: Map<string, Exit[]>, report: Report): void {
  const done = new Set<string>();
  /** The current path, and where on it each of its nodes is. */
  const path: string[] = [];
  const depth = new Map<string, number>();
  /** For each node on the path, how many of its exits have been followed. */
  const next: number[] = [];
  const enter = (id: string): void => {
    depth.set(id, path.length);
    path.push(id);
    next.push(0);
  };
  for (const root of graph.keys()) {
    if (done.has(root)) continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top] as string;
      const exits = graph.get(id) ?? [];
      const i = next[top] as number;
      if (i >= exits.length) {
        path.pop();
        next.pop();
        depth.delete(id);
        done.add(id);
        continue;
      }
      next[top] = i + 1;
      const exit = exits[i] as Exit;
      const back = depth.get(exit.next);
      if (back !== undefined) {
        // The loop is path[back..] and back to exit.next; built from its ends only, so each report costs the same.
        const length = path.length - back + 1;
        const shown =
          length <= 2 * SHOWN + 1
            ? arrow([...path.slice(back), exit.next])
            : shortened(path.slice(back, back + SHOWN), length - 2 * SHOWN, [...path.slice(path.length - SHOWN + 1), exit.next]);
        report([...exit.path, 'next'], `closes a loop ${shown}; the graph must have no cycles, so that every playthrough ends`);
      } else if (!done.has(exit.next)) {
        enter(exit.next);
      }
    }
  }
}

function checkEndingsReachable(scenario: Scenario, graph: Map<string, Exit[]>, report: Report): void {
  const into = new Map<string, string[]>();
  for (const [id, exits] of graph) {
    for (const e of exits) {
      const list = into.get(e.next);
      if (list) list.push(id);
      else into.set(e.next, [id]);
    }
  }
  const ends = Object.keys(scenario.nodes).filter((id) => scenario.nodes[id]?.ending !== undefined);
  const reaches = new Set(ends);
  const queue = [...ends];
  for (let i = 0; i < queue.length; i++) {
    for (const from of into.get(queue[i] as string) ?? []) {
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
    report(['nodes', id], `this ending can be reached without a report to Washington (${pathTo(bypass, id)}); every path must pass a node in phase "report"`);
  }
}
