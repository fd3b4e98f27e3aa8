/**
 * Log format migrations: one function per version step, applied in order until the log is at
 * `LOG_FORMAT_VERSION`. A log from a newer version is refused with a message that says so.
 *
 * Contract for a migration from version n: it receives the parsed JSON of a version-n sealed log
 * and returns a version-(n + 1) sealed log whose hash chain verifies under version n + 1's rules.
 * Since that means re-sealing, a migration must first check the version-n chain itself and refuse
 * a log whose chain is broken (as `edited`, saying where), or an edited old file would be laundered
 * into a valid new one.
 *
 * Autosaves (open logs, no chain) migrate by `migrateOpenLog`. Pure apart from being async.
 */
import { chainProblems } from './chain.ts';
import { LOG_FORMAT_VERSION, type SealedLog } from './format.ts';
import { parseSealedLog } from './schema.ts';
import { genesisHashVersion1Sync, sealLog, unsealLog } from './seal.ts';
import { isOpenLog, OPEN_LOG_PROBLEM, VERSION_1_MODES, version2Fields } from './migrate-open.ts';

export { isOpenLog, migrateOpenLog, OPEN_LOG_PROBLEM, type OpenMigration } from './migrate-open.ts';

export type MigrationResult =
  | { ok: true; log: Record<string, unknown> }
  | {
      ok: false;
      problems: string[];
      /** The old chain is broken: the file was changed after it was sealed. */
      edited?: boolean;
      /** The log as read (in the new version's shape, not re-sealed), when it was well formed. */
      log?: SealedLog;
    };

/** Reads a sealed log of one version and returns it in the next version. */
export type Migration = (log: Record<string, unknown>) => Promise<MigrationResult>;

/**
 * Format 1 to 2: the modes are added as format 1 played (rewind free, reasons optional), the
 * format 1 chain is checked, and the log is sealed again under format 2's rules, keeping its verdict.
 */
export const version1To2: Migration = async (input) => {
  const added = version2Fields(input);
  if (added.length > 0) return { ok: false, problems: added };
  const parsed = parseSealedLog({ ...input, formatVersion: 2, ...VERSION_1_MODES });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  // Format 1: the genesis without modes, and the head the last link's hash alone (its verdict was outside the chain).
  const chain = await chainProblems(parsed.log, { genesisOf: genesisHashVersion1Sync, headOf: (_log, last) => last });
  if (chain.length > 0) return { ok: false, problems: chain, edited: true, log: parsed.log };
  // Format 1 kept the verdict outside its chain, but every format 1 file of a scenario's second or
  // later version was written by the release that always wrote it (only the first release's logs,
  // of version 1, have none): such a file without a verdict had it removed.
  if (parsed.log.verdict === undefined && parsed.log.scenario.version >= 2) {
    return {
      ok: false,
      problems: [
        `This format 1 log of scenario "${parsed.log.scenario.id}" version ${parsed.log.scenario.version} has no verdict, though the game that wrote it ` +
          'always wrote one beside its decisions: the verdict was removed after the log was downloaded.',
      ],
      edited: true,
      log: parsed.log,
    };
  }
  const sealed = await sealLog(unsealLog(parsed.log), parsed.log.verdict);
  return { ok: true, log: sealed as unknown as Record<string, unknown> };
};

/** Migrations keyed by the version they read: `LOG_MIGRATIONS.get(1)` turns 1 into 2. */
export const LOG_MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[1, version1To2]]);

/** A migrated log, with the version it was read in; or why it cannot be read. */
export type MigrateResult =
  | { ok: true; log: Record<string, unknown>; from: number }
  | { ok: false; problems: string[]; edited: boolean; log?: SealedLog };

const newer = (version: number): string =>
  `This log is format version ${version}, made by a newer Circular 938 than this one (which reads versions 1 to ${LOG_FORMAT_VERSION}); ` +
  'open it with the newer version.';

/**
 * Brings a parsed log to the current format version, or says why it cannot. An autosave of any
 * version (an open log: no seal) is refused first with one sentence saying what it is and what the
 * student can do, rather than a missing `prev` and `hash` for every decision. `migrations` is for
 * tests. Never throws for a bad log; a migration that throws is a programmer error and propagates.
 */
export async function migrateLog(
  input: Record<string, unknown>,
  migrations: ReadonlyMap<number, Migration> = LOG_MIGRATIONS,
): Promise<MigrateResult> {
  const version = input['formatVersion'];
  if (isOpenLog(input)) return { ok: false, problems: [OPEN_LOG_PROBLEM], edited: false };
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problems: ['formatVersion: expected a whole number (the version of the log format)'], edited: false };
  }
  if (version > LOG_FORMAT_VERSION) return { ok: false, problems: [newer(version)], edited: false };
  let log = input;
  for (let v = version; v < LOG_FORMAT_VERSION; v++) {
    const migration = migrations.get(v);
    if (!migration) {
      return {
        ok: false,
        problems: [
          `This log is format version ${version}, made by an older Circular 938, and this version cannot convert it ` +
            `(there is no conversion from version ${v}); open it with the version of Circular 938 it was made with.`,
        ],
        edited: false,
      };
    }
    const result = await migration(log);
    if (!result.ok) {
      if (result.edited) return result.log === undefined ? { ok: false, problems: result.problems, edited: true } : { ok: false, problems: result.problems, edited: true, log: result.log };
      // The heading and the first problem are one sentence, so a reader shown only the first line
      // (`logs verify`, a narrow cell) still reads what is wrong.
      const [first = 'it is not a well-formed log', ...rest] = result.problems;
      return { ok: false, problems: [`This log is format version ${version} and cannot be converted to version ${LOG_FORMAT_VERSION}: ${first}`, ...rest], edited: false };
    }
    log = result.log;
  }
  return { ok: true, log, from: version };
}
