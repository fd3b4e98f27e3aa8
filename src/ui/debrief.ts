/**
 * The debrief: the ending, the rubric, the telegram as sent, every decision with its time, what
 * really happened with sources, who was real and who invented, and the log download.
 */
import {
  composeTelegram,
  scoreRubric,
  sealLog,
  wallTime,
  type Criterion,
  type DecisionLog,
  type LoadedScenario,
  type Scenario,
  type SessionState,
} from '../core/index.ts';
import { renderTelegram } from './dialogue.ts';
import { h, paragraphs } from './dom.ts';
import { PHASE_TITLES } from './phases.ts';

export interface DebriefOptions {
  scenario: Scenario;
  loaded: LoadedScenario;
  session: SessionState;
  log: DecisionLog;
  onNewGame(): void;
}

const LEVEL_WORDS = { good: 'Good', partial: 'Partly', poor: 'Not yet' } as const;

function criterionDetail(c: Criterion): HTMLElement | null {
  if (c.id === 'completeness') {
    return h(
      'ul',
      { class: 'points-list', attrs: { 'aria-label': 'Points of the instruction' } },
      ...c.conveyed.map((p) => h('li', { class: 'yes', attrs: { title: p.label } }, h('span', { class: 'sr-only', text: 'Conveyed: ' }), p.label)),
      ...c.missing.map((p) => h('li', { class: 'no', attrs: { title: p.label } }, h('span', { class: 'sr-only', text: 'Not conveyed: ' }), p.label)),
    );
  }
  if (c.id === 'discretion' && c.pitfalls.length > 0) {
    return h('ul', {}, ...c.pitfalls.map((p) => h('li', {}, h('strong', { text: p.label }), ` ${p.explanation}`)));
  }
  return null;
}

function rubricTable(scenario: Scenario, session: SessionState): HTMLElement {
  const rubric = scoreRubric(scenario, session);
  return h(
    'table',
    { class: 'rubric' },
    h('caption', { class: 'sr-only', text: 'Rubric' }),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'Criterion' }), h('th', { attrs: { scope: 'col' }, text: 'Result' }), h('th', { attrs: { scope: 'col' }, text: 'Why' }))),
    h(
      'tbody',
      {},
      ...rubric.criteria.map((c) =>
        h(
          'tr',
          { attrs: { 'data-criterion': c.id } },
          h('th', { attrs: { scope: 'row' }, text: c.title }),
          h('td', { class: `level level-${c.level}`, text: c.maxPoints > 0 ? `${LEVEL_WORDS[c.level]} (${c.points}/${c.maxPoints})` : '—' }),
          // The ending's summary already opens the debrief; its row only names it.
          h('td', {}, h('p', { text: c.id === 'outcome' && c.outcomeTitle ? c.outcomeTitle : c.sentence }), criterionDetail(c)),
        ),
      ),
    ),
    h('tfoot', {}, h('tr', {}, h('th', { attrs: { scope: 'row' }, text: 'Total' }), h('td', { text: `${rubric.total.points}/${rubric.total.max}` }), h('td'))),
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

async function downloadLog(log: DecisionLog, status: HTMLElement): Promise<void> {
  status.textContent = 'Preparing your log…';
  try {
    const sealed = await sealLog(log);
    const blob = new Blob([JSON.stringify(sealed, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { attrs: { href: url, download: `circular938-${log.scenario.id}-${slug(log.student.label)}.json` } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = 'Your decision log has been downloaded. Hand it in as your teacher asks.';
  } catch (e) {
    status.textContent = `The log could not be prepared: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function renderDebrief(o: DebriefOptions): HTMLElement {
  const { scenario, session, log } = o;
  const node = scenario.nodes[session.node];
  const ending = node?.ending;
  const variant = scenario.variants[session.variant];
  const telegram = composeTelegram(scenario, session);
  const status = h('p', { class: 'download-status', attrs: { role: 'status' } });
  const download = h('button', { class: 'primary', id: 'download-log', attrs: { type: 'button' }, text: 'Download your decision log' });
  let downloaded = false;
  let warned = false;
  download.addEventListener('click', () => {
    downloaded = true;
    void downloadLog(log, status);
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
  const people = Object.entries(scenario.people);

  return h(
    'article',
    { class: 'debrief', attrs: { 'data-node': session.node, 'data-phase': session.phase } },
    h('h2', { id: 'debrief-title', attrs: { tabindex: '-1' } }, `Debrief: ${ending?.title ?? 'the end'}`),
    h('p', { class: 'debrief-student' }, `${log.student.label}${log.student.classCode ? ` · class ${log.student.classCode}` : ''} · ${scenario.title}`),
    h(
      'div',
      { id: 'dialogue', attrs: { 'aria-live': 'polite' } },
      ...paragraphs(node?.text ?? ''),
      // Some endings open with their summary; say it once.
      ...(ending && !(node?.text ?? '').includes(ending.summary.slice(0, 60)) ? paragraphs(ending.summary) : []),
    ),
    variant ? h('p', { class: 'source' }, `World: ${variant.label}. ${variant.description}`) : null,
    h('div', { class: 'debrief-actions' }, download, h('button', { class: 'secondary', id: 'print', attrs: { type: 'button' }, text: 'Print', on: { click: () => print() } }), h('button', { class: 'secondary', id: 'new-game', attrs: { type: 'button' }, text: 'Play again', on: { click: playAgain } })),
    status,
    h('h3', { text: 'How you did' }),
    rubricTable(scenario, session),
    h('h3', { text: telegram.sent ? 'Your telegram, as sent' : 'Your telegram (never sent)' }),
    renderTelegram(scenario, session),
    h('h3', { text: 'What really happened' }),
    h('p', {}, h('strong', { text: `${scenario.post.country}'s position: ` }), scenario.stance.summary, ' ', h('span', { class: 'source', text: `(Source: ${scenario.stance.source})` })),
    h('ul', { class: 'facts' }, ...scenario.facts.map((f) => h('li', {}, f.text, ' ', h('span', { class: 'source', text: `(Source: ${f.source})` })))),
    h('h3', { text: 'Your decisions' }),
    decisionList(scenario, session),
    h('h3', { text: 'The people' }),
    h(
      'ul',
      { class: 'people' },
      ...people.map(([, p]) =>
        h(
          'li',
          {},
          h('strong', { text: p.name }),
          `, ${p.role} `,
          'invented' in p ? h('span', { class: 'invented-tag', text: 'invented for the game' }) : h('span', { class: 'source', text: `(Source: ${p.source})` }),
          p.note ? h('span', { class: 'source', text: ` ${p.note}` }) : null,
        ),
      ),
    ),
  );
}
