/** Names of the phases as the student sees them. */
import { phasesOf } from '../core/scenario/mission.ts';
import type { Condition, Phase, Scenario } from '../core/scenario/schema.ts';
import { h } from './dom.ts';

export const PHASE_TITLES: Record<Phase, { title: string; place: string }> = {
  cable: { title: 'The cable', place: 'Embassy code room' },
  appointment: { title: 'The appointment', place: 'The telephone' },
  meeting: { title: 'The meeting', place: 'Foreign Ministry' },
  report: { title: 'The report', place: 'Embassy code room' },
  washington: { title: 'Washington', place: 'State Department' },
  debrief: { title: 'Debrief', place: 'What happened' },
};

/**
 * A phase's title and where it happens, as the scenario's mission names the place (an embassy's by
 * default). A place that depends on the state is the first whose condition `holds` (the caller's test
 * of the state: the title screen, which needs only the titles, does not carry the conditions); without
 * one (or when none holds), the mission's place without a condition, else the default.
 */
export function phaseOf(scenario: Scenario, phase: Phase, holds?: (condition: Condition) => boolean): { title: string; place: string } {
  const base = PHASE_TITLES[phase];
  const place = scenario.mission?.places?.[phase];
  if (place === undefined) return base;
  if (typeof place === 'string') return { title: base.title, place };
  const found = place.find((p) => p.if === undefined || (holds?.(p.if) ?? false));
  return { title: base.title, place: found?.place ?? base.place };
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
