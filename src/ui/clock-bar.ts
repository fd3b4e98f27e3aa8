/**
 * The clock always in view: local time at the post, Washington time, the deadline in both, and
 * what the deadline means for the student's own report (deadline-status.ts). Offsets come from
 * the scenario file, never from the browser's zone data. A toggle switches every time shown here
 * between 24-hour and 12-hour writing; the caller remembers the choice.
 */
import { deadlineOf, offsetLabel, timeOf, wallTime, type Precedence, type Scenario, type SessionState } from '../core/play.ts';
import { formatTimeOfDay, formatWallLabel, type ClockFormat } from './clock-format.ts';
import { deadlineStatus } from './deadline-status.ts';
import { h } from './dom.ts';

/** What the bar reads of a session: the clock, and when and how the report went out. */
export type ClockView = Pick<SessionState, 'clock' | 'marks' | 'precedence'> & {
  sent?: { precedence: Precedence | null } | null;
};

export interface ClockBar {
  el: HTMLElement;
  /** The 24/12-hour switch, for the caller to place among the page's tools. */
  formatToggle: HTMLButtonElement;
  /** Shows `view` (the scenario's start, nothing sent, when null). */
  update(view: ClockView | null): void;
}

export interface ClockBarOptions {
  format: ClockFormat;
  onFormatChange(format: ClockFormat): void;
}

export function createClockBar(scenario: Scenario, options: ClockBarOptions): ClockBar {
  const post = scenario.post.utcOffsetMinutes;
  const dc = scenario.washington.utcOffsetMinutes;
  const deadline = deadlineOf(scenario);
  let format = options.format;
  let shown: ClockView | null = null;

  const local = h('span', { class: 'clock-value' });
  const washington = h('span', { class: 'clock-value' });
  const deadlineValue = h('span', { class: 'clock-value' });
  const status = h('span', { class: 'clock-status', id: 'deadline-status' });
  const toggle = h('button', {
    id: 'clock-format',
    class: 'tool clock-toggle',
    attrs: { type: 'button', 'aria-pressed': 'false', title: 'Show times on a 12-hour clock (a.m. and p.m.)' },
    text: '12-hour clock',
  });
  toggle.addEventListener('click', () => {
    format = format === '12h' ? '24h' : '12h';
    options.onFormatChange(format);
    update(shown);
  });
  const el = h(
    'div',
    { class: 'clock-bar', attrs: { role: 'group', 'aria-label': 'Clock' } },
    h('span', { class: 'clock-item' }, h('span', { class: 'clock-label', text: `${scenario.post.city} (${offsetLabel(post)})` }), local),
    h('span', { class: 'clock-item' }, h('span', { class: 'clock-label', text: `Washington (${offsetLabel(dc)})` }), washington),
    h('span', { class: 'clock-item deadline' }, h('span', { class: 'clock-label', text: 'Deadline: press conference' }), deadlineValue),
    status,
  );

  function update(view: ClockView | null): void {
    shown = view;
    const t = view?.clock ?? timeOf(scenario.clock.start);
    local.textContent = formatWallLabel(wallTime(t, post), format);
    washington.textContent = formatWallLabel(wallTime(t, dc), format);
    const dl = wallTime(deadline, post);
    deadlineValue.textContent = `${dl.weekday} ${formatTimeOfDay(dl, format)} local · ${formatTimeOfDay(wallTime(deadline, dc), format)} Washington`;
    const s = deadlineStatus({
      clock: t,
      deadline,
      sentAt: view?.marks.sent,
      precedence: view?.sent?.precedence ?? view?.precedence ?? null,
      timeOfDay: (at) => formatTimeOfDay(wallTime(at, post), format),
    });
    status.textContent = s.text;
    status.dataset['tone'] = s.tone;
    toggle.setAttribute('aria-pressed', String(format === '12h'));
  }
  update(null);
  return { el, formatToggle: toggle, update };
}
