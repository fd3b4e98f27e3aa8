/** Names of the six phases as the student sees them. */
import { PHASES, type Phase } from '../core/play.ts';
import { h } from './dom.ts';

export const PHASE_TITLES: Record<Phase, { title: string; place: string }> = {
  cable: { title: 'The cable', place: 'Embassy code room' },
  appointment: { title: 'The appointment', place: 'The telephone' },
  meeting: { title: 'The meeting', place: 'Foreign Ministry' },
  report: { title: 'The report', place: 'Embassy code room' },
  washington: { title: 'Washington', place: 'State Department' },
  debrief: { title: 'Debrief', place: 'What happened' },
};

export function phaseSteps(current: Phase | null): HTMLElement {
  const index = current ? PHASES.indexOf(current) : -1;
  return h(
    'ol',
    { class: 'phase-steps', attrs: { 'aria-label': 'Phases' } },
    ...PHASES.map((p, i) =>
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
