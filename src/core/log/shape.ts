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
import { LOG_FORMAT, LOG_FORMAT_VERSION, MAX_REASON_CHARS, PLAY_MODES, REASONS_MODES, REWIND_MODES, type Attempt, type AttemptOrigin, type DecisionLog, type LogEntry, type LogHeader, type PlayMode, type SealedEntry, type SealedLog } from './format.ts';
import type { Verdict } from '../verdict/summary.ts';
import { isBoundedText, LOG_LIMITS, MAX_LOG_ENTRIES, scanJson } from './scan.ts';

const HASH = /^[0-9a-f]{64}$/;
const GAME_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
/**
 * zod 4's `z.iso.datetime({ offset: true })` (its regexes.js): a real calendar date (the Gregorian
 * leap years), hours 00-23, minutes and seconds 00-59, seconds required, a fraction allowed, then Z
 * or an offset of at most 23:59. The same rule as a plain pattern and a few comparisons, which is
 * several times faster than zod's one large pattern.
 */
const WALL_PARTS = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:Z|[+-](\d\d):(\d\d))$/;
/** The common case of that rule in one test: UTC, on a day of the month that every month has (up to 28). */
const UTC_EARLY_IN_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isWallTime(v: string): boolean {
  if (UTC_EARLY_IN_MONTH.test(v)) return true;
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
/** PLAIN with no surrogate either, which also keeps a text within the scan's Unicode rule: most reasons, in one test. */
// eslint-disable-next-line no-control-regex -- as PLAIN
const PLAIN_BMP = /^[^\u0000-\u0009\u000b-\u001f\u007f\ud800-\udfff]*$/;

/** A reason's text rule: plain text of 1 to MAX_REASON_CHARS characters, within the scan's bounds when the reading keeps them. */
function isReason(r: Reading, v: string): boolean {
  if (v.length < 1 || v.length > MAX_REASON_CHARS) return false;
  if (PLAIN_BMP.test(v)) return !r.bounded || v.length <= LOG_LIMITS.maxStringChars;
  return PLAIN.test(v) && text(r, v);
}
const CLAIM_IDS: ReadonlySet<string> = new Set(CLAIMS);

type Data = Record<string, unknown>;

function isData(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The number of fields of `o`, or -1 when one is outside `allowed` (a strict object). */
function fieldsWithin(o: Data, allowed: ReadonlySet<string>): number {
  let n = 0;
  for (const key in o) {
    if (!allowed.has(key)) return -1;
    n++;
  }
  return n;
}

/**
 * The number of fields of `o` when they come in `order` (some of it left out), else -1. Such an
 * object, once its values are checked, is already what the schema gives (its fields, in its order),
 * so it is taken as it is rather than copied: a file the game wrote is in that order throughout, and
 * a class's logs hold a great many entries.
 */
function fieldsInOrder(o: Data, order: readonly string[]): number {
  let n = 0;
  let j = 0;
  for (const key in o) {
    while (j < order.length && order[j] !== key) j++;
    if (j === order.length) return -1;
    j++;
    n++;
  }
  return n;
}


/**
 * How a reading goes beyond the schema's rules. `bounded`: data JSON.parse gave, which has not been
 * through `scanJson`, so the reading also keeps the scan's bounds (the parts the shape does not fix
 * already: free text, list lengths, the count of values). `entryHashes`: whether each entry's `prev`
 * and `hash` is checked to be a hash here (else the caller checks it, see `readSealedLogJson`).
 */
interface Reading {
  bounded: boolean;
  entryHashes: boolean;
  /** Values seen so far (as `scanJson` counts them), when bounded. */
  values: number;
}

const whole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
const hash = (v: unknown): v is string => typeof v === 'string' && HASH.test(v);
const wallTime = (r: Reading, v: unknown): v is string => typeof v === 'string' && (!r.bounded || v.length <= LOG_LIMITS.maxStringChars) && isWallTime(v);
/** Free text: any string, within the scan's bounds when the reading keeps them. */
const text = (r: Reading, v: unknown): v is string => typeof v === 'string' && (!r.bounded || isBoundedText(v));
const name = (r: Reading, v: unknown): v is string => typeof v === 'string' && v.length >= 1 && (!r.bounded || isBoundedText(v));
/**
 * Counts an object's fields (`fieldsWithin`, -1 for one outside the shape) as `scanJson` counts
 * values; false for a field outside the shape, or once there are more values than the scan allows.
 */
function counted(r: Reading, values: number): boolean {
  if (values < 0) return false;
  if (!r.bounded) return true;
  r.values += values;
  return r.values <= LOG_LIMITS.maxNodes;
}

/** `counted` for the items of a list, which the scan also bounds one list at a time. */
const countedList = (r: Reading, list: readonly unknown[]): boolean => counted(r, list.length) && (!r.bounded || list.length <= LOG_LIMITS.maxItems);

const HEADER = ['format', 'formatVersion', 'scenario', 'seed', 'variant', 'student', 'createdAt', 'rewind', 'reasons', 'play'];
const SEALED_KEYS = new Set([...HEADER, 'attempts', 'head', 'verdict']);
const OPEN_KEYS = new Set([...HEADER, 'attempts']);
const SCENARIO_KEYS = new Set(['id', 'version', 'hash']);
const STUDENT_KEYS = new Set(['label', 'classCode']);
const ATTEMPT_ORDER = ['from', 'startedAt', 'entries'];
const ATTEMPT_KEYS = new Set(ATTEMPT_ORDER);
const ORIGIN_KEYS = new Set(['attempt', 'seq']);
const OPEN_ENTRY_ORDER = ['seq', 'node', 'choice', 'clock', 'at', 'thinkMs', 'reason'];
const SEALED_ENTRY_ORDER = [...OPEN_ENTRY_ORDER, 'prev', 'hash'];
const OPEN_ENTRY_KEYS = new Set(OPEN_ENTRY_ORDER);
const SEALED_ENTRY_KEYS = new Set(SEALED_ENTRY_ORDER);
const VERDICT_KEYS = new Set(['outcome', 'title', 'claims', 'score']);
const CLAIM_KEYS = new Set(['claim', 'stated', 'holds', 'text']);
const SCORE_KEYS = new Set(['points', 'max']);
/** How deep a sealed log nests (the log, attempts, an attempt, its entries, an entry) and its widest object. */
const LOG_DEPTH = 5;
const WIDEST = SEALED_KEYS.size;

function header(r: Reading, o: Data): LogHeader | null {
  const { format, formatVersion, scenario, seed, variant, student, createdAt, rewind, reasons, play } = o;
  if (format !== LOG_FORMAT || formatVersion !== LOG_FORMAT_VERSION) return null;
  if (!isData(scenario) || !counted(r, fieldsWithin(scenario, SCENARIO_KEYS))) return null;
  if (!name(r, scenario['id']) || !whole(scenario['version'], 1) || !name(r, scenario['hash'])) return null;
  if (!whole(seed, 0) || seed > 0xffffffff || !name(r, variant)) return null;
  if (!isData(student) || !counted(r, fieldsWithin(student, STUDENT_KEYS)) || !name(r, student['label'])) return null;
  const classCode = student['classCode'];
  if (Object.hasOwn(student, 'classCode') && !text(r, classCode)) return null;
  if (!wallTime(r, createdAt) || !(REWIND_MODES as readonly unknown[]).includes(rewind) || !(REASONS_MODES as readonly unknown[]).includes(reasons)) return null;
  const hasPlay = Object.hasOwn(o, 'play');
  if (hasPlay && !(PLAY_MODES as readonly unknown[]).includes(play)) return null;
  const head: LogHeader = {
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
  if (hasPlay) head.play = play as PlayMode;
  return head;
}

function origin(r: Reading, v: unknown): AttemptOrigin | null | undefined {
  if (v === null) return null;
  if (!isData(v) || !counted(r, fieldsWithin(v, ORIGIN_KEYS)) || !whole(v['attempt'], 0) || !whole(v['seq'], 0)) return undefined;
  return { attempt: v['attempt'], seq: v['seq'] };
}

// An entry whose fields are in the schema's order is taken as it is (fieldsInOrder); any other is
// built as a literal, never as a spread with fields added: V8 makes those several times slower.
function entry(r: Reading, v: unknown, sealed: boolean): LogEntry | SealedEntry | null {
  if (!isData(v)) return null;
  const inOrder = fieldsInOrder(v, sealed ? SEALED_ENTRY_ORDER : OPEN_ENTRY_ORDER);
  if (!counted(r, inOrder >= 0 ? inOrder : fieldsWithin(v, sealed ? SEALED_ENTRY_KEYS : OPEN_ENTRY_KEYS))) return null;
  const { seq, node, choice, clock, at, thinkMs, reason, prev, hash: own } = v;
  if (!whole(seq, 1) || !name(r, node) || !whole(choice, 0) || typeof clock !== 'string' || !GAME_TIME.test(clock) || !wallTime(r, at) || !whole(thinkMs, 0)) return null;
  const hasReason = Object.hasOwn(v, 'reason');
  if (hasReason && !(typeof reason === 'string' && isReason(r, reason))) return null;
  if (!sealed) {
    if (inOrder >= 0) return v as unknown as LogEntry;
    return hasReason ? { seq, node, choice, clock, at, thinkMs, reason: reason as string } : { seq, node, choice, clock, at, thinkMs };
  }
  if (r.entryHashes ? !hash(prev) || !hash(own) : typeof prev !== 'string' || typeof own !== 'string') return null;
  if (inOrder >= 0) return v as unknown as SealedEntry;
  return hasReason
    ? { seq, node, choice, clock, at, thinkMs, reason: reason as string, prev: prev as string, hash: own as string }
    : { seq, node, choice, clock, at, thinkMs, prev: prev as string, hash: own as string };
}

function attempts<E extends LogEntry>(r: Reading, v: unknown, sealed: boolean): Attempt<E>[] | null {
  if (!Array.isArray(v) || v.length < 1 || !countedList(r, v)) return null;
  const out: Attempt<E>[] = [];
  let total = 0;
  for (const a of v) {
    if (!isData(a)) return null;
    const inOrder = fieldsInOrder(a, ATTEMPT_ORDER);
    if (!counted(r, inOrder >= 0 ? inOrder : fieldsWithin(a, ATTEMPT_KEYS))) return null;
    const from = origin(r, a['from']);
    const list = a['entries'];
    if (from === undefined || !wallTime(r, a['startedAt']) || !Array.isArray(list) || !countedList(r, list)) return null;
    total += list.length;
    if (total > MAX_LOG_ENTRIES) return null;
    const entries: E[] = [];
    // Taken as it is, as an entry is, when its fields and every entry are: only its origin is a copy.
    let same = inOrder >= 0;
    for (const e of list) {
      const read = entry(r, e, sealed);
      if (read === null) return null;
      if (read !== e) same = false;
      entries.push(read as E);
    }
    out.push(same ? ({ from, startedAt: a['startedAt'], entries: list as E[] }) : { from, startedAt: a['startedAt'], entries });
  }
  return out;
}

function verdict(r: Reading, v: unknown): Verdict | null {
  if (!isData(v) || !counted(r, fieldsWithin(v, VERDICT_KEYS))) return null;
  const { outcome, title, claims, score } = v;
  if (!(outcome === null || text(r, outcome)) || !(title === null || text(r, title)) || !Array.isArray(claims) || !countedList(r, claims)) return null;
  if (!isData(score) || !counted(r, fieldsWithin(score, SCORE_KEYS)) || !Number.isSafeInteger(score['points']) || !Number.isSafeInteger(score['max'])) return null;
  const read: Verdict['claims'] = [];
  for (const c of claims) {
    if (!isData(c) || !counted(r, fieldsWithin(c, CLAIM_KEYS))) return null;
    const { claim, stated, holds, text: words } = c;
    if (typeof claim !== 'string' || !CLAIM_IDS.has(claim) || typeof stated !== 'boolean' || typeof holds !== 'boolean' || !text(r, words)) return null;
    read.push({ claim: claim as Verdict['claims'][number]['claim'], stated, holds, text: words });
  }
  return { outcome, title, claims: read, score: { points: score['points'] as number, max: score['max'] as number } };
}

/** The fields in the schema's order: the header's, then `attempts`, `head` and `verdict`. */
function sealedLog(r: Reading, input: unknown): SealedLog | null {
  if (!isData(input) || !counted(r, 1) || !counted(r, fieldsWithin(input, SEALED_KEYS))) return null;
  const head = header(r, input);
  const list = attempts<SealedEntry>(r, input['attempts'], true);
  if (head === null || list === null || !hash(input['head'])) return null;
  const log = head as SealedLog;
  log.attempts = list;
  log.head = input['head'];
  if (!Object.hasOwn(input, 'verdict')) return log;
  const read = verdict(r, input['verdict']);
  if (read === null) return null;
  log.verdict = read;
  return log;
}

/**
 * A sealed log read from data that `scanJson` has bounded, as `parseScannedSealedLog` would give it;
 * null when the schema must be asked (the data has a problem, or is beyond what this reads).
 */
export function readScannedSealedLog(input: unknown): SealedLog | null {
  return sealedLog({ bounded: false, entryHashes: true, values: 0 }, input);
}

/**
 * A sealed log read from what JSON.parse gave, without `scanJson` first: null when the scan would
 * find a problem or the schema must be asked, else the log `parseScannedSealedLog` would give after
 * the scan. JSON data has no other values than the scan allows, the shape fixes the depth and the
 * field names, and the scan's other bounds (free text, list lengths, the count of values) are kept
 * here. One rule is left to the caller, for each entry's `prev` and `hash`: that it is a hash
 * (`entryHashesAreHashes`; when one is not, the schema refuses the log, whatever the scan says). A
 * chain that holds proves it, each being equal to a digest, so a verifier asks it only of a log whose
 * chain breaks, and spares a class's logs two pattern tests per entry.
 */
export function readSealedLogJson(input: unknown): SealedLog | null {
  if (LOG_LIMITS.maxDepth < LOG_DEPTH || LOG_LIMITS.maxKeys < WIDEST) return null;
  return sealedLog({ bounded: true, entryHashes: false, values: 0 }, input);
}

/** The colons in a text. */
export function colonsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/**
 * The colons of JSON text that writes each field of `log` once, for a log `readSealedLogJson` gave
 * (which has its input's fields): one per field, and those of every text in it. A text of that data
 * with more colons writes some field twice (JSON.parse keeps the last), unless a colon hides in a
 * `\u003a` escape (verify.ts says how that is used). With `entryHashes` false, the colons inside the
 * entries' `prev` and `hash` are left out (`colonsOfEntryHashes` counts them): a text with no more
 * colons than that writes no field twice and has none there, which spares a verifier reading them.
 */
export function colonsOfLogText(log: SealedLog, entryHashes = true): number {
  const c = colonsIn;
  const { scenario, student, verdict: v } = log;
  let n = 11 + (log.play === undefined ? 0 : 1 + c(log.play)) + c(log.format) + c(log.variant) + c(log.createdAt) + c(log.rewind) + c(log.reasons) + c(log.head);
  n += 3 + c(scenario.id) + c(scenario.hash);
  n += 1 + c(student.label) + (student.classCode === undefined ? 0 : 1 + c(student.classCode));
  for (const a of log.attempts) {
    n += 3 + c(a.startedAt) + (a.from === null ? 0 : 2);
    for (const e of a.entries) {
      n += 8 + c(e.node) + c(e.clock) + c(e.at) + (entryHashes ? c(e.prev) + c(e.hash) : 0) + (e.reason === undefined ? 0 : 1 + c(e.reason));
    }
  }
  if (v === undefined) return n;
  n += 1 + 4 + (v.outcome === null ? 0 : c(v.outcome)) + (v.title === null ? 0 : c(v.title)) + 2;
  for (const claim of v.claims) n += 4 + c(claim.claim) + c(claim.text);
  return n;
}

/** The colons inside the entries' `prev` and `hash` (none in a log whose chain holds: each is then a hex digest). */
export function colonsOfEntryHashes(log: SealedLog): number {
  let n = 0;
  for (const a of log.attempts) for (const e of a.entries) n += colonsIn(e.prev) + colonsIn(e.hash);
  return n;
}

/** Whether every entry's `prev` and `hash` is a hash (64 lower-case hex digits), as the schema requires. */
export function entryHashesAreHashes(log: SealedLog): boolean {
  return log.attempts.every((a) => a.entries.every((e) => HASH.test(e.prev) && HASH.test(e.hash)));
}

/** An open log (an autosave), as `parseOpenLog` would give it; null when the schema must be asked. */
export function readOpenLog(input: unknown): DecisionLog | null {
  const r: Reading = { bounded: false, entryHashes: true, values: 0 };
  if (!isData(input) || !counted(r, fieldsWithin(input, OPEN_KEYS)) || scanJson(input) !== null) return null;
  const head = header(r, input);
  const list = attempts<LogEntry>(r, input['attempts'], false);
  if (head === null || list === null) return null;
  const log = head as DecisionLog;
  log.attempts = list;
  return log;
}
