/**
 * The top of the debrief: what really happened in November 1962 and why (the scenario's own short
 * account, with its source), then the verdict on this game. The verdict is `verdictOf` and nothing
 * else (the ending's title, the claims it makes about the student's conduct, the score), so the
 * screen, its print view and the exported log cannot disagree. The print view prints this DOM.
 */
import { nodeText, verdictOf, type Scenario, type SessionState } from '../core/play.ts';
import { h, paragraphs } from './dom.ts';

/** "What happened and why", or null when the scenario has no debrief text. */
export function renderWhatHappened(scenario: Scenario): HTMLElement | null {
  const d = scenario.debrief;
  if (!d) return null;
  return h(
    'section',
    { class: 'what-happened', attrs: { 'aria-labelledby': 'what-happened-title' } },
    h('h3', { id: 'what-happened-title', text: 'What happened and why' }),
    ...paragraphs(d.whatHappened),
    h('p', { class: 'source', text: `Source: ${d.source}` }),
  );
}

/**
 * The verdict: the ending's own text (in `#dialogue`, as every node's text is), the ending title,
 * the claim sentences and the score as "points/max".
 */
export function renderVerdict(scenario: Scenario, session: SessionState): HTMLElement {
  const verdict = verdictOf(scenario, session);
  const node = scenario.nodes[session.node];
  const ending = node?.ending;
  const text = node ? nodeText(scenario, node, session).join('\n\n') : '';
  // Some endings open with their summary; say it once.
  const summary = ending && !text.includes(ending.summary.slice(0, 60)) ? paragraphs(ending.summary) : [];
  return h(
    'section',
    { class: 'verdict', id: 'debrief-verdict', attrs: { 'aria-labelledby': 'verdict-title', 'data-outcome': verdict.outcome ?? '' } },
    h('h3', { id: 'verdict-title' }, 'Your ending: ', h('span', { class: 'verdict-ending', text: verdict.title ?? 'not reached' })),
    h('div', { id: 'dialogue', attrs: { 'aria-live': 'polite' } }, ...paragraphs(text), ...summary),
    verdict.claims.length > 0
      ? h(
          'ul',
          { class: 'verdict-claims', attrs: { 'aria-label': 'What the ending says about what you did' } },
          ...verdict.claims.map((c) => h('li', { class: c.stated ? 'claim-yes' : 'claim-no', attrs: { 'data-claim': c.claim } }, c.text)),
        )
      : null,
    h(
      'p',
      { class: 'verdict-score' },
      'Your score: ',
      h('strong', { class: 'verdict-points', text: `${verdict.score.points}/${verdict.score.max}` }),
      ' points.',
    ),
  );
}
