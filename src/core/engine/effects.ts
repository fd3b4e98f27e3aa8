/** Carries out the effect vocabulary of scenario files. Pure: returns a new state. */
import type { Effect } from '../scenario/schema.ts';
import { POINTS } from '../scenario/vocabulary.ts';
import { timeOf } from './clock.ts';
import { lookup } from './lookup.ts';
import type { SessionState } from './state.ts';

function withItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? [...list] : [...list, item];
}

export function applyEffect(state: SessionState, e: Effect): SessionState {
  if ('set' in e) return { ...state, flags: withItem(state.flags, e.set).sort() };
  if ('unset' in e) return { ...state, flags: state.flags.filter((f) => f !== e.unset) };
  if ('add' in e) {
    const v = (lookup(state.counters, e.add.counter) ?? 0) + e.add.by;
    return { ...state, counters: { ...state.counters, [e.add.counter]: v } };
  }
  if ('convey' in e) {
    const all = new Set([...state.conveyed, ...e.convey]);
    return { ...state, conveyed: POINTS.filter((p) => all.has(p)) };
  }
  if ('leak' in e) return { ...state, leaks: withItem(state.leaks, e.leak) };
  if ('actual' in e) return { ...state, actual: e.actual };
  if ('report' in e) return { ...state, reported: e.report };
  if ('precedence' in e) return { ...state, precedence: e.precedence };
  if ('draft' in e) return { ...state, draft: withItem(state.draft, e.draft) };
  // The first time counts: the démarche was made, the report sent, when it first happened.
  if ('mark' in e) return state.marks[e.mark] !== undefined ? state : { ...state, marks: { ...state.marks, [e.mark]: state.clock } };
  return { ...state, clock: Math.max(state.clock, timeOf(e.clockTo)) };
}

export function applyEffects(state: SessionState, effects: readonly Effect[] | undefined): SessionState {
  return (effects ?? []).reduce(applyEffect, state);
}
