/**
 * Building an open decision log as a session goes on. Every function here is pure and returns a
 * new log; nothing is mutated. Misuse (a wrong `seq`, a branch point that does not exist) is a
 * programmer error and throws a RangeError: the store is the only caller.
 */
import {
  LOG_FORMAT,
  LOG_FORMAT_VERSION,
  type Attempt,
  type AttemptOrigin,
  type DecisionLog,
  type LogEntry,
  type LogHeader,
} from './format.ts';

/** What the caller supplies for a new log; `format` and `formatVersion` are filled in, the modes default to free and optional, `play` to none (one student's own game). */
export type LogHeaderFields = Omit<LogHeader, 'format' | 'formatVersion' | 'rewind' | 'reasons'> & Partial<Pick<LogHeader, 'rewind' | 'reasons'>>;

/** An entry as the store records it; `seq` is assigned by `appendEntry` when left out. */
export type NewEntry = Omit<LogEntry, 'seq'> & { seq?: number };

/**
 * A new log with one empty attempt (`from: null`) started at `createdAt`. Pure; does not throw.
 */
export function createLog(header: LogHeaderFields): DecisionLog {
  const student = header.student.classCode === undefined
    ? { label: header.student.label }
    : { label: header.student.label, classCode: header.student.classCode };
  return {
    format: LOG_FORMAT,
    formatVersion: LOG_FORMAT_VERSION,
    scenario: { ...header.scenario },
    seed: header.seed,
    variant: header.variant,
    student,
    createdAt: header.createdAt,
    rewind: header.rewind ?? 'free',
    reasons: header.reasons ?? 'optional',
    ...(header.play === undefined ? {} : { play: header.play }),
    attempts: [{ from: null, startedAt: header.createdAt, entries: [] }],
  };
}

/**
 * The attempt new entries go to (the last one) and its index. Pure; throws a RangeError if the
 * log has no attempt, which `createLog` never produces.
 */
export function currentAttempt(log: DecisionLog): { index: number; attempt: Attempt } {
  const index = log.attempts.length - 1;
  const attempt = log.attempts[index];
  if (!attempt) throw new RangeError('the log has no attempt');
  return { index, attempt };
}

/**
 * Appends an entry to the current attempt, numbering it (`seq` = its 1-based position among the
 * attempt's own entries). Pure. Throws a RangeError if the entry carries a `seq` that is not the
 * next one.
 */
export function appendEntry(log: DecisionLog, entry: NewEntry): DecisionLog {
  const { index, attempt } = currentAttempt(log);
  const seq = attempt.entries.length + 1;
  if (entry.seq !== undefined && entry.seq !== seq) {
    throw new RangeError(`attempt ${index}: entry seq ${entry.seq} given, but the next is ${seq}`);
  }
  const full: LogEntry = {
    seq,
    node: entry.node,
    choice: entry.choice,
    clock: entry.clock,
    at: entry.at,
    thinkMs: entry.thinkMs,
  };
  if (entry.reason !== undefined) full.reason = entry.reason;
  const attempts = log.attempts.slice();
  attempts[index] = { ...attempt, entries: [...attempt.entries, full] };
  return { ...log, attempts };
}

/**
 * Starts a new attempt (a rewind) that replays the first `from.seq` own entries of attempt
 * `from.attempt` (after that attempt's own prefix) and then records new decisions; `from: null`
 * starts again from the scenario's start. Pure. Throws a RangeError when the origin does not exist.
 */
export function startAttempt(log: DecisionLog, from: AttemptOrigin | null, startedAt: string): DecisionLog {
  if (from !== null) {
    const origin = log.attempts[from.attempt];
    if (!origin || !Number.isInteger(from.seq) || from.seq < 0 || from.seq > origin.entries.length) {
      throw new RangeError(`no branch point: attempt ${from.attempt}, seq ${from.seq}`);
    }
  }
  const attempt: Attempt = { from: from === null ? null : { ...from }, startedAt, entries: [] };
  return { ...log, attempts: [...log.attempts, attempt] };
}

/**
 * The branch point that keeps the first `keep` decisions of attempt `attempt`'s full path (its
 * inherited prefix, then its own entries): what a rewind to decision `keep` passes to
 * `startAttempt`. Pure. Throws a RangeError when `keep` is outside 0..path length.
 */
export function originAt(log: DecisionLog, attempt: number, keep: number): AttemptOrigin | null {
  let k = attempt;
  for (let guard = 0; guard <= log.attempts.length; guard++) {
    const a = log.attempts[k];
    if (!a) break;
    const inherited = a.from === null ? 0 : prefixLength(log, a.from);
    if (keep === 0 && inherited === 0) return null;
    if (keep >= inherited && keep - inherited <= a.entries.length) return { attempt: k, seq: keep - inherited };
    if (keep < inherited && a.from !== null) {
      k = a.from.attempt;
      continue;
    }
    break;
  }
  throw new RangeError(`attempt ${attempt} has no decision ${keep}`);
}

function prefixLength(log: DecisionLog, from: AttemptOrigin): number {
  let total = 0;
  let cursor: AttemptOrigin | null = from;
  for (let guard = 0; cursor !== null && guard <= log.attempts.length; guard++) {
    total += cursor.seq;
    cursor = log.attempts[cursor.attempt]?.from ?? null;
  }
  return total;
}
