/**
 * The one transition of the game: `step(scenario, state, event) -> result`.
 * Pure: no wall time, no unseeded randomness, no I/O; chance draws come from the seeded PRNG kept in
 * the state. An event that is not allowed in the state returns a result with the reason
 * (a log that asks for it is refused); it never throws for bad input.
 */
import type { Choice, Condition, Scenario, ScenarioNode } from '../scenario/schema.ts';
import { holds } from './conditions.ts';
import { compiledNode, type CompiledItem } from './compiled.ts';
import { lookup } from './lookup.ts';
import { timeOf, type UtcMinutes } from './clock.ts';
import { nextRandom, randomStream } from './rng.ts';
import { copyState, type SessionState } from './state.ts';

/** The student picks choice `choice` (its index in the node's list); at a chance node, 0 means "continue". */
export interface ChoiceMade {
  type: 'choice.made';
  choice: number;
}
export type GameEvent = ChoiceMade;

export type StepResult = { ok: true; state: SessionState } | { ok: false; error: string };

export interface ChoiceView {
  /** Index in the node's `choices` list: what the event carries. */
  index: number;
  label: string;
  minutes: number;
  /** Where the choice moves the clock to when a `clockTo` takes it past its minutes; otherwise null. */
  until: UtcMinutes | null;
  next: string;
}

export function currentNode(scenario: Scenario, state: SessionState): ScenarioNode {
  const node = lookup(scenario.nodes, state.node);
  if (!node) throw new RangeError(`no node "${state.node}" in scenario ${scenario.id}`);
  return node;
}

export function isEnded(scenario: Scenario, state: SessionState): boolean {
  return currentNode(scenario, state).ending !== undefined;
}

/**
 * Indices of the open items of a list: those whose condition holds, leaving out `fallback`
 * items unless nothing else is open. A fallback keeps a node free of dead ends without showing
 * the student a spare way out beside the real ones.
 */
export function openIndices(
  scenario: Scenario,
  state: SessionState,
  items: readonly { if?: Condition | undefined; fallback?: true | undefined }[],
): number[] {
  const open: number[] = [];
  const main: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as (typeof items)[number];
    if (!holds(scenario, state, item.if)) continue;
    open.push(i);
    if (!item.fallback) main.push(i);
  }
  return main.length > 0 ? main : open;
}

/**
 * Whether item `index` is one of `openIndices` (without listing them all): its condition holds and,
 * for a fallback, no item that is not a fallback is open.
 */
export function isOpen(
  scenario: Scenario,
  state: SessionState,
  items: readonly { if?: Condition | undefined; fallback?: true | undefined }[],
  index: number,
): boolean {
  const item = items[index];
  if (!item || !holds(scenario, state, item.if)) return false;
  return !item.fallback || !items.some((c) => !c.fallback && holds(scenario, state, c.if));
}

/** The choices open to the student now, in file order (conditions that fail hide a choice). */
export function availableChoices(scenario: Scenario, state: SessionState): ChoiceView[] {
  const node = currentNode(scenario, state);
  if (node.chance) return [{ index: 0, label: 'Continue', minutes: 0, until: null, next: '' }];
  const choices = node.choices ?? [];
  const open = openIndices(scenario, state, choices);
  return (node.shuffle ? shuffled(open, state.seed, state.node) : open).flatMap((index) => {
    const c: Choice | undefined = choices[index];
    return c ? [{ index, label: c.label, minutes: c.minutes, until: untilOf(state, c), next: c.next }] : [];
  });
}

/** The clock after a choice's `clockTo` effects, when they take it past the choice's minutes. */
function untilOf(state: SessionState, c: Choice): UtcMinutes | null {
  const byMinutes = state.clock + c.minutes;
  const to = (c.effects ?? []).reduce((t, e) => ('clockTo' in e ? Math.max(t, timeOf(e.clockTo)) : t), byMinutes);
  return to > byMinutes ? to : null;
}

/**
 * A display order drawn from the session seed and the node id: the same on every visit, reload
 * and replay, different between students. The log records choice indices, never positions.
 */
function shuffled(indices: readonly number[], seed: number, nodeId: string): number[] {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < nodeId.length; i++) h = Math.imul(h ^ nodeId.charCodeAt(i), 16777619) >>> 0;
  const random = randomStream(h);
  const out = [...indices];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] ?? 0, out[i] ?? 0];
  }
  return out;
}

