/**
 * The exhaustive search over a scenario's real engine, shared by the scenario tests: every state
 * from the start (memoised on what the future can still read), the endings reached with their
 * states, the number of paths, and scripted and random playthroughs. `scenarioSearch(scenario)`
 * builds one per scenario; the search itself runs once, on the first call to `explored()`.
 */
import { timeOf } from '../../src/core/engine/clock.ts';
import { nextRandom, pickWeighted } from '../../src/core/engine/rng.ts';
import { initialState, type SessionState } from '../../src/core/engine/state.ts';
import { availableChoices, currentNode, openIndices, step } from '../../src/core/engine/step.ts';
import type { Condition, Effect, Scenario, ScenarioNode } from '../../src/core/scenario/schema.ts';
import { isPlainReport, judgeTelegram } from '../../src/core/telegram/judge.ts';

/** The most states the search may visit: far above what a scenario needs, low enough to stop a blow-up fast. */
export const STATE_BUDGET = 300_000;

export interface Edge {
  next: string;
  minutes?: number | undefined;
  if?: Condition | undefined;
  effects?: Effect[] | undefined;
}

export interface EndingSeen {
  node: string;
  outcome: string;
  variant: string;
  actual: string | null;
  reported: string | null;
  leaks: string[];
  flags: string[];
  met: number | undefined;
  sent: number | undefined;
  /** The whole end state, for scoring it with the rubric. */
  state: SessionState;
}

/**
 * How the future can read the clock from a node: every condition compares it with a fixed time and every mark
 * compares the recorded time with the deadline, while choices add fixed minutes and `clockTo` only moves it forward.
 * So the future depends on the clock only through tests "clock + offset < time", each listed here (a test made by a
 * mark names it: a mark records the first time only, so its test drops out once the mark is set). Two states that
 * answer every test alike have the same futures. The graph is acyclic; memoised per node.
 */
export interface ClockTest {
  time: number;
  offset: number;
  mark?: 'met' | 'sent';
}

export interface Search {
  states: number;
  /** Paths from the start to an ending, in both worlds: each is checked, as the state it ends in is. */
  paths: bigint;
  endings: EndingSeen[];
  deadEnds: string[];
}

export interface Script {
  variant?: string;
  /** Per choice node, the label to take (the first open choice it matches); otherwise the first open choice. */
  picks?: Record<string, RegExp>;
  /** Per chance node, the node to go to (through the real engine); otherwise the first open outcome. */
  rolls?: Record<string, string>;
  /** Stop on arriving at this node. */
  stopAt?: string;
}

