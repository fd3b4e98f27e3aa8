/**
 * The branch map's geometry: each phase is a band laid out left to right by its own dagre graph, the
 * bands stacked top to bottom. An edge between phases leaves its node into the free lane right of the
 * node's rank column, runs down to the gutter under the band, along it, and down the lane left of the
 * target's column, so it never crosses a node box. Pure apart from dagre; cached per scenario object.
 */
import dagre from '@dagrejs/dagre';
import { PHASES, type Phase, type Scenario } from '../core/play.ts';
import { scenarioGraph, type MapEdge, type MapNode, type ScenarioGraph } from '../core/replay/map.ts';

export interface Point {
  x: number;
  y: number;
}

/** A node's box, top-left corner and size, in map units. */
export interface NodeBox extends MapNode {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeShape extends MapEdge {
  /** The line from the source box to the target box, in order. */
  points: Point[];
  /** True between two phases: drawn as straight runs with rounded corners, not as a curve. */
  cross: boolean;
  /** Where a count is written. */
  label: Point;
}

export interface Band {
  phase: Phase;
  y: number;
  h: number;
}

export interface MapLayout {
  width: number;
  height: number;
  bands: Band[];
  nodes: Map<string, NodeBox>;
  edges: EdgeShape[];
  graph: ScenarioGraph;
}

export const NODE_W = 184;
export const NODE_H = 70;
/** Endings show only a title: a lower box keeps the tall column of endings short. */
export const ENDING_H = 58;
/** Room above a band's nodes for its heading. */
export const BAND_HEAD = 34;
const PAD_X = 28;
const BAND_FOOT = 16;
const RANKSEP = 60;
const TRACK = 6;
const FAN = 14;
const STUB = 14;

const cache = new WeakMap<Scenario, MapLayout>();

/** The map's layout for a scenario, computed once per scenario object. */
export function layoutMap(scenario: Scenario): MapLayout {
  const known = cache.get(scenario);
  if (known) return known;
  const layout = computeLayout(scenarioGraph(scenario));
  cache.set(scenario, layout);
  return layout;
}

const heightOf = (n: MapNode): number => (n.kind === 'ending' ? ENDING_H : NODE_H);

interface Laid {
  phase: Phase;
  width: number;
  height: number;
  nodes: Map<string, Point>;
  edges: Map<string, Point[]>;
}

/** One phase's nodes and the edges inside it, through dagre; coordinates are node centres from (0, 0). */
function layoutPhase(phase: Phase, nodes: MapNode[], edges: MapEdge[]): Laid {
  const g = new dagre.graphlib.Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number }, { points?: Point[]; width?: number; height?: number; labelpos?: 'c' }>({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: RANKSEP, edgesep: 10, marginx: 0, marginy: 0 });
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: heightOf(n) });
  for (const e of edges) g.setEdge(e.from, e.to, {}, e.key);
  dagre.layout(g);
  const laidNodes = new Map<string, Point>();
  for (const n of nodes) {
    const at = g.node(n.id);
    laidNodes.set(n.id, { x: at.x ?? 0, y: at.y ?? 0 });
  }
  const laidEdges = new Map<string, Point[]>();
  // Parallel choices between two nodes get the same line from dagre: fan them out around its middle.
  const siblings = new Map<string, MapEdge[]>();
  for (const e of edges) siblings.set(`${e.from}\u0000${e.to}`, [...(siblings.get(`${e.from}\u0000${e.to}`) ?? []), e]);
  for (const group of siblings.values()) {
    group.forEach((e, k) => {
      const points = g.edge(e.from, e.to, e.key)?.points ?? [];
      laidEdges.set(e.key, fanned(points, (k - (group.length - 1) / 2) * FAN));
    });
  }
  const label = g.graph();
  return { phase, width: Number(label.width ?? 0), height: Number(label.height ?? 0), nodes: laidNodes, edges: laidEdges };
}

/** A line bent sideways by `by` at its middle (a point inserted there when it has only its two ends). */
function fanned(points: readonly Point[], by: number): Point[] {
  if (by === 0 || points.length < 2) return [...points];
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  const len = Math.hypot(last.x - first.x, last.y - first.y) || 1;
  const nx = -(last.y - first.y) / len;
  const ny = (last.x - first.x) / len;
  const inner = points.length > 2 ? points.slice(1, -1) : [{ x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 }];
  return [first, ...inner.map((p) => ({ x: p.x + nx * by, y: p.y + ny * by })), last];
}

