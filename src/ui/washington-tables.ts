/**
 * The tables a Washington node draws under its text (the node's `show`): the count of the
 * hemisphere's replies as Washington holds it, with the post's row taken from the student's
 * telegram, and the Organ of Consultation's vote counted on the reports beside the vote as cast.
 * The numbers come from the core (src/core/verdict/count.ts); this file only lays them out.
 */
import { organVote, tallyText, washingtonCount, type Hemisphere, type Scenario, type SessionState, type Show, type Tally, type Vote } from '../core/play.ts';
import { h } from './dom.ts';

const VOTE_WORDS: Readonly<Record<Vote, string>> = { for: 'For', abstain: 'Abstains', against: 'Against' };

/** A vote in words; null is a republic Washington has no word from. */
export function voteWord(vote: Vote | null): string {
  return vote === null ? 'Not known' : VOTE_WORDS[vote];
}

function voteCell(vote: Vote | null): HTMLTableCellElement {
  return h('td', { class: `vote vote-${vote ?? 'unknown'}`, text: voteWord(vote) });
}

/** Washington's count of the republics' replies, the post's own row highlighted. */
export function renderCountTable(scenario: Scenario, state: SessionState, shared?: Hemisphere): HTMLElement {
  const count = washingtonCount(scenario, state, shared);
  const table = h(
    'table',
    { class: 'count-table' },
    h('caption', {}, h('strong', { text: "Washington's count of the hemisphere" }), count.note ? h('span', { class: 'count-note', text: count.note }) : null),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' }, text: 'Republic' }),
        h('th', { attrs: { scope: 'col' }, text: 'What Washington has' }),
        h('th', { attrs: { scope: 'col' }, text: 'On armed measures' }),
      ),
    ),
    h(
      'tbody',
      {},
      ...count.rows.map((r) =>
        h(
          'tr',
          { class: r.post ? 'post-row' : '', attrs: r.post ? { 'data-post': 'true' } : {} },
          h('th', { attrs: { scope: 'row' } }, r.country, r.post ? h('span', { class: 'post-tag', text: ' your telegram' }) : null),
          h(
            'td',
            {},
            r.line,
            r.source ? h('details', { class: 'row-source' }, h('summary', {}, 'Source', h('span', { class: 'sr-only', text: ` for ${r.country}` })), h('p', { text: r.source })) : null,
          ),
          voteCell(r.vote),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h('tr', {}, h('th', { attrs: { scope: 'row' }, text: 'Tally' }), h('td', { attrs: { colspan: '2' }, text: tallyText(count.tally) })),
    ),
  );
  return h('div', { class: 'washington-table', attrs: { 'data-show': 'count' } }, table);
}

function tallyRows(counted: Tally, cast: Tally): HTMLTableRowElement[] {
  const rows: [string, keyof Tally][] = [
    ['For', 'for'],
    ['Abstaining', 'abstain'],
    ['Against', 'against'],
  ];
  if (counted.unknown > 0 || cast.unknown > 0) rows.push(['Not known', 'unknown']);
  return rows.map(([label, key]) =>
    h('tr', {}, h('th', { attrs: { scope: 'row' }, text: label }), h('td', { text: String(counted[key]) }), h('td', { text: String(cast[key]) })),
  );
}

/** The Organ's vote on armed measures: counted on the reports beside the vote as cast. */
export function renderVoteTable(scenario: Scenario, state: SessionState, shared?: Hemisphere): HTMLElement {
  const vote = organVote(scenario, state, shared);
  const post = scenario.post.country;
  // The core casts a post with no reaction as an abstention; show the vote the tally counts.
  const cast = vote.postCast ?? 'abstain';
  const table = h(
    'table',
    { class: 'vote-table' },
    h('caption', {}, h('strong', { text: 'The Organ of Consultation: the vote on armed measures' })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td'),
        h('th', { attrs: { scope: 'col' }, text: 'Counted on the reports' }),
        h('th', { attrs: { scope: 'col' }, text: 'As cast' }),
      ),
    ),
    h('tbody', {}, ...tallyRows(vote.counted, vote.cast)),
    vote.votes
      ? h(
          'tfoot',
          {},
          h('tr', { class: 'post-row', attrs: { 'data-post': 'true' } }, h('th', { attrs: { scope: 'row' }, text: post }), voteCell(vote.postCounted), voteCell(cast)),
        )
      : null,
  );
  const outcome = !vote.votes
    ? ''
    : vote.postCounted === null
      ? `Washington had counted no vote for ${post}.`
      : vote.postCounted === cast
        ? `${post} voted as Washington had counted.`
        : `${post} did not vote as Washington had counted.`;
  return h(
    'div',
    { class: 'washington-table', attrs: { 'data-show': 'vote' } },
    table,
    h('p', { class: 'vote-summary', text: `Counted on the reports: ${tallyText(vote.counted)}. As cast: ${tallyText(vote.cast)}. ${outcome}`.trim() }),
  );
}

/** The table a node's `show` asks for. */
export function renderShow(scenario: Scenario, state: SessionState, show: Show, shared?: Hemisphere): HTMLElement {
  switch (show) {
    case 'count':
      return renderCountTable(scenario, state, shared);
    case 'vote':
      return renderVoteTable(scenario, state, shared);
    default: {
      const never: never = show;
      throw new RangeError(`unknown show "${String(never)}"`);
    }
  }
}
