/**
 * Accepting a decision log from a file (design.md §4): a log is accepted only when it is ours,
 * in a format version we read (or can migrate), well formed, its hash chain intact, made with a
 * scenario text we have (the current one or a kept one, see library.ts), and every attempt replays
 * through that text. Each refusal says what is wrong in words a teacher can act on.
 *
 * Every answer is one of four statuses: `verified`; `edited` (the hash chain or the verdict does not
 * match: the file was changed after it was sealed); `scenario-changed` (made with a scenario text
 * that is no longer kept: replayed against the current text instead, as far as it goes); `refused`
 * (not a log, unreadable, too large, a newer format, or it does not replay).
 *
 * Bounded work: the text is refused over `MAX_LOG_CHARS`, scanned before JSON.parse unless it is
 * short (`readLogText`), the parsed data is bounded by `scanJson` (or by the reading of a well-formed
 * log, which keeps the same bounds) before anything else walks it, nothing recurses on a depth the
 * file controls, and each attempt's decisions are replayed once. Async because hashing, a migration
 * or a library lookup is; otherwise pure. Never throws and never rejects: an unexpected error (a
 * bug, a migration that throws) becomes a refusal that says so.
 */
import { lookup } from '../engine/lookup.ts';
import { verdictOf, type Verdict } from '../verdict/summary.ts';
import { LOG_FORMAT, LOG_FORMAT_VERSION, type AttemptOrigin, type SealedLog } from './format.ts';
import { modeProblems } from './modes.ts';
import type { ScenarioLibrary, ScenarioRef } from './library.ts';
import { migrateLog, type Migration } from './migrate.ts';
import { replayAttempts, type ReplayResult } from './replay.ts';
import { MAX_PROBLEMS, parseScannedSealedLog, parseSealedLog } from './schema.ts';
import { sameVerdict } from './seal.ts';
import { colonsOfEntryHashes, colonsOfLogText, entryHashesAreHashes, readScannedSealedLog, readSealedLogJson } from './shape.ts';
import { scanJson, scanJsonText } from './scan.ts';
import { chainProblems } from './chain.ts';

export type { ScenarioLibrary, ScenarioRef } from './library.ts';
export { chainProblems } from './chain.ts';

/** The largest file the verifier reads: 5 MB of text. A real log is a few kilobytes. */
export const MAX_LOG_CHARS = 5 * 1024 * 1024;

export type VerifyStatus = 'verified' | 'scenario-changed' | 'edited' | 'refused';

type ReplayOk = Extract<ReplayResult, { ok: true }>;

/** One attempt as a teacher reads it: where it branched from, how far it went and how it ended. */
export interface AttemptSummary {
  index: number;
  from: AttemptOrigin | null;
  /** Decisions of its own (after the ones it shares with the attempt it branched from). */
  decisions: number;
  /** The node it stands at. */
  node: string;
  /** The ending's title, or null for an attempt left before an ending. */
  ending: string | null;
}

/** What a replay found: the last attempt's states, whether it reached an ending, and the verdict there. */
export interface ReplayReport {
  replay: ReplayOk;
  /** Every attempt, in file order. */
  attempts: AttemptSummary[];
  /** Whether the last attempt's replay stands at an ending; false for a game stopped (or cut) short. */
  finished: boolean;
  verdict: Verdict;
}

/** Accepted: the validated log, the text it was checked against and the replay of its last attempt. */
export interface Verified extends ReplayReport {
  ok: true;
  status: 'verified';
  log: SealedLog;
  /** The scenario text the log was made with: the current one or a kept one. */
  scenario: ScenarioRef;
  /** True when the log was made with a kept text and a newer text of the scenario is played now. */
  newerText: boolean;
  /** Plain sentences for the reader: an unfinished game, a newer text, a converted format. */
  notes: string[];
  /** The format version the file was written in (older ones are converted before checking). */
  formatRead: number;
}

/**
 * Not accepted, with every problem found (at most about `MAX_PROBLEMS`). `log` is there once the
 * file was well formed; a `scenario-changed` log that replays against the current text also
 * carries that replay, for what it is worth.
 */
export interface NotVerified extends Partial<ReplayReport> {
  ok: false;
  status: Exclude<VerifyStatus, 'verified'>;
  problems: string[];
  log?: SealedLog;
  /** For `scenario-changed`: the current text the log was replayed against. */
  scenario?: ScenarioRef;
  /** For `scenario-changed`: the format version the file was written in. */
  formatRead?: number;
}

export type VerifyResult = Verified | NotVerified;

export interface VerifyOptions {
  /** Replaces the migration registry (for tests). */
  migrations?: ReadonlyMap<number, Migration>;
  /** Kept earlier scenario texts, asked only when a log names a text that is not current. */
  library?: ScenarioLibrary;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const short = (hash: string): string => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);
