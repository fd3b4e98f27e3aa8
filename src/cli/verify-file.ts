/**
 * One file verified for `npm run logs -- verify`: read (at most 5 MB of UTF-8 text), checked with
 * verifyLogText, and answered as the line --json prints. Shared by the command and its worker threads
 * (verify-pool.ts), so a file gets the same answer in either.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { MAX_LOG_CHARS, verifyLogText, type VerifyResult, type VerifyStatus } from '../core/log/verify.ts';
import type { ScenarioLibrary, ScenarioRef } from '../core/log/library.ts';

/** One file's answer, as printed with --json. */
export interface FileReport {
  file: string;
  status: VerifyStatus;
  /** Whether the last attempt reached an ending; null when the log was not replayed. */
  finished: boolean | null;
  student: { label: string; classCode?: string } | null;
  attempts: number | null;
  /** Each attempt (0-based `index`, as in the file): where it branched from, its own decisions and its ending (null: none reached). */
  attemptEndings: { index: number; from: { attempt: number; seq: number } | null; decisions: number; ending: string | null }[] | null;
  /** The title of the ending the last attempt reached, or null. */
  ending: string | null;
  /** The format version the file was written in, once it was read as a log of a known version. */
  format: number | null;
  /** The rewind and reasons modes the game was played in, and `play: 'class'` for a game the whole class played together. */
  modes: { rewind: string; reasons: string; play?: string } | null;
  score: { points: number; max: number } | null;
  problems: string[];
  notes: string[];
  /** True when the log was made with a kept earlier text and a newer one is played now. */
  newerText: boolean;
  /** The scenario the log names, once the file was read as a log. */
  scenario: { id: string; version: number; hash: string } | null;
}

function reportOf(file: string, r: VerifyResult): FileReport {
  const log = r.log;
  const student = log === undefined ? null : log.student.classCode === undefined
    ? { label: log.student.label }
    : { label: log.student.label, classCode: log.student.classCode };
  return {
    file,
    status: r.status,
    finished: r.finished ?? null,
    student,
    attempts: log?.attempts.length ?? null,
    attemptEndings: r.attempts?.map(({ index, from, decisions, ending }) => ({ index, from, decisions, ending })) ?? null,
    ending: r.verdict?.title ?? null,
    format: r.ok ? r.formatRead : log === undefined ? null : log.formatVersion,
    modes: log === undefined ? null : log.play === undefined ? { rewind: log.rewind, reasons: log.reasons } : { rewind: log.rewind, reasons: log.reasons, play: log.play },
    score: r.verdict ? { ...r.verdict.score } : null,
    problems: r.ok ? [] : r.problems,
    notes: r.ok ? r.notes : [],
    newerText: r.ok ? r.newerText : false,
    scenario: log === undefined ? null : { ...log.scenario },
  };
}

function refused(file: string, problem: string): FileReport {
  return {
    file, status: 'refused', finished: null, student: null, attempts: null, attemptEndings: null, ending: null, format: null, modes: null, score: null,
    problems: [problem], notes: [], newerText: false, scenario: null,
  };
}

/** A file's text, or why it cannot be read as a log (no such file, over 5 MB, not UTF-8); never rejects. */
export function readLogFile(file: string): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  return Promise.resolve(readLogFileNow(file));
}

/**
 * `readLogFile` at once. The command reads its files one after another, and each read without
 * waiting costs a few microseconds, where four round trips to libuv's thread pool (stat, open,
 * read, close) cost far more when thousands of files are verified.
 */
function readLogFileNow(file: string): { ok: true; text: string } | { ok: false; problem: string } {
  let bytes: Buffer;
  try {
    const info = statSync(file);
    if (!info.isFile()) return { ok: false, problem: 'This is not a file.' };
    // Checked before reading: a log is a few kilobytes, and at most 5 MB are read.
    if (info.size > MAX_LOG_CHARS) {
      return { ok: false, problem: `This file is ${(info.size / (1024 * 1024)).toFixed(1)} MB, larger than any decision log (at most 5 MB are read).` };
    }
    bytes = readBytes(file, info.size);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, problem: code === 'ENOENT' ? 'There is no such file.' : `The file cannot be read (${String(code ?? error)}).` };
  }
  // A byte-order mark (Windows editors add one) is dropped here; invalid UTF-8 is refused.
  const text = decodeUtf8(bytes);
  return text === null ? { ok: false, problem: 'This file is not a Circular 938 decision log: it is not UTF-8 text.' } : { ok: true, text };
}

/**
 * The buffer files are read into: one, grown to the largest file read and read into again, since the
 * command reads thousands of files one after another (a new buffer for each is memory outside the
 * heap that the garbage collector must then free).
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The bytes of a file `size` long (fewer if it ends before), as a view of `scratch` valid until the
 * next read. A file that says it is empty may still have bytes (some system files do): it is read
 * to its end, as readFileSync does.
 */
function readBytes(file: string, size: number): Buffer {
  if (size === 0) return readFileSync(file);
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    while (length < size) {
      const read = readSync(fd, scratch, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * What `new TextDecoder('utf-8', { fatal: true }).decode(bytes)` gives (a leading byte-order mark
 * dropped), or null where it throws (not UTF-8), several times faster for a log: Node turns UTF-8
 * into a string byte by byte once a text holds one letter outside ASCII (a student's name with an
 * accent), and a log is ASCII but for a few such letters. So the ASCII before the first other byte
 * and after the last is copied as it is (ASCII bytes never belong to a longer UTF-8 sequence), and
 * only the span between them is decoded.
 */
export function decodeUtf8(bytes: Buffer): string | null {
  // ASCII is UTF-8: a text of ASCII alone (most logs) is looked at once, not twice.
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (!isUtf8(bytes)) return null;
  // Found by halving with isAscii, which looks at many bytes at once.
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (isAscii(bytes.subarray(lo, mid))) lo = mid;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (isAscii(bytes.subarray(mid, hi))) hi = mid;
    else lo = mid;
  }
  const end = lo + 1;
  const text = bytes.toString('latin1', 0, first) + bytes.toString('utf8', first, end) + bytes.toString('latin1', end, bytes.length);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads one file and verifies it; never rejects. */
export async function verifyFile(file: string, current: readonly ScenarioRef[], library: ScenarioLibrary): Promise<FileReport> {
  const read = readLogFileNow(file);
  if (!read.ok) return refused(file, read.problem);
  return reportOf(file, await verifyLogText(read.text, current, { library }));
}

