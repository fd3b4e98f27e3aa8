/**
 * The session state: a plain, serialisable cursor through an immutable scenario.
 * Everything here is derived by replaying events; nothing in it is trusted from a file.
 */
import type { Phase, Point, Precedence, Scenario } from '../scenario/schema.ts';
import { timeOf, type UtcMinutes } from './clock.ts';
import { lookup } from './lookup.ts';
import { seedState } from './rng.ts';

export type Mark = 'met' | 'sent';

/** One decision taken: where, which choice (its index in the node), when; `roll` is a chance outcome's index. */
export interface TrailStep {
  node: string;
  choice: number;
  clock: UtcMinutes;
  roll?: number;
}

export interface SentTelegram {
  reported: string | null;
  precedence: Precedence | null;
  draft: string[];
}

export interface SessionState {
  scenarioId: string;
  node: string;
  phase: Phase;
  clock: UtcMinutes;
  seed: number;
  /** The PRNG's state after the last draw. */
  rng: number;
  variant: string;
  /** Sorted, unique. */
  flags: string[];
  counters: Record<string, number>;
  /** In the order of POINTS, unique. */
  conveyed: Point[];
  /** Pitfall ids in the order taken, unique. */
  leaks: string[];
  /** The minister's actual response, fixed by the meeting. */
  actual: string | null;
  /** The response as the student's telegram reports it. Washington acts on this one. */
  reported: string | null;
  precedence: Precedence | null;
  /** Paragraph ids of the outgoing telegram, in order. */
  draft: string[];
  marks: Partial<Record<Mark, UtcMinutes>>;
  /**
   * The telegram as it left the embassy, frozen when it was first sent. Later corrections change
   * `reported` (Washington acts on the latest word) but never what was sent.
   */
  sent: SentTelegram | null;
  trail: TrailStep[];
  /** The ending's outcome id once an ending node is reached. */
  outcome: string | null;
}

export interface StartOptions {
  seed: number;
  variant: string;
}

/** The state before the first decision. Pure; throws a RangeError for an unknown variant (a programmer error). */
export function initialState(scenario: Scenario, options: StartOptions): SessionState {
  if (lookup(scenario.variants, options.variant) === undefined) {
    throw new RangeError(`scenario ${scenario.id} has no variant "${options.variant}"`);
  }
  const start = lookup(scenario.nodes, scenario.start);
  if (!start) throw new RangeError(`scenario ${scenario.id} has no start node "${scenario.start}"`);
  return {
    scenarioId: scenario.id,
    node: scenario.start,
    phase: start.phase,
    clock: timeOf(scenario.clock.start),
    seed: options.seed >>> 0,
    rng: seedState(options.seed),
    variant: options.variant,
    flags: [],
    counters: {},
    conveyed: [],
    leaks: [],
    actual: null,
    reported: null,
    precedence: null,
    draft: [],
    marks: {},
    sent: null,
    trail: [],
    outcome: start.ending ? start.ending.outcome : null,
  };
}

/**
 * A copy of `state` for the caller to fill in, sharing its lists and records (they are replaced, never
 * changed in place). Written field by field, in the order `initialState` gives them: V8 makes such a
 * literal several times faster than a spread, and a replay copies once per decision. Pure.
 */
export function copyState(state: SessionState): SessionState {
  return {
    scenarioId: state.scenarioId,
    node: state.node,
    phase: state.phase,
    clock: state.clock,
    seed: state.seed,
    rng: state.rng,
    variant: state.variant,
    flags: state.flags,
    counters: state.counters,
    conveyed: state.conveyed,
    leaks: state.leaks,
    actual: state.actual,
    reported: state.reported,
    precedence: state.precedence,
    draft: state.draft,
    marks: state.marks,
    sent: state.sent,
    trail: state.trail,
    outcome: state.outcome,
  };
}

export function deadlineOf(scenario: Scenario): UtcMinutes {
  return timeOf(scenario.clock.deadline);
}
