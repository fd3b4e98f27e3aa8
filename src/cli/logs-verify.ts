/**
 * `npm run logs -- verify [--json] FILE...`: checks exported decision logs in Node with the same core
 * code the pages use (verifyLogText, the scenario loader, the kept texts of scenarios/archive/).
 *
 * Prints one line per file (and one per attempt when it has several): readable by default, or with
 * `--json` one JSON object per line with `file`, `status` (verified | scenario-changed | edited |
 * refused), `finished`, `student`, `attempts`, `attemptEndings`, `ending`, `score`, `format`, `modes`,
 * `problems`, `notes`, `newerText` and `scenario` (`modes.play` is `"class"` for a game the whole
 * class played together). Logs of format 1 are converted and verified. Exit status: 0 when every
 * file verified, 1 when any did not, 2 for a usage error (or when no scenario loads).
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { MAX_LOG_CHARS, verifyLogText, type VerifyResult, type VerifyStatus } from '../core/log/verify.ts';
import type { ScenarioLibrary, ScenarioRef } from '../core/log/library.ts';
import { archiveFromDir, loadCurrentScenarios } from './scenario-files.ts';

export const USAGE = `Usage: npm run logs -- verify [--json] FILE...
       npm run logs -- csv [--decisions] FILE...   (a spreadsheet; csv --help says more)
       npm run logs -- xapi FILE...                (xAPI statements; xapi --help says more)

Checks decision logs downloaded from Circular 938: that each is a log of this game, that it was
not changed after it was downloaded, and that its decisions replay through the scenario text it
was made with (the current one, or an earlier one kept in scenarios/archive/).

  --json   one JSON object per line instead of a readable line per file
  --help   this text

Exit status: 0 when every file verified, 1 when any did not, 2 for a usage error.`;

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

export interface LogsIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Writes text as it is, without a line end added (the exports' files); `out` is used when absent. */
  write?: (text: string) => void;
}

export interface LogsOptions {
  /** The scenarios folder (with archive/ inside); the project's scenarios/ by default. */
  scenariosDir?: string;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

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
    file, status: 'refused', finished: null, student: null, attempts: null, attemptEndings: null, ending: null, score: null, format: null, modes: null,
    problems: [problem], notes: [], newerText: false, scenario: null,
  };
}

/** A file's text, or why it cannot be read as a log (no such file, over 5 MB, not UTF-8); never rejects. */
export async function readLogFile(file: string): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, problem: 'This is not a file.' };
    // Checked before reading: a log is a few kilobytes, and at most 5 MB are read.
    if (info.size > MAX_LOG_CHARS) {
      return { ok: false, problem: `This file is ${(info.size / (1024 * 1024)).toFixed(1)} MB, larger than any decision log (at most 5 MB are read).` };
    }
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, problem: code === 'ENOENT' ? 'There is no such file.' : `The file cannot be read (${String(code ?? error)}).` };
  }
  try {
    // A byte-order mark (Windows editors add one) is dropped here; invalid UTF-8 is refused.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'This file is not a Circular 938 decision log: it is not UTF-8 text.' };
  }
}

/** Reads one file and verifies it; never rejects. */
export async function verifyFile(file: string, current: readonly ScenarioRef[], library: ScenarioLibrary): Promise<FileReport> {
  const read = await readLogFile(file);
  if (!read.ok) return refused(file, read.problem);
  return reportOf(file, await verifyLogText(read.text, current, { library }));
}

const WORD: Record<VerifyStatus, string> = {
  verified: 'verified',
  'scenario-changed': 'SCENARIO CHANGED',
  edited: 'EDITED',
  refused: 'REFUSED',
};

/** The readable lines of a file: its line, then one line per attempt when there are several. */
export function readableLines(r: FileReport): string[] {
  const lines = [readableLine(r)];
  const attempts = r.attemptEndings;
  if (attempts === null || attempts.length < 2) return lines;
  for (const a of attempts) {
    const where = a.from === null ? 'from the start' : `from attempt ${a.from.attempt + 1} after its decision ${a.from.seq}`;
    const end = a.ending === null ? 'no ending reached' : `ending "${a.ending}"`;
    lines.push(`  attempt ${a.index + 1}${a.index === 0 ? ' (the first)' : ''}: ${where}, ${a.decisions} decision${a.decisions === 1 ? '' : 's'} of its own, ${end}`);
  }
  return lines;
}