export interface Walk {
  decisions: number;
  words: number;
  minutes: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const searches = new Map<string, ReturnType<typeof buildSearch>>();

/**
 * The search of a scenario, one per scenario text in a test process: the harness for every scenario and a
 * post's own checks (mexico-checks.ts) run in the same file, so the exhaustive search runs once for both.
 */
export function scenarioSearch(scenario: Scenario): ReturnType<typeof buildSearch> {
  const key = JSON.stringify([scenario.id, scenario.version, Object.keys(scenario.nodes).length]);
  let search = searches.get(key);
  if (!search) {
    search = buildSearch(scenario);
    searches.set(key, search);
  }
  return search;
}

/** A search of its own, never shared: what the bench times, run after run. */
export function freshSearch(scenario: Scenario): ReturnType<typeof buildSearch> {
  return buildSearch(scenario);
}

function buildSearch(scenario: Scenario) {
  const nodeIds = Object.keys(scenario.nodes);
  const deadline = timeOf(scenario.clock.deadline);

  function nodeOf(id: string): ScenarioNode {
    const node = scenario.nodes[id];
    if (!node) throw new Error(`no node "${id}"`);
    return node;
  }



  function edgesOf(node: ScenarioNode): Edge[] {
    return [...(node.choices ?? []), ...(node.chance ?? [])];
  }

  /** Every condition and sub-condition, depth first. */
  function conditionParts(c: Condition | undefined): Condition[] {
    if (c === undefined) return [];
    if ('all' in c) return [c, ...c.all.flatMap(conditionParts)];
    if ('any' in c) return [c, ...c.any.flatMap(conditionParts)];
    if ('not' in c) return [c, ...conditionParts(c.not)];
    return [c];
  }

  const allEdges = nodeIds.flatMap((id) => edgesOf(nodeOf(id)).map((edge) => ({ from: id, edge })));
  const allEffects = allEdges.flatMap(({ edge }) => edge.effects ?? []);
  const allConditions = allEdges.flatMap(({ edge }) => conditionParts(edge.if));

  // ---------------------------------------------------------------- exhaustive search over the engine



  /** A PRNG state that makes `pickWeighted` return `index` for these weights: lets the search force each chance outcome through the real `step`. */
  const forcing = new Map<string, number>();
  function rngPicking(weights: readonly number[], index: number): number {
    const key = `${weights.join(',')}>${index}`;
    const known = forcing.get(key);
    if (known !== undefined) return known;
    for (let r = 0; r < 1_000_000; r++) {
      if (pickWeighted(r, weights)[0] === index) {
        forcing.set(key, r);
        return r;
      }
    }
    throw new Error(`no PRNG state picks ${index} of [${weights.join(', ')}]`);
  }

  /** The states one step on, through the real `step`; the trail is dropped first, as nothing reads it. */
  function successors(state: SessionState): SessionState[] {
    const node = currentNode(scenario, state);
    if (node.chance) {
      const outcomes = node.chance;
      // As the engine does: a fallback outcome only when no other applies.
      const open = openIndices(scenario, state, outcomes);
      const weights = open.map((i) => outcomes[i]?.weight ?? 0);
      return open.map((roll, j) => {
        const result = step(scenario, { ...state, trail: [], rng: rngPicking(weights, j) }, { type: 'choice.made', choice: 0 });
        if (!result.ok) throw new Error(`${state.node}: ${result.error}`);
        if (result.state.trail.at(-1)?.roll !== roll) throw new Error(`${state.node}: forced outcome ${roll} not taken`);
        return result.state;
      });
    }
    // The open choices in file order: the display order does not change where a choice leads.
    return openIndices(scenario, state, node.choices ?? []).map((index) => {
      const result = step(scenario, { ...state, trail: [] }, { type: 'choice.made', choice: index });
      if (!result.ok) throw new Error(`${state.node}: ${result.error}`);
      return result.state;
    });
  }

  /** What a condition can read of a state: `flag:x`, `counter:x`, `conveyed`, `leaks`, `clock`, `actual`, `reported`, `variant`. */
  function readsOf(c: Condition): string[] {
    if ('flag' in c) return [`flag:${c.flag}`];
    if ('notFlag' in c) return [`flag:${c.notFlag}`];
    if ('counter' in c) return [`counter:${c.counter}`];
    if ('conveyed' in c || 'notConveyed' in c || 'conveyedAtLeast' in c) return ['conveyed'];
    if ('leaked' in c || 'noLeaks' in c) return ['leaks'];
    if ('before' in c || 'after' in c) return ['clock'];
    if ('actual' in c) return ['actual'];
    if ('reported' in c) return ['reported'];
    if ('variant' in c) return ['variant'];
    if ('claim' in c) return ['telegram'];
    return [];
  }

  /**
   * For each node, the parts of the state that a condition at it or at any later node can read. A `mark`
   * effect ahead counts as reading the clock, since the mark records it. The graph is acyclic.
   */
  const liveAt = new Map<string, Set<string>>();
  function live(id: string): Set<string> {
    const known = liveAt.get(id);
    if (known) return known;
    const reads = new Set<string>();
    for (const edge of edgesOf(nodeOf(id))) {
      for (const c of conditionParts(edge.if)) for (const r of readsOf(c)) reads.add(r);
      if ((edge.effects ?? []).some((e) => 'mark' in e)) reads.add('clock');
      if (nodeOf(edge.next).ending?.claims !== undefined) reads.add('telegram');
      for (const r of live(edge.next)) reads.add(r);
    }
    liveAt.set(id, reads);
    return reads;
  }

  /** Flags the assertions look at in the endings. */
  const LATE_FLAGS = ['late-meeting', 'sent-late', 'routine'];
  const OBSERVED_FLAGS = [...LATE_FLAGS, 'owned-up', 'changed-report', 'resent'];

  /**
   * The canonical key of a state for memoising the search: the node, what the assertions observe (variant,
   * actual, reported, leaks, the observed flags, whether the marks fall before the deadline) and whatever a later
   * condition can still read. Two states with the same key have the same futures as far as any condition and
   * any assertion here can tell, so the search visits one of them; no condition reads the drafted paragraphs,
   * the precedence, the trail or the PRNG state.
   */
  function keyOf(s: SessionState): string {
    const reads = live(s.node);
    const flags = s.flags.filter((f) => OBSERVED_FLAGS.includes(f) || reads.has(`flag:${f}`));
    const counters = Object.entries(s.counters)
      .filter(([c]) => reads.has(`counter:${c}`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, v]) => `${c}=${v}`);
    const mark = (t: number | undefined): string => (t === undefined ? '-' : t < deadline ? 'in' : 'late');
    // Ids are lower-case letters, digits and hyphens, so '|' and ',' cannot occur inside a part.
    return [
      s.node, s.variant, s.actual ?? '-', s.reported ?? '-', [...s.leaks].sort().join(','), flags.join(','), counters.join(','),
      reads.has('conveyed') ? s.conveyed.join(',') : '*',
      clockKey(s),
      mark(s.marks.met), mark(s.marks.sent),
      reads.has('telegram') ? telegramKey(s) : '*',
    ].join('|');
  }

