/**
 * The rubric's grades without its words: each criterion's level and the share of its points earned,
 * as the debrief's rubric (rubric.ts) gives them, and their total, which is the verdict's score. The
 * rubric writes its sentences around these grades; the verdict, which needs only the total (once for
 * every log a teacher verifies), takes them alone and writes no sentence. Pure.
 */
import type { SessionState } from '../engine/state.ts';
import { deadlineOf } from '../engine/state.ts';
import { lookup } from '../engine/lookup.ts';
import type { Mission, RubricCriterionId, Scenario } from '../scenario/schema.ts';
import { missionOf } from '../scenario/mission.ts';
import { POINTS } from '../scenario/vocabulary.ts';
import { telegramFaults } from '../telegram/judge.ts';

/** How well a criterion was met; the outcome criterion uses good/poor for reached/not reached. */
export type Level = 'good' | 'partial' | 'poor';

/** A criterion's level and the share of its points earned (0..1). */
export interface Grade {
  level: Level;
  share: number;
}

export type Spec = Mission['rubric'][number];

/** The scenario's spec of one criterion; a criterion it leaves out is still described, but scores nothing. */
export function specOf(mission: Mission, id: RubricCriterionId, title: string): Spec {
  return mission.rubric.find((c) => c.criterion === id) ?? { criterion: id, title, points: 0, guide: '' };
}

/** The points a share earns out of the spec's, rounded to whole points (so the default weights score as fixed weights did). */
export function pointsOf(spec: Spec, share: number): number {
  return Math.round(spec.points * Math.max(0, Math.min(1, share)));
}

/**
 * How a score is reckoned. `current`: a report's precedence is the one it left with (`state.sent`),
 * as the claim `reported-in-time`, the telegram's judgement and the review page read it.
 * `latest-precedence`: the rule of the game before 2 December 2026, which read the latest precedence
 * instead, so that a report sent ROUTINE before the press conference and repeated NIACT after it
 * counted as on time. That rule is kept only so that the verifier can tell a log it scored from an
 * edited one (verify.ts); nothing is scored by it.
 */
export type Scoring = 'current' | 'latest-precedence';

/** When the démarche and the report happened against the deadline. */
export interface Timing {
  metInTime: boolean;
  sentInTime: boolean;
  /** Sent in time but marked ROUTINE, so it waited behind ordinary traffic: leaving in time is not arriving in time. */
  routine: boolean;
  reportInTime: boolean;
}

export function timingOf(scenario: Scenario, state: SessionState, scoring: Scoring = 'current'): Timing {
  const deadline = deadlineOf(scenario);
  const { met, sent } = state.marks;
  const metInTime = met !== undefined && met < deadline;
  const sentInTime = sent !== undefined && sent < deadline;
  // The precedence the report left with: a repeat at a higher one after the press conference was not read before it.
  const precedence = scoring === 'current' && state.sent !== null ? state.sent.precedence : state.precedence;
  const routine = sentInTime && precedence === 'ROUTINE';
  return { metInTime, sentInTime, routine, reportInTime: sentInTime && !routine };
}

export function timelinessGrade(spec: Spec, timing: Timing): Grade {
  const { metInTime, reportInTime } = timing;
  const needs = spec.needs ?? ['met', 'sent'];
  // A post with nobody to see on instructions: only the report is due.
  if (!needs.includes('met')) return reportInTime ? { level: 'good', share: 1 } : { level: 'poor', share: 0 };
  if (!needs.includes('sent')) return metInTime ? { level: 'good', share: 1 } : { level: 'poor', share: 0 };
  if (metInTime && reportInTime) return { level: 'good', share: 1 };
  if (metInTime) return { level: 'partial', share: 2 / 4 };
  if (reportInTime) return { level: 'partial', share: 1 / 4 };
  return { level: 'poor', share: 0 };
}

/** The points of the circular this post must convey, in POINTS order. */
export function duePoints(mission: Mission): (typeof POINTS)[number][] {
  return POINTS.filter((p) => mission.points.includes(p));
}

export function completenessGrade(count: number, total: number): Grade {
  if (count === total) return { level: 'good', share: 1 };
  return count * 2 >= total ? { level: 'partial', share: 1 / 2 } : { level: 'poor', share: 0 };
}

/** The pitfalls that are slips in the room (leaks and promises), not the concealment of one. */
export function slipsOf(scenario: Scenario, state: SessionState): string[] {
  return state.leaks.filter((id) => lookup(scenario.pitfalls, id)?.kind !== 'concealment');
}

