/**
 * What a scenario asks of its post (`mission`): its phases, the points it must convey, its rubric's
 * criteria and weights. Texts written before the block existed (the kept texts of scenarios/archive/)
 * were all embassies told to act, judged on every point and every criterion: EMBASSY_MISSION says so.
 * Pure.
 */
import type { Mission, Phase, Scenario } from './schema.ts';
import { PHASES, POINTS } from './vocabulary.ts';

/** The mission of a text that does not state one: an embassy with the circular's action instruction. */
export const EMBASSY_MISSION: Mission = {
  instruction: 'action',
  role: 'the United States Ambassador',
  phases: [...PHASES],
  points: [...POINTS],
  rubric: [
    {
      criterion: 'timeliness',
      title: 'On time',
      points: 4,
      guide: 'See the government and get your report to Washington before the President speaks at 6 p.m. Washington time. Missing the deadline costs the most.',
    },
    { criterion: 'completeness', title: 'The whole message', points: 2, guide: 'Pass on every point the circular asks you to pass on.' },
    {
      criterion: 'discretion',
      title: 'Discretion',
      points: 2,
      guide: 'Keep secret what is marked for you alone, and promise nothing Washington has not decided. One slip costs a point.',
    },
    {
      criterion: 'fidelity',
      title: 'Honest reporting',
      points: 4,
      guide: 'Your telegram is read line by line: the reaction, his words, your remarks and your comment must say what really happened, and agree with each other.',
    },
    { criterion: 'candour', title: 'Candour', points: 3, guide: 'If you slip, tell Washington. Hiding a slip costs more than the slip itself.' },
  ],
};

/** The scenario's mission, or EMBASSY_MISSION for a text that states none. */
export function missionOf(scenario: Scenario): Mission {
  return scenario.mission ?? EMBASSY_MISSION;
}

/** Whom the student sees, as the debrief names him: "the minister" unless the mission says. */
export function counterpartOf(scenario: Scenario): string {
  return missionOf(scenario).counterpart ?? 'the minister';
}

/** The student's own office, as the debrief names it: "the embassy" unless the mission says. */
export function officeOf(scenario: Scenario): string {
  return missionOf(scenario).office ?? 'the embassy';
}

/** The phases the scenario runs, in PHASES order. */
export function phasesOf(scenario: Scenario): Phase[] {
  const own = missionOf(scenario).phases;
  return PHASES.filter((p) => own.includes(p));
}
