/**
 * The branch map as a nested list for screen readers and keyboard users: phase -> node -> its
 * choices, each saying where it leads and whether it was taken. Same rewind points as the drawing.
 */
import { PHASES, type Scenario } from '../core/play.ts';
import { edgeLabel, nodeLabel, type MapEdge, type MapMark, type MapMarks, type ScenarioGraph } from '../core/replay/map.ts';
import { h } from './dom.ts';
import { PHASE_TITLES } from './phases.ts';
import type { MapView } from './branch-map.ts';

const NODE_STATUS: Record<MapMark, string> = {
  current: 'you are here',
  path: 'on your current path',
  explored: 'reached in another attempt',
  unexplored: 'not reached yet',
};

const EDGE_STATUS: Record<Exclude<MapMark, 'current'>, string> = {
  path: 'taken on your current path',
  explored: 'taken in an attempt',
  unexplored: 'not explored',
};

/** Whether the map may show a node's text: reached by some attempt, or at the debrief. */
export function shown(view: MapView, marks: MapMarks, id: string): boolean {
  return view.reveal || marks.reached.has(id);
}

/** The words of a node for the map, or null while it must stay hidden. */
export function nodeWords(view: MapView, marks: MapMarks, id: string): string | null {
  const node = Object.hasOwn(view.scenario.nodes, id) ? view.scenario.nodes[id] : undefined;
  return node && shown(view, marks, id) ? nodeLabel(node) : null;
}

/** A rewind point's accessible name: "Go back to decision 3: …" (1-based), or "Look at decision 3: …" in look mode. */
export function rewindName(view: MapView, k: number, words: string | null): string {
  const verb = view.rewind === 'look' ? 'Look at' : 'Go back to';
  return `${verb} decision ${k + 1}${words ? `: ${words}` : ''}`;
}

/** Whether node `id` is a rewind point in this view, and at which decision. */
export function rewindAt(view: MapView, marks: MapMarks, id: string): number | null {
  if (view.rewind === 'off' || !view.onRewind) return null;
  return marks.rewind.get(id) ?? null;
}

/** "no student", "1 student", "12 students". */
const students = (n: number): string => (n === 0 ? 'no student' : `${n} student${n === 1 ? '' : 's'}`);

/**
 * In the class view the list speaks of the class, not of one student's attempts: how many students
 * took each choice and reached each step (a step's students are those who took a choice into it;
 * the first step's, every student counted; an ending's, those whose last attempt ended there).
 */
function classReached(view: MapView, graph: ScenarioGraph, counts: NonNullable<MapView['counts']>, id: string): number {
  if (view.scenario.start === id) return view.trails.length;
  let n = 0;
  for (const e of graph.edges) if (e.to === id) n += counts.edges[e.key] ?? 0;
  return n;
}

function choiceItem(scenario: Scenario, view: MapView, marks: MapMarks, e: MapEdge, phaseName: (id: string) => string): HTMLElement {
  const target = nodeWords(view, marks, e.to);
  const where = target ? `leads to “${target}”` : `leads to a step not reached yet, in ${phaseName(e.to)}`;
  if (view.counts) return h('li', { attrs: { 'data-list-edge': e.key } }, `${edgeLabel(scenario, e)}: ${where}; taken by ${students(view.counts.edges[e.key] ?? 0)}.`);
  const status = EDGE_STATUS[marks.edges.get(e.key) ?? 'unexplored'];
  return h('li', { attrs: { 'data-list-edge': e.key } }, `${edgeLabel(scenario, e)}: ${where}; ${status}.`);
}

/** The nested list for one view. Rebuilt on each update (it is small and carries no layout). */
export function mapList(view: MapView, graph: ScenarioGraph, marks: MapMarks): HTMLElement {
  const { scenario } = view;
  const phaseOf = new Map(graph.nodes.map((n) => [n.id, n.phase]));
  const phaseName = (id: string): string => {
    const p = phaseOf.get(id);
    return p ? PHASE_TITLES[p].title : 'another phase';
  };
  const out = new Map<string, MapEdge[]>();
  for (const e of graph.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const phases = PHASES.flatMap((phase) => {
    const nodes = graph.nodes.filter((n) => n.phase === phase);
    if (nodes.length === 0) return [];
    const items = nodes.map((n) => {
      const words = nodeWords(view, marks, n.id);
      const mark = marks.nodes.get(n.id) ?? 'unexplored';
      const ending = n.kind === 'ending' ? ' Ending.' : '';
      // The class view says how many students came here; one student's view, which attempt did.
      const status = view.counts
        ? `reached by ${students(n.kind === 'ending' ? (view.counts.endings[n.id] ?? 0) : classReached(view, graph, view.counts, n.id))}`
        : NODE_STATUS[mark];
      const k = rewindAt(view, marks, n.id);
      const button = k === null ? null : h('button', {
        class: 'bm-list-rewind',
        text: rewindName(view, k, words),
        attrs: { type: 'button', 'data-rewind': String(k) },
        on: { click: () => view.onRewind?.(k) },
      });
      const choices = words === null
        ? null
        : (out.get(n.id) ?? []).map((e) => choiceItem(scenario, view, marks, e, phaseName));
      return h(
        'li',
        { attrs: { 'data-list-node': n.id } },
        h('span', { text: `${words ?? 'A step not reached yet'} (${status}).${ending}` }),
        button ? ' ' : null,
        button,
        choices && choices.length > 0 ? h('ul', {}, ...choices) : null,
      );
    });
    return [h('li', {}, h('span', { class: 'bm-list-phase', text: PHASE_TITLES[phase].title }), h('ul', {}, ...items))];
  });
  return h('ul', { class: 'bm-list' }, ...phases);
}