/** A value from the file, quoted and cut short for a message. */
const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

const refuse = (status: NotVerified['status'], problems: string[], log?: SealedLog): NotVerified =>
  log === undefined ? { ok: false, status, problems } : { ok: false, status, problems, log };

/**
 * Why a log cannot be checked against the current scenarios (`current`, never empty): another
 * scenario, another version or another text of the same one. Empty when the log names a current text.
 */
export function scenarioProblems(log: SealedLog, current: ScenarioRef | readonly ScenarioRef[]): string[] {
  const refs = Array.isArray(current) ? current : [current as ScenarioRef];
  const named = log.scenario;
  const same = refs.find((r) => r.scenario.id === named.id);
  if (!same) {
    const open = refs.map((r) => `"${r.scenario.id}" (version ${r.scenario.version})`).join(', ');
    return [`This log is for scenario ${quote(named.id)} (version ${named.version}), but the scenario open is ${open}; open it with scenario ${quote(named.id)}.`];
  }
  const { version } = same.scenario;
  if (named.version !== version) {
    return [
      `This log was made with version ${named.version} of scenario "${same.scenario.id}" (text ${short(named.hash)}), which this copy of Circular 938 does not keep; ` +
        `the scenario open is version ${version}.`,
    ];
  }
  if (named.hash !== same.hash) {
    return [
      `This log was made with a different text of scenario "${same.scenario.id}" version ${version} (log ${short(named.hash)}, scenario ${short(same.hash)}), ` +
        'which this copy of Circular 938 does not keep.',
    ];
  }
  return [];
}

/** Whether `ref` is the text `named` names. */
function isNamed(ref: ScenarioRef, named: SealedLog['scenario']): boolean {
  return ref.scenario.id === named.id && ref.scenario.version === named.version && ref.hash === named.hash;
}

/** The scenario text a log names, among the current ones and then the kept ones. */
async function findText(
  log: SealedLog,
  current: readonly ScenarioRef[],
  library: ScenarioLibrary | undefined,
): Promise<{ ref: ScenarioRef; newer: ScenarioRef | null } | null> {
  const named = log.scenario;
  // A loop, not find() with a closure: this runs once for every file verified.
  for (const ref of current) if (isNamed(ref, named)) return { ref, newer: null };
  const kept = library === undefined ? null : await library(named.id, named.hash);
  if (kept === null || !isNamed(kept, named)) return null;
  return { ref: kept, newer: current.find((r) => r.scenario.id === named.id) ?? null };
}

/** Replays every attempt; the problems (one per distinct error, at most `MAX_PROBLEMS`) or the report. */
function replayAll(ref: ScenarioRef, log: SealedLog): { problems: string[]; report: ReplayReport | null } {
  const { errors, finals, last } = replayAttempts(ref.scenario, log);
  const distinct = [...new Set(errors.filter((e): e is string => e !== null))];
  const problems = distinct.slice(0, MAX_PROBLEMS).map((e) => `The log does not replay: ${e}.`);
  if (distinct.length > MAX_PROBLEMS) problems.push(`(more problems not listed: only the first ${MAX_PROBLEMS} are shown)`);
  if (!last.ok) return { problems: problems.length > 0 ? problems : [`The log does not replay: ${last.error}.`], report: null };
  const finished = lookup(ref.scenario.nodes, last.state.node)?.ending !== undefined;
  const attempts = log.attempts.map((attempt, index): AttemptSummary => {
    const state = finals[index] ?? null;
    const node = state?.node ?? '';
    return { index, from: attempt.from, decisions: attempt.entries.length, node, ending: lookup(ref.scenario.nodes, node)?.ending?.title ?? null };
  });
  return { problems, report: { replay: last, attempts, finished, verdict: verdictOf(ref.scenario, last.state) } };
}

function describeVerdict(verdict: Verdict): string {
  return `${verdict.title ?? 'no ending'}, ${verdict.score.points}/${verdict.score.max}`;
}

/**
 * A log read by hand (`readLogText`) with its chain checked, as `readChecked` would give it; null
 * when the chain breaks where an entry's prev or hash is not a hash at all, which the schema names.
 */
async function chainChecked(log: SealedLog): Promise<{ log: SealedLog; chain: string[]; from: number } | null> {
  const chain = await chainProblems(log);
  // A chain that holds has compared every entry's prev and hash with a digest; a broken one leaves them to check.
  if (chain.length > 0 && !entryHashesAreHashes(log)) return null;
  return { log, chain, from: LOG_FORMAT_VERSION };
}

