/**
 * The debrief, top to bottom: what happened and why, the verdict (debrief-verdict.ts), the rubric
 * and the telegram line by line (debrief-rubric.ts), why the minister answered as he did and how
 * fast the student decided (debrief-explain.ts), the telegram as sent, what really happened with
 * sources, every decision with its time, who was real and who invented, the discussion questions;
 * and the log download. The print view prints this same DOM (styles.css, @media print).
 */
import { lookup, replayLog, sealLog, verdictOf, wallTime, type DecisionLog, type LoadedScenario, type Scenario, type SessionState, type Verdict } from '../core/play.ts';
import { exportButtons } from './debrief-export.ts';
import { renderTelegram } from './dialogue.ts';
import { renderPace, renderReactionExplained } from './debrief-explain.ts';
import { renderScoring } from './debrief-rubric.ts';
import { renderVerdict, renderWhatHappened } from './debrief-verdict.ts';
import { possessive } from './debrief-words.ts';
import { h } from './dom.ts';
import { PHASE_TITLES } from './phases.ts';
import { entriesOf, takenLabel } from './replay-panel.ts';

export interface DebriefOptions {
  scenario: Scenario;
  loaded: LoadedScenario;
  session: SessionState;
  log: DecisionLog;
  /** The attempt on screen (the log's last when left out). */
  attempt?: number;
  /** A log being watched: it cannot be downloaded or played again from here. */
  watching?: boolean;
  onNewGame(): void;
}

/** The reasons the student (or in a class game, the class) wrote on this attempt's path, beside the question and the choice. */
function renderReasons(scenario: Scenario, log: DecisionLog, attempt: number): HTMLElement | null {
  const entries = entriesOf(log, attempt).filter((e) => e.reason !== undefined);
  if (entries.length === 0) return null;
  return h(
    'section',
    { class: 'reasons', attrs: { 'aria-labelledby': 'reasons-title' } },
    h('h3', { id: 'reasons-title', text: log.play === 'class' ? 'The reasons the class gave' : 'The reasons you gave' }),
    h(
      'dl',
      { class: 'reason-list' },
      ...entries.flatMap((e) => [
        h('dt', {}, h('span', { text: lookup(scenario.nodes, e.node)?.why ?? e.node }), h('span', { class: 'reason-choice', text: ` ${log.play === 'class' ? 'The class chose' : 'You chose'}: ${takenLabel(scenario, e)}` })),
        h('dd', {}, h('q', { text: e.reason ?? '' })),
      ]),
    ),
  );
}

function decisionList(scenario: Scenario, session: SessionState): HTMLElement {
  return h(
    'ol',
    { class: 'decisions' },
    // Chance steps are the game's own "Continue" screens, not decisions.
    ...session.trail.filter((t) => !scenario.nodes[t.node]?.chance).map((t) => {
      const node = scenario.nodes[t.node];
      const when = wallTime(t.clock, scenario.post.utcOffsetMinutes);
      const label = node?.choices?.[t.choice]?.label ?? `choice ${t.choice}`;
      return h(
        'li',
        {},
        h('span', { class: 'when', text: `${when.label} · ${node ? PHASE_TITLES[node.phase].title : ''}: ` }),
        label,
      );
    }),
  );
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'student';
}

