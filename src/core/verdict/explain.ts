/**
 * Why the minister answered as he did: for every chance draw on the path that could set his actual
 * reaction, the odds of each reaction as the student's conduct had made them, what moved them (the
 * `reason` of each outcome in the draw), and what chance picked. Pure: works on replayed states.
 */
import { holds } from '../engine/conditions.ts';
import { lookup } from '../engine/lookup.ts';
import type { SessionState } from '../engine/state.ts';
import { openIndices } from '../engine/step.ts';
import type { Outcome, Scenario } from '../scenario/schema.ts';

export interface ReactionOdds {
  /** A response id, or null for "no reaction yet". */
  response: string | null;
  label: string;
  /** Share of the draw, 0..1. */
  share: number;
}

export interface ReactionDraw {
  node: string;
  /** The reaction before this draw (null before the first). */
  before: string | null;
  odds: ReactionOdds[];
  /** What moved the odds: the reasons of the open outcomes, each with the reaction it favours. */
  reasons: { text: string; response: string | null; share: number }[];
  /** The reaction the draw gave. */
  drawn: string | null;
}

function actualAfter(outcome: Outcome, before: string | null): string | null {
  let out = before;
  for (const e of outcome.effects ?? []) if ('actual' in e) out = e.actual;
  return out;
}

function labelOf(scenario: Scenario, id: string | null): string {
  return id === null ? 'no answer yet' : (lookup(scenario.responses, id)?.label ?? id);
}

/**
 * The draws that decided the reaction. `states[i]` is the state before decision `i` and `states[i + 1]`
 * after it, as `replayLog` returns them. Pure; never throws.
 */
export function explainReaction(scenario: Scenario, states: readonly SessionState[]): ReactionDraw[] {
  const draws: ReactionDraw[] = [];
  for (let i = 0; i + 1 < states.length; i++) {
    const state = states[i];
    const after = states[i + 1];
    if (!state || !after) continue;
    const node = lookup(scenario.nodes, state.node);
    const chance = node?.chance;
    if (!chance || !chance.some((o) => (o.effects ?? []).some((e) => 'actual' in e))) continue;
    const open = openIndices(scenario, state, chance);
    const total = open.reduce((n, k) => n + (chance[k]?.weight ?? 0), 0);
    if (total === 0) continue;
    const shares = new Map<string | null, number>();
    const reasons: ReactionDraw['reasons'] = [];
    for (const k of open) {
      const o = chance[k];
      if (!o) continue;
      const r = actualAfter(o, state.actual);
      shares.set(r, (shares.get(r) ?? 0) + o.weight / total);
      if (o.reason !== undefined && holds(scenario, state, o.if)) reasons.push({ text: o.reason, response: r, share: o.weight / total });
    }
    const order = Object.keys(scenario.responses);
    const odds = [...shares.entries()]
      .map(([response, share]) => ({ response, label: labelOf(scenario, response), share }))
      .sort((a, b) => order.indexOf(a.response ?? '') - order.indexOf(b.response ?? ''));
    draws.push({ node: state.node, before: state.actual, odds, reasons, drawn: after.actual });
  }
  return draws;
}
