/**
 * The fast reading of a decision log's structure: the same rules as the zod schema of schema.ts,
 * written out by hand, for the case that matters for speed, a well-formed file. It answers the log
 * exactly as the schema would give it (a copy with the schema's fields in the schema's order), or
 * null for anything else; the caller then asks the schema, which names every problem. So zod is
 * loaded only for a file that has one (the game's first screen does not carry it), and a class's
 * logs are read without building zod's issue lists.
 *
 * Contract, checked by tests/core/log/shape.test.ts: whenever this returns a log, the schema
 * accepts the same input and returns an equal log. Pure; never throws for JSON data.
 */
import { CLAIMS } from '../scenario/vocabulary.ts';
import { LOG_FORMAT, LOG_FORMAT_VERSION, MAX_REASON_CHARS, REASONS_MODES, REWIND_MODES, type Attempt, type AttemptOrigin, type DecisionLog, type LogEntry, type LogHeader, type SealedEntry, type SealedLog } from './format.ts';
import type { Verdict } from '../verdict/summary.ts';
import { MAX_LOG_ENTRIES, scanJson } from './scan.ts';

const HASH = /^[0-9a-f]{64}$/;
const GAME_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
/**
 * zod 4's `z.iso.datetime({ offset: true })` (its regexes.js): a real calendar date (the Gregorian
 * leap years), hours 00-23, minutes and seconds 00-59, seconds required, a fraction allowed, then Z
 * or an offset of at most 23:59. The same rule as a plain pattern and a few comparisons, which is
 * several times faster than zod's one large pattern.
 */
const WALL_PARTS = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:Z|[+-](\d\d):(\d\d))$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isWallTime(v: string): boolean {
  const m = WALL_PARTS.exec(v);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number));
}
// eslint-disable-next-line no-control-regex -- a reason is plain text: control characters are what this refuses
const PLAIN = /^[^\u0000-\u0009\u000b-\u001f\u007f]*$/;
const CLAIM_IDS: ReadonlySet<string> = new Set(CLAIMS);

type Data = Record<string, unknown>;

