/**
 * The clock always in view: local time at the post, Washington time, and the deadline in both,
 * with the time left. Offsets come from the scenario file, never from the browser's zone data.
 */
import { deadlineOf, formatSpan, offsetLabel, timeOf, wallTime, type Scenario } from '../core/index.ts';
import { h } from './dom.ts';

export interface ClockBar {
  el: HTMLElement;
  /** Shows `clock` (the scenario's start when null); `over` hides the countdown once the game has ended. */
  update(clock: number | null, over?: boolean): void;
}

export function createClockBar(scenario: Scenario): ClockBar {
  const post = scenario.post.utcOffsetMinutes;
  const dc = scenario.washington.utcOffsetMinutes;
  const deadline = deadlineOf(scenario);
  const dl = wallTime(deadline, post);
  const dlDc = wallTime(deadline, dc);

  const local = h('span', { class: 'clock-value' });
  const washington = h('span', { class: 'clock-value' });
  const left = h('span', { class: 'clock-left' });
  const el = h(
    'div',
    { class: 'clock-bar', attrs: { role: 'group', 'aria-label': 'Clock' } },
    h('span', { class: 'clock-item' }, h('span', { class: 'clock-label', text: `${scenario.post.city} (${offsetLabel(post)})` }), local),
    h('span', { class: 'clock-item' }, h('span', { class: 'clock-label', text: `Washington (${offsetLabel(dc)})` }), washington),
    h(
      'span',
      { class: 'clock-item deadline' },
      h('span', { class: 'clock-label', text: 'Deadline: press conference' }),
      h('span', { class: 'clock-value', text: `${dl.weekday} ${dl.hhmm} local · ${dlDc.hhmm} Washington` }),
    ),
    left,
  );

  function update(clock: number | null, over = false): void {
    const t = clock ?? timeOf(scenario.clock.start);
    const l = wallTime(t, post);
    const w = wallTime(t, dc);
    local.textContent = l.label;
    washington.textContent = w.label;
    const remaining = deadline - t;
    left.hidden = over;
    left.textContent = remaining > 0 ? `${formatSpan(remaining)} left` : `Deadline passed ${formatSpan(remaining)} ago`;
    el.classList.toggle('late', !over && remaining <= 0);
    el.classList.toggle('urgent', !over && remaining > 0 && remaining <= 180);
  }
  update(null);
  return { el, update };
}