/** One readable line. */
export function readableLine(r: FileReport): string {
  const who = r.student === null ? null : r.student.classCode === undefined ? r.student.label : `${r.student.label} (${r.student.classCode})`;
  const facts: string[] = [];
  if (who !== null) facts.push(who);
  if (r.scenario !== null) facts.push(`${r.scenario.id} v${r.scenario.version}`);
  if (r.modes?.play === 'class') facts.push('class game (the whole class played it together)');
  if (r.format !== null && r.format < 2) facts.push(`format ${r.format}, converted`);
  if (r.modes !== null && r.modes.rewind !== 'free') facts.push(`rewind ${r.modes.rewind}`);
  if (r.modes !== null && r.modes.reasons === 'required') facts.push('reasons required');
  if (r.attempts !== null) facts.push(`${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`);
  if (r.finished === false) facts.push('UNFINISHED (no ending reached)');
  else if (r.ending !== null) facts.push(`ending "${r.ending}"`);
  if (r.score !== null) facts.push(`score ${r.score.points}/${r.score.max}`);
  if (r.newerText) facts.push('made with an earlier text of the scenario, kept for old logs');
  let line = `${r.file}: ${WORD[r.status]}`;
  if (facts.length > 0) line += ` - ${facts.join(', ')}`;
  const first = r.problems[0];
  if (first !== undefined) {
    const more = r.problems.length - 1;
    line += ` - ${first}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'}; --json lists them)` : ''}`;
  }
  return line;
}

type Parsed = { ok: true; json: boolean; files: string[] } | { ok: false; help: boolean; problem: string };

/** `verify [--json] FILE...`; everything after `--` is a file. */
export function parseArgs(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') return { ok: false, help: true, problem: '' };
  if (command === undefined) return { ok: false, help: false, problem: 'no command given' };
  if (command !== 'verify') return { ok: false, help: false, problem: `unknown command "${command}"` };
  let json = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of rest) {
    if (onlyFiles) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return { ok: false, help: true, problem: '' };
    else if (arg.startsWith('-') && arg !== '-') return { ok: false, help: false, problem: `unknown option "${arg}"` };
    else files.push(arg);
  }
  if (files.length === 0) return { ok: false, help: false, problem: 'no files given' };
  return { ok: true, json, files };
}

/**
 * The scenarios logs are checked against: the current ones and the kept texts of archive/. Says on
 * stderr which files do not load; null (exit status 2) when none does.
 */
export async function loadScenariosFor(io: LogsIo, options: LogsOptions): Promise<{ refs: ScenarioRef[]; library: ScenarioLibrary } | null> {
  const dir = options.scenariosDir ?? DEFAULT_DIR;
  const { refs, problems } = await loadCurrentScenarios(dir);
  if (refs.length === 0) {
    io.err(`logs: no scenario in ${dir} loads, so no log can be checked.${problems.length > 0 ? `\n${problems.join('\n')}` : ''}`);
    return null;
  }
  if (problems.length > 0) io.err(`logs: some scenario files do not load (logs made with them are refused):\n${problems.join('\n')}`);
  const library = await archiveFromDir(path.join(dir, 'archive'), (line) => io.err(`logs: ${line}`));
  return { refs, library };
}

/** Runs the command; resolves to the exit status. */
export async function runLogs(args: readonly string[], io: LogsIo, options: LogsOptions = {}): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    if (parsed.help) {
      io.out(USAGE);
      return 0;
    }
    io.err(`logs: ${parsed.problem}\n\n${USAGE}`);
    return 2;
  }
  const scenarios = await loadScenariosFor(io, options);
  if (scenarios === null) return 2;
  const { refs, library } = scenarios;
  let all = true;
  for (const file of parsed.files) {
    const report = await verifyFile(file, refs, library);
    if (report.status !== 'verified') all = false;
    if (parsed.json) io.out(JSON.stringify(report));
    else for (const line of readableLines(report)) io.out(line);
  }
  return all ? 0 : 1;
}
