/**
 * The class table (issue point 3): one row per log, its status and the facts of its replay, sortable
 * by any column (a button in each header; `aria-sort` says the order) and filtered by post and by
 * flags. A file's problems and notes follow on a line of their own under its row.
 */
import type { ReviewRow } from '../core/review/types.ts';
import { h, type Child } from '../ui/dom.ts';
import { plainName } from '../core/review/plain-text.ts';
import { copiesText, playedText, reactionWords, rowName, shortWorld, STATUS_WORDS, yesNo } from './format.ts';
import type { ReviewItem } from './verify-files.ts';

/** An item as the table shows it: once, with the names of the other files that were the same log. */
export interface ShownItem extends ReviewItem {
  copies: string[];
}

type SortValue = number | string | null;

interface Column {
  id: string;
  title: string;
  /** A longer name for the header's tooltip and screen readers, when the title is short. */
  long?: string;
  value(row: ReviewRow): SortValue;
  cell(item: ShownItem): Child[];
  numeric?: boolean;
}

/** A flag the table can be filtered by: the rows that have it. */
export const FLAGS = [
  // Known to have stopped before an ending: replayed, so a file that was not read is not counted here.
  { id: 'unfinished', label: 'Not finished', has: (r: ReviewRow) => r.finished === false },
  { id: 'late', label: 'Deadline missed', has: (r: ReviewRow) => r.metInTime === false || r.reportedInTime === false },
  { id: 'leaked', label: 'Leaked or promised', has: (r: ReviewRow) => (r.leaks?.length ?? 0) > 0 },
  { id: 'concealed', label: 'Concealed a slip', has: (r: ReviewRow) => r.concealed === true },
  { id: 'mismatch', label: 'Report ≠ reaction', has: (r: ReviewRow) => r.mismatch === true },
  { id: 'fast', label: 'Very fast clicking', has: (r: ReviewRow) => (r.fastDecisions ?? 0) > 0 },
  { id: 'problems', label: 'Not verified', has: (r: ReviewRow) => r.status !== 'verified' },
] as const;
export type FlagId = (typeof FLAGS)[number]['id'];

const small = (text: string): HTMLElement => h('span', { class: 'sub', text });
const mark = (ok: boolean | null): HTMLElement | null =>
  ok === null ? null : h('span', { class: ok ? 'ok' : 'bad', text: ok ? ' ✓' : ' ✗', attrs: { 'aria-label': ok ? ' (in time)' : ' (late)' } });

function deadlineCell(r: ReviewRow): Child[] {
  if (r.metInTime === null) return ['—'];
  const both = r.metInTime && r.reportedInTime === true;
  return [
    h('span', { class: both ? 'ok strong' : 'bad strong', text: both ? 'Met' : 'Missed' }),
    h('span', { class: 'sub' }, `Meeting ${r.meeting?.local ?? 'never'}`, mark(r.metInTime)),
    h('span', { class: 'sub' }, `Report ${r.report?.local ?? 'never'}`, mark(r.reportedInTime)),
    r.deadline ? small(`Press conf. ${r.deadline.local}`) : null,
  ];
}

