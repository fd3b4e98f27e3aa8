/**
 * The migration of an autosave (an open log, without a chain) and what format 1 lacked, apart
 * from the sealed logs' migrations (migrate.ts), which check and re-seal chains and read the schema:
 * resuming a save needs none of that. Pure.
 */
import { LOG_FORMAT_VERSION } from './format.ts';

/** What format 1 did not record, as a format 1 game played: rewinding was never limited, reasons never asked. */
export const VERSION_1_MODES = { rewind: 'free', reasons: 'optional' } as const;

/** Fields format 2 added, which a format 1 file cannot hold. */
export function version2Fields(input: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of [...Object.keys(VERSION_1_MODES), 'play']) {
    if (Object.hasOwn(input, key)) problems.push(`${key}: unexpected field (a format 1 log has no ${key} mode)`);
  }
  const attempts = input['attempts'];
  if (!Array.isArray(attempts)) return problems;
  for (const [a, attempt] of attempts.entries()) {
    const entries = (attempt as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(entries)) continue;
    for (const [i, entry] of entries.entries()) {
      if (entry !== null && typeof entry === 'object' && Object.hasOwn(entry, 'reason')) {
        problems.push(`attempts[${a}].entries[${i}].reason: unexpected field (a format 1 log has no reasons)`);
      }
    }
  }
  return problems;
}

/**
 * What a teacher is told of an autosave handed in as a log. The game keeps an unfinished game in the
 * browser (the save a reload resumes), and offers the sealed log only on the debrief, at an ending.
 */
export const OPEN_LOG_PROBLEM =
  'This file is an unfinished game\u2019s autosave, not a decision log downloaded from the debrief: ask the student to open the game ' +
  'in the same browser, press "Continue your game" on the title, play to an ending and press "Download your decision log" on the debrief.';

/**
 * Whether a file of our format is an open log (an autosave): no `head`, and no decision with the
 * `prev` or `hash` that sealing adds. A sealed log with part of its seal removed keeps the rest,
 * and is read (and refused as edited or malformed) as a sealed log. Pure; reads no deeper than the
 * entries' own fields.
 */
export function isOpenLog(input: Record<string, unknown>): boolean {
  if (Object.hasOwn(input, 'head')) return false;
  const attempts = input['attempts'];
  if (!Array.isArray(attempts)) return false;
  for (const attempt of attempts) {
    const entries = (attempt as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (entry !== null && typeof entry === 'object' && (Object.hasOwn(entry, 'prev') || Object.hasOwn(entry, 'hash'))) return false;
    }
  }
  return true;
}

export type OpenMigration = { ok: true; log: Record<string, unknown> } | { ok: false; why: 'newer' | 'unknown'; detail: string };

/**
 * Brings an autosave (an open log: no chain) to the current format: format 1 gets format 1's modes.
 * The result is still to be parsed and replayed like any save. Pure; never throws.
 */
export function migrateOpenLog(data: Record<string, unknown>): OpenMigration {
  const version = data['formatVersion'];
  if (version === LOG_FORMAT_VERSION) return { ok: true, log: data };
  if (version === 1) {
    const added = version2Fields(data);
    if (added.length > 0) return { ok: false, why: 'unknown', detail: added[0] as string };
    return { ok: true, log: { ...data, formatVersion: 2, ...VERSION_1_MODES } };
  }
  if (typeof version === 'number' && version > LOG_FORMAT_VERSION) return { ok: false, why: 'newer', detail: `format ${version}` };
  return { ok: false, why: 'unknown', detail: `format ${String(version)}` };
}
