/**
 * The review's spreadsheets (issue 8, point 7): read back by a real CSV parser cell for cell, a
 * byte-order mark first, CRLF line ends, and every cell that a spreadsheet would run as a formula
 * neutralised, including one whose text goes on past a line break.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM, DECISION_COLUMNS, decisionsCsv, FORMULA_START, STUDENT_COLUMNS, studentsCsv } from '../../../src/core/review/csv.ts';
import { markDuplicates, reviewDecisions, reviewRow, unreadableRow } from '../../../src/core/review/model.ts';
import { STATUS_WORD, type ReviewRow } from '../../../src/core/review/types.ts';
import { HOSTILE_LABEL, HOSTILE_REASONS, verifiedLogs, type Verified } from './review-fixtures.ts';

let logs: Verified[];
let rows: ReviewRow[];
beforeAll(async () => {
  logs = await verifiedLogs(4);
  rows = markDuplicates([
    ...logs.map((v) => reviewRow(v.name, v.result, v.key)),
    reviewRow('again.json', (logs[0] as Verified).result, 'x'),
    // File names a teacher's folder could hold, each starting as a formula would.
    unreadableRow('\tTAB.json', 'This is not a file.', 'k1'),
    unreadableRow('\rCR.json', 'There is no such file.', 'k2'),
    unreadableRow('-2+3.json', 'There is no such file.', 'k3'),
    unreadableRow('+SUM(1).json', 'There is no such file.', 'k4'),
  ]);
  // Loads every post and plays a class of games through the real engine: heavier than a unit test.
}, 60_000);

/** What a neutralised cell reads as: the text, with a `'` before a formula start. */
const expected = (cell: string | number): string => {
  const text = String(cell);
  return typeof cell === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
};

function readBack(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  // Every line end outside a quoted cell is CRLF: no bare LF ends a record.
  const records = parse(csv.slice(1), { relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
  return records;
}

describe('studentsCsv', () => {
  it('reads back cell for cell, with the columns named', () => {
    const records = readBack(studentsCsv(rows));
    expect(records[0]).toEqual([...STUDENT_COLUMNS]);
    expect(records).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      const rec = records[i + 1] as string[];
      const cell = (name: (typeof STUDENT_COLUMNS)[number]): string => rec[STUDENT_COLUMNS.indexOf(name)] as string;
      expect(cell('File')).toBe(expected(row.file));
      expect(cell('Status')).toBe(STATUS_WORD[row.status]);
      expect(cell('Duplicate')).toBe(row.duplicate ? 'yes' : 'no');
      expect(cell('Student')).toBe(expected(row.student?.label ?? ''));
      expect(cell('Class')).toBe(expected(row.student?.classCode ?? ''));
      expect(cell('Score')).toBe(row.score === null ? '' : String(row.score.points));
      expect(cell('Finished')).toBe(row.finished === null ? '' : row.finished ? 'yes' : 'no');
      expect(cell('Met the minister (local)')).toBe(row.meeting?.local ?? '');
      expect(cell('Report sent (Washington)')).toBe(row.report?.washington ?? '');
      expect(cell('Report differs from reaction')).toBe(row.mismatch === null ? '' : row.mismatch ? 'yes' : 'no');
      expect(cell('Actual reaction')).toBe(row.actual ?? '');
      expect(cell('Reported reaction')).toBe(row.reported ?? '');
      expect(cell('Points conveyed')).toBe(row.conveyed === null ? '' : String(row.conveyed.length));
      expect(cell('Secrets passed or promises made (list)')).toBe(row.leaks?.map((l) => l.label).join('; ') ?? '');
      expect(cell('Attempts')).toBe(row.attempts === null ? '' : String(row.attempts));
      expect(cell('Reasons')).toBe(expected(row.reasons?.join('\n') ?? ''));
      expect(cell('Problems')).toBe(row.problems.join('\n'));
      expect(cell('Log key')).toBe(row.key);
    });
  });

  it('carries accents, commas, quotes and line breaks through, and neutralises every formula start', () => {
    const records = readBack(studentsCsv(rows));
    const hostile = records.find((r) => r[0] === 'hostile.json') as string[];
    expect(hostile[STUDENT_COLUMNS.indexOf('Student')]).toBe(`'${HOSTILE_LABEL}`);
    expect(hostile[STUDENT_COLUMNS.indexOf('Class')]).toBe("'@10B");
    const reasons = hostile[STUDENT_COLUMNS.indexOf('Reasons')] as string;
    for (const r of HOSTILE_REASONS) if (!FORMULA_START.test(r)) expect(reasons).toContain(r);
    expect(reasons).toContain('señor; ¿no?');
    expect(records.map((r) => r[0])).toEqual(expect.arrayContaining(["'\tTAB.json", "'\rCR.json", "'-2+3.json", "'+SUM(1).json"]));
    // No cell of the whole file begins as a formula would.
    for (const rec of records) for (const cell of rec) expect(FORMULA_START.test(cell)).toBe(false);
  });

  it('is a header alone for no rows', () => {
    expect(readBack(studentsCsv([]))).toEqual([[...STUDENT_COLUMNS]]);
  });
});

describe('decisionsCsv', () => {
  it('writes one row per decision, with the options not taken and the reason, read back cell for cell', () => {
    const items = logs.flatMap((v) => {
      if (!v.result.ok) return [];
      const { scenario } = v.result.scenario;
      const log = v.result.log;
      return [{ row: reviewRow(v.name, v.result, v.key), decisions: log.attempts.flatMap((_, a) => reviewDecisions(scenario, log, a)) }];
    });
    const records = readBack(decisionsCsv(items));
    expect(records[0]).toEqual([...DECISION_COLUMNS]);
    const flat = items.flatMap(({ row, decisions }) => decisions.map((d) => ({ row, d })));
    expect(records).toHaveLength(flat.length + 1);
    flat.forEach(({ row, d }, i) => {
      const rec = records[i + 1] as string[];
      const cell = (name: (typeof DECISION_COLUMNS)[number]): string => rec[DECISION_COLUMNS.indexOf(name)] as string;
      expect(cell('Student')).toBe(expected(row.student?.label ?? ''));
      expect(cell('Attempt')).toBe(String(d.attempt + 1));
      expect(cell('Step')).toBe(String(d.step));
      expect(cell('Node')).toBe(d.node);
      expect(cell('Game time (UTC)')).toBe(d.clock.utc);
      expect(cell('Game time (local)')).toBe(d.clock.local);
      expect(cell('Think time (s)')).toBe(String(Math.round(d.thinkMs / 100) / 10));
      expect(cell('Chosen')).toBe(expected(d.chosen.label));
      expect(cell('Options not taken')).toBe(expected(d.offered.filter((o) => o.index !== d.chosen.index).map((o) => o.label).join('\n')));
      expect(cell('Options offered')).toBe(String(d.offered.length));
      expect(cell('Reason')).toBe(expected(d.reason ?? ''));
    });
    const reasons = records.filter((r) => r[0] === 'hostile.json').map((r) => r[DECISION_COLUMNS.indexOf('Reason')]);
    expect(reasons).toContain("'=1+1\nand a second line, after a formula start");
    expect(reasons).toContain('Tello, the "Foreign Secretary", said: ça va, señor; ¿no?');
    expect(reasons).toContain("'+33 and -2: numbers that are not numbers");
    for (const rec of records) for (const cell of rec) expect(FORMULA_START.test(cell)).toBe(false);
  });
});
