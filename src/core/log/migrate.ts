/**
 * Log format migrations: one function per version step, applied in order until the log is at
 * `LOG_FORMAT_VERSION`. A log from a newer version is refused with a message that says so.
 *
 * Contract for a migration from version n: it receives the parsed JSON of a version-n sealed log
 * and returns a version-(n + 1) sealed log whose hash chain verifies under version n + 1's rules.
 * Since that means re-sealing, a migration must first check the version-n chain itself and refuse
 * a log whose chain is broken, or an edited old file would be laundered into a valid new one.
 *
 * There is only version 1 so far, so the registry is empty. Pure apart from being async.
 */
import { LOG_FORMAT_VERSION } from './format.ts';

export type MigrationResult = { ok: true; log: Record<string, unknown> } | { ok: false; problem: string };

/** Reads a sealed log of one version and returns it in the next version. */
export type Migration = (log: Record<string, unknown>) => Promise<MigrationResult>;

/** Migrations keyed by the version they read: `LOG_MIGRATIONS.get(1)` would turn 1 into 2. */
export const LOG_MIGRATIONS: ReadonlyMap<number, Migration> = new Map();

/**
 * Brings a parsed log to the current format version, or says why it cannot. `migrations` is for
 * tests. Never throws for a bad log; a migration that throws is a programmer error and propagates.
 */
export async function migrateLog(
  input: Record<string, unknown>,
  migrations: ReadonlyMap<number, Migration> = LOG_MIGRATIONS,
): Promise<MigrationResult> {
  const version = input['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problem: 'formatVersion: expected a whole number (the version of the log format)' };
  }
  if (version > LOG_FORMAT_VERSION) {
    return {
      ok: false,
      problem:
        `This log is format version ${version}, made by a newer Circular 938 than this one (which reads version ${LOG_FORMAT_VERSION}); ` +
        'open it with the newer version.',
    };
  }
  let log = input;
  for (let v = version; v < LOG_FORMAT_VERSION; v++) {
    const migration = migrations.get(v);
    if (!migration) {
      return {
        ok: false,
        problem:
          `This log is format version ${version}, made by an older Circular 938, and this version cannot convert it ` +
          `(there is no conversion from version ${v}); open it with the version of Circular 938 it was made with.`,
      };
    }
    const result = await migration(log);
    if (!result.ok) return { ok: false, problem: `This log is format version ${version}; converting it failed: ${result.problem}` };
    log = result.log;
  }
  return { ok: true, log };
}