const COLUMNS: Column[] = [
  {
    id: 'student', title: 'Student', value: (r) => rowName(r).toLocaleLowerCase(),
    cell: (i) => [
      // Isolated (bdi) and without direction marks: a name cannot turn the rest of the row around.
      i.row.student ? h('bdi', { class: 'student-name', text: plainName(i.row.student.label) }) : h('span', { class: 'muted', text: 'no name' }),
      i.row.modes?.play === 'class' ? h('span', { class: 'class-game-tag', text: 'Class game' }) : null,
      h('bdi', { class: 'sub', text: plainName(i.row.file) }),
    ],
  },
  {
    id: 'class', title: 'Class', value: (r) => r.student?.classCode ?? null,
    cell: (i) => {
      const code = i.row.student?.classCode ?? null;
      return [code === null ? '—' : h('bdi', { text: plainName(code) })];
    },
  },
  {
    id: 'status', title: 'Status', value: (r) => STATUS_WORDS[r.status],
    cell: (i) => [
      h('span', { class: `status status-${i.row.status}`, text: STATUS_WORDS[i.row.status] }),
      i.copies.length > 0 ? h('span', { class: 'dup', text: `Imported ${i.copies.length + 1} times` }) : null,
    ],
  },
  { id: 'finished', title: 'Finished', value: (r) => (r.finished === null ? null : Number(r.finished)), cell: (i) => [yesNo(i.row.finished)] },
  { id: 'post', title: 'Post', value: (r) => r.scenario?.post || null, cell: (i) => [i.row.scenario?.post || i.row.scenario?.id || '—'] },
  {
    id: 'world', title: 'World', value: (r) => r.world?.label ?? null,
    cell: (i) => [i.row.world ? h('span', { text: shortWorld(i.row.world.label), attrs: { title: i.row.world.label } }) : '—'],
  },
  { id: 'rewind', title: 'Rewind', long: 'Rewind mode', value: (r) => r.modes?.rewind ?? null, cell: (i) => [i.row.modes?.rewind ?? '—'] },
  {
    id: 'deadline', title: 'Deadline', long: 'Deadline met: the meeting and the report against the press conference (local time)',
    value: (r) => (r.metInTime === null ? null : Number(r.metInTime) + Number(r.reportedInTime === true)), cell: (i) => deadlineCell(i.row),
  },
  {
    id: 'conveyed', title: 'Points', long: 'Points of the circular conveyed', numeric: true, value: (r) => r.conveyed?.length ?? null,
    cell: (i) => [i.row.conveyed === null ? '—' : `${i.row.conveyed.length}/${i.row.conveyable ?? '?'}`],
  },
  {
    id: 'leaks', title: 'Leaks', long: 'Secrets passed on and promises made', value: (r) => r.leaks?.length ?? null,
    cell: (i) => i.row.leaks === null ? ['—'] : i.row.leaks.length === 0 ? ['None'] : [h('ul', { class: 'leak-list bad' }, ...i.row.leaks.map((l) => h('li', { text: l.label })))],
  },
  {
    id: 'concealed', title: 'Concealed', long: 'Hid a slip from Washington', value: (r) => (r.concealed === null ? null : Number(r.concealed)),
    cell: (i) => [i.row.concealed ? h('span', { class: 'bad strong', text: 'Yes' }) : yesNo(i.row.concealed)],
  },
  { id: 'actual', title: 'Actual', long: 'The actual reaction of the person seen', value: (r) => r.actual, cell: (i) => [reactionWords(i.play?.scenario ?? null, i.row.actual)] },
  {
    id: 'reported', title: 'Reported', long: 'The reaction reported to Washington', value: (r) => r.reported,
    cell: (i) => [
      reactionWords(i.play?.scenario ?? null, i.row.reported),
      i.row.mismatch ? h('span', { class: 'flag', text: 'Mismatch' }) : null,
    ],
  },
  {
    id: 'score', title: 'Score', numeric: true, value: (r) => r.score?.points ?? null,
    cell: (i) => [i.row.score ? `${i.row.score.points}/${i.row.score.max}` : '—'],
  },
  { id: 'played', title: 'Time', long: 'Time played', numeric: true, value: (r) => r.playedMs, cell: (i) => [playedText(i.row.playedMs)] },
  { id: 'attempts', title: 'Tries', long: 'Attempts', numeric: true, value: (r) => r.attempts, cell: (i) => [i.row.attempts === null ? '—' : String(i.row.attempts)] },
  {
    id: 'fast', title: 'Fast', long: 'Decisions taken in under 2 seconds', numeric: true, value: (r) => r.fastDecisions,
    cell: (i) => [i.row.fastDecisions === null ? '—' : i.row.fastDecisions > 0 ? h('span', { class: 'bad strong', text: String(i.row.fastDecisions) }) : '0'],
  },
];

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export interface ClassTable {
  el: HTMLElement;
  /** Shows these items (all of them; the table applies its own sort and filters). */
  update(items: readonly ShownItem[]): void;
}

