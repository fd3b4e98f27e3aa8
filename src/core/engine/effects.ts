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
 * `list` (sorted, unique, as a state's flags are) with `item` in its place: what adding it and sorting
 * gives (the default order, by UTF-16 code units, is what `<` compares), without a sort at every step.
 */
function withSorted(list: readonly string[], item: string): string[] {
  let i = 0;
  while (i < list.length && (list[i] as string) < item) i++;
  if (list[i] === item) return list.slice();
  const out = list.slice(0, i);
  out.push(item);
  for (let k = i; k < list.length; k++) out.push(list[k] as string);
  return out;
}

/** One effect as a function of the state it changes. */
export type Apply = (next: SessionState) => void;

const compiled = new WeakMap<Effect, Apply>();

/**
 * Carries out one effect on `next`, a state the caller has just copied and owns: its fields are
 * reassigned (lists and records replaced by new ones, never changed in place), so the state it was
 * copied from, which shares them, is untouched. This is how `step` makes one copy per move.
 */
function compile(e: Effect): Apply {
  if ('set' in e) return (next) => { next.flags = withSorted(next.flags, e.set); };
  if ('unset' in e) return (next) => { next.flags = next.flags.filter((f) => f !== e.unset); };
  // Object.assign rather than a spread with a key added, which V8 makes several times slower (the keys are ids, never "__proto__").
  if ('add' in e) return (next) => { next.counters = Object.assign({}, next.counters, { [e.add.counter]: (lookup(next.counters, e.add.counter) ?? 0) + e.add.by }); };
  if ('convey' in e) {
    return (next) => {
      const { conveyed } = next;
      next.conveyed = POINTS.filter((p) => conveyed.includes(p) || e.convey.includes(p));
    };
  }
  if ('leak' in e) return (next) => { next.leaks = withItem(next.leaks, e.leak); };
  if ('actual' in e) return (next) => { next.actual = e.actual; };
  if ('report' in e) return (next) => { next.reported = e.report; };
  if ('precedence' in e) return (next) => { next.precedence = e.precedence; };
  if ('draft' in e) return (next) => { next.draft = withItem(next.draft, e.draft); };
  // The first time counts: the démarche was made, the report sent, when it first happened.
  if ('mark' in e) {
    return (next) => {
      if (next.marks[e.mark] === undefined) next.marks = Object.assign({}, next.marks, { [e.mark]: next.clock });
    };
  }
  return (next) => { next.clock = Math.max(next.clock, timeOf(e.clockTo)); };
}

/**
 * An effect as a function, made once and kept beside it (a scenario is immutable data): a replay
 * then applies it without reading its shape again, which a class's logs do a great many times.
 */
export function effectOf(e: Effect): Apply {
  let apply = compiled.get(e);
  if (apply === undefined) {
    apply = compile(e);
    compiled.set(e, apply);
  }
  return apply;
}

/** Carries out one effect on `next`, a state the caller has just copied and owns (see `compile`). */
export function applyEffectTo(next: SessionState, e: Effect): void {
  effectOf(e)(next);
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
