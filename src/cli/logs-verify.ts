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
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { VerifyStatus } from '../core/log/verify.ts';
import type { ScenarioLibrary, ScenarioRef } from '../core/log/library.ts';
import { archiveFromDir, loadCurrentScenarios } from './scenario-files.ts';
import { availableParallelism } from 'node:os';
import { escapeHidden } from '../core/review/plain-text.ts';
import { verifyFile, type FileReport } from './verify-file.ts';
import { openVerifyPool, type VerifyPool } from './verify-pool.ts';

export { readLogFile, verifyFile, type FileReport } from './verify-file.ts';

export const USAGE = `Usage: npm run logs -- verify [--json] FILE...
       npm run logs -- csv [--decisions] FILE...   (a spreadsheet; csv --help says more)
       npm run logs -- xapi FILE...                (xAPI statements; xapi --help says more)

Checks decision logs downloaded from Circular 938: that each is a log of this game, that it was
not changed after it was downloaded, and that its decisions replay through the scenario text it
was made with (the current one, or an earlier one kept in scenarios/archive/).

  --json   one JSON object per line instead of a readable line per file
  --help   this text

Exit status: 0 when every file verified, 1 when any did not, 2 for a usage error.`;

export interface LogsIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Writes text as it is, without a line end added (the exports' files); `out` is used when absent. */
  write?: (text: string) => void;
}

export interface LogsOptions {
  /** The scenarios folder (with archive/ inside); the project's scenarios/ by default. */
  scenariosDir?: string;
  /**
   * Worker threads that verify the files (verify-pool.ts); 0 verifies them in this thread. By default,
   * one per core for `POOL_MIN_FILES` files or more, else none.
   */
  workers?: number;
}

/**
 * From how many files `verify` spreads them over worker threads by default. Each worker has to start
 * (it loads the verifier while this thread loads the scenarios, slowing that down on two cores) and
 * to warm up (V8 optimises the verifier afresh in every thread, over its first thousand files or so)
 * before it pays: a fresh command on the 2-core machine the game was written on verified 5,000 files
 * faster in one thread, 10,000 about as fast either way and 20,000 faster in two workers.
 */
export const POOL_MIN_FILES = 10_000;

const DEFAULT_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

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

/**
 * One readable line. What came from the file (a name, a file name, a value quoted in a problem) may
 * hold a line break or a right-to-left override: such characters are written as escapes
 * (`escapeHidden`), so every file keeps its one line and each line reads in order. A first problem
 * that ends with a colon (a heading over the problems it lists) is given with the next one.
 */
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
  const heading = r.problems[0]?.trimEnd().endsWith(':') === true && r.problems.length > 1;
  const first = heading ? `${r.problems[0]?.trimEnd()} ${r.problems[1]}` : r.problems[0];
  if (first !== undefined) {
    const more = r.problems.length - (heading ? 2 : 1);
    line += ` - ${first}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'}; --json lists them)` : ''}`;
  }
  return escapeHidden(line);
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
export async function loadScenariosFor(io: LogsIo, options: LogsOptions): Promise<{ refs: ScenarioRef[]; library: ScenarioLibrary; archiveDir: string } | null> {
  const dir = options.scenariosDir ?? DEFAULT_DIR;
  const { refs, problems } = await loadCurrentScenarios(dir);
  if (refs.length === 0) {
    io.err(`logs: no scenario in ${dir} loads, so no log can be checked.${problems.length > 0 ? `\n${problems.join('\n')}` : ''}`);
    return null;
  }
  if (problems.length > 0) io.err(`logs: some scenario files do not load (logs made with them are refused):\n${problems.join('\n')}`);
  const archiveDir = path.join(dir, 'archive');
  const library = await archiveFromDir(archiveDir, (line) => io.err(`logs: ${line}`));
  return { refs, library, archiveDir };
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
  const { files } = parsed;
  const workers = options.workers ?? (files.length >= POOL_MIN_FILES ? availableParallelism() : 0);
  // Started first, so that the workers load the verifier while this thread loads the scenarios.
  const pool = workers > 0 ? openVerifyPool(workers, (line) => io.err(`logs: ${line}`)) : null;
  try {
    const scenarios = await loadScenariosFor(io, options);
    if (scenarios === null) return 2;
    let all = true;
    const print = (report: FileReport): void => {
      if (report.status !== 'verified') all = false;
      if (parsed.json) io.out(JSON.stringify(report));
      else for (const line of readableLines(report)) io.out(line);
    };
    pool?.setScenarios(scenarios.refs, scenarios.archiveDir);
    await verifyFiles(files, scenarios, pool, print);
    return all ? 0 : 1;
  } finally {
    await pool?.close();
  }
}

/**
 * What `verify` does with its files once the scenarios are loaded (and what `npm run bench` times):
 * every file's report, in order, each also passed to `onReport` as soon as it is in; verified by
 * `pool` when there is one (handed the same scenarios), else one after another in this thread. The
 * same reports either way.
 */
export async function verifyFiles(
  files: readonly string[],
  scenarios: { refs: readonly ScenarioRef[]; library: ScenarioLibrary },
  pool: VerifyPool | null,
  onReport?: (report: FileReport) => void,
): Promise<FileReport[]> {
  if (pool !== null) return pool.verifyFiles(files, onReport);
  const { refs, library } = scenarios;
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = await verifyFile(file, refs, library);
    onReport?.(report);
    reports.push(report);
  }
  return reports;
}
