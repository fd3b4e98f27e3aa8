/**
 * Reads an autosaved (open, unsealed) decision log back from storage. The save is our own output,
 * but storage can be edited, damaged or left by an earlier version, so everything is checked at
 * this edge: any value at all gives an answer, never an exception, and the work is bounded before
 * anything walks the value (no recursion on a depth the value controls).
 */
import {
  LOG_FORMAT,
  migrateOpenLog,
  readOpenLog,
  replayLog,
  type DecisionLog,
  type LoadedScenario,
  type SessionState,
} from '../core/play.ts';

/** Why a save cannot be resumed by this version. */
export type SaveRefusal = 'damaged' | 'earlier-version' | 'other-version';

export type SaveCheck =
  | { ok: true; log: DecisionLog; session: SessionState }
  | { ok: false; why: SaveRefusal; detail: string };

/** Far above any real save (a whole game with many retries is some tens of kilobytes). */
export const MAX_SAVE_CHARS = 2_000_000;
const MAX_ATTEMPTS = 500;
const MAX_ENTRIES = 20_000;

/** The student's one plain sentence for a save set aside, by why it was. */
export const SET_ASIDE_SENTENCES: Readonly<Record<SaveRefusal, string>> = {
  damaged: 'Your saved game was damaged and cannot be continued; it has been kept for your teacher, and you can start a new game.',
  'earlier-version':
    'Your saved game was made with an earlier version of the game, so it cannot be continued here; your teacher can still read it, and you can start a new game.',
  'other-version':
    'Your saved game was made with a different version of the game, so it cannot be continued here; your teacher can still read it, and you can start a new game.',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

const damaged = (detail: string): SaveCheck => ({ ok: false, why: 'damaged', detail });

/** Cheap bounds on the value's shape before the schema walks it. */
function boundsProblem(data: Record<string, unknown>): string | null {
  const attempts = own(data, 'attempts');
  if (!Array.isArray(attempts)) return 'attempts: expected a list';
  if (attempts.length > MAX_ATTEMPTS) return `attempts: more than ${MAX_ATTEMPTS}`;
  let entries = 0;
  for (const a of attempts) {
    const list = isRecord(a) ? own(a, 'entries') : undefined;
    if (Array.isArray(list)) entries += list.length;
    if (entries > MAX_ENTRIES) return `more than ${MAX_ENTRIES} decisions`;
  }
  return null;
}

/** The strings a player or a file chose, which must be valid Unicode to be sealed and verified later. */
function hasLoneSurrogate(log: DecisionLog): boolean {
  const texts = [log.variant, log.student.label, log.student.classCode ?? '', log.scenario.id];
  for (const a of log.attempts) for (const e of a.entries) texts.push(e.node, e.reason ?? '');
  return texts.some((t) => LONE_SURROGATE.test(t));
}

async function checkUnguarded(value: unknown, loaded: LoadedScenario): Promise<SaveCheck> {
  if (typeof value !== 'string') return damaged('the stored value is not text');
  if (value.length > MAX_SAVE_CHARS) return damaged(`it is longer than ${MAX_SAVE_CHARS} characters`);
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return damaged('it is not valid JSON');
  }
  if (!isRecord(data) || own(data, 'format') !== LOG_FORMAT) return damaged('it is not a Circular 938 save');
  const formatVersion = own(data, 'formatVersion');
  const scenario = own(data, 'scenario');
  const id = isRecord(scenario) ? own(scenario, 'id') : undefined;
  const hash = isRecord(scenario) ? own(scenario, 'hash') : undefined;
  const version = isRecord(scenario) ? own(scenario, 'version') : undefined;
  if (typeof formatVersion !== 'number' || typeof id !== 'string' || typeof hash !== 'string') return damaged('its header is incomplete');
  if (id !== loaded.scenario.id) return damaged('it belongs to another scenario');
  // A save of an earlier format (format 1: no reasons, no modes) is brought up to date; a newer one is refused.
  const migrated = migrateOpenLog(data);
  if (!migrated.ok && migrated.why === 'newer') return { ok: false, why: 'other-version', detail: migrated.detail };
  if (!migrated.ok) return damaged(`its format cannot be read (${migrated.detail})`);
  const earlierText = typeof version === 'number' && version < loaded.scenario.version;
  if (hash !== loaded.hash && !(loaded.scenario.continues ?? []).includes(hash)) {
    return { ok: false, why: earlierText ? 'earlier-version' : 'other-version', detail: `format ${formatVersion}, scenario text ${hash.slice(0, 12)}` };
  }
  const bounds = boundsProblem(migrated.log);
  if (bounds) return damaged(bounds);
  // An intact save is read by hand; zod, which names what is wrong, is loaded only for one that is not.
  const fast = readOpenLog(migrated.log);
  const parsed = fast !== null ? { ok: true as const, log: fast } : (await import('../core/log/schema.ts')).parseOpenLog(migrated.log);
  if (!parsed.ok) return damaged(parsed.problems[0] ?? 'unreadable');
  if (hasLoneSurrogate(parsed.log)) return damaged('it holds text that is not valid Unicode');
  if (hash !== loaded.hash) {
    // A game begun with an earlier text that the current one declares it continues (`continues`: the
    // revision changed no decision, only words, such as the reasons asked in version 3) goes on under
    // the current text; the header names it, since every decision means what it meant.
    const current = { ...parsed.log, scenario: { id: loaded.scenario.id, version: loaded.scenario.version, hash: loaded.hash } };
    const replayed = replayLog(loaded.scenario, current);
    if (!replayed.ok) return { ok: false, why: 'earlier-version', detail: `format ${formatVersion}, scenario text ${hash.slice(0, 12)}` };
    return { ok: true, log: current, session: replayed.state };
  }
  const replayed = replayLog(loaded.scenario, parsed.log);
  if (!replayed.ok) return damaged(`it cannot be replayed: ${replayed.error}`);
  return { ok: true, log: parsed.log, session: replayed.state };
}

/**
 * Checks a stored save (any value: normally its JSON text) against the scenario this version plays,
 * and replays it. Pure apart from loading the schema for a save that needs it; never rejects:
 * whatever the value holds, the answer is a result.
 */
export async function checkSave(value: unknown, loaded: LoadedScenario): Promise<SaveCheck> {
  try {
    return await checkUnguarded(value, loaded);
  } catch (e) {
    // Defence in depth: the checks above are bounded, but a save must never stop the game.
    return damaged(`it could not be read (${e instanceof Error ? e.name : 'error'})`);
  }
}

/** The decisions a checked log holds, over all its attempts. */
export function decisionCount(log: DecisionLog): number {
  let n = 0;
  for (const a of log.attempts) n += a.entries.length;
  return n;
}