/** Downloads the sealed log with the verdict the debrief shows, so the file and the page say the same. */
async function downloadLog(log: DecisionLog, verdict: Verdict, status: HTMLElement): Promise<void> {
  status.textContent = 'Preparing your log…';
  try {
    const sealed = await sealLog(log, verdict);
    const blob = new Blob([JSON.stringify(sealed, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { attrs: { href: url, download: `circular938-${log.scenario.id}-${slug(log.student.label)}.json` } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = log.play === 'class'
      ? 'The class’s decision log has been downloaded. It records that the whole class played this game.'
      : 'Your decision log has been downloaded. Hand it in as your teacher asks.';
  } catch (e) {
    status.textContent = `The log could not be prepared: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function renderQuestions(scenario: Scenario): HTMLElement | null {
  const questions = scenario.debrief?.questions ?? [];
  if (questions.length === 0) return null;
  return h(
    'section',
    { class: 'discussion', attrs: { 'aria-labelledby': 'discussion-title' } },
    h('h3', { id: 'discussion-title', text: 'To discuss' }),
    h('ol', { class: 'questions' }, ...questions.map((q) => h('li', { text: q }))),
  );
}

function renderPeople(scenario: Scenario): HTMLElement {
  return h(
    'ul',
    { class: 'people' },
    ...Object.values(scenario.people).map((p) =>
      h(
        'li',
        {},
        h('strong', { text: p.name }),
        `, ${p.role} `,
        'invented' in p ? h('span', { class: 'invented-tag', text: 'invented for the game' }) : h('span', { class: 'source', text: `(Source: ${p.source})` }),
        p.note ? h('span', { class: 'source', text: ` ${p.note}` }) : null,
      ),
    ),
  );
}

export function renderDebrief(o: DebriefOptions): HTMLElement {
  const { scenario, session, log } = o;
  const attempt = o.attempt ?? log.attempts.length - 1;
  const variant = Object.hasOwn(scenario.variants, session.variant) ? scenario.variants[session.variant] : undefined;
  const sent = session.sent !== null;
  const status = h('p', { class: 'download-status', attrs: { role: 'status' } });
  const classGame = log.play === 'class';
  const download = h('button', { class: 'primary', id: 'download-log', attrs: { type: 'button' }, text: classGame ? 'Download the class’s decision log' : 'Download your decision log' });
  let downloaded = false;
  let warned = false;
  // The file's verdict is the last attempt's, which the verifier checks, whichever attempt is on screen.
  const fileVerdict = (): Verdict => {
    const last = replayLog(scenario, log);
    return verdictOf(scenario, last.ok ? last.state : session);
  };
  download.addEventListener('click', () => {
    downloaded = true;
    void downloadLog(log, fileVerdict(), status);
  });
  const playAgain = (): void => {
    // Playing again deletes this game from the browser; the log must not vanish unsaved.
    if (!downloaded && !warned) {
      warned = true;
      status.textContent = 'You have not downloaded your decision log yet. Download it first, or press "Play again" once more to start over without it.';
      return;
    }
    o.onNewGame();
  };
  const scoring = renderScoring(scenario, session);

  return h(
    'article',
    { class: 'debrief', attrs: { 'data-node': session.node, 'data-phase': session.phase } },
    h('h2', { id: 'debrief-title', attrs: { tabindex: '-1' }, text: 'Debrief' }),
    h('p', { class: 'debrief-student' }, `${log.student.label}${log.student.classCode ? ` · class ${log.student.classCode}` : ''} · ${scenario.title}`),
    classGame ? h('p', { class: 'class-game-note', id: 'class-game-note', text: 'Class game — the whole class played it together, the teacher choosing for the class.' }) : null,
    renderWhatHappened(scenario),
    renderVerdict(scenario, session),
    variant ? h('p', { class: 'source' }, `World: ${variant.label}. ${variant.description}`) : null,
    h(
      'div',
      { class: 'debrief-actions' },
      o.watching ? null : download,
      ...(o.watching ? [] : exportButtons({ loaded: o.loaded, log, verdict: fileVerdict, status, baseName: `circular938-${log.scenario.id}-${slug(log.student.label)}` })),
      h('button', { class: 'secondary', id: 'print', attrs: { type: 'button' }, text: 'Print', on: { click: () => print() } }),
      o.watching ? null : h('button', { class: 'secondary', id: 'new-game', attrs: { type: 'button' }, text: 'Play again', on: { click: playAgain } }),
    ),
    status,
    log.attempts.length > 1
      ? h('p', { class: 'attempts-note', text: `This is attempt ${attempt + 1} of ${log.attempts.length}. Every attempt is in the log; press ${classGame ? 'Shift+D' : 'D'} (Decisions) to compare them or to go back.` })
      : null,
    h('h3', { text: 'How you did' }),
    scoring.table,
    scoring.lines,
    renderReactionExplained(scenario, session, log),
    renderPace(scenario, log),
    h('h3', { text: sent ? 'Your telegram, as sent' : 'Your telegram (never sent)' }),
    renderTelegram(scenario, session),
    h('h3', { text: 'What really happened' }),
    h('p', {}, h('strong', { text: `${possessive(scenario.post.country)} position: ` }), scenario.stance.summary, ' ', h('span', { class: 'source', text: `(Source: ${scenario.stance.source})` })),
    h('ul', { class: 'facts' }, ...scenario.facts.map((f) => h('li', {}, f.text, ' ', h('span', { class: 'source', text: `(Source: ${f.source})` })))),
    h('h3', { text: 'Your decisions' }),
    decisionList(scenario, session),
    renderReasons(scenario, log, attempt),
    h('h3', { text: 'The people' }),
    renderPeople(scenario),
    renderQuestions(scenario),
  );
}
