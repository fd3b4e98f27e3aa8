/**
 * The review's spreadsheets: one row per student, or one row per decision. Written by papaparse
 * (quoting, embedded quotes, commas and line breaks), as UTF-8 with a byte-order mark so that
 * spreadsheet programs show accents, with CRLF line ends. A text cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is neutralised with a leading `'` so that no spreadsheet runs it
 * as a formula. papaparse's own `escapeFormulae: true` tests `/^[=+\-@\t\r].*$/`, which misses a
 * cell whose text goes on past a line break ("=1+1\n…"), so the pattern here tests the first
 * character only. Numbers are written as numbers (a negative number is not neutralised). Pure.
 */
import Papa from 'papaparse';
import { STATUS_WORD, type ReviewDecision, type ReviewRow, type ReviewTime } from './types.ts';

/** The byte-order mark every file starts with. */
export const CSV_BOM = '\uFEFF';

/** A cell beginning with one of these is neutralised. */
export const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number;

function unparse(fields: readonly string[], data: readonly Cell[][]): string {
  const body = Papa.unparse(
    { fields: [...fields], data: data.map((row) => [...row]) },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  return `${CSV_BOM}${body.endsWith('\r\n') ? body : `${body}\r\n`}`;
}

const yesNo = (value: boolean | null): string => (value === null ? '' : value ? 'yes' : 'no');
const text = (value: string | null | undefined): string => value ?? '';
const num = (value: number | null | undefined): Cell => (value === null || value === undefined ? '' : value);
const time = (t: ReviewTime | null, which: 'local' | 'washington'): string => (t === null ? '' : t[which]);
/** Minutes with one decimal, as a number. */
const minutes = (ms: number | null): Cell => (ms === null ? '' : Math.round(ms / 6000) / 10);
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** The column names of `studentsCsv`, in order. */
export const STUDENT_COLUMNS = [
  'File', 'Status', 'Duplicate', 'Student', 'Class', 'Scenario', 'Scenario version', 'Post', 'World', 'Rewind mode', 'Reasons mode',
  'Class game', 'Log format', 'Finished', 'Ending', 'Score', 'Score out of', 'Met the minister (local)', 'Met the minister (Washington)',
  'Report sent (local)', 'Report sent (Washington)', 'Press conference (local)', 'Press conference (Washington)',
  'Met before the press conference', 'Report in Washington before it', 'Points conveyed', 'Points to convey', 'Points conveyed (list)',
  'Secrets passed or promises made', 'Secrets passed or promises made (list)', 'Hid a slip', 'Actual reaction', 'Reported reaction',
  'Report differs from reaction', 'Time played (min)', 'Attempts', 'Decisions under 2 s', 'Reasons', 'Problems', 'Notes', 'Log key',
] as const;

function studentCells(r: ReviewRow): Cell[] {
  return [
    r.file, STATUS_WORD[r.status], yesNo(r.duplicate), text(r.student?.label), text(r.student?.classCode), text(r.scenario?.id), num(r.scenario?.version),
    text(r.scenario?.post), text(r.world?.label), text(r.modes?.rewind), text(r.modes?.reasons),
    yesNo(r.modes === null ? null : r.modes.play === 'class'), num(r.format), yesNo(r.finished), text(r.ending),
    num(r.score?.points), num(r.score?.max), time(r.meeting, 'local'), time(r.meeting, 'washington'), time(r.report, 'local'),
    time(r.report, 'washington'), time(r.deadline, 'local'), time(r.deadline, 'washington'), yesNo(r.metInTime), yesNo(r.reportedInTime),
    num(r.conveyed?.length), num(r.conveyable), r.conveyed?.join(' ') ?? '', num(r.leaks?.length), r.leaks?.map((l) => l.label).join('; ') ?? '',
    yesNo(r.concealed), text(r.actual), text(r.reported), yesNo(r.mismatch), minutes(r.playedMs), num(r.attempts), num(r.fastDecisions),
    r.reasons?.join('\n') ?? '', r.problems.join('\n'), r.notes.join('\n'), r.key,
  ];
}

/**
 * One row per file (duplicates included, flagged), a column per fact a teacher sorts by
 * (`STUDENT_COLUMNS`): times in the post's and Washington's local time, yes/no flags (empty when
 * not known), reaction ids, reasons, problems and notes one per line in their cell. Pure.
 */
export function studentsCsv(rows: readonly ReviewRow[]): string {
  return unparse(STUDENT_COLUMNS, rows.map(studentCells));
}

/** The column names of `decisionsCsv`, in order. */
export const DECISION_COLUMNS = [
  'File', 'Student', 'Class', 'Attempt', 'Step', 'Node', 'Phase', 'Game time (local)', 'Game time (Washington)', 'Game time (UTC)',
  'Decided at', 'Think time (s)', 'Chosen', 'Options not taken', 'Options offered', 'Reason',
] as const;

function decisionCells(r: ReviewRow, d: ReviewDecision): Cell[] {
  const notTaken = d.offered.filter((o) => o.index !== d.chosen.index).map((o) => o.label);
  return [
    r.file, text(r.student?.label), text(r.student?.classCode), d.attempt + 1, d.step, d.node, d.phase, d.clock.local, d.clock.washington,
    d.clock.utc, d.at, seconds(d.thinkMs), d.chosen.label, notTaken.join('\n'), d.offered.length, text(d.reason),
  ];
}

/**
 * One row per decision of each student (attempts numbered from 1, as the game shows them), with the
 * options not taken (one per line in their cell) and the reason written. Pure.
 */
export function decisionsCsv(items: readonly { row: ReviewRow; decisions: readonly ReviewDecision[] }[]): string {
  return unparse(DECISION_COLUMNS, items.flatMap(({ row, decisions }) => decisions.map((d) => decisionCells(row, d))));
}