  /**
   * What the claims can still read of the telegram. Once it is sent: its reaction line and precedence, whether it
   * reported plainly, whether a later paragraph owned up to a slip, and the latest precedence (a repeat). Before, the
   * reaction and precedence chosen so far and whether every drafted paragraph is still faithful: `plain` needs every
   * part faithful or left out, and faithful parts all fit the actual reaction, so they can never contradict each other;
   * one unfaithful paragraph makes `plain` false whatever follows. The actual reaction and the slips, which the
   * judgement also reads, are fixed before the report phase and are in the key already.
   */
  const judged = new Map<string, boolean>();
  /** `judge` of the telegram, memoised on everything the judgement reads but the clock (which only the time part reads). */
  function judgedOnce(s: SessionState, sent: NonNullable<SessionState['sent']>, judge: (s: SessionState) => boolean): boolean {
    const key = JSON.stringify([sent, s.actual, s.leaks, s.marks.sent !== undefined && s.marks.sent < deadline]);
    let value = judged.get(key);
    if (value === undefined) {
      value = judge({ ...s, sent });
      judged.set(key, value);
    }
    return value;
  }

  function telegramKey(s: SessionState): string {
    // NIACT and PRIORITY are alike to every claim and condition; only ROUTINE differs.
    const speed = (p: string | null): string => (p === null ? '-' : p === 'ROUTINE' ? 'slow' : 'fast');
    if (s.sent !== null) return `sent,${s.sent.reported ?? '-'},${speed(s.sent.precedence)},${isPlainReport(scenario, s)},${speed(s.precedence)}`;
    if (s.draft.length === 0) return `draft,${s.reported ?? '-'},${speed(s.precedence)},true`;
    const faithful = judgedOnce(s, { reported: s.actual, precedence: 'NIACT', draft: s.draft }, (x) => {
      const draft = judgeTelegram(scenario, x);
      return draft.parts.every((p) => !['rosier', 'darker', 'unfounded'].includes(p.verdict)) && draft.consistent;
    });
    return `draft,${s.reported ?? '-'},${speed(s.precedence)},${faithful}`;
  }


