/**
 * `npm run logs -- csv [--decisions] FILE...` and `npm run logs -- xapi FILE...`: the review page's
 * exports in Node, with the same core code (verifyLogText, reviewRow, studentsCsv, decisionsCsv,
 * xapiStatements) and the same scenarios and kept texts as `verify`.
 *
 * `csv` writes one row per file (every file, whatever its status, the same log twice flagged as a
 * duplicate), or with `--decisions` one row per decision of every file that replayed (each attempt's
 * own decisions: one it inherits from the attempt it branched from is written once, under that one). `xapi` writes
 * one JSON array of the statements of every verified file. A file that did not verify is named on
 * stderr with its status and first problem. Exit status: 0 when every file verified, 1 when any did
 * not, 2 for a usage error (or when no scenario loads).
 */
import { sha256Hex } from '../core/hash.ts';
import { verifyLogText, type VerifyResult } from '../core/log/verify.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { decisionsCsv, studentsCsv } from '../core/review/csv.ts';
import { markDuplicates, reviewDecisions, reviewRow, unreadableRow } from '../core/review/model.ts';
import type { ReviewDecision, ReviewRow } from '../core/review/types.ts';
import { xapiStatements } from '../core/review/xapi.ts';
import { loadScenariosFor, readLogFile, type LogsIo, type LogsOptions } from './logs-verify.ts';

export const EXPORT_USAGE = `Usage: npm run logs -- csv [--decisions] FILE...
       npm run logs -- xapi FILE...

Verifies decision logs as \`verify\` does, then writes to standard output:

  csv               a spreadsheet (UTF-8 with a byte-order mark), one row per file with its status
  csv --decisions   one row per decision instead: the options not taken and the reason written
  xapi              a JSON array of xAPI 1.0.3 statements for a learning record store (verified files only)

Files that did not verify are named on standard error.
Exit status: 0 when every file verified, 1 when any did not, 2 for a usage error.`;

export type ExportCommand = 'csv' | 'xapi';

type Parsed = { ok: true; command: ExportCommand; decisions: boolean; files: string[] } | { ok: false; help: boolean; problem: string };

/** `csv [--decisions] FILE...` or `xapi FILE...`; everything after `--` is a file. */
export function parseExportArgs(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (command !== 'csv' && command !== 'xapi') return { ok: false, help: false, problem: `unknown command "${String(command)}"` };
  let decisions = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of rest) {
    if (onlyFiles) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--decisions' && command === 'csv') decisions = true;
    else if (arg === '--help' || arg === '-h') return { ok: false, help: true, problem: '' };
    else if (arg.startsWith('-') && arg !== '-') return { ok: false, help: false, problem: `unknown option "${arg}" for ${command}` };
    else files.push(arg);
  }
  if (files.length === 0) return { ok: false, help: false, problem: 'no files given' };
  return { ok: true, command, decisions, files };
}

interface Read {
  row: ReviewRow;
  result: VerifyResult | null;
}

/** The scenario a result was replayed against, when it was. */
function replayedScenario(result: VerifyResult | null): Scenario | null {
  if (result === null || result.replay === undefined) return null;
  return result.ok ? result.scenario.scenario : (result.scenario?.scenario ?? null);
}

/** Writes a whole file to stdout as it is (CRLF kept), or as a line when the caller has no raw writer. */
function write(io: LogsIo, text: string): void {
  if (io.write) io.write(text);
  else io.out(text.replace(/\r\n$/, ''));
}

/** Runs `csv` or `xapi`; resolves to the exit status. */
export async function runExport(args: readonly string[], io: LogsIo, options: LogsOptions = {}): Promise<number> {
  const parsed = parseExportArgs(args);
  if (!parsed.ok) {
    if (parsed.help) {
      io.out(EXPORT_USAGE);
      return 0;
    }
    io.err(`logs: ${parsed.problem}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const scenarios = await loadScenariosFor(io, options);
  if (scenarios === null) return 2;
  const { refs, library } = scenarios;

  const reads: Read[] = [];
  for (const file of parsed.files) {
    const text = await readLogFile(file);
    if (!text.ok) {
      reads.push({ row: unreadableRow(file, text.problem, `file:${file}`), result: null });
      continue;
    }
    const result = await verifyLogText(text.text, refs, { library });
    reads.push({ row: reviewRow(file, result, await sha256Hex(text.text)), result });
  }
  const rows = markDuplicates(reads.map((r) => r.row));
  let all = true;
  rows.forEach((row) => {
    if (row.status === 'verified' && !row.duplicate) return;
    if (row.status !== 'verified') all = false;
    const what = row.status === 'verified' ? 'a duplicate of a file given earlier' : `${row.status.toUpperCase()} - ${row.problems[0] ?? ''}`;
    io.err(`logs: ${row.file}: ${what}`);
  });

  if (parsed.command === 'xapi') {
    const statements = reads.flatMap((r, i) => {
      const scenario = replayedScenario(r.result);
      if (r.result?.status !== 'verified' || rows[i]?.duplicate === true || scenario === null || r.result.log === undefined) return [];
      return xapiStatements({ scenario, log: r.result.log });
    });
    io.out(JSON.stringify(statements, null, 2));
  } else if (parsed.decisions) {
    const items = reads.flatMap((r, i): { row: ReviewRow; decisions: ReviewDecision[] }[] => {
      const scenario = replayedScenario(r.result);
      const log = r.result?.log;
      const row = rows[i];
      if (scenario === null || log === undefined || row === undefined || row.duplicate) return [];
      // Each attempt's own decisions: an inherited one is written once, under the attempt that took it.
      const own = log.attempts.flatMap((attempt, a) => {
        const path = reviewDecisions(scenario, log, a);
        return path.slice(path.length - attempt.entries.length);
      });
      return [{ row, decisions: own }];
    });
    write(io, decisionsCsv(items));
  } else {
    write(io, studentsCsv(rows));
  }
  return all ? 0 : 1;
}
