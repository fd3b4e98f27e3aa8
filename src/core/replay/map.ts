/**
 * The branch map's data: a scenario's graph, what the attempts explored of it, one path through
 * it, and the short labels the map shows. Pure: no DOM, no layout (the UI lays the graph out).
 */
import type { Choice, Outcome, Phase, Scenario, ScenarioNode } from '../scenario/schema.ts';
import { PHASES } from '../scenario/vocabulary.ts';
import type { TrailStep } from '../engine/state.ts';

export type MapNodeKind = 'choice' | 'chance' | 'ending';

export interface MapNode {
  id: string;
  phase: Phase;
  kind: MapNodeKind;
}

/** How an edge leaves its node: a choice (index into `node.choices`) or a chance outcome (index into `node.chance`). */
export type EdgeVia = { choice: number } | { outcome: number };

export interface MapEdge {
  /** Stable across loads of the same scenario: `"meet-2#c1"` for choice 1, `"roll-3#o0"` for outcome 0. */
  key: string;
  from: string;
  to: string;
  via: EdgeVia;
}

export interface ScenarioGraph {
  /** In phase order, then file order. */
  nodes: MapNode[];
  /** In the order of `nodes`, then choice or outcome order. */
  edges: MapEdge[];
}

/** The key of the edge that leaves `node` by `via`. */
export function edgeKey(node: string, via: EdgeVia): string {
  return 'choice' in via ? `${node}#c${via.choice}` : `${node}#o${via.outcome}`;
}

/** The key of the edge a decision took: its outcome at a chance node (`roll` set), its choice elsewhere. */
export function stepKey(step: TrailStep): string {
  return edgeKey(step.node, step.roll === undefined ? { choice: step.choice } : { outcome: step.roll });
}

function kindOf(node: ScenarioNode): MapNodeKind {
  if (node.ending) return 'ending';
  return node.chance ? 'chance' : 'choice';
}

/**
 * Every node and every choice or outcome of a scenario as a graph. Pure; an edge may point at a node
 * the scenario lacks only if the scenario failed its checks (the caller's data is trusted here).
 */
export function scenarioGraph(scenario: Scenario): ScenarioGraph {
  const ids = Object.keys(scenario.nodes);
  const byPhase = (id: string): number => PHASES.indexOf((scenario.nodes[id] as ScenarioNode).phase);
  // A stable sort: file order within a phase.
  const ordered = [...ids].sort((a, b) => byPhase(a) - byPhase(b));
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  for (const id of ordered) {
    const node = scenario.nodes[id] as ScenarioNode;
    nodes.push({ id, phase: node.phase, kind: kindOf(node) });
    (node.choices ?? []).forEach((c, i) => edges.push({ key: edgeKey(id, { choice: i }), from: id, to: c.next, via: { choice: i } }));
    (node.chance ?? []).forEach((o, i) => edges.push({ key: edgeKey(id, { outcome: i }), from: id, to: o.next, via: { outcome: i } }));
  }
  return { nodes, edges };
}

export interface Exploration {
  /** Nodes some attempt stood on: every node of a trail and every attempt's last node. */
  reached: Set<string>;
  /** Keys of the edges some attempt took. */
  taken: Set<string>;
}

/**
 * What the attempts explored. `trails[a]` is attempt `a`'s decisions and `ends[a]` the node it stands
 * on after them (an ending, once reached), so the last node of each attempt counts as reached. Pure.
 */
export function exploration(trails: readonly (readonly TrailStep[])[], ends: readonly string[]): Exploration {
  const reached = new Set<string>(ends);
  const taken = new Set<string>();
  for (const trail of trails) {
    for (const step of trail) {
      reached.add(step.node);
      taken.add(stepKey(step));
    }
  }
  return { reached, taken };
}

export interface MapPath {
  /** The nodes in the order walked, `current` last; a node visited twice appears twice. */
  nodes: string[];
  /** The edge keys in the order taken. */
  edges: string[];
}

/** One path: the nodes and edges of `trail`, ending at `current` (the node the trail leads to). Pure. */
export function pathOf(trail: readonly TrailStep[], current: string): MapPath {
  return { nodes: [...trail.map((s) => s.node), current], edges: trail.map(stepKey) };
}

/**
 * Where each node of a path can be rewound to: node id -> the index of the decision taken there.
 * When a node occurs more than once, the latest decision wins. Pure.
 */
export function rewindPoints(trail: readonly TrailStep[]): Map<string, number> {
  const points = new Map<string, number>();
  trail.forEach((s, k) => points.set(s.node, k));
  return points;
}

