/**
 * Replay: the state of a session is a fold of `step` over the logged decisions, never read from
 * the file. Pure and synchronous; returns results, never throws for a bad log.
 */
import type { Scenario } from '../scenario/schema.ts';
import { isoUtc } from '../engine/clock.ts';
import { lookup } from '../engine/lookup.ts';
import { initialState, type SessionState, type StartOptions } from '../engine/state.ts';
import { step } from '../engine/step.ts';
import type { Attempt, LogEntry } from './format.ts';

/** `states[0]` is the initial state and `states[i + 1]` the state after decision `i`; `state` is the last. */
export type ReplayResult =
  | { ok: true; state: SessionState; states: SessionState[] }
  | { ok: false; error: string };

/** What replay reads from a log, open or sealed. */
export interface ReplayableLog {
  scenario?: { id: string };
  seed: number;
  variant: string;
  attempts: readonly Attempt<LogEntry>[];
}

/** Which attempt `replayLog` replays. */
export interface ReplayOptions {
  /** The attempt to replay; the last one by default. */
  attempt?: number;
}

/** One decision of an attempt's full path, with where it is stored in the log. */
export interface PathStep {
  attempt: number;
  /** 0-based index in `attempts[attempt].entries`. */
  index: number;
  entry: LogEntry;
}

/** An attempt's full path, or why it cannot be built (an origin that does not exist). */
export type PathResult = { ok: true; path: PathStep[] } | { ok: false; error: string };

/**
 * The full path of attempt `attempt`: for `from: { attempt: j, seq: s }`, the path of attempt `j`
 * up to its own `s`-th entry (recursively), then the attempt's own entries. An origin must be an
 * earlier attempt, so the recursion ends. Pure.
 */
export function attemptPath(log: ReplayableLog, attempt: number): PathResult {
  const own = log.attempts[attempt];
  if (!own) return { ok: false, error: `the log has no attempt ${attempt}` };
  return pathUpTo(log, attempt, own.entries.length);
}

function pathUpTo(log: ReplayableLog, attempt: number, count: number): PathResult {
  const own = log.attempts[attempt];
  if (!own) return { ok: false, error: `the log has no attempt ${attempt}` };
  let path: PathStep[] = [];
  if (own.from !== null) {
    const { attempt: j, seq } = own.from;
    const origin = log.attempts[j];
    if (!Number.isInteger(j) || j < 0 || j >= attempt || !origin) {
      return { ok: false, error: `attempt ${attempt} starts from attempt ${j}, which is not an earlier attempt` };
    }
    if (!Number.isInteger(seq) || seq < 0 || seq > origin.entries.length) {
      return { ok: false, error: `attempt ${attempt} starts from entry ${seq} of attempt ${j}, which has ${origin.entries.length}` };
    }
    const prefix = pathUpTo(log, j, seq);
    if (!prefix.ok) return prefix;
    path = prefix.path;
  }
  own.entries.slice(0, count).forEach((entry, index) => path.push({ attempt, index, entry }));
  return { ok: true, path };
}

function start(scenario: Scenario, options: StartOptions): ReplayResult {
  if (lookup(scenario.variants, options.variant) === undefined) {
    return { ok: false, error: `scenario "${scenario.id}" has no variant "${options.variant}"` };
  }
  const state = initialState(scenario, options);
  return { ok: true, state, states: [state] };
}

/**
 * Replays one attempt of a log (the last by default) through the scenario. Before each decision the
 * entry's `seq` must be its position, its `node` the replayed node and its `clock` the replayed
 * game time (`isoUtc`); otherwise, or when `step` refuses the choice, the result names the entry,
 * e.g. `attempt 0 entry 5: recorded node "meet-2" but replay is at "meet-3"`. Entries are named
 * by attempt index and 0-based entry index, as in the file. Pure.
 */
export function replayLog(scenario: Scenario, log: ReplayableLog, options: ReplayOptions = {}): ReplayResult {
  if (log.scenario && log.scenario.id !== scenario.id) {
    return { ok: false, error: `the log is for scenario "${log.scenario.id}", not "${scenario.id}"` };
  }
  const attempt = options.attempt ?? log.attempts.length - 1;
  const path = attemptPath(log, attempt);
  if (!path.ok) return path;
  const begun = start(scenario, { seed: log.seed, variant: log.variant });
  if (!begun.ok) return begun;
  let state = begun.state;
  const states = begun.states;
  for (const { attempt: a, index, entry } of path.path) {
    const where = `attempt ${a} entry ${index}`;
    if (entry.seq !== index + 1) return { ok: false, error: `${where}: recorded seq ${entry.seq} but it is entry number ${index + 1}` };
    if (entry.node !== state.node) {
      return { ok: false, error: `${where}: recorded node "${entry.node}" but replay is at "${state.node}"` };
    }
    const clock = isoUtc(state.clock);
    if (entry.clock !== clock) return { ok: false, error: `${where}: recorded clock ${entry.clock} but replay is at ${clock}` };
    const result = step(scenario, state, { type: 'choice.made', choice: entry.choice });
    if (!result.ok) return { ok: false, error: `${where}: ${result.error}` };
    state = result.state;
    states.push(state);
  }
  return { ok: true, state, states };
}

/**
 * Replays bare choice indices from a fresh start (for tests and tools). Errors name the 0-based
 * decision: `decision 3: node "meet-2" has no choice 7`. Pure.
 */
export function replayEvents(scenario: Scenario, options: StartOptions, choices: readonly number[]): ReplayResult {
  const begun = start(scenario, options);
  if (!begun.ok) return begun;
  let state = begun.state;
  const states = begun.states;
  for (const [i, choice] of choices.entries()) {
    const result = step(scenario, state, { type: 'choice.made', choice });
    if (!result.ok) return { ok: false, error: `decision ${i}: ${result.error}` };
    state = result.state;
    states.push(state);
  }
  return { ok: true, state, states };
}
