/**
 * How the game was scored: the rubric table (each criterion as "level (points/max)", the total in
 * the footer, as the end-to-end test reads it) and the telegram judged line by line
 * (`rubric.fidelity.telegram`): each part's words, its verdict and which parts it contradicts.
 */
import { officeOf, PART_TITLES, scoreRubric, type Criterion, type Rubric, type Scenario, type SessionState } from '../core/play.ts';
import { listText, lowerFirst, partVerdictWords } from './debrief-words.ts';
import { h } from './dom.ts';

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

export function renderRubricTable(rubric: Rubric): HTMLElement {
  return h(
    'table',
    { class: 'rubric' },
    h('caption', { class: 'sr-only', text: 'How you did, criterion by criterion' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' }, text: 'Criterion' }),
        h('th', { attrs: { scope: 'col' }, text: 'Result' }),
        h('th', { attrs: { scope: 'col' }, text: 'Why' }),
      ),
    ),
    h(
      'tbody',
      {},
      ...rubric.criteria.map((c) =>
        h(
          'tr',
          { attrs: { 'data-criterion': c.id } },
          h('th', { attrs: { scope: 'row' }, text: c.title }),
          h('td', { class: `level level-${c.level}`, text: c.maxPoints > 0 ? `${LEVEL_WORDS[c.level]} (${c.points}/${c.maxPoints})` : '—' }),
          // The verdict above already gives the ending; its row only names it.
          h('td', {}, h('p', { text: c.id === 'outcome' && c.outcomeTitle ? c.outcomeTitle : c.sentence }), criterionDetail(c)),
        ),
      ),
    ),
    h('tfoot', {}, h('tr', {}, h('th', { attrs: { scope: 'row' }, text: 'Total' }), h('td', { text: `${rubric.total.points}/${rubric.total.max}` }), h('td'))),
  );
}

/** "Your telegram, line by line": every judged part of the telegram as it left the embassy. */
export function renderLineByLine(rubric: Rubric, office = 'the embassy'): HTMLElement {
  const judgement = rubric.fidelity.telegram;
  return h(
    'section',
    { class: 'line-by-line', attrs: { 'aria-labelledby': 'line-by-line-title' } },
    h('h3', { id: 'line-by-line-title', text: 'Your telegram, line by line' }),
    judgement.sent ? null : h('p', { text: `No telegram left ${office}, so every part of it is missing.` }),
    h(
      'ol',
      { class: 'judged-parts' },
      ...judgement.parts.map((p) =>
        h(
          'li',
          { class: `judged-part ${p.fault ? 'fault' : 'sound'}`, attrs: { 'data-part': p.part, 'data-verdict': p.verdict } },
          h('h4', {}, p.title, ': ', h('span', { class: `part-verdict verdict-${p.verdict}`, text: partVerdictWords(p.part, p.verdict) })),
          p.quote === null ? h('p', { class: 'part-quote left-out', text: 'Left out.' }) : h('blockquote', { class: 'part-quote', text: p.quote }),
          h('p', { class: 'part-sentence', text: p.sentence }),
          p.contradicts.length > 0
            ? h('p', { class: 'part-contradicts', text: `It contradicts ${listText(p.contradicts.map((id) => lowerFirst(judgement.parts.find((x) => x.part === id)?.title ?? PART_TITLES[id])))}.` })
            : null,
        ),
      ),
    ),
  );
}

/** The rubric and the line-by-line judgement of one state, scored once. */
export function renderScoring(scenario: Scenario, session: SessionState): { table: HTMLElement; lines: HTMLElement } {
  const rubric = scoreRubric(scenario, session);
  return { table: renderRubricTable(rubric), lines: renderLineByLine(rubric, officeOf(scenario)) };
}
