/**
 * How a verifying thread sends its reports to the command's thread (verify-pool.ts): a batch of
 * FileReports as one flat list of strings, numbers, booleans and nulls, and back. Copying a list of
 * plain values between threads costs a fraction of copying the same reports as objects (a dozen
 * small objects each, which the receiving thread rebuilds one by one while the workers need both
 * cores), and the command's thread rebuilds them here with the fields in the order `reportOf`
 * writes them, so `--json` prints the same text whichever thread verified a file.
 *
 * `unpackReports(packReports(reports))` gives reports equal to `reports`, field order included
 * (tests/cli/report-wire.test.ts). Pure.
 */
import type { FileReport } from './verify-file.ts';
import type { VerifyStatus } from '../core/log/verify.ts';

type Value = string | number | boolean | null;

/** Appends a list of texts: its length, then each text. */
function pushTexts(out: Value[], texts: readonly string[]): void {
  out.push(texts.length);
  for (const t of texts) out.push(t);
}

/** The reports of a batch as one flat list of plain values. */
export function packReports(reports: readonly FileReport[]): Value[] {
  const out: Value[] = [reports.length];
  for (const r of reports) {
    out.push(r.file, r.status, r.finished);
    out.push(r.student === null ? null : r.student.label, r.student?.classCode ?? null);
    out.push(r.attempts);
    if (r.attemptEndings === null) out.push(-1);
    else {
      out.push(r.attemptEndings.length);
      for (const a of r.attemptEndings) out.push(a.index, a.from === null ? -1 : a.from.attempt, a.from === null ? -1 : a.from.seq, a.decisions, a.ending);
    }
    out.push(r.ending, r.format);
    out.push(r.modes === null ? null : r.modes.rewind, r.modes?.reasons ?? null, r.modes?.play ?? null);
    out.push(r.score === null ? null : r.score.points, r.score?.max ?? null);
    pushTexts(out, r.problems);
    pushTexts(out, r.notes);
    out.push(r.newerText);
    out.push(r.scenario === null ? null : r.scenario.id, r.scenario?.version ?? null, r.scenario?.hash ?? null);
  }
  return out;
}

/** Reads a packed batch back, in order; throws a TypeError when the list is not one `packReports` made. */
export function unpackReports(flat: readonly unknown[]): FileReport[] {
  let at = 0;
  const next = (): unknown => {
    if (at >= flat.length) throw new TypeError('a packed batch of reports ends too soon');
    return flat[at++];
  };
  const text = (): string => {
    const v = next();
    if (typeof v !== 'string') throw new TypeError(`a packed report has ${typeof v} where a text belongs (item ${at - 1})`);
    return v;
  };
  const count = (): number => {
    const v = next();
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -1) throw new TypeError(`a packed report has no count where one belongs (item ${at - 1})`);
    return v;
  };
  const orNull = <T>(v: unknown): T | null => (v === null ? null : (v as T));
  const texts = (): string[] => {
    const n = count();
    const list: string[] = [];
    for (let i = 0; i < n; i++) list.push(text());
    return list;
  };
  const reports: FileReport[] = [];
  const total = count();
  for (let k = 0; k < total; k++) {
    const file = text();
    const status = text() as VerifyStatus;
    const finished = orNull<boolean>(next());
    const label = orNull<string>(next());
    const classCode = orNull<string>(next());
    const student = label === null ? null : classCode === null ? { label } : { label, classCode };
    const attempts = orNull<number>(next());
    const endings = count();
    let attemptEndings: FileReport['attemptEndings'] = null;
    if (endings >= 0) {
      attemptEndings = [];
      for (let i = 0; i < endings; i++) {
        const index = next() as number;
        const fromAttempt = next() as number;
        const fromSeq = next() as number;
        const decisions = next() as number;
        const ending = orNull<string>(next());
        attemptEndings.push({ index, from: fromAttempt === -1 ? null : { attempt: fromAttempt, seq: fromSeq }, decisions, ending });
      }
    }
    const ending = orNull<string>(next());
    const format = orNull<number>(next());
    const rewind = orNull<string>(next());
    const reasons = next() as string;
    const play = orNull<string>(next());
    const modes = rewind === null ? null : play === null ? { rewind, reasons } : { rewind, reasons, play };
    const points = orNull<number>(next());
    const max = next() as number;
    const score = points === null ? null : { points, max };
    const problems = texts();
    const notes = texts();
    const newerText = next() === true;
    const id = orNull<string>(next());
    const version = next() as number;
    const hash = next() as string;
    const scenario = id === null ? null : { id, version, hash };
    reports.push({ file, status, finished, student, attempts, attemptEndings, ending, format, modes, score, problems, notes, newerText, scenario });
  }
  if (at !== flat.length) throw new TypeError('a packed batch of reports has items left over');
  return reports;
}
