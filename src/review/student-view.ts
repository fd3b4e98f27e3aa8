/**
 * One student (issue point 4): the status and what it means, the attempts, the timeline of every
 * decision of the attempt shown (game clock, think time, options not taken, reason), the telegram as
 * it was composed and its judgement, the rubric, and "Watch in the game". Everything is derived from
 * the replay; an unverified log's timeline is what its file says, and the page says so.
 */
import {
  composeTelegram,
  FAST_THINK_MS,
  judgeTelegram,
  lookup,
  replayLog,
  scoreRubric,
  type Scenario,
  type SealedLog,
  type SessionState,
} from '../core/index.ts';
import { decisionWhere } from '../core/log/replay.ts';
import { reviewDecisions } from '../core/review/model.ts';
import type { ReviewDecision } from '../core/review/types.ts';
import { renderRubricTable } from '../ui/debrief-rubric.ts';
import { partVerdictWords } from '../ui/debrief-words.ts';
import { h } from '../ui/dom.ts';
import { PHASE_TITLES } from '../ui/phases.ts';
import type { ShownItem } from './class-table.ts';
import { plainName } from '../core/review/plain-text.ts';
import { copiesText, playedText, reactionWords, rowName, STATUS_WORDS, thinkText, yesNo } from './format.ts';

export interface StudentViewOptions {
  item: ShownItem;
  /** The scenario played now: an unverified log of the same scenario is read against it. */
  current: Scenario | null;
  /** Keeps the file for the game and opens it there; resolves with why it could not, or null. */
  onWatch(item: ShownItem): string | null;
  onPrint(): void;
  onBack(): void;
}

function phaseTitle(phase: string): string {
  return Object.hasOwn(PHASE_TITLES, phase) ? PHASE_TITLES[phase as keyof typeof PHASE_TITLES].title : phase;
}

/**
 * A wide table in a box of its own that scrolls sideways when the page is narrow (text zoomed to
 * 200 %), so the page itself never does; the box takes the keyboard focus, so arrow keys scroll it.
 */
function scrollBox(table: HTMLElement, labelledBy: string): HTMLElement {
  // A group, not a region: the section around it is already the landmark of that name.
  return h('div', { class: 'table-scroll', attrs: { tabindex: '0', role: 'group', 'aria-labelledby': labelledBy } }, table);
}

function timeline(decisions: readonly ReviewDecision[]): HTMLElement {
  if (decisions.length === 0) return h('p', { text: 'No decisions were taken in this attempt.' });
  // An attempt that branched from an earlier one begins with that one's decisions: each row then
  // says where the log records it, in the words a problem with the log uses ("attempt 1, decision 3").
  const branched = decisions.some((d) => d.recorded.attempt !== d.attempt);
  const rows = decisions.map((d) => {
    const notTaken = d.offered.filter((o) => o.index !== d.chosen.index);
    const fast = d.thinkMs < FAST_THINK_MS && d.offered.length > 1;
    return h(
      'tr',
      { class: d.offered.length <= 1 ? 'no-choice' : '', attrs: { 'data-step': String(d.step), 'data-node': d.node } },
      h('td', { class: 'num' }, String(d.step), branched ? h('span', { class: 'sub recorded', text: decisionWhere(d.recorded.attempt, d.recorded.index) }) : null),
      h('td', { class: 'clock' }, d.clock.local || d.clock.utc, d.clock.washington ? h('span', { class: 'sub', text: `Washington ${d.clock.washington}` }) : null),
      h('td', { text: phaseTitle(d.phase) }),
      h('td', { class: 'chosen', text: d.chosen.label }),
      h('td', { class: 'not-taken' }, notTaken.length === 0 ? '—' : h('ul', {}, ...notTaken.map((o) => h('li', { text: o.label })))),
      h('td', { class: fast ? 'num bad strong' : 'num' }, thinkText(d.thinkMs), fast ? h('span', { class: 'sub', text: 'very fast' }) : null),
      h('td', { class: 'reason' }, d.reason === null ? '' : h('q', { text: d.reason })),
    );
  });
  return h(
    'table',
    { class: 'timeline', id: 'timeline' },
    h('caption', { class: 'sr-only', text: 'Every decision of the attempt, in order' }),
    h('thead', {}, h('tr', {}, ...['#', 'Game clock', 'Phase', 'Chosen', 'Options not taken', 'Think time', 'Reason written'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })))),
    h('tbody', {}, ...rows),
  );
}