/** Labels longer than this many characters are cut on a word and end in an ellipsis. */
export const NODE_LABEL_MAX = 60;
export const CHOICE_LABEL_MAX = 48;

/**
 * `text` on one line, cut to at most `max` characters on a word boundary, with "…" when cut. The
 * cable's marks (`~~struck~~`, `[[illegible]]`) are dropped. Pure.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/~~/g, '').replace(/\[\[[^\]]*\]\]/g, '…').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return closeQuotes(flat);
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '');
  return closeQuotes(`${head}…`);
}

/**
 * A part of a text with the quotation it opens and does not close (a speech that goes on past the
 * first sentence, or past the cut) closed at its end, as a quotation cut short is printed.
 */
function closeQuotes(part: string): string {
  const straight = part.split('"').length - 1;
  const curlyOpen = part.split('“').length - 1;
  const curlyClose = part.split('”').length - 1;
  return `${part}${straight % 2 === 1 ? '"' : ''}${curlyOpen > curlyClose ? '”' : ''}`;
}

/** The first sentence of a text: up to the first ".", "!" or "?" (and a closing quote) before a space. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?]["”’)]?(?=\s)/.exec(flat);
  return end ? flat.slice(0, end.index + end[0].length) : flat;
}

/** A node's short label on the map: an ending's title, else its text's first sentence, at most NODE_LABEL_MAX characters. Pure. */
export function nodeLabel(node: ScenarioNode): string {
  if (node.ending) return shorten(node.ending.title, NODE_LABEL_MAX);
  return shorten(firstSentence(node.text), NODE_LABEL_MAX);
}

/** A choice's short label. Pure. */
export function choiceLabel(choice: Choice): string {
  return shorten(choice.label, CHOICE_LABEL_MAX);
}

/** A chance outcome's short label: its reason when it has one. `index` is 0-based. Pure. */
export function outcomeLabel(outcome: Outcome, index: number): string {
  return outcome.reason ? shorten(`Chance: ${outcome.reason}`, CHOICE_LABEL_MAX) : `Chance outcome ${index + 1}`;
}

/** The short label of an edge of `scenarioGraph(scenario)`; throws a RangeError for an edge the scenario lacks. */
export function edgeLabel(scenario: Scenario, edge: MapEdge): string {
  const node = Object.hasOwn(scenario.nodes, edge.from) ? scenario.nodes[edge.from] : undefined;
  if ('choice' in edge.via) {
    const choice = node?.choices?.[edge.via.choice];
    if (choice) return choiceLabel(choice);
  } else {
    const outcome = node?.chance?.[edge.via.outcome];
    if (outcome) return outcomeLabel(outcome, edge.via.outcome);
  }
  throw new RangeError(`scenario ${scenario.id} has no edge ${edge.key}`);
}

/** How the map marks a node or an edge: on screen now (nodes only), on the current path, taken or reached in some attempt, or not. */
export type MapMark = 'current' | 'path' | 'explored' | 'unexplored';

export interface MapMarksInput {
  trails: readonly (readonly TrailStep[])[];
  ends: readonly string[];
  currentTrail: readonly TrailStep[];
  currentNode: string;
}

export interface MapMarks {
  nodes: Map<string, MapMark>;
  edges: Map<string, Exclude<MapMark, 'current'>>;
  /** Nodes whose text the map may show (reached by some attempt, or on the current path). */
  reached: Set<string>;
  /** From `rewindPoints(currentTrail)`. */
  rewind: Map<string, number>;
}

/** Every node's and edge's mark for the map. The current path counts as explored even when no trail holds it yet. Pure. */
export function mapMarks(graph: ScenarioGraph, input: MapMarksInput): MapMarks {
  const { reached, taken } = exploration(input.trails, input.ends);
  const path = pathOf(input.currentTrail, input.currentNode);
  const onPath = new Set(path.nodes);
  const pathEdges = new Set(path.edges);
  for (const id of onPath) reached.add(id);
  const nodes = new Map<string, MapMark>();
  for (const n of graph.nodes) {
    nodes.set(n.id, n.id === input.currentNode ? 'current' : onPath.has(n.id) ? 'path' : reached.has(n.id) ? 'explored' : 'unexplored');
  }
  const edges = new Map<string, Exclude<MapMark, 'current'>>();
  for (const e of graph.edges) edges.set(e.key, pathEdges.has(e.key) ? 'path' : taken.has(e.key) ? 'explored' : 'unexplored');
  return { nodes, edges, reached, rewind: rewindPoints(input.currentTrail) };
}
