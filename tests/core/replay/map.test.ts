/**
 * The branch map's data: the graph covers every choice and outcome, exploration marks exactly what
 * replayed walks took, and nothing an attempt did not reach is marked.
 */
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../scenarios/files.ts';
import { miniScenario, MINI_FAITHFUL_WALK } from '../../fixtures/mini-scenario.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { replayEvents } from '../../../src/core/log/replay.ts';
import { PHASES, scenarioSchema, type Scenario } from '../../../src/core/scenario/schema.ts';
import {
  edgeLabel,
  mapMarks,
  exploration,
  nodeLabel,
  NODE_LABEL_MAX,
  pathOf,
  rewindPoints,
  scenarioGraph,
  shorten,
  stepKey,
} from '../../../src/core/replay/map.ts';

const mexico = scenarioSchema.parse(readYaml('mexico.yaml'));
const scenarios: [string, Scenario][] = [['mini', miniScenario], ['mexico', mexico]];

/** A walk to an ending, picking among the open choices with a small seeded generator. */
function walk(scenario: Scenario, seed: number, variant = 'historical'): SessionState {
  let state = initialState(scenario, { seed, variant });
  let r = seed >>> 0;
  for (let i = 0; i < 500 && !isEnded(scenario, state); i++) {
    const open = availableChoices(scenario, state);
    r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
    const pick = open[r % open.length];
    if (!pick) throw new Error(`no open choice at ${state.node}`);
    const next = step(scenario, state, { type: 'choice.made', choice: pick.index });
    if (!next.ok) throw new Error(next.error);
    state = next.state;
  }
  return state;
}

function replayed(scenario: Scenario, choices: readonly number[]): SessionState {
  const r = replayEvents(scenario, { seed: 1, variant: 'historical' }, choices);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe.each(scenarios)('scenarioGraph (%s)', (_name, scenario) => {
  const graph = scenarioGraph(scenario);

  it('has every node once, in phase order', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(Object.keys(scenario.nodes).sort());
    const phases = graph.nodes.map((n) => PHASES.indexOf(n.phase));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
  });

  it('makes every choice and outcome an edge to an existing node, with a unique key', () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const expected = Object.values(scenario.nodes).reduce((sum, n) => sum + (n.choices?.length ?? 0) + (n.chance?.length ?? 0), 0);
    expect(graph.edges).toHaveLength(expected);
    expect(new Set(graph.edges.map((e) => e.key)).size).toBe(expected);
    for (const e of graph.edges) {
      expect(ids.has(e.to), `${e.key} -> ${e.to}`).toBe(true);
      const node = scenario.nodes[e.from];
      const item = 'choice' in e.via ? node?.choices?.[e.via.choice] : node?.chance?.[e.via.outcome];
      expect(item?.next).toBe(e.to);
    }
  });

  it('marks endings, chance nodes and choice nodes by kind', () => {
    for (const n of graph.nodes) {
      const node = scenario.nodes[n.id];
      expect(n.kind).toBe(node?.ending ? 'ending' : node?.chance ? 'chance' : 'choice');
    }
  });

  it('is the same on every call', () => {
    expect(scenarioGraph(scenario)).toEqual(graph);
  });

  it('labels every node and edge briefly', () => {
    for (const n of graph.nodes) {
      const label = nodeLabel(scenario.nodes[n.id] as NonNullable<Scenario['nodes'][string]>);
      expect(label.length).toBeGreaterThan(0);
      expect(label.length).toBeLessThanOrEqual(NODE_LABEL_MAX + 1);
    }
    for (const e of graph.edges) expect(edgeLabel(scenario, e).length).toBeGreaterThan(0);
  });
});

describe('exploration', () => {
  it('marks exactly the nodes and edges of a replayed walk', () => {
    const state = replayed(miniScenario, MINI_FAITHFUL_WALK);
    const { reached, taken } = exploration([state.trail], [state.node]);
    expect([...reached].sort()).toEqual([...new Set([...state.trail.map((s) => s.node), state.node])].sort());
    expect([...taken]).toEqual(state.trail.map(stepKey));
    // The chance node is keyed by the outcome drawn, the others by the choice made.
    expect(taken.has(`ministry-answers#o${state.trail[2]?.roll}`)).toBe(true);
    expect(taken.has('cable-arrives#c0')).toBe(true);
  });

  it('follows the graph: each taken edge leads to the next node of the walk', () => {
    const edges = new Map(scenarioGraph(mexico).edges.map((e) => [e.key, e]));
    for (const seed of [1, 2, 3, 938]) {
      const state = walk(mexico, seed);
      const nodes = [...state.trail.map((s) => s.node), state.node];
      state.trail.forEach((s, i) => {
        const edge = edges.get(stepKey(s));
        expect(edge, stepKey(s)).toBeDefined();
        expect(edge?.to).toBe(nodes[i + 1]);
      });
    }
  });

  it('joins several attempts and reveals nothing they did not reach', () => {
    const states = [1, 2, 3].map((seed) => walk(mexico, seed));
    const { reached, taken } = exploration(states.map((s) => s.trail), states.map((s) => s.node));
    const walked = new Set(states.flatMap((s) => [...s.trail.map((t) => t.node), s.node]));
    expect(reached).toEqual(walked);
    expect(taken).toEqual(new Set(states.flatMap((s) => s.trail.map(stepKey))));
    const graph = scenarioGraph(mexico);
    expect(graph.nodes.some((n) => !reached.has(n.id))).toBe(true);
    for (const e of graph.edges) if (!reached.has(e.from)) expect(taken.has(e.key)).toBe(false);
  });

  it('counts an ending reached as reached', () => {
    const state = walk(miniScenario, 7);
    expect(isEnded(miniScenario, state)).toBe(true);
    expect(exploration([state.trail], [state.node]).reached.has(state.node)).toBe(true);
  });

  it('is empty with no attempts', () => {
    const { reached, taken } = exploration([], []);
    expect(reached.size + taken.size).toBe(0);
  });
});

