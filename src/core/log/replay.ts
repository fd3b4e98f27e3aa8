/**
 * Replay: the state of a session is a fold of `step` over the logged decisions, never read from
 * the file. Pure and synchronous; returns results, never throws for a bad log.
 */
import type { Scenario } from '../scenario/schema.ts';
import { isoUtc } from '../engine/clock.ts';
import { lookup } from '../engine/lookup.ts';
import { initialState, type SessionState, type StartOptions } from '../engine/state.ts';
import { step, stepChoice } from '../engine/step.ts';
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
 * up to its own `s`-th entry (and so on back), then the attempt's own entries. An origin must be an
 * earlier attempt, so the walk back ends; it is a loop, not a recursion, because a file can chain
 * thousands of attempts. Pure.
 */
export function attemptPath(log: ReplayableLog, attempt: number): PathResult {
  const own = log.attempts[attempt];
  if (!own) return { ok: false, error: `the log has no attempt ${attempt + 1}` };
  // Walk back from the attempt to one that starts from the beginning, noting how many own entries each part gives.
  const parts: { attempt: number; count: number }[] = [{ attempt, count: own.entries.length }];
  let current = own;
  let index = attempt;
  while (current.from !== null) {
    const { attempt: j, seq } = current.from;
    const origin = log.attempts[j];
    if (!Number.isInteger(j) || j < 0 || j >= index || !origin) {
      return { ok: false, error: `attempt ${index + 1} starts from attempt ${j + 1}, which is not an earlier attempt` };
    }
    if (!Number.isInteger(seq) || seq < 0 || seq > origin.entries.length) {
      return { ok: false, error: `attempt ${index + 1} starts after decision ${seq} of attempt ${j + 1}, which has ${origin.entries.length}` };
    }
    parts.push({ attempt: j, count: seq });
    current = origin;
    index = j;
  }
  const path: PathStep[] = [];
  for (let p = parts.length - 1; p >= 0; p--) {
    const { attempt: a, count } = parts[p] as { attempt: number; count: number };
    const entries = log.attempts[a]?.entries ?? [];
    for (let i = 0; i < count; i++) path.push({ attempt: a, index: i, entry: entries[i] as LogEntry });
  }
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
 * e.g. `attempt 1, decision 6: recorded node "meet-2" but replay is at "meet-3"`. Attempts and
 * decisions are counted from one, as the review page counts them (`decisionWhere`). Pure.
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
    const next = advance(scenario, state, a, index, entry);
    if (typeof next === 'string') return { ok: false, error: next };
    state = next;
    states.push(state);
  }
  return { ok: true, state, states };
}

/**
 * A decision named as the game, the review page and `logs verify` number them, from one ("attempt 1,
 * decision 3"), for the 0-based attempt and entry indices of the file. The decision is the entry's
 * place among its attempt's own (its `seq`), as "after its decision 3" counts a branch point.
 */
export const decisionWhere = (attempt: number, entry: number): string => `attempt ${attempt + 1}, decision ${entry + 1}`;

/** How an error names an entry: written only for an error, since a class's replay makes many steps. */
const where = decisionWhere;

/**
 * One logged decision replayed: its `seq`, `node` and `clock` checked against the state, then
 * stepped (stepChoice: no event or result object made per decision). The next state, or the error.
 */
function advance(scenario: Scenario, state: SessionState, a: number, index: number, entry: LogEntry): SessionState | string {
  if (entry.seq !== index + 1) return `${where(a, index)}: recorded seq ${entry.seq} but it is decision number ${index + 1}`;
  if (entry.node !== state.node) return `${where(a, index)}: recorded node "${entry.node}" but replay is at "${state.node}"`;
  const clock = isoUtc(state.clock);
  if (entry.clock !== clock) return `${where(a, index)}: recorded clock ${entry.clock} but replay is at ${clock}`;
  const next = stepChoice(scenario, state, entry.choice);
  return typeof next === 'string' ? `${where(a, index)}: ${next}` : next;
}