/** The telegram as it left the embassy (or the draft), judged part by part, and the rubric. */
function judged(scenario: Scenario, state: SessionState): HTMLElement[] {
  const t = composeTelegram(scenario, state);
  const judgement = judgeTelegram(scenario, state);
  const parts = h(
    'table',
    { class: 'judgement', id: 'judgement' },
    h('caption', { class: 'sr-only', text: 'The telegram judged part by part' }),
    h('thead', {}, h('tr', {}, ...['Part', 'Verdict', 'What it says', 'Why'].map((x) => h('th', { attrs: { scope: 'col' }, text: x })))),
    h(
      'tbody',
      {},
      ...judgement.parts.map((p) =>
        h(
          'tr',
          { class: p.fault ? 'fault' : '', attrs: { 'data-part': p.part, 'data-verdict': p.verdict } },
          h('th', { attrs: { scope: 'row' }, text: p.title }),
          h('td', { class: p.fault ? 'bad strong' : 'ok strong', text: partVerdictWords(p.part, p.verdict) }),
          h('td', {}, p.quote === null ? h('span', { class: 'muted', text: 'Left out' }) : h('q', { text: p.quote })),
          h('td', { text: p.sentence }),
        ),
      ),
    ),
  );
  return [
    h('section', { class: 'block', attrs: { 'aria-labelledby': 'telegram-title' } },
      h('h3', { id: 'telegram-title', text: t.sent ? 'The telegram as sent' : 'The telegram (a draft: never sent)' }),
      h('figure', { class: 'telegram' }, h('figcaption', { text: t.sent ? 'As it was sent' : 'Draft' }), h('pre', { class: 'telegram-text', id: 'telegram-text', text: t.text })),
      h('h4', { id: 'judgement-title', text: judgement.sent ? 'Its judgement, line by line' : 'No telegram was sent: every part is missing' }),
      scrollBox(parts, 'judgement-title')),
    h('section', { class: 'block', attrs: { 'aria-labelledby': 'rubric-title' } },
      h('h3', { id: 'rubric-title', text: 'The rubric' }),
      renderRubricTable(scoreRubric(scenario, state))),
  ];
}

