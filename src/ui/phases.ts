/** Names of the phases as the student sees them. */
import { phasesOf } from '../core/scenario/mission.ts';
import type { Phase, Scenario } from '../core/scenario/schema.ts';
import { h } from './dom.ts';

export const PHASE_TITLES: Record<Phase, { title: string; place: string }> = {
  cable: { title: 'The cable', place: 'Embassy code room' },
  appointment: { title: 'The appointment', place: 'The telephone' },
  meeting: { title: 'The meeting', place: 'Foreign Ministry' },
  report: { title: 'The report', place: 'Embassy code room' },
  washington: { title: 'Washington', place: 'State Department' },
  debrief: { title: 'Debrief', place: 'What happened' },
};

/** A phase's title and where it happens, as the scenario's mission names the place (an embassy's by default). */
export function phaseOf(scenario: Scenario, phase: Phase): { title: string; place: string } {
  const base = PHASE_TITLES[phase];
  const place = scenario.mission?.places?.[phase];
  return place === undefined ? base : { title: base.title, place };
}

/** The scenario's phases as numbered steps, the current one marked. */
export function phaseSteps(scenario: Scenario, current: Phase | null): HTMLElement {
  const phases = phasesOf(scenario);
  const index = current ? phases.indexOf(current) : -1;
  return h(
    'ol',
    { class: 'phase-steps', attrs: { 'aria-label': 'Phases' } },
    ...phases.map((p, i) =>
      h(
        'li',
        {
          class: i < index ? 'done' : i === index ? 'current' : 'todo',
          attrs: i === index ? { 'aria-current': 'step' } : {},
        },
        h('span', { class: 'step-n', text: String(i + 1) }),
        h('span', { class: 'step-t', text: PHASE_TITLES[p].title }),
      ),
    ),
  );
}
