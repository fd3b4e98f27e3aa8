/**
 * Why the minister answered as he did (`explainReaction` over the replayed states of the path on
 * screen: the odds as the student's conduct made them, what moved them, what chance drew) and how
 * fast the student decided (`paceOf` over the same path's log entries).
 */
import { counterpartOf, explainReaction, paceOf, replayLog, type DecisionLog, type ReactionDraw, type Scenario, type SessionState } from '../core/play.ts';
import { chanceSentence, currentPathEntries, paceSentences, percent, upperFirst } from './debrief-words.ts';
import { h } from './dom.ts';

function responseLabel(scenario: Scenario, id: string | null): string {
  if (id === null) return 'no answer';
  return Object.hasOwn(scenario.responses, id) ? (scenario.responses[id]?.label ?? id) : id;
}

function renderDraw(scenario: Scenario, draw: ReactionDraw, n: number, of: number): HTMLElement {
  const drawnLabel = draw.odds.find((o) => o.response === draw.drawn)?.label ?? responseLabel(scenario, draw.drawn);
  // Each draw under its own heading when there are several, so that what is said of a later draw
  // (the answer he had already given) is read under that draw, not as the end of the one before.
  const caption = 'The odds of each answer, as your conduct made them';
  return h(
    'div',
    { class: 'reaction-draw', attrs: { 'data-node': draw.node } },
    of > 1 ? h('h4', { class: 'draw-title', text: `Chance ${n} of ${of}` }) : null,
    draw.before === null ? null : h('p', { class: 'draw-before', text: `He had already answered "${responseLabel(scenario, draw.before)}"; this draw could change that.` }),
    h(
      'table',
      { class: 'odds-table' },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'His answer' }), h('th', { attrs: { scope: 'col' }, text: 'How likely' }))),
      h(
        'tbody',
        {},
        ...draw.odds.map((o) => {
          const drawn = o.response === draw.drawn;
          return h(
            'tr',
            { class: drawn ? 'drawn' : '' },
            h('th', { attrs: { scope: 'row' } }, o.label, drawn ? h('span', { class: 'drawn-tag', text: ' (drawn)' }) : null),
            h('td', { class: 'share' }, h('span', { class: 'share-bar', attrs: { style: `width: ${(o.share * 6).toFixed(2)}em`, 'aria-hidden': 'true' } }), percent(o.share)),
          );
        }),
      ),
    ),
    draw.reasons.length > 0
      ? h(
          'div',
          { class: 'reasons' },
          h('p', { class: 'reasons-title', text: 'What set the odds:' }),
          h(
            'ul',
            {},
            ...draw.reasons.map((r) =>
              h('li', {}, upperFirst(r.text), h('span', { class: 'reason-effect', text: ` (${percent(r.share)} toward "${responseLabel(scenario, r.response)}")` })),
            ),
          ),
        )
      : null,
    h('p', { class: 'chance-sentence', text: chanceSentence(draw, drawnLabel) }),
  );
}

/** "Why the minister answered as he did" for the replayed path of `log`. */
export function renderReactionExplained(scenario: Scenario, session: SessionState, log: DecisionLog): HTMLElement {
  const replayed = replayLog(scenario, log);
  const draws = replayed.ok ? explainReaction(scenario, replayed.states) : [];
  const body: HTMLElement[] =
    !replayed.ok
      ? [h('p', { text: `The game could not be replayed to explain his answer: ${replayed.error}` })]
      : draws.length === 0
        ? [h('p', { text: session.actual === null ? 'You never heard his answer in this game.' : 'His answer did not depend on chance.' })]
        : draws.map((d, i) => renderDraw(scenario, d, i + 1, draws.length));
  return h(
    'section',
    { class: 'reaction-explained', attrs: { 'aria-labelledby': 'reaction-explained-title' } },
    h('h3', { id: 'reaction-explained-title', text: `Why ${counterpartOf(scenario)} answered as he did` }),
    ...body,
  );
}

/** "How fast you decided": the median always, the very fast choices when there were any. */
export function renderPace(scenario: Scenario, log: DecisionLog): HTMLElement {
  const pace = paceOf(scenario, currentPathEntries(log));
  return h(
    'section',
    { class: 'pace', attrs: { 'aria-labelledby': 'pace-title', 'data-fast': String(pace.fast) } },
    h('h3', { id: 'pace-title', text: 'How fast you decided' }),
    ...paceSentences(pace).map((text) => h('p', { text })),
  );
}