function facts(item: ShownItem, scenario: Scenario | null): HTMLElement {
  const r = item.row;
  const pairs: [string, string][] = [
    ['Class', r.student?.classCode ?? '—'],
    ['Post', r.scenario?.post || r.scenario?.id || '—'],
    ['World', r.world?.label ?? '—'],
    ['Played', r.modes === null ? '—' : r.modes.play === 'class' ? 'Class game: the whole class together, the teacher choosing for it' : 'By the student'],
    ['Rewind mode', r.modes ? `${r.modes.rewind}; reasons ${r.modes.reasons}` : '—'],
    ['Ending', r.ending ?? (r.finished === false ? 'none: the game stops before an ending' : '—')],
    ['Score', r.score ? `${r.score.points} of ${r.score.max}` : '—'],
    ['Actual reaction', reactionWords(scenario, r.actual)],
    ['Reported reaction', `${reactionWords(scenario, r.reported)}${r.mismatch ? ' (not what was said)' : ''}`],
    ['Time played', playedText(r.playedMs)],
    ['Concealed a slip', yesNo(r.concealed)],
  ];
  return h('dl', { class: 'facts-grid' }, ...pairs.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

/** The student's section. Its heading takes the focus when it is opened. */
export function renderStudentView(o: StudentViewOptions): HTMLElement {
  const { item } = o;
  const r = item.row;
  const log: SealedLog | null = item.log;
  const scenario = item.play?.scenario ?? (log !== null && o.current !== null && log.scenario.id === o.current.id ? o.current : null);
  const attempts = log?.attempts.length ?? 0;
  let shown = Math.max(0, attempts - 1);

  const watchStatus = h('p', { class: 'watch-status', attrs: { role: 'status' } });
  const canWatch = item.text !== null && item.play !== null;
  const actions = h(
    'div',
    { class: 'actions no-print' },
    canWatch
      ? h('button', { class: 'primary', id: 'watch-student', attrs: { type: 'button' }, text: 'Watch in the game', on: { click: () => (watchStatus.textContent = o.onWatch(item) ?? 'Opened in a new tab.') } })
      : null,
    h('button', { class: 'secondary', id: 'print-student', attrs: { type: 'button' }, text: 'Print this student', on: { click: () => o.onPrint() } }),
    h('button', { class: 'secondary', id: 'back-to-class', attrs: { type: 'button' }, text: 'Back to the class table', on: { click: () => o.onBack() } }),
  );

  const lines = [...r.problems, ...r.notes];
  const status = h(
    'div',
    { class: `status-box status-box-${r.status}` },
    h('p', {}, h('span', { class: `status status-${r.status}`, text: STATUS_WORDS[r.status] }), ' ', h('bdi', { text: plainName(r.file) })),
    item.copies.length > 0 ? h('p', { text: copiesText(r.file, item.copies) }) : null,
    lines.length > 0 ? h('ul', {}, ...lines.map((l) => h('li', { text: l }))) : null,
  );

  const attemptList = h('ol', { class: 'attempts', id: 'attempts' });
  const body = h('div', { class: 'attempt-body' });
  const drawAttempt = (): void => {
    attemptList.replaceChildren(
      ...(item.play?.attempts ?? log?.attempts.map((a, index) => ({ index, from: a.from, decisions: a.entries.length, node: '', ending: null })) ?? []).map((a) => {
        const from = a.from ? `from decision ${a.from.seq} of attempt ${a.from.attempt + 1}, ` : '';
        const end = a.ending ? `ended: ${a.ending}` : a.node ? 'no ending' : '';
        return h(
          'li',
          {},
          h('button', {
            class: 'attempt-button',
            text: `Attempt ${a.index + 1}`,
            attrs: { type: 'button', 'aria-pressed': String(a.index === shown), 'data-attempt': String(a.index) },
            on: { click: () => { shown = a.index; drawAttempt(); } },
          }),
          ` ${from}${a.decisions} ${a.decisions === 1 ? 'decision' : 'decisions'} of its own${end ? `; ${end}` : ''}.`,
        );
      }),
    );
    if (log === null || scenario === null) {
      body.replaceChildren(h('p', { text: 'This file was not read as a log of a scenario this copy of the game has, so there is no timeline to show.' }));
      return;
    }
    const state = item.play === null ? null : shown === attempts - 1 ? item.play.state : (() => {
      const replay = replayLog(scenario, log, { attempt: shown });
      return replay.ok ? replay.state : null;
    })();
    const ended = state !== null && lookup(scenario.nodes, state.node)?.ending !== undefined;
    body.replaceChildren(
      h('section', { class: 'block', attrs: { 'aria-labelledby': 'timeline-title' } },
        h('h3', { id: 'timeline-title', text: `Decisions of attempt ${shown + 1}` }),
        item.play === null ? h('p', { class: 'warning', text: 'Not verified: this is what the file says, which may not be what the student did.' }) : null,
        state !== null && !ended ? h('p', { class: 'warning', text: 'This attempt stops before an ending.' }) : null,
        scrollBox(timeline(reviewDecisions(scenario, log, shown)), 'timeline-title')),
      ...(state === null ? [] : judged(scenario, state)),
    );
  };
  drawAttempt();

  return h(
    'section',
    { class: 'student-view', id: 'student-view', attrs: { 'aria-labelledby': 'student-title', 'data-key': r.key } },
    h('h2', { id: 'student-title', attrs: { tabindex: '-1' } }, 'Student: ', h('bdi', { text: rowName(r) })),
    actions,
    watchStatus,
    status,
    facts(item, scenario),
    h('section', { class: 'block', attrs: { 'aria-labelledby': 'attempts-title' } },
      h('h3', { id: 'attempts-title', text: attempts === 1 ? 'One attempt' : `${attempts} attempts` }),
      attemptList),
    body,
  );
}