/** A decision stepped from a state, remembered so that a sibling attempt taking it again is not stepped twice. */
interface Stepped {
  index: number;
  entry: LogEntry;
  next: SessionState;
}

/** The decision at own index `index` already stepped from a state (its list), as far as `advance` reads an entry. */
function steppedBefore(list: readonly Stepped[] | undefined, index: number, entry: LogEntry): Stepped | undefined {
  if (list === undefined) return undefined;
  for (const s of list) {
    if (s.index === index && s.entry.seq === entry.seq && s.entry.node === entry.node && s.entry.clock === entry.clock && s.entry.choice === entry.choice) return s;
  }
  return undefined;
}

/**
 * For each attempt, whether another starts from the same state at its own first entry (both from the
 * start, or from the same entry of the same attempt, an attempt's entry 0 being where it starts):
 * only such siblings can take a decision from a state another has stepped from at the same own
 * index, so only they remember and look up their steps. Missing a shared state this way (siblings of
 * siblings that retraced each other) only costs a step taken again, which gives the same state.
 */
function sharedStarts(log: ReplayableLog): boolean[] {
  const keys: string[] = [];
  for (let a = 0; a < log.attempts.length; a++) {
    const from = (log.attempts[a] as Attempt<LogEntry>).from;
    const j = from?.attempt ?? -1;
    if (from === null) keys.push('start');
    else if (from.seq === 0 && Number.isInteger(j) && j >= 0 && j < a) keys.push(keys[j] as string);
    else keys.push(`${j}:${from.seq}`);
  }
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return keys.map((key) => (counts.get(key) ?? 0) > 1);
}

/** The outcome of replaying every attempt of a log: `errors[a]` is attempt `a`'s replay error, or null. */
export interface AllAttempts {
  errors: (string | null)[];
  /** `finals[a]` is the state at the end of attempt `a`, or null when it does not replay. */
  finals: (SessionState | null)[];
  /** The replay of the last attempt, with every state along its path. */
  last: ReplayResult;
}

/**
 * Replays every attempt of a log, each decision once: an attempt starts from the remembered state
 * of its origin instead of replaying the origin's path again, so a file of thousands of chained
 * attempts costs one step per entry, not one per entry per attempt. Each attempt gets the error
 * `replayLog` would give it. Pure.
 */
