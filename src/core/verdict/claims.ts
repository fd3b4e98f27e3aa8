/**
 * The claims an ending may make about the student's conduct, as predicates over the session state.
 * The scenario tests prove over every reachable path that an ending is reached only when its claims
 * hold; scenario conditions may also test a claim (`{ claim: honest-report }`). Pure.
 */
import { deadlineOf, type SessionState } from '../engine/state.ts';
import { lookup } from '../engine/lookup.ts';
import type { ClaimId, Scenario } from '../scenario/schema.ts';
import { CLAIMS } from '../scenario/vocabulary.ts';
import { isPlainReport } from '../telegram/judge.ts';

function hasPitfallOfKind(scenario: Scenario, state: SessionState, kind: 'leak' | 'promise' | 'concealment'): boolean {
  return state.leaks.some((id) => lookup(scenario.pitfalls, id)?.kind === kind);
}

/** Whether one claim holds of a state. Pure. */
export function claimHolds(scenario: Scenario, state: SessionState, claim: ClaimId): boolean {
  const deadline = deadlineOf(scenario);
  const sent = state.sent;
  switch (claim) {
    case 'met-in-time':
      return state.marks.met !== undefined && state.marks.met < deadline;
    case 'report-sent':
      return sent !== null;
    case 'reported-in-time':
      return sent !== null && state.marks.sent !== undefined && state.marks.sent < deadline && sent.precedence !== 'ROUTINE';
    case 'honest-report':
      return sent !== null && sent.reported !== null && sent.reported === state.actual;
    case 'plain-report':
      return isPlainReport(scenario, state);
    case 'final-word-true':
      return state.reported !== null && state.reported === state.actual;
    case 'corrected':
      return sent !== null && sent.reported !== null && sent.reported !== state.actual && state.reported === state.actual;
    case 'no-leak':
      return !hasPitfallOfKind(scenario, state, 'leak');
    case 'no-promise':
      return !hasPitfallOfKind(scenario, state, 'promise');
    case 'no-concealment':
      return !hasPitfallOfKind(scenario, state, 'concealment');
  }
}

/** Every claim's value for a state. Pure. */
export function evaluateClaims(scenario: Scenario, state: SessionState): Record<ClaimId, boolean> {
  const out = {} as Record<ClaimId, boolean>;
  for (const c of CLAIMS) out[c] = claimHolds(scenario, state, c);
  return out;
}

/** The claims an ending states that do not hold of the state (empty when the ending tells the truth). */
export function brokenClaims(scenario: Scenario, state: SessionState): { claim: ClaimId; stated: boolean }[] {
  const ending = lookup(scenario.nodes, state.node)?.ending;
  const stated = ending?.claims ?? {};
  return CLAIMS.flatMap((claim) => {
    const want = stated[claim];
    return want === undefined || claimHolds(scenario, state, claim) === want ? [] : [{ claim, stated: want }];
  });
}

/** What a claim means, in a sentence for the debrief ("You reported the reaction as it was"). */
export const CLAIM_TEXT: Readonly<Record<ClaimId, readonly [string, string]>> = {
  'met-in-time': ['You delivered the message before the President spoke', 'You did not deliver the message before the President spoke'],
  'report-sent': ['You sent a report', 'You never sent a report'],
  'reported-in-time': ['Your report reached Washington in time', 'Your report did not reach Washington in time'],
  'honest-report': ['Your telegram gave the reaction as it was', 'Your telegram did not give the reaction as it was'],
  'plain-report': ['Your telegram reported plainly, every part agreeing', 'Your telegram did not report plainly'],
  'final-word-true': ['The last word Washington had from you was true', 'The last word Washington had from you was not true'],
  corrected: ['You corrected a wrong report', 'You made no correction'],
  'no-leak': ['You passed on nothing secret', 'You passed on something secret'],
  'no-promise': ['You promised nothing Washington had not decided', 'You promised something Washington had not decided'],
  'no-concealment': ['You hid nothing from Washington', 'You hid a slip from Washington'],
};