/**
 * A forward edge leaves its source from the middle of the right side and enters its target from the
 * middle of the left side, level for a short stub, so the arrows line up on the boxes' sides instead
 * of crowding into the gaps between them. Back edges keep dagre's ends.
 */
function ported(points: Point[], from: NodeBox | undefined, to: NodeBox | undefined): Point[] {
  if (!from || !to || to.x <= from.x + from.w || points.length < 2) return points;
  const [sy, ty] = [from.y + from.h / 2, to.y + to.h / 2];
  const [sx, tx] = [from.x + from.w, to.x];
  return [{ x: sx, y: sy }, { x: sx + STUB, y: sy }, ...points.slice(1, -1), { x: tx - STUB, y: ty }, { x: tx, y: ty }];
}

function computeLayout(graph: ScenarioGraph): MapLayout {
  const phaseOf = new Map(graph.nodes.map((n) => [n.id, n.phase]));
  const inside = (e: MapEdge): boolean => phaseOf.get(e.from) === phaseOf.get(e.to);
  const cross = graph.edges.filter((e) => !inside(e) && phaseOf.has(e.to));
  const laid = PHASES.flatMap((phase) => {
    const nodes = graph.nodes.filter((n) => n.phase === phase);
    if (nodes.length === 0) return [];
    return [layoutPhase(phase, nodes, graph.edges.filter((e) => phaseOf.get(e.from) === phase && inside(e)))];
  });
  // Gutters: the one under band i holds a track for each distinct (from, to) pair that leaves band i.
  const bandIndex = new Map(laid.map((l, i) => [l.phase, i]));
  const pairs = [...new Set(cross.map((e) => `${e.from}\u0000${e.to}`))];
  const tracksUnder = laid.map(() => 0);
  const trackOf = new Map<string, number>();
  for (const pair of pairs) {
    const from = pair.split('\u0000')[0] ?? '';
    const i = bandIndex.get(phaseOf.get(from) as Phase) ?? 0;
    trackOf.set(pair, tracksUnder[i] ?? 0);
    tracksUnder[i] = (tracksUnder[i] ?? 0) + 1;
  }
  const gutterOf = (i: number): number => Math.max(28, (tracksUnder[i] ?? 0) * TRACK + 20);

  const edgeByKey = new Map(graph.edges.map((e) => [e.key, e]));
  const nodes = new Map<string, NodeBox>();
  const bands: Band[] = [];
  const edges: EdgeShape[] = [];
  const gutterY: number[] = [];
  let y = 0;
  let width = 0;
  laid.forEach((band, i) => {
    const top = y + BAND_HEAD;
    for (const n of graph.nodes) {
      const at = band.nodes.get(n.id);
      if (at) nodes.set(n.id, { ...n, x: PAD_X + at.x - NODE_W / 2, y: top + at.y - heightOf(n) / 2, w: NODE_W, h: heightOf(n) });
    }
    for (const [key, pts] of band.edges) {
      const e = edgeByKey.get(key) as MapEdge;
      const points = ported(pts.map((p) => ({ x: PAD_X + p.x, y: top + p.y })), nodes.get(e.from), nodes.get(e.to));
      const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
      edges.push({ ...e, points, cross: false, label: mid });
    }
    const h = BAND_HEAD + band.height + BAND_FOOT;
    bands.push({ phase: band.phase, y, h });
    width = Math.max(width, band.width + 2 * PAD_X);
    gutterY.push(y + h + 10);
    y += h + gutterOf(i);
  });
  const height = y - gutterOf(laid.length - 1) + 8;

  // Lanes: a source's exit lane is right of its rank column, a target's entry lane left of its column;
  // several nodes of one column share its lane, each at its own offset.
  const laneOffsets = (ids: string[]): Map<string, number> => {
    const out = new Map<string, number>();
    const unique = [...new Set(ids)];
    unique.forEach((id, k) => out.set(id, Math.min(RANKSEP / 2 - 6, (k - (unique.length - 1) / 2) * TRACK)));
    return out;
  };
  const byColumn = (ids: string[]): Map<string, number> => {
    const columns = new Map<number, string[]>();
    for (const id of ids) {
      const box = nodes.get(id);
      if (!box) continue;
      const col = Math.round(box.x);
      columns.set(col, [...(columns.get(col) ?? []), id]);
    }
    const out = new Map<string, number>();
    for (const list of columns.values()) for (const [id, off] of laneOffsets(list)) out.set(id, off);
    return out;
  };
  const exitOff = byColumn(cross.map((e) => e.from));
  const entryOff = byColumn(cross.map((e) => e.to));
  const marginX = 8;
  for (const e of cross) {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (!a || !b) continue;
    const i = bandIndex.get(a.phase) ?? 0;
    const j = bandIndex.get(b.phase) ?? 0;
    const track = trackOf.get(`${e.from}\u0000${e.to}`) ?? 0;
    const exitX = a.x + a.w + RANKSEP / 2 + (exitOff.get(e.from) ?? 0);
    const entryX = b.x - RANKSEP / 2 + (entryOff.get(e.to) ?? 0);
    const ay = a.y + a.h / 2;
    const by = b.y + b.h / 2;
    const gy = (gutterY[i] ?? 0) + track * TRACK;
    const points: Point[] = [{ x: a.x + a.w, y: ay }, { x: exitX, y: ay }, { x: exitX, y: gy }];
    if (j !== i + 1) {
      // A jump over a band, or back: down the left margin to the gutter above the target's band.
      const above = j > 0 ? (gutterY[j - 1] ?? 0) + track * TRACK : (bands[0]?.y ?? 0) + BAND_HEAD / 2;
      points.push({ x: marginX, y: gy }, { x: marginX, y: above }, { x: entryX, y: above });
    } else {
      points.push({ x: entryX, y: gy });
    }
    points.push({ x: entryX, y: by }, { x: b.x, y: by });
    edges.push({ ...e, points, cross: true, label: { x: (exitX + entryX) / 2, y: gy } });
  }
  const order = new Map(graph.edges.map((e, k) => [e.key, k]));
  edges.sort((p, q) => (order.get(p.key) ?? 0) - (order.get(q.key) ?? 0));
  return { width, height, bands, nodes, edges, graph };
}

