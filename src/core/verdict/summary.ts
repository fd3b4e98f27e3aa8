/**
 * The one verdict of a playthrough: the ending, what it claims about the student's conduct (each claim
 * with whether it holds), and the score. The debrief, its print view and the exported log all show this
 * object, so they cannot disagree. Pure.
 */
import { lookup } from '../engine/lookup.ts';
import type { SessionState } from '../engine/state.ts';
import type { ClaimId, Scenario } from '../scenario/schema.ts';
import { CLAIMS } from '../scenario/vocabulary.ts';
import { rubricTotal, type Scoring } from '../rubric/grade.ts';
import { CLAIM_TEXT, claimHolds } from './claims.ts';

export interface VerdictClaim {
  claim: ClaimId;
  /** What the ending states: that the claim holds (true) or that it does not (false). */
  stated: boolean;
  /** Whether the ending's statement is true of the record; a proven scenario always has true here. */
  holds: boolean;
  text: string;
}

export interface Verdict {
  outcome: string | null;
  title: string | null;
  claims: VerdictClaim[];
  score: { points: number; max: number };
}

/**
 * The verdict of a state (usually an ended one). `scoring` other than `current` only to recognise a
 * log scored by an earlier rule (grade.ts). Pure; never throws.
 */
export function verdictOf(scenario: Scenario, state: SessionState, scoring: Scoring = 'current'): Verdict {
  const ending = lookup(scenario.nodes, state.node)?.ending;
  const stated = ending?.claims ?? {};
  const claims: VerdictClaim[] = [];
  for (const claim of CLAIMS) {
    const want = stated[claim];
    if (want !== undefined) claims.push({ claim, stated: want, holds: claimHolds(scenario, state, claim) === want, text: CLAIM_TEXT[claim][want ? 0 : 1] });
  }
  // The rubric's total without its sentences: the same score, and a teacher's class is verified one verdict per log.
  return { outcome: ending?.outcome ?? null, title: ending?.title ?? null, claims, score: rubricTotal(scenario, state, scoring) };
}