export function discretionGrade(spec: Spec, slips: number): Grade {
  if (slips === 0) return { level: 'good', share: 1 };
  // One slip costs a point: the share lost is one point of the criterion's weight per slip.
  return { level: slips === 1 ? 'partial' : 'poor', share: spec.points === 0 ? 0 : 1 - slips / Math.min(spec.points, 2) };
}

export type FidelityStatus = 'match' | 'mismatch' | 'corrected' | 'not-reported' | 'no-reaction';

/**
 * Honest reporting, scored out of four quarters: two for the reaction line as the telegram left the
 * embassy, two for its other parts (`faults`: how many of the words, remarks and comment are faulty).
 */
export function fidelityGrade(state: SessionState, faults: number): Grade & { status: FidelityStatus } {
  const actual = state.actual;
  const reported = state.sent ? state.sent.reported : null;
  const later = state.reported !== null && state.reported !== reported ? state.reported : null;
  const partPoints = faults === 0 ? 2 : faults === 1 ? 1 : 0;
  if (reported === null) return { level: 'poor', share: 0, status: 'not-reported' };
  if (actual === null) return { level: 'poor', share: 0, status: 'no-reaction' };
  if (actual === reported) {
    const points = Math.max(0, 2 + partPoints - (later !== null ? 2 : 0));
    const level: Level = points === 4 ? 'good' : points >= 2 ? 'partial' : 'poor';
    return { level, share: points / 4, status: later !== null ? 'mismatch' : 'match' };
  }
  if (later === actual) return { level: 'partial', share: (1 + Math.min(1, partPoints)) / 4, status: 'corrected' };
  return { level: 'poor', share: Math.min(1, partPoints) / 4, status: 'mismatch' };
}

export type CandourStatus = 'no-slip' | 'owned' | 'silent' | 'concealed';

/** Whether `draft` holds a paragraph of remarks that admits going beyond instructions. */
export function admitsSlip(scenario: Scenario, draft: readonly string[]): boolean {
  return draft.some((id) => {
    const p = lookup(scenario.telegram.paragraphs, id);
    return p !== undefined && typeof p !== 'string' && p.part === 'remarks' && p.admits;
  });
}

export function candourGrade(scenario: Scenario, state: SessionState): Grade & { status: CandourStatus } {
  if (state.leaks.some((id) => lookup(scenario.pitfalls, id)?.kind === 'concealment')) return { level: 'poor', share: 0, status: 'concealed' };
  if (slipsOf(scenario, state).length === 0) return { level: 'good', share: 1, status: 'no-slip' };
  // Owned up: a paragraph that admits going beyond instructions, in the telegram or written later.
  const owned = admitsSlip(scenario, state.draft);
  return owned ? { level: 'good', share: 1, status: 'owned' } : { level: 'partial', share: 1 / 3, status: 'silent' };
}

function gradeOf(scenario: Scenario, mission: Mission, state: SessionState, spec: Spec, scoring: Scoring): Grade {
  const criterion = spec.criterion;
  switch (criterion) {
    case 'timeliness':
      return timelinessGrade(spec, timingOf(scenario, state, scoring));
    case 'completeness': {
      const due = duePoints(mission);
      return completenessGrade(due.filter((p) => state.conveyed.includes(p)).length, due.length);
    }
    case 'discretion':
      return discretionGrade(spec, slipsOf(scenario, state).length);
    case 'fidelity':
      return fidelityGrade(state, telegramFaults(scenario, state));
    case 'candour':
      return candourGrade(scenario, state);
    default: {
      const never: never = criterion;
      throw new TypeError(`no rubric criterion "${String(never)}"`);
    }
  }
}

/**
 * `scoreRubric(scenario, state).total`, without the rubric's sentences and the telegram's judgement:
 * the sum over the scenario's criteria, in its order (each by the first spec of its criterion, as
 * the rubric takes it), reckoned as `scoring` says. Pure; does not throw.
 */
export function rubricTotal(scenario: Scenario, state: SessionState, scoring: Scoring = 'current'): { points: number; max: number } {
  const mission = missionOf(scenario);
  let points = 0;
  let max = 0;
  for (const c of mission.rubric) {
    const spec = specOf(mission, c.criterion, c.title);
    points += pointsOf(spec, gradeOf(scenario, mission, state, spec, scoring).share);
    max += spec.points;
  }
  return { points, max };
}