export function replayAttempts(scenario: Scenario, log: ReplayableLog): AllAttempts {
  const count = log.attempts.length;
  if (log.scenario && log.scenario.id !== scenario.id) {
    const error = `the log is for scenario "${log.scenario.id}", not "${scenario.id}"`;
    return { errors: log.attempts.map(() => error), finals: log.attempts.map(() => null), last: { ok: false, error } };
  }
  const begun = start(scenario, { seed: log.seed, variant: log.variant });
  if (!begun.ok) return { errors: log.attempts.map(() => begun.error), finals: log.attempts.map(() => null), last: begun };
  // The states later attempts start from: wanted[a] holds the own-entry counts some attempt branches at.
  const wanted = new Map<number, Set<number>>();
  for (const attempt of log.attempts) {
    if (attempt.from === null) continue;
    const seqs = wanted.get(attempt.from.attempt) ?? new Set<number>();
    seqs.add(attempt.from.seq);
    wanted.set(attempt.from.attempt, seqs);
  }
  // kept[a] maps a wanted count to the state after that many own entries; failed[a] is where attempt a stops.
  const kept: Map<number, SessionState>[] = [];
  // along[a][i]: the state after attempt a's own entry i, so the last attempt's states need no second replay.
  const along: SessionState[][] = [];
  // The decisions stepped from each state, kept only by sibling attempts (a Map keyed by states costs a class's logs dearly).
  const shared = count > 1 ? sharedStarts(log) : [];
  const stepped = shared.includes(true) ? new Map<SessionState, Stepped[]>() : null;
  const failed: ({ at: number; error: string } | null)[] = [];
  const errors: (string | null)[] = [];
  const finals: (SessionState | null)[] = [];
  for (let a = 0; a < count; a++) {
    const attempt = log.attempts[a] as Attempt<LogEntry>;
    const keep = new Map<number, SessionState>();
    kept.push(keep);
    const states: SessionState[] = [];
    along.push(states);
    let state: SessionState | null = begun.state;
    let failure: { at: number; error: string } | null = null;
    if (attempt.from !== null) {
      const { attempt: j, seq } = attempt.from;
      const origin = log.attempts[j];
      if (!Number.isInteger(j) || j < 0 || j >= a || !origin) {
        failure = { at: -1, error: `attempt ${a + 1} starts from attempt ${j + 1}, which is not an earlier attempt` };
      } else if (!Number.isInteger(seq) || seq < 0 || seq > origin.entries.length) {
        failure = { at: -1, error: `attempt ${a + 1} starts after decision ${seq} of attempt ${j + 1}, which has ${origin.entries.length}` };
      } else {
        const stop = failed[j];
        // The origin's path breaks before the branch point: this attempt breaks at the same place.
        if (stop && stop.at < seq) failure = { at: -1, error: stop.error };
        else state = kept[j]?.get(seq) ?? null;
      }
    }
    if (failure === null && state !== null) {
      const memo = shared[a] === true ? stepped : null;
      const seqs = wanted.get(a);
      if (seqs?.has(0)) keep.set(0, state);
      const { entries } = attempt;
      for (let index = 0; index < entries.length; index++) {
        const entry = entries[index] as LogEntry;
        // The same decision from the same state (sibling attempts retrying one branch) is stepped once.
        const from: SessionState = state;
        const known = steppedBefore(memo?.get(from), index, entry);
        if (known !== undefined) {
          state = known.next;
        } else {
          const next = advance(scenario, from, a, index, entry);
          if (typeof next === 'string') {
            failure = { at: index, error: next };
            break;
          }
          if (memo !== null) {
            const list = memo.get(from);
            if (list === undefined) memo.set(from, [{ index, entry, next }]);
            else list.push({ index, entry, next });
          }
          state = next;
        }
        states.push(state);
        if (seqs?.has(index + 1)) keep.set(index + 1, state);
      }
    }
    failed.push(failure);
    errors.push(failure?.error ?? null);
    finals.push(failure === null ? state : null);
  }
  const lastError = errors[count - 1];
  const last: ReplayResult = count === 0
    ? { ok: false, error: 'the log has no attempt' }
    : typeof lastError === 'string' ? { ok: false, error: lastError } : lastStates(log, count - 1, begun.state, along);
  return { errors, finals, last };
}

/**
 * What `replayLog` gives for attempt `a`, which replayed without error, from the states the replay
 * of every attempt kept on the way: the same states, in path order, without stepping again. The
 * path is followed back through the origins as `attemptPath` does (they are valid: the attempt
 * replayed), taking each part's states at once rather than listing its steps.
 */
function lastStates(log: ReplayableLog, a: number, initial: SessionState, along: readonly SessionState[][]): ReplayResult {
  const parts: { attempt: number; count: number }[] = [{ attempt: a, count: log.attempts[a]?.entries.length ?? 0 }];
  for (let from = log.attempts[a]?.from ?? null; from !== null; from = log.attempts[from.attempt]?.from ?? null) {
    parts.push({ attempt: from.attempt, count: from.seq });
  }
  const states = [initial];
  for (let p = parts.length - 1; p >= 0; p--) {
    const { attempt, count } = parts[p] as { attempt: number; count: number };
    const own = along[attempt] ?? [];
    if (own.length < count) return { ok: false, error: `${decisionWhere(attempt, own.length)} was not replayed` };
    for (let i = 0; i < count; i++) states.push(own[i] as SessionState);
  }
  return { ok: true, state: states[states.length - 1] as SessionState, states };
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