  const clockTestsAt = new Map<string, ClockTest[]>();
  function clockTests(id: string): ClockTest[] {
    const known = clockTestsAt.get(id);
    if (known) return known;
    const tests = new Map<string, ClockTest>();
    const add = (t: ClockTest): void => void tests.set(`${t.time}/${t.offset}/${t.mark ?? ''}`, t);
    for (const edge of edgesOf(nodeOf(id))) {
      for (const c of conditionParts(edge.if)) {
        const at = 'before' in c ? c.before : 'after' in c ? c.after : undefined;
        if (at !== undefined) add({ time: at === 'deadline' ? deadline : timeOf(at), offset: 0 });
      }
      // After the edge the clock is max(clock + shift, floor).
      const shift = edge.minutes ?? 0;
      let floor = -Infinity;
      for (const e of edge.effects ?? []) {
        if ('clockTo' in e) floor = Math.max(floor, timeOf(e.clockTo));
        if ('mark' in e && floor < deadline) add({ time: deadline, offset: shift, mark: e.mark });
      }
      for (const t of clockTests(edge.next)) {
        if (floor + t.offset < t.time) add({ ...t, offset: t.offset + shift });
      }
    }
    const list = [...tests.values()];
    clockTestsAt.set(id, list);
    return list;
  }

  /** The clock as far as the future can tell: the answers to the node's clock tests. */
  function clockKey(s: SessionState): string {
    return clockTests(s.node)
      .filter((t) => t.mark === undefined || s.marks[t.mark] === undefined)
      .map((t) => (s.clock + t.offset < t.time ? '1' : '0'))
      .join('');
  }




  /** Nodes whose conditions read the world variant. */
  const variantReaders = new Set(
    nodeIds.filter((id) => edgesOf(nodeOf(id)).some((e) => conditionParts(e.if).some((c) => 'variant' in c))),
  );

