/**
 * Accepting a decision log from a file (design.md §4): a log is accepted only when it is ours,
 * in a format version we read (or can migrate), well formed, made with the same scenario text,
 * its hash chain intact, and every attempt replays through the scenario. Each refusal says what
 * is wrong in words a teacher can act on.
 *
 * Async only because hashing is (WebCrypto); otherwise pure. Never throws for bad input.
 */
import { canonicalJson } from '../hash.ts';
import type { Scenario } from '../scenario/schema.ts';
import { verdictOf } from '../verdict/summary.ts';
import { LOG_FORMAT, type SealedLog } from './format.ts';
import { migrateLog, type Migration } from './migrate.ts';
import { replayLog, type ReplayResult } from './replay.ts';
import { parseSealedLog } from './schema.ts';
import { emptyAttemptHash, entryHash, genesisHash } from './seal.ts';

/** The scenario a log is checked against, with the content hash the loader computed for it. */
export interface ScenarioRef {
  scenario: Scenario;
  hash: string;
}

/** Accepted with the validated log and the replay of its last attempt, or refused with every problem found. */
export type VerifyResult =
  | { ok: true; log: SealedLog; replay: Extract<ReplayResult, { ok: true }> }
  | { ok: false; problems: string[] };

export interface VerifyOptions {
  /** Replaces the migration registry (for tests). */
  migrations?: ReadonlyMap<number, Migration>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const short = (hash: string): string => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);

/** Problems with the scenario the log names, or none. */
export function scenarioProblems(log: SealedLog, ref: ScenarioRef): string[] {
  const { id, version } = ref.scenario;
  const named = log.scenario;
  if (named.id !== id) {
    return [`This log is for scenario "${named.id}" (version ${named.version}), but the scenario open is "${id}" (version ${version}); open it with scenario "${named.id}".`];
  }
  if (named.version !== version) {
    return [`This log was made with version ${named.version} of scenario "${id}", but the scenario open is version ${version}; open it with the version of the game it was made with.`];
  }
  if (named.hash !== ref.hash) {
    return [
      `This log was made with a different text of scenario "${id}" version ${version} (log ${short(named.hash)}, scenario ${short(ref.hash)}); ` +
        'open it with the copy of the game it was made with.',
    ];
  }
  return [];
}

/**
 * The first break in the hash chain, or none: which entry first fails, or that the file was
 * truncated when only the head does not match.
 */
export async function chainProblems(log: SealedLog): Promise<string[]> {
  let prev = await genesisHash(log);
  for (const [a, attempt] of log.attempts.entries()) {
    for (const [i, entry] of attempt.entries.entries()) {
      const where = `The hash chain breaks at attempt ${a} entry ${i}`;
      if (entry.prev !== prev) {
        const before = a === 0 && i === 0 ? 'the header (student, seed, variant, scenario or dates)' : 'an earlier entry or attempt';
        return [`${where}: it does not follow from what comes before it; ${before} or this entry was changed after the log was sealed.`];
      }
      const hash = await entryHash(entry, prev, a, attempt);
      if (entry.hash !== hash) return [`${where}: this entry was changed after the log was sealed.`];
      prev = hash;
    }
    if (attempt.entries.length === 0) prev = await emptyAttemptHash(prev, a, attempt);
  }
  if (log.head !== prev) {
    return ['The log does not end where it was sealed (its head hash does not match its last entry): the file was truncated or its end was changed.'];
  }
  return [];
}

/**
 * Verifies a parsed log file against a scenario: ours, format version (migrating older ones),
 * structure (every problem with its JSON path), scenario id/version/hash, hash chain, and replay of
 * every attempt. On success returns the log and the replay of its last attempt. Never rejects for
 * bad input; rejects only if WebCrypto is missing or a migration throws (programmer errors).
 */
export async function verifyLog(input: unknown, ref: ScenarioRef, options: VerifyOptions = {}): Promise<VerifyResult> {
  if (!isRecord(input)) return { ok: false, problems: ['This file is not a Circular 938 decision log (it is not a JSON object).'] };
  const format = input['format'];
  if (format !== LOG_FORMAT) {
    const what = typeof format === 'string' ? `its format is "${format}"` : 'it has no "format" field';
    return { ok: false, problems: [`This file is not a Circular 938 decision log (${what}, expected "${LOG_FORMAT}").`] };
  }
  const migrated = await migrateLog(input, options.migrations);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };

  const parsed = parseSealedLog(migrated.log);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const log = parsed.log;

  const problems = [...scenarioProblems(log, ref), ...(await chainProblems(log))];
  if (problems.length > 0) return { ok: false, problems };

  let last: ReplayResult | null = null;
  for (const a of log.attempts.keys()) {
    const replay = replayLog(ref.scenario, log, { attempt: a });
    if (!replay.ok) problems.push(`The log does not replay: ${replay.error}.`);
    last = replay;
  }
  if (problems.length > 0 || !last?.ok) return { ok: false, problems };
  if (log.verdict !== undefined) {
    const replayed = verdictOf(ref.scenario, last.state);
    if (canonicalJson(log.verdict) !== canonicalJson(replayed)) {
      const said = `${log.verdict.title ?? 'no ending'}, ${log.verdict.score.points}/${log.verdict.score.max}`;
      const is = `${replayed.title ?? 'no ending'}, ${replayed.score.points}/${replayed.score.max}`;
      return { ok: false, problems: [`The verdict written in the file (${said}) is not what its decisions lead to (${is}): the file was changed after it was downloaded.`] };
    }
  }
  return { ok: true, log, replay: last };
}

/**
 * `verifyLog` over the text of a file; a file that is not JSON (often one cut off while copying)
 * is refused with a message saying so.
 */
export async function verifyLogText(text: string, ref: ScenarioRef, options: VerifyOptions = {}): Promise<VerifyResult> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['This file is not a Circular 938 decision log: it is not valid JSON (it may have been cut off or edited).'] };
  }
  return verifyLog(input, ref, options);
}