/** A parsed log bounded, migrated, read and its chain checked; or the refusal that stops it. */
async function readChecked(input: Record<string, unknown>, options: VerifyOptions): Promise<{ log: SealedLog; chain: string[]; from: number } | NotVerified> {
  const bounds = scanJson(input);
  if (bounds !== null) return refuse('refused', [`This decision log cannot be read: ${bounds}`]);
  const migrated = await migrateLog(input, options.migrations);
  if (!migrated.ok) return refuse(migrated.edited ? 'edited' : 'refused', migrated.problems, migrated.log);
  // The scanned input itself when no migration ran; a migrated log is new data, so it is scanned again.
  // A well-formed log is read by hand (shape.ts); the schema is asked for one that is not, and names every problem.
  const fast = migrated.log === input ? readScannedSealedLog(input) : null;
  const parsed = fast !== null ? { ok: true as const, log: fast } : migrated.log === input ? parseScannedSealedLog(input) : parseSealedLog(migrated.log);
  if (!parsed.ok) return refuse('refused', parsed.problems);
  return { log: parsed.log, chain: await chainProblems(parsed.log), from: migrated.from };
}

/** `read`: the input as `readLogText` read it from a file, or null when it is to be read here. */
async function verifyParsed(input: unknown, current: readonly ScenarioRef[], options: VerifyOptions, read: SealedLog | null): Promise<VerifyResult> {
  if (!isRecord(input)) return refuse('refused', ['This file is not a Circular 938 decision log (it is not a JSON object).']);
  const format = input['format'];
  if (format !== LOG_FORMAT) {
    const what = typeof format === 'string' ? `its format is ${quote(format)}` : 'it has no "format" field';
    return refuse('refused', [`This file is not a Circular 938 decision log (${what}, expected "${LOG_FORMAT}").`]);
  }
  const checked = (read === null ? null : await chainChecked(read)) ?? (await readChecked(input, options));
  if ('ok' in checked) return checked;
  const { log, chain, from: formatRead } = checked;
  if (chain.length > 0) return refuse('edited', chain, log);

  const found = await findText(log, current, options.library);
  if (found === null) {
    const problems = scenarioProblems(log, current);
    const now = current.find((r) => r.scenario.id === log.scenario.id);
    if (!now) return refuse('refused', problems, log);
    // A text that was never kept: replay against the current one, for what it shows, and say so.
    const { problems: replay, report } = replayAll(now, log);
    const warning = report !== null && replay.length === 0
      ? `It was replayed against the current text (version ${now.scenario.version}) instead: the decisions still fit, but the ending and score may not be what the student saw.`
      : `Against the current text (version ${now.scenario.version}) it does not replay, which is expected when the scenario changed.`;
    const result: NotVerified = {
      ok: false, status: 'scenario-changed', problems: [...problems, warning, ...replay], log, scenario: now, formatRead,
    };
    return report === null ? result : { ...result, ...report };
  }

  const { ref, newer } = found;
  const { problems, report } = replayAll(ref, log);
  if (problems.length > 0 || report === null) return refuse('refused', problems, log);
  const modes = modeProblems(ref.scenario, log);
  if (modes.length > 0) return refuse('refused', modes, log);
  const notes: string[] = [];
  if (log.verdict !== undefined && !sameVerdict(log.verdict, report.verdict)) {
    // Scored by the game's earlier rule (rubric/grade.ts, `Scoring`): the student's file, not an edited one.
    if (sameVerdict(log.verdict, verdictOf(ref.scenario, report.replay.state, 'latest-precedence'))) {
      notes.push(
        `The score written in this file (${log.verdict.score.points}/${log.verdict.score.max}) was reckoned by an earlier version of the game, ` +
          'which counted a report sent ROUTINE before the press conference as on time because it was repeated at a higher precedence after it. ' +
          `Scored as the game scores it now: ${report.verdict.score.points}/${report.verdict.score.max}. The file itself was not changed.`,
      );
    } else {
      return refuse('edited', [
        `The verdict written in the file (${describeVerdict(log.verdict)}) is not what its decisions lead to (${describeVerdict(report.verdict)}): ` +
          'the file was changed after it was downloaded.',
      ], log);
    }
  }
  if (!report.finished) {
    notes.push(
      `This log is unfinished: its last attempt stops at "${report.replay.state.node}" before an ending ` +
        '(the game was not played to the end, or the end of the file was cut off).',
    );
  }
  const newerText = newer !== null && newer.hash !== ref.hash;
  if (newerText) {
    notes.push(
      `This log was made with an earlier text of scenario "${ref.scenario.id}" (version ${ref.scenario.version}, ${short(ref.hash)}), kept for checking ` +
        `old logs; it was checked against that text. A newer text (version ${newer.scenario.version}) is played now.`,
    );
  }
  if (formatRead < log.formatVersion) {
    notes.push(
      `This log was written in format ${formatRead}, before the game recorded reasons and rewind modes; ` +
        `it was checked in that format and converted to format ${log.formatVersion}.`,
    );
  }
  const { replay, attempts, finished, verdict } = report;
  return { ok: true, status: 'verified', log, scenario: ref, newerText, notes, formatRead, replay, attempts, finished, verdict };
}