/** The size of a count written on a line, in map units: a digit's width, the padding and the height (branch-map.css `.bm-count`). */
export const COUNT_LABEL = { digit: 7.5, pad: 6, h: 14 } as const;

/** Where along its line a count is tried, as a share of the line's length: the middle first, then out from it. */
const LABEL_AT = [0.5, 0.38, 0.62, 0.27, 0.73, 0.16, 0.84] as const;

/** The point `share` of the way along a line. */
function along(points: readonly Point[], share: number): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot((points[i] as Point).x - (points[i - 1] as Point).x, (points[i] as Point).y - (points[i - 1] as Point).y);
  let left = total * share;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    if (d > 0 && left <= d) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

/**
 * Where the counts of the edges `keys` are written so that no two overlap: each at its line's
 * middle (`label`) unless an earlier count is there, else at the first free point further along or
 * back on its own line, or beside its middle. Choices that lead to the same step share their middle, and dagre
 * gives two parallel lines points a few units apart, so without this their numbers lie one on the
 * other. Edges are placed in the layout's order, so the answer is the same every time. Pure.
 */
export function countLabelAt(layout: MapLayout, keys: ReadonlySet<string>): Map<string, Point> {
  // Room for three digits: a class is never a thousand students.
  const w = 3 * COUNT_LABEL.digit + COUNT_LABEL.pad;
  const h = COUNT_LABEL.h;
  const placed: Point[] = [];
  const free = (p: Point): boolean => placed.every((q) => Math.abs(p.x - q.x) >= w || Math.abs(p.y - q.y) >= h);
  const out = new Map<string, Point>();
  for (const e of layout.edges) {
    if (!keys.has(e.key)) continue;
    const tries = e.cross ? [e.label] : LABEL_AT.map((share) => along(e.points, share));
    // Then beside the middle: above or below it (sibling lines fan out only a few units, on lines
    // as short as the space between two columns), and along the gutter a line between phases runs in.
    for (const k of [1, 2, 3, 4]) tries.push({ x: e.label.x, y: e.label.y - k * h }, { x: e.label.x, y: e.label.y + k * h });
    for (const k of [1, 2, 3]) tries.push({ x: e.label.x - k * w, y: e.label.y }, { x: e.label.x + k * w, y: e.label.y });
    const at = tries.find(free) ?? e.label;
    placed.push(at);
    out.set(e.key, at);
  }
  return out;
}