/** The table, its filters and its sort. `onOpen` opens a student's view. */
export function createClassTable(onOpen: (item: ShownItem) => void): ClassTable {
  let items: readonly ShownItem[] = [];
  let sort: { column: string; dir: 1 | -1 } | null = null;
  const flags = new Set<FlagId>();
  let post = '';

  const postSelect = h('select', { id: 'filter-post' });
  postSelect.addEventListener('change', () => {
    post = postSelect.value;
    draw();
  });
  const flagBoxes = FLAGS.map((f) => {
    const box = h('input', { id: `flag-${f.id}`, attrs: { type: 'checkbox', value: f.id } });
    box.addEventListener('change', () => {
      if (box.checked) flags.add(f.id);
      else flags.delete(f.id);
      draw();
    });
    return h('span', { class: 'flag-choice' }, box, h('label', { attrs: { for: `flag-${f.id}` }, text: f.label }));
  });
  const shownCount = h('p', { class: 'shown-count', id: 'shown-count', attrs: { role: 'status' } });
  const filters = h(
    'div',
    { class: 'filters no-print', attrs: { role: 'group', 'aria-label': 'Filters' } },
    h('span', { class: 'filter-post' }, h('label', { attrs: { for: 'filter-post' }, text: 'Post ' }), postSelect),
    h('fieldset', { class: 'flag-set' }, h('legend', { text: 'Only students who:' }), ...flagBoxes),
  );

  const headers = COLUMNS.map((c) => {
    const button = h('button', { class: 'sort', attrs: { type: 'button', 'data-sort': c.id, ...(c.long ? { title: c.long } : {}) } }, c.title, h('span', { class: 'sort-mark', attrs: { 'aria-hidden': 'true' } }));
    button.addEventListener('click', () => {
      sort = sort?.column === c.id ? { column: c.id, dir: sort.dir === 1 ? -1 : 1 } : { column: c.id, dir: 1 };
      draw();
    });
    const th = h('th', { attrs: { scope: 'col', 'data-col': c.id, ...(c.long ? { 'aria-label': c.long } : {}) } }, button);
    if (c.numeric) th.classList.add('num');
    return th;
  });
  const tbody = h('tbody');
  const caption = h('caption', { class: 'sr-only', text: 'The class, one row per log. Column headers are buttons that sort the table.' });
  const table = h('table', { class: 'class-table', id: 'class-table' }, caption, h('thead', {}, h('tr', {}, ...headers)), tbody);
  const empty = h('p', { class: 'empty', text: 'No logs yet: import a class\u2019s files above.' });

  const rowFor = (item: ShownItem): HTMLElement[] => {
    const r = item.row;
    const open = h('button', { class: 'open-student', attrs: { type: 'button', title: `Open ${rowName(r)}` }, on: { click: () => onOpen(item) } }, ...(COLUMNS[0] as Column).cell(item));
    const cells = COLUMNS.map((c, k) => (k === 0 ? h('th', { attrs: { scope: 'row' } }, open) : h('td', { class: c.numeric ? 'num' : '', attrs: { 'data-col': c.id } }, ...c.cell(item))));
    const tr = h('tr', { class: `row-${r.status}`, attrs: { 'data-key': r.key, 'data-file': r.file, 'data-status': r.status } }, ...cells);
    const lines = [...r.problems, ...r.notes, ...(item.copies.length > 0 ? [copiesText(r.file, item.copies)] : [])];
    if (lines.length === 0) return [tr];
    tr.classList.add('has-detail');
    const detail = h('tr', { class: `detail row-${r.status}`, attrs: { 'data-detail-for': r.key } },
      h('td', { attrs: { colspan: String(COLUMNS.length) } }, h('ul', {}, ...lines.map((l) => h('li', { text: l })))));
    return [tr, detail];
  };

  const draw = (): void => {
    const posts = [...new Set(items.map((i) => i.row.scenario?.post || '').filter((p) => p !== ''))].sort();
    if (post !== '' && !posts.includes(post)) post = '';
    postSelect.replaceChildren(h('option', { attrs: { value: '' }, text: 'All posts' }), ...posts.map((p) => h('option', { attrs: { value: p }, text: p })));
    postSelect.value = post;
    let shown = items.filter((i) => (post === '' || i.row.scenario?.post === post) && FLAGS.every((f) => !flags.has(f.id) || f.has(i.row)));
    const column = sort ? COLUMNS.find((c) => c.id === sort?.column) : undefined;
    if (sort && column) {
      const dir = sort.dir;
      shown = [...shown].sort((a, b) => {
        const byValue = compare(column.value(a.row), column.value(b.row));
        // Unknown values stay last whichever way the column is sorted.
        if (column.value(a.row) === null || column.value(b.row) === null) return byValue;
        return byValue * dir;
      });
    }
    for (const th of headers) {
      const id = th.getAttribute('data-col');
      if (sort && id === sort.column) th.setAttribute('aria-sort', sort.dir === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    tbody.replaceChildren(...shown.flatMap(rowFor));
    const n = items.length;
    shownCount.textContent = n === 0 ? '' : shown.length === n ? `${n} ${n === 1 ? 'log' : 'logs'}.` : `Showing ${shown.length} of ${n} logs.`;
    table.hidden = n === 0;
    empty.hidden = n > 0;
  };

  const el = h('div', { class: 'class-table-wrap' }, filters, shownCount, empty, h('div', { class: 'table-scroll' }, table));
  draw();
  return {
    el,
    update(next) {
      items = next;
      draw();
    },
  };
}