/**
 * Verifies a parsed log file against the current scenario (or the current scenarios, one per id):
 * ours, format version (migrating older ones), bounds, structure (every problem with its JSON path,
 * at most about 20), hash chain, scenario text (current, else kept in `options.library`), and
 * replay of every attempt. On success returns the log, the replay of its last attempt and whether
 * it reached an ending. Never rejects.
 */
export function verifyLog(
  input: unknown,
  current: ScenarioRef | readonly ScenarioRef[],
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  return verifyInput(input, current, options, null);
}

async function verifyInput(input: unknown, current: ScenarioRef | readonly ScenarioRef[], options: VerifyOptions, read: SealedLog | null): Promise<VerifyResult> {
  const refs = Array.isArray(current) ? (current as readonly ScenarioRef[]) : [current as ScenarioRef];
  try {
    if (refs.length === 0) return refuse('refused', ['There is no scenario to check this log against.']);
    return await verifyParsed(input, refs, options, read);
  } catch (error) {
    const why = error instanceof Error ? `${error.name}: ${error.message}` : 'an unexpected error';
    return refuse('refused', [`This file could not be checked (${why.slice(0, 200)}).`]);
  }
}

/**
 * `verifyLog` over the text of a file. A text over `MAX_LOG_CHARS` is refused before it is read;
 * a leading byte-order mark is skipped; a file that is not JSON (often one cut off while copying)
 * is refused with a message saying so. Never rejects.
 */
export async function verifyLogText(
  text: string,
  current: ScenarioRef | readonly ScenarioRef[],
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  if (typeof text !== 'string') return refuse('refused', ['This file is not a Circular 938 decision log (it is not text).']);
  if (text.length > MAX_LOG_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return refuse('refused', [`This file is ${mb} MB, larger than any decision log (at most 5 MB are read); it is not a log from the game.`]);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const fast = readLogText(body);
  if (fast !== null) return verifyInput(fast.input, current, options, fast.log);
  const bounds = scanJsonText(body);
  if (bounds !== null) return refuse('refused', [`This decision log cannot be read: ${bounds}`]);
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return refuse('refused', ['This file is not a Circular 938 decision log: it is not valid JSON (it may have been cut off or edited).']);
  }
  return verifyInput(input, current, options, null);
}

/**
 * A text may be parsed before it is scanned when JSON.parse is cheap on it whatever it holds: it is
 * short, and has few lists and objects (deep nesting is what slows JSON.parse most) and few fields.
 * A real log of up to a few hundred decisions is well inside all three.
 */
const PARSE_FIRST = { chars: 128 * 1024, containers: 2_000, colons: 8_000 } as const;

/**
 * The case that matters for speed, a file that holds a well-formed log of the current format:
 * parsed and read by hand (shape.ts), without the text scan, which would find nothing. The scan is
 * there so that JSON.parse is never handed a deep or huge text; `PARSE_FIRST` bounds what it is
 * handed here. The text nests as deep and lists as many items as its data, which the reading
 * bounds, unless it writes a field twice (JSON.parse keeps the last): its colons show that it does
 * not, one for each field and those of its texts, none hidden in a \u003a escape. Null when the
 * scan, then the reading with its messages, must answer.
 */
function readLogText(body: string): { input: Record<string, unknown>; log: SealedLog } | null {
  if (body.length > PARSE_FIRST.chars || body.includes('\\u003')) return null;
  if (countUpTo(body, '{', PARSE_FIRST.containers) + countUpTo(body, '[', PARSE_FIRST.containers) > PARSE_FIRST.containers) return null;
  const colons = countUpTo(body, ':', PARSE_FIRST.colons);
  if (colons > PARSE_FIRST.colons) return null;
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return null;
  }
  const log = readSealedLogJson(input);
  if (log === null) return null;
  // The text has at least the colons its data writes; when it has no more than those outside the entries'
  // hashes, it has none inside them either and writes no field twice, and the hashes need not be read.
  const written = colonsOfLogText(log, false);
  return colons === written || colons === written + colonsOfEntryHashes(log) ? { input: input as Record<string, unknown>, log } : null;
}

/** How many times `char` is in `text`, counting no further than one past `limit`. */
function countUpTo(text: string, char: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1 && n <= limit; i = text.indexOf(char, i + 1)) n++;
  return n;
}