/** Whether a compiled item's condition holds (an item without one always does). */
function itemHolds(scenario: Scenario, state: SessionState, item: CompiledItem): boolean {
  return item.test === null || item.test(scenario, state);
}

/** `isOpen` over a compiled node's choices. */
function choiceOpen(scenario: Scenario, state: SessionState, items: readonly CompiledItem[], item: CompiledItem): boolean {
  if (!itemHolds(scenario, state, item)) return false;
  if (!item.fallback) return true;
  for (const c of items) if (!c.fallback && itemHolds(scenario, state, c)) return false;
  return true;
}

/**
 * The chance outcome drawn from `openIndices` of `items` (with its index and the next PRNG state):
 * `pickWeighted` over the open outcomes' weights, summed and taken in the same order, so the same
 * draw, without a list of weights made per step.
 */
function draw(rng: number, items: readonly CompiledItem[], open: readonly number[]): [roll: number, next: number] {
  let total = 0;
  for (const i of open) total += items[i]?.weight ?? 0;
  const [value, next] = nextRandom(rng);
  let target = value * total;
  for (let k = 0; k < open.length; k++) {
    target -= items[open[k] as number]?.weight ?? 0;
    if (target < 0) return [open[k] ?? 0, next];
  }
  return [open[open.length - 1] ?? 0, next];
}

/** `openIndices` over a compiled node's items. */
function openOf(scenario: Scenario, state: SessionState, items: readonly CompiledItem[]): number[] {
  const open: number[] = [];
  const main: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as CompiledItem;
    if (!itemHolds(scenario, state, item)) continue;
    open.push(i);
    if (!item.fallback) main.push(i);
  }
  return main.length > 0 ? main : open;
}

/**
 * Moves `state` on by one choice or chance outcome, into one new state: the copy is made once and
 * then filled in (the effects, the sent telegram, the trail, the node), so the state given is never
 * changed and a replay of n decisions makes n states, not several per decision. The new state, or
 * why there is none.
 */
function advance(state: SessionState, choice: number, item: CompiledItem, rng: number, roll?: number): SessionState | string {
  const target = item.target;
  if (!target) return `no node "${item.item.next}"`;
  const next = copyState(state);
  next.rng = rng;
  next.clock = state.clock + item.minutes;
  for (const apply of item.effects) apply(next);
  // The telegram is frozen the first time it is marked sent, after all of the action's effects.
  if (next.sent === null && next.marks.sent !== undefined) next.sent = { reported: next.reported, precedence: next.precedence, draft: [...next.draft] };
  next.trail = [...state.trail, roll === undefined ? { node: state.node, choice, clock: state.clock } : { node: state.node, choice, clock: state.clock, roll }];
  next.node = item.item.next;
  next.phase = target.phase;
  if (target.ending) next.outcome = target.ending.outcome;
  return next;
}

/**
 * `step` for choice `choice`: the next state, or the reason it is not allowed (the text `step`'s
 * error gives). Made for a replay, which steps every decision of every log it checks, without the
 * event and the result objects; over the scenario's compiled nodes (compiled.ts: conditions and
 * effects as functions, nodes by a Map). Pure.
 */
export function stepChoice(scenario: Scenario, state: SessionState, choice: number): SessionState | string {
  const compiled = compiledNode(scenario, state.node);
  if (!compiled) return `no node "${state.node}"`;
  const { node } = compiled;
  if (node.ending) return `node "${state.node}" is an ending; the game is over`;

  if (compiled.chance !== null) {
    if (choice !== 0) return `node "${state.node}" is a chance node: only choice 0 (continue)`;
    const open = openOf(scenario, state, compiled.chance);
    if (open.length === 0) return `node "${state.node}": no chance outcome applies`;
    const [roll, rng] = draw(state.rng, compiled.chance, open);
    const outcome = compiled.chance[roll];
    if (!outcome) return `node "${state.node}": no outcome ${roll}`;
    return advance(state, 0, outcome, rng, roll);
  }

  const choices = compiled.choices ?? [];
  const item = choices[choice];
  if (!item) return `node "${state.node}" has no choice ${choice}`;
  if (!choiceOpen(scenario, state, choices, item)) return `node "${state.node}" choice ${choice} is not open in this state`;
  return advance(state, choice, item, state.rng);
}

export function step(scenario: Scenario, state: SessionState, event: GameEvent): StepResult {
  const next = stepChoice(scenario, state, event.choice);
  return typeof next === 'string' ? { ok: false, error: next } : { ok: true, state: next };
}