describe('pathOf and rewindPoints', () => {
  it('gives the path of a walk, from the start to the current node', () => {
    const state = replayed(miniScenario, MINI_FAITHFUL_WALK);
    const path = pathOf(state.trail, state.node);
    expect(path.nodes[0]).toBe(miniScenario.start);
    expect(path.nodes.at(-1)).toBe(state.node);
    expect(path.edges).toHaveLength(state.trail.length);
    const edges = new Map(scenarioGraph(miniScenario).edges.map((e) => [e.key, e]));
    path.edges.forEach((key, i) => {
      expect(edges.get(key)?.from).toBe(path.nodes[i]);
      expect(edges.get(key)?.to).toBe(path.nodes[i + 1]);
    });
  });

  it('gives a path of one node before the first decision', () => {
    expect(pathOf([], 'cable-arrives')).toEqual({ nodes: ['cable-arrives'], edges: [] });
  });

  it('rewinds to the latest decision taken at a node', () => {
    const trail = [
      { node: 'a', choice: 1, clock: 0 },
      { node: 'b', choice: 0, clock: 5 },
      { node: 'a', choice: 0, clock: 10 },
    ];
    expect([...rewindPoints(trail)]).toEqual([['a', 2], ['b', 1]]);
  });
});

describe('shorten', () => {
  it('keeps a short text and cuts a long one on a word', () => {
    expect(shorten('Read the cable.', 60)).toBe('Read the cable.');
    expect(shorten('The minister receives you in his office at the ministry', 30)).toBe('The minister receives you in…');
    expect(shorten('Struck ~~words~~ stay', 60)).toBe('Struck words stay');
  });

  it('closes a quotation it cuts short, at a sentence or at the cut', () => {
    const speech = { phase: 'cable' as const, speaker: 'ferris', text: '"One more thing before we pick up the telephone. The FYI paragraph."', choices: [{ label: 'x', minutes: 0, next: 'y' }] };
    expect(nodeLabel(speech)).toBe('"One more thing before we pick up the telephone."');
    expect(shorten('“Tell him the whole of it, word for word, tonight”', 30)).toBe('“Tell him the whole of it…”');
    expect(shorten('He said "no" twice.', 60)).toBe('He said "no" twice.');
  });

  it('labels a node by its first sentence and an ending by its title', () => {
    expect(nodeLabel({ phase: 'cable', speaker: 'narrator', text: 'One. Two.', choices: [{ label: 'x', minutes: 0, next: 'y' }] })).toBe('One.');
    expect(nodeLabel(miniScenario.nodes['end-calm'] as NonNullable<Scenario['nodes'][string]>)).toBe('The quarantine is lifted');
  });
});

describe('mapMarks', () => {
  it('marks the node on screen, the current path, other attempts and the rest', () => {
    const first = walk(mexico, 1);
    const second = walk(mexico, 2);
    const looking = second.trail.slice(0, 5);
    const here = second.trail[5]?.node as string;
    const marks = mapMarks(scenarioGraph(mexico), { trails: [first.trail, second.trail], ends: [first.node, second.node], currentTrail: looking, currentNode: here });
    expect(marks.nodes.get(here)).toBe('current');
    for (const s of looking) if (s.node !== here) expect(marks.nodes.get(s.node)).toBe('path');
    for (const s of looking) expect(marks.edges.get(stepKey(s))).toBe('path');
    // What the attempts took beyond the path on screen is explored, never unexplored.
    for (const s of [...first.trail, ...second.trail.slice(5)]) expect(['path', 'explored']).toContain(marks.edges.get(stepKey(s)));
    const reached = new Set([...first.trail, ...second.trail].map((s) => s.node).concat(first.node, second.node));
    for (const [id, mark] of marks.nodes) expect(mark === 'unexplored').toBe(!reached.has(id));
    expect(marks.rewind.get(looking[4]?.node as string)).toBe(4);
  });
});
