/** Evaluates the closed condition vocabulary of scenario files against a session state. Pure. */
import type { Condition, Scenario } from '../scenario/schema.ts';
import { timeOf } from './clock.ts';
import { lookup } from './lookup.ts';
import type { SessionState } from './state.ts';
import { claimHolds } from '../verdict/claims.ts';

function timeRef(scenario: Scenario, ref: string): number {
  return ref === 'deadline' ? timeOf(scenario.clock.deadline) : timeOf(ref);
}

export function holds(scenario: Scenario, state: SessionState, c: Condition | undefined): boolean {
  if (c === undefined) return true;
  if ('flag' in c) return state.flags.includes(c.flag);
  if ('notFlag' in c) return !state.flags.includes(c.notFlag);
  if ('counter' in c) {
    const v = lookup(state.counters, c.counter) ?? 0;
    return (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);
  }
  if ('conveyed' in c) return c.conveyed.every((p) => state.conveyed.includes(p));
  if ('notConveyed' in c) return c.notConveyed.every((p) => !state.conveyed.includes(p));
  if ('conveyedAtLeast' in c) return state.conveyed.length >= c.conveyedAtLeast;
  if ('leaked' in c) return state.leaks.includes(c.leaked);
  if ('noLeaks' in c) return state.leaks.length === 0;
  if ('before' in c) return state.clock < timeRef(scenario, c.before);
  if ('after' in c) return state.clock >= timeRef(scenario, c.after);
  if ('actual' in c) return state.actual === c.actual;
  if ('reported' in c) return state.reported === c.reported;
  if ('variant' in c) return state.variant === c.variant;
  if ('claim' in c) return claimHolds(scenario, state, c.claim);
  if ('all' in c) return c.all.every((x) => holds(scenario, state, x));
  if ('any' in c) return c.any.some((x) => holds(scenario, state, x));
  return !holds(scenario, state, c.not);
}