function isData(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `o` has no field outside `allowed` (a strict object). */
function onlyKeys(o: Data, allowed: ReadonlySet<string>): boolean {
  for (const key in o) if (!allowed.has(key)) return false;
  return true;
}

const whole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
const text = (v: unknown): v is string => typeof v === 'string';
const name = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;
const hash = (v: unknown): v is string => typeof v === 'string' && HASH.test(v);
const wallTime = (v: unknown): v is string => typeof v === 'string' && isWallTime(v);

const HEADER = ['format', 'formatVersion', 'scenario', 'seed', 'variant', 'student', 'createdAt', 'rewind', 'reasons'];
const SEALED_KEYS = new Set([...HEADER, 'attempts', 'head', 'verdict']);
const OPEN_KEYS = new Set([...HEADER, 'attempts']);
const SCENARIO_KEYS = new Set(['id', 'version', 'hash']);
const STUDENT_KEYS = new Set(['label', 'classCode']);
const ATTEMPT_KEYS = new Set(['from', 'startedAt', 'entries']);
const ORIGIN_KEYS = new Set(['attempt', 'seq']);
const OPEN_ENTRY_KEYS = new Set(['seq', 'node', 'choice', 'clock', 'at', 'thinkMs', 'reason']);
const SEALED_ENTRY_KEYS = new Set([...OPEN_ENTRY_KEYS, 'prev', 'hash']);
const VERDICT_KEYS = new Set(['outcome', 'title', 'claims', 'score']);
const CLAIM_KEYS = new Set(['claim', 'stated', 'holds', 'text']);
const SCORE_KEYS = new Set(['points', 'max']);

function header(o: Data): LogHeader | null {
  const { format, formatVersion, scenario, seed, variant, student, createdAt, rewind, reasons } = o;
  if (format !== LOG_FORMAT || formatVersion !== LOG_FORMAT_VERSION) return null;
  if (!isData(scenario) || !onlyKeys(scenario, SCENARIO_KEYS) || !name(scenario['id']) || !whole(scenario['version'], 1) || !name(scenario['hash'])) return null;
  if (!whole(seed, 0) || seed > 0xffffffff || !name(variant)) return null;
  if (!isData(student) || !onlyKeys(student, STUDENT_KEYS) || !name(student['label'])) return null;
  const classCode = student['classCode'];
  if (Object.hasOwn(student, 'classCode') && !text(classCode)) return null;
  if (!wallTime(createdAt) || !(REWIND_MODES as readonly unknown[]).includes(rewind) || !(REASONS_MODES as readonly unknown[]).includes(reasons)) return null;
  return {
    format,
    formatVersion,
    scenario: { id: scenario['id'], version: scenario['version'], hash: scenario['hash'] },
    seed,
    variant,
    student: classCode === undefined ? { label: student['label'] } : { label: student['label'], classCode: classCode as string },
    createdAt,
    rewind: rewind as LogHeader['rewind'],
    reasons: reasons as LogHeader['reasons'],
  };
}

function origin(v: unknown): AttemptOrigin | null | undefined {
  if (v === null) return null;
  if (!isData(v) || !onlyKeys(v, ORIGIN_KEYS) || !whole(v['attempt'], 0) || !whole(v['seq'], 0)) return undefined;
  return { attempt: v['attempt'], seq: v['seq'] };
}

function entry(v: unknown, sealed: boolean): LogEntry | SealedEntry | null {
  if (!isData(v) || !onlyKeys(v, sealed ? SEALED_ENTRY_KEYS : OPEN_ENTRY_KEYS)) return null;
  const { seq, node, choice, clock, at, thinkMs, reason, prev, hash: own } = v;
  if (!whole(seq, 1) || !name(node) || !whole(choice, 0) || typeof clock !== 'string' || !GAME_TIME.test(clock) || !wallTime(at) || !whole(thinkMs, 0)) return null;
  const hasReason = Object.hasOwn(v, 'reason');
  if (hasReason && !(typeof reason === 'string' && reason.length >= 1 && reason.length <= MAX_REASON_CHARS && PLAIN.test(reason))) return null;
  const base: LogEntry = hasReason ? { seq, node, choice, clock, at, thinkMs, reason: reason as string } : { seq, node, choice, clock, at, thinkMs };
  if (!sealed) return base;
  if (!hash(prev) || !hash(own)) return null;
  return { ...base, prev, hash: own };
}

function attempts<E extends LogEntry>(v: unknown, sealed: boolean): Attempt<E>[] | null {
  if (!Array.isArray(v) || v.length < 1) return null;
  const out: Attempt<E>[] = [];
  let total = 0;
  for (const a of v) {
    if (!isData(a) || !onlyKeys(a, ATTEMPT_KEYS)) return null;
    const from = origin(a['from']);
    const list = a['entries'];
    if (from === undefined || !wallTime(a['startedAt']) || !Array.isArray(list)) return null;
    total += list.length;
    if (total > MAX_LOG_ENTRIES) return null;
    const entries: E[] = [];
    for (const e of list) {
      const read = entry(e, sealed);
      if (read === null) return null;
      entries.push(read as E);
    }
    out.push({ from, startedAt: a['startedAt'], entries });
  }
  return out;
}

function verdict(v: unknown): Verdict | null {
  if (!isData(v) || !onlyKeys(v, VERDICT_KEYS)) return null;
  const { outcome, title, claims, score } = v;
  if (!(outcome === null || text(outcome)) || !(title === null || text(title)) || !Array.isArray(claims)) return null;
  if (!isData(score) || !onlyKeys(score, SCORE_KEYS) || !Number.isSafeInteger(score['points']) || !Number.isSafeInteger(score['max'])) return null;
  const read: Verdict['claims'] = [];
  for (const c of claims) {
    if (!isData(c) || !onlyKeys(c, CLAIM_KEYS)) return null;
    const { claim, stated, holds, text: words } = c;
    if (typeof claim !== 'string' || !CLAIM_IDS.has(claim) || typeof stated !== 'boolean' || typeof holds !== 'boolean' || !text(words)) return null;
    read.push({ claim: claim as Verdict['claims'][number]['claim'], stated, holds, text: words });
  }
  return { outcome, title, claims: read, score: { points: score['points'] as number, max: score['max'] as number } };
}

/**
 * A sealed log read from data that `scanJson` has bounded, as `parseScannedSealedLog` would give it;
 * null when the schema must be asked (the data has a problem, or is beyond what this reads).
 */
export function readScannedSealedLog(input: unknown): SealedLog | null {
  if (!isData(input) || !onlyKeys(input, SEALED_KEYS)) return null;
  const head = header(input);
  const list = attempts<SealedEntry>(input['attempts'], true);
  if (head === null || list === null || !hash(input['head'])) return null;
  const log: SealedLog = { ...head, attempts: list, head: input['head'] };
  if (!Object.hasOwn(input, 'verdict')) return log;
  const read = verdict(input['verdict']);
  return read === null ? null : { ...log, verdict: read };
}

/** An open log (an autosave), as `parseOpenLog` would give it; null when the schema must be asked. */
export function readOpenLog(input: unknown): DecisionLog | null {
  if (!isData(input) || !onlyKeys(input, OPEN_KEYS) || scanJson(input) !== null) return null;
  const head = header(input);
  const list = attempts<LogEntry>(input['attempts'], false);
  return head === null || list === null ? null : { ...head, attempts: list };
}