  /**
   * Explores every state from the start. Until a path reaches a node that reads the variant, the variants
   * behave alike, so the search starts in one variant and forks into the others there; this is sound because
   * no variant-reading node lies after another (a test below checks it).
   */
  function exploreAll(): Search {
    const seen = new Set<string>();
    /** Successor keys of each state (the variant fork counts as one), to count the paths through the graph. */
    const next = new Map<string, string[]>();
    const endings: EndingSeen[] = [];
    const deadEnds: string[] = [];
    const variants = Object.keys(scenario.variants);
    const first = variants[0] ?? '';
    const start = initialState(scenario, { seed: 1, variant: first });
    const stack: [SessionState, string][] = [[start, keyOf(start)]];
    while (stack.length > 0) {
      const top = stack.pop();
      if (!top) break;
      const [state, key] = top;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > STATE_BUDGET) throw new Error(`the search passed its budget of ${STATE_BUDGET} states`);
      const after: SessionState[] = [];
      if (variantReaders.has(state.node) && state.variant === first) {
        after.push(...variants.slice(1).map((variant) => ({ ...state, variant })));
      }
      const node = currentNode(scenario, state);
      if (node.ending) {
        endings.push({
          node: state.node,
          outcome: node.ending.outcome,
          variant: state.variant,
          actual: state.actual,
          reported: state.reported,
          leaks: state.leaks,
          flags: state.flags,
          met: state.marks.met,
          sent: state.marks.sent,
          state,
        });
      } else {
        const steps = successors(state);
        if (steps.length === 0) deadEnds.push(state.node);
        after.push(...steps);
      }
      const keyed = after.map((s): [SessionState, string] => [s, keyOf(s)]);
      next.set(key, keyed.map(([, k]) => k));
      for (const entry of keyed) if (!seen.has(entry[1])) stack.push(entry);
    }
    return { states: seen.size, paths: countPaths(keyOf(start), next), endings, deadEnds };
  }

  /** The number of paths from `root` to an ending through the acyclic state graph, without recursion. */
  function countPaths(root: string, next: ReadonlyMap<string, readonly string[]>): bigint {
    const paths = new Map<string, bigint>();
    const stack: [string, boolean][] = [[root, false]];
    while (stack.length > 0) {
      const top = stack.pop();
      if (!top) break;
      const [key, expanded] = top;
      if (paths.has(key)) continue;
      const after = next.get(key) ?? [];
      if (expanded || after.length === 0) {
        paths.set(key, after.length === 0 ? 1n : after.reduce((n, k) => n + (paths.get(k) ?? 0n), 0n));
        continue;
      }
      stack.push([key, true], ...after.filter((k) => !paths.has(k)).map((k): [string, boolean] => [k, false]));
    }
    return paths.get(root) ?? 0n;
  }

  let search: Search | undefined;
    let searchTook = 0;
  function explored(): Search {
    if (!search) {
      const started = performance.now();
      search = exploreAll();
      searchTook = Math.round(performance.now() - started);
    }
    return search;
  }


  // ---------------------------------------------------------------- scripted playthroughs



  /** Plays one path through the real `step`, as the script says; returns the state at `stopAt` or at the ending. */
  function play(script: Script): SessionState {
    let state = initialState(scenario, { seed: 7, variant: script.variant ?? 'historical' });
    for (let guard = 0; guard < 200; guard++) {
      const node = currentNode(scenario, state);
      if (state.node === script.stopAt || node.ending) return state;
      let choice = 0;
      if (node.chance) {
        const outcomes = node.chance;
        const open = openIndices(scenario, state, outcomes);
        const target = script.rolls?.[state.node];
        const j = Math.max(0, target === undefined ? 0 : open.findIndex((i) => outcomes[i]?.next === target));
        state = { ...state, rng: rngPicking(open.map((i) => outcomes[i]?.weight ?? 0), j) };
      } else {
        const open = availableChoices(scenario, state);
        const want = script.picks?.[state.node];
        const found = want ? open.find((c) => want.test(c.label)) : undefined;
        if (want && !found) throw new Error(`${state.node}: no open choice matches ${String(want)}`);
        // Without a pick, the first open choice in file order (the display order is shuffled).
        choice = found?.index ?? Math.min(...open.map((c) => c.index));
      }
      const result = step(scenario, state, { type: 'choice.made', choice });
      if (!result.ok) throw new Error(`${state.node}: ${result.error}`);
      state = result.state;
    }
    throw new Error('no ending after 200 steps');
  }

  // ---------------------------------------------------------------- random playthroughs (for the typical length)



  function randomWalk(seed: number, variant: string): Walk {
    let state = initialState(scenario, { seed, variant });
    let picker = (seed * 7919 + 13) >>> 0;
    let decisions = 0;
    let words = 0;
    const start = state.clock;
    for (let guard = 0; guard < 500 && !currentNode(scenario, state).ending; guard++) {
      const node = currentNode(scenario, state);
      words += node.text.split(/\s+/).length;
      let choice = 0;
      if (node.choices) {
        const open = availableChoices(scenario, state);
        words += open.reduce((n, c) => n + c.label.split(/\s+/).length, 0);
        const [value, after] = nextRandom(picker);
        picker = after;
        choice = open[Math.floor(value * open.length)]?.index ?? 0;
        decisions++;
      }
      const result = step(scenario, state, { type: 'choice.made', choice });
      if (!result.ok) throw new Error(result.error);
      state = result.state;
    }
    const ending = currentNode(scenario, state);
    words += ending.text.split(/\s+/).length + (ending.ending?.summary.split(/\s+/).length ?? 0);
    return { decisions, words, minutes: state.clock - start };
  }

  return {
    nodeOf,
    edgesOf,
    conditionParts,
    allEdges,
    allEffects,
    allConditions,
    rngPicking,
    successors,
    readsOf,
    live,
    LATE_FLAGS,
    OBSERVED_FLAGS,
    keyOf,
    telegramKey,
    clockTests,
    clockKey,
    variantReaders,
    exploreAll,
    countPaths,
    explored,
    play,
    randomWalk,
    /** How long the search took, in ms (0 before it ran). */
    searchMs: (): number => searchTook,
  };
}
