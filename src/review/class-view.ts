/**
 * What the class did together (issue point 5): the sentences a teacher can say out loud, the table of
 * the ministers' actual reactions against the reactions reported, and the branch map (the game's
 * own component) with the number of students on each choice and at each ending.
 */
import type { Scenario, SessionState } from '../core/index.ts';
import { classSummary, NO_REACTION } from '../core/review/model.ts';
import type { ClassItem } from '../core/review/summary.ts';
import type { ClassSummary } from '../core/review/types.ts';
import { renderBranchMap } from '../ui/branch-map.ts';
import { h } from '../ui/dom.ts';
import type { ShownItem } from './class-table.ts';
import { reactionWords } from './format.ts';

function reactionTable(scenario: Scenario, summary: ClassSummary): HTMLElement {
  const ids = [...Object.keys(scenario.responses), NO_REACTION];
  const count = (actual: string, reported: string): number => {
    const line = Object.hasOwn(summary.reactions, actual) ? summary.reactions[actual] : undefined;
    return line && Object.hasOwn(line, reported) ? (line[reported] ?? 0) : 0;
  };
  // "None" is shown only when some student has it: with every minister seen and every report sent, the table is 3 by 3.
  const used = (id: string): boolean => id !== NO_REACTION || ids.some((o) => count(NO_REACTION, o) + count(o, NO_REACTION) > 0);
  const shown = ids.filter(used);
  const actualName = (id: string): string => (id === NO_REACTION ? 'None (not seen)' : reactionWords(scenario, id));
  const reportedName = (id: string): string => (id === NO_REACTION ? 'None reported' : reactionWords(scenario, id));
  return h(
    'table',
    { class: 'reactions', id: 'reactions' },
    h('caption', { text: 'Students by the actual reaction they met (rows) and the reaction they reported (columns)' }),
    h('thead', {}, h('tr', {}, h('td'), ...shown.map((id) => h('th', { attrs: { scope: 'col' }, text: `Reported: ${reportedName(id)}` })))),
    h(
      'tbody',
      {},
      ...shown.map((actual) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' }, text: `Actual: ${actualName(actual)}` }),
          ...shown.map((reported) => {
            const n = count(actual, reported);
            const cls = n === 0 ? 'zero' : actual === reported ? 'match' : reported === NO_REACTION ? '' : 'mismatch';
            return h('td', { class: `num ${cls}`, attrs: { 'data-actual': actual, 'data-reported': reported }, text: String(n) });
          }),
        ),
      ),
    ),
  );
}

/** The items the class view counts: replayed, shown once, those of `current` first (the map is drawn for it). */
function classItems(items: readonly ShownItem[], current: Scenario): ClassItem[] {
  const out: ClassItem[] = [];
  for (const i of items) {
    if (i.play !== null) out.push({ row: i.row, scenario: i.play.scenario, state: i.play.state });
  }
  return out.sort((a, b) => Number(b.scenario === current) - Number(a.scenario === current));
}

/** The map's list of every node and choice is long for a class: folded until asked for. */
function closedList(map: HTMLElement): HTMLElement {
  map.querySelector('details.bm-details')?.removeAttribute('open');
  return map;
}

/**
 * A holder that draws `make()` once it comes near the screen: laying out the map takes a few hundred
 * milliseconds for a class, which an import need not wait for.
 */
function whenNear(make: () => HTMLElement): HTMLElement {
  const holder = h('div', { class: 'map-holder' });
  const draw = (): void => {
    holder.replaceChildren(make());
    holder.classList.add('drawn');
  };
  if (typeof IntersectionObserver !== 'function') {
    draw();
    return holder;
  }
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    draw();
  }, { rootMargin: '400px 0px' });
  seen.observe(holder);
  return holder;
}

/** The class view for these items (duplicates already folded). */
export function renderClassView(items: readonly ShownItem[], current: Scenario): HTMLElement {
  const counted = classItems(items, current);
  const summary = classSummary(counted);
  const scenario = counted[0]?.scenario ?? current;
  const states: SessionState[] = counted.filter((c) => c.scenario.id === scenario.id).map((c) => c.state);
  const others = items.length - summary.counted;
  return h(
    'div',
    { class: 'class-view-body' },
    h('p', {
      class: 'counted',
      text: `Counted: ${summary.counted} ${summary.counted === 1 ? 'student' : 'students'} whose log replayed (their last attempt)` +
        (others > 0 ? `; ${others} other ${others === 1 ? 'file is' : 'files are'} left out (not replayed).` : '.'),
    }),
    h('section', { class: 'block', attrs: { 'aria-labelledby': 'sentences-title' } },
      h('h3', { id: 'sentences-title', text: 'To say in class' }),
      h('ul', { class: 'sentences', id: 'sentences' }, ...summary.sentences.map((s) => h('li', { text: s })))),
    summary.counted === 0 ? null : h('section', { class: 'block', attrs: { 'aria-labelledby': 'reactions-title' } },
      h('h3', { id: 'reactions-title', text: 'What each student was told, and what was reported' }),
      reactionTable(scenario, summary)),
    summary.counted === 0 ? null : h('section', { class: 'block class-map', attrs: { 'aria-labelledby': 'class-map-title' } },
      h('h3', { id: 'class-map-title', text: 'The branch map of the class' }),
      h('p', { class: 'hint', text: 'The numbers on the lines are how many students took each choice; END · n is how many reached each ending. Solid lines were taken by someone, dashed ones by nobody.' }),
      whenNear(() => closedList(renderBranchMap({
        scenario,
        trails: states.map((s) => s.trail),
        ends: states.map((s) => s.node),
        current: 0,
        currentTrail: [],
        currentNode: '',
        reveal: true,
        rewind: 'off',
        counts: summary.counts,
      })))),
  );
}
