/**
 * Evaluates the closed condition vocabulary of scenario files against a session state. Pure.
 * Each condition object is turned once into a function (kept in a WeakMap beside it), so a game,
 * a replay or the scenario tests' exhaustive search does not read the condition's shape again at
 * every step.
 */
import type { Condition, Scenario } from '../scenario/schema.ts';
import { timeOf } from './clock.ts';
import { lookup } from './lookup.ts';
import type { SessionState } from './state.ts';
import { claimHolds } from '../verdict/claims.ts';

export type Test = (scenario: Scenario, state: SessionState) => boolean;

const compiled = new WeakMap<Condition, Test>();

function timeRef(scenario: Scenario, ref: string): number {
  return ref === 'deadline' ? timeOf(scenario.clock.deadline) : timeOf(ref);
}

/**
 * `timeRef` of `ref`, read once for the scenario asked last (a condition belongs to one scenario, and
 * "deadline" is its own): a replay tests the same times at every step.
 */
function timeOnce(ref: string): (scenario: Scenario) => number {
  let last: Scenario | null = null;
  let time = 0;
  return (scenario) => {
    if (scenario !== last) {
      time = timeRef(scenario, ref);
      last = scenario;
    }
    return time;
  };
}

function compile(c: Condition): Test {
  if ('flag' in c) return (_, s) => s.flags.includes(c.flag);
  if ('notFlag' in c) return (_, s) => !s.flags.includes(c.notFlag);
  if ('counter' in c) {
    const { counter, atLeast, atMost } = c;
    return (_, s) => {
      const v = lookup(s.counters, counter) ?? 0;
      return (atLeast === undefined || v >= atLeast) && (atMost === undefined || v <= atMost);
    };
  }
  if ('conveyed' in c) return (_, s) => c.conveyed.every((p) => s.conveyed.includes(p));
  if ('notConveyed' in c) return (_, s) => c.notConveyed.every((p) => !s.conveyed.includes(p));
  if ('conveyedAtLeast' in c) return (_, s) => s.conveyed.length >= c.conveyedAtLeast;
  if ('leaked' in c) return (_, s) => s.leaks.includes(c.leaked);
  if ('noLeaks' in c) return (_, s) => s.leaks.length === 0;
  if ('before' in c) {
    const at = timeOnce(c.before);
    return (scenario, s) => s.clock < at(scenario);
  }
  if ('after' in c) {
    const at = timeOnce(c.after);
    return (scenario, s) => s.clock >= at(scenario);
  }
  if ('actual' in c) return (_, s) => s.actual === c.actual;
  if ('reported' in c) return (_, s) => s.reported === c.reported;
  if ('variant' in c) return (_, s) => s.variant === c.variant;
  if ('claim' in c) return (scenario, s) => claimHolds(scenario, s, c.claim);
  if ('all' in c) {
    const parts = c.all.map(testOf);
    return (scenario, s) => parts.every((t) => t(scenario, s));
  }
  if ('any' in c) {
    const parts = c.any.map(testOf);
    return (scenario, s) => parts.some((t) => t(scenario, s));
  }
  const inner = testOf(c.not);
  return (scenario, s) => !inner(scenario, s);
}

/** A condition as a function, made once and kept beside it. */
export function testOf(c: Condition): Test {
  let test = compiled.get(c);
  if (!test) {
    test = compile(c);
    compiled.set(c, test);
  }
  return test;
}

export function holds(scenario: Scenario, state: SessionState, c: Condition | undefined): boolean {
  return c === undefined || testOf(c)(scenario, state);
}
