/** Carries out the effect vocabulary of scenario files. `applyEffect(s)` are pure: they return a new state. */
import type { Effect } from '../scenario/schema.ts';
import { POINTS } from '../scenario/vocabulary.ts';
import { timeOf } from './clock.ts';
import { lookup } from './lookup.ts';
import type { SessionState } from './state.ts';

function withItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? [...list] : [...list, item];
}

/**
 * Carries out one effect on `next`, a state the caller has just copied and owns: its fields are
 * reassigned (lists and records replaced by new ones, never changed in place), so the state it was
 * copied from, which shares them, is untouched. This is how `step` makes one copy per move.
 */
export function applyEffectTo(next: SessionState, e: Effect): void {
  if ('set' in e) next.flags = withItem(next.flags, e.set).sort();
  else if ('unset' in e) next.flags = next.flags.filter((f) => f !== e.unset);
  // Object.assign rather than a spread with a key added, which V8 makes several times slower (the keys are ids, never "__proto__").
  else if ('add' in e) next.counters = Object.assign({}, next.counters, { [e.add.counter]: (lookup(next.counters, e.add.counter) ?? 0) + e.add.by });
  else if ('convey' in e) {
    const { conveyed } = next;
    next.conveyed = POINTS.filter((p) => conveyed.includes(p) || e.convey.includes(p));
  } else if ('leak' in e) next.leaks = withItem(next.leaks, e.leak);
  else if ('actual' in e) next.actual = e.actual;
  else if ('report' in e) next.reported = e.report;
  else if ('precedence' in e) next.precedence = e.precedence;
  else if ('draft' in e) next.draft = withItem(next.draft, e.draft);
  // The first time counts: the démarche was made, the report sent, when it first happened.
  else if ('mark' in e) {
    if (next.marks[e.mark] === undefined) next.marks = Object.assign({}, next.marks, { [e.mark]: next.clock });
  } else next.clock = Math.max(next.clock, timeOf(e.clockTo));
}

export function applyEffect(state: SessionState, e: Effect): SessionState {
  const next = { ...state };
  applyEffectTo(next, e);
  return next;
}

export function applyEffects(state: SessionState, effects: readonly Effect[] | undefined): SessionState {
  const next = { ...state };
  for (const e of effects ?? []) applyEffectTo(next, e);
  return next;
}
