/**
 * The hash chain of a sealed log (design.md §4).
 *
 * - genesis = SHA-256 of the canonical JSON of the header (everything but `attempts`, `head` and
 *   `verdict`; `play` only when present);
 * - each entry, in attempt order then entry order: `prev` = the previous link's hash (genesis for
 *   the first), `hash` = SHA-256 of the canonical JSON of the entry without `hash`, together with
 *   its attempt's index, `from` and `startedAt`, so an entry moved to another attempt, or an edited
 *   branch point, breaks the chain;
 * - an attempt without entries (a rewind with no decision yet) is a link of its own,
 *   `{ attempt, from, startedAt, entries: 0, prev }`, whose hash is not stored: it is the `prev`
 *   of the next entry, or the head;
 * - `head` = SHA-256 of the canonical JSON of `{ last, verdict }`: the last link's hash and the verdict
 *   written beside the chain (null when there is none), so a truncated file, and a verdict changed,
 *   added or removed, is detected. (Format 1's head was the last link's hash alone.)
 *
 * Async only because the hashing API is (src/core/hash.ts); otherwise pure.
 */
import type { Verdict } from '../verdict/summary.ts';
import { canonicalScalar, hashJson, hashJsonSync, sha256Hex, sha256HexSync, sha256Ready } from '../hash.ts';
import type { Attempt, DecisionLog, LogEntry, LogHeader, SealedEntry, SealedLog } from './format.ts';

/**
 * The header fields the genesis hash covers, copied field by field so extra keys never leak in.
 * `play` is copied only when the log has it: a log without it (every log of a student's own game,
 * and every log written before the field existed) hashes exactly as before.
 */
export function headerOf(log: LogHeader): LogHeader {
  const student = log.student.classCode === undefined
    ? { label: log.student.label }
    : { label: log.student.label, classCode: log.student.classCode };
  const header: LogHeader = {
    format: log.format,
    formatVersion: log.formatVersion,
    scenario: { id: log.scenario.id, version: log.scenario.version, hash: log.scenario.hash },
    seed: log.seed,
    variant: log.variant,
    student,
    createdAt: log.createdAt,
    rewind: log.rewind,
    reasons: log.reasons,
  };
  if (log.play !== undefined) header.play = log.play;
  return header;
}

/**
 * The header a format 1 log's genesis hash covers: format 1 had no modes. Kept so that the migration
 * (migrate.ts) can check a format 1 chain before it re-seals the log.
 */
export function headerOfVersion1(log: LogHeader): Record<string, unknown> {
  const { format, scenario, seed, variant, student, createdAt } = headerOf(log);
  return { format, formatVersion: 1, scenario, seed, variant, student, createdAt };
}

/**
 * The canonical JSON (RFC 8785) of `headerOf(log)`, which the genesis hash covers, written out
 * directly like `entryLinkText` (the keys in canonical order; a test checks it against
 * `canonicalJson`): `canonicalize` takes several times longer, once per log verified.
 */
export function headerText(log: LogHeader): string {
  const s = canonicalScalar;
  const { scenario, student } = log;
  const classCode = student.classCode === undefined ? '' : `"classCode":${s(student.classCode)},`;
  return (
    `{"createdAt":${s(log.createdAt)},"format":${s(log.format)},"formatVersion":${s(log.formatVersion)},` +
    `${log.play === undefined ? '' : `"play":${s(log.play)},`}"reasons":${s(log.reasons)},"rewind":${s(log.rewind)},` +
    `"scenario":{"hash":${s(scenario.hash)},"id":${s(scenario.id)},"version":${s(scenario.version)}},"seed":${s(log.seed)},` +
    `"student":{${classCode}"label":${s(student.label)}},"variant":${s(log.variant)}}`
  );
}

/** The first link of the chain. */
export function genesisHash(log: LogHeader): Promise<string> {
  return sha256Ready().then(() => genesisHashSync(log));
}

/** `genesisHash` at once, after `sha256Ready()` (src/core/hash.ts). */
export function genesisHashSync(log: LogHeader): string {
  return sha256HexSync(headerText(log));
}

/** The first link of a format 1 chain, at once, after `sha256Ready()`. */
export function genesisHashVersion1Sync(log: LogHeader): string {
  return hashJsonSync(headerOfVersion1(log));
}

/**
 * What an entry's link takes from its attempt (its index, `from` and `startedAt`), written once for
 * all the attempt's entries, together with the keys around them: the pieces of the link text between
 * the entry's own values (`at` .. `choice`, `clock` .. `node`, `seq` .. `thinkMs`), so that a link is
 * built from fewer pieces.
 */
export interface AttemptLink {
  afterAt: string;
  afterClock: string;
  afterSeq: string;
}

export function attemptLink(index: number, attempt: Attempt<LogEntry>): AttemptLink {
  const { from } = attempt;
  const fromText = from === null ? 'null' : `{"attempt":${jsonOf(from.attempt)},"seq":${jsonOf(from.seq)}}`;
  return {
    afterAt: `","attempt":${jsonOf(index)},"choice":`,
    afterClock: `","from":${fromText},"node":`,
    afterSeq: `,"startedAt":${jsonOf(attempt.startedAt)},"thinkMs":`,
  };
}

/**
 * The canonical JSON (RFC 8785) of an entry's link, `{ seq, node, choice, clock, at, thinkMs, reason?,
 * prev, attempt, from, startedAt }` (`reason` only when the entry has one, so a format 1 entry links
 * as it did), written out directly: the keys in canonical (UTF-16) order, each value as
 * JSON.stringify writes it, as `canonicalize` does for these types. A test checks it against
 * `canonicalJson`; it is several times faster, which matters for a file of many entries. `prev` is
 * a hash (hex digits: the chain links to nothing else), and `clock` and `at` are times of the forms
 * the log format allows (digits and `-:.+TZ`, which JSON writes as they are): each is written as it
 * is. A log with other values is refused before its chain is checked.
 */
export function linkText(link: AttemptLink, entry: LogEntry, prev: string): string {
  const s = jsonOf;
  return (
    `{"at":"${entry.at}${link.afterAt}${s(entry.choice)},"clock":"${entry.clock}${link.afterClock}${s(entry.node)},"prev":"${prev}",` +
    `${entry.reason === undefined ? '' : `"reason":${s(entry.reason)},`}"seq":${s(entry.seq)}${link.afterSeq}${s(entry.thinkMs)}}`
  );
}

/** `linkText` of an entry of attempt `index`. */
export function entryLinkText(entry: LogEntry, prev: string, index: number, attempt: Attempt<LogEntry>): string {
  return linkText(attemptLink(index, attempt), entry, prev);
}

/** What JSON.stringify escapes in a string: quote, backslash, control characters, and surrogates (lone ones). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string or a number, with shortcuts for a finite number and a string that needs no escape (most). */
function jsonOf(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** The hash of one entry, linked to `prev` and to its place in attempt `index`. */
export function entryHash(entry: LogEntry, prev: string, index: number, attempt: Attempt<LogEntry>): Promise<string> {
  return sha256Hex(entryLinkText(entry, prev, index, attempt));
}

/** The hash of an entry of the attempt `link` stands for, at once, after `sha256Ready()` (src/core/hash.ts). */
export function linkHashSync(link: AttemptLink, entry: LogEntry, prev: string): string {
  return sha256HexSync(linkText(link, entry, prev));
}

/** The unstored link that stands for an attempt with no entries. */
export function emptyAttemptHash(prev: string, index: number, attempt: Attempt<LogEntry>): Promise<string> {
  return hashJson(emptyAttemptLink(prev, index, attempt));
}

/** `emptyAttemptHash` at once, after `sha256Ready()`. */
export function emptyAttemptHashSync(prev: string, index: number, attempt: Attempt<LogEntry>): string {
  return hashJsonSync(emptyAttemptLink(prev, index, attempt));
}

function emptyAttemptLink(prev: string, index: number, attempt: Attempt<LogEntry>): Record<string, unknown> {
  return { attempt: index, from: attempt.from, startedAt: attempt.startedAt, entries: 0, prev };
}

/**
 * The canonical JSON of a verdict, written out directly like `headerText` (a test checks it against
 * `canonicalJson`). Two verdicts are the same when their texts are.
 */
export function verdictText(verdict: Verdict): string {
  const s = canonicalScalar;
  let claims = '';
  for (const c of verdict.claims) {
    claims += `${claims === '' ? '' : ','}{"claim":${s(c.claim)},"holds":${String(c.holds)},"stated":${String(c.stated)},"text":${s(c.text)}}`;
  }
  return (
    `{"claims":[${claims}],"outcome":${orNull(verdict.outcome)},` +
    `"score":{"max":${s(verdict.score.max)},"points":${s(verdict.score.points)}},"title":${orNull(verdict.title)}}`
  );
}

const orNull = (v: string | null): string => (v === null ? 'null' : canonicalScalar(v));

/**
 * Whether two verdicts have the same `verdictText`, field by field without writing the texts (a
 * verifier compares a verdict for every log): canonical JSON writes different strings, booleans
 * and whole numbers differently, and 0 and -0 alike, as `===` compares them. (No verdict compared
 * holds a text `verdictText` cannot write, a lone surrogate: a log's own stops its reading and its
 * chain's head first, and a replay's comes from a scenario, whose content hash would not be written.)
 */
export function sameVerdict(a: Verdict, b: Verdict): boolean {
  if (a.outcome !== b.outcome || a.title !== b.title || a.score.points !== b.score.points || a.score.max !== b.score.max) return false;
  if (a.claims.length !== b.claims.length) return false;
  for (let i = 0; i < a.claims.length; i++) {
    const x = a.claims[i] as Verdict['claims'][number];
    const y = b.claims[i] as Verdict['claims'][number];
    if (x.claim !== y.claim || x.holds !== y.holds || x.stated !== y.stated || x.text !== y.text) return false;
  }
  return true;
}

/** The canonical JSON the head of a format 2 chain covers: the last link and the verdict (or null). */
function headText(last: string, verdict: Verdict | undefined): string {
  return `{"last":${canonicalScalar(last)},"verdict":${verdict === undefined ? 'null' : verdictText(verdict)}}`;
}

/** The head of a format 2 chain: the last link and the verdict (or its absence) together. */
export function headHash(last: string, verdict: Verdict | undefined): Promise<string> {
  return sha256Hex(headText(last, verdict));
}

/** `headHash` at once, after `sha256Ready()`. */
export function headHashSync(last: string, verdict: Verdict | undefined): string {
  return sha256HexSync(headText(last, verdict));
}

/**
 * Seals an open log for export: adds `prev` and `hash` to every entry and sets `head`.
 * Re-sealing a sealed log recomputes every hash from its content. Pure apart from being async;
 * the input is not modified. `verdict`, when given, is written beside the chain (see SealedLog).
 */
export async function sealLog(log: DecisionLog, verdict?: Verdict): Promise<SealedLog> {
  await sha256Ready();
  let prev = genesisHashSync(log);
  const attempts: Attempt<SealedEntry>[] = [];
  for (const [index, attempt] of log.attempts.entries()) {
    const entries: SealedEntry[] = [];
    const link = attemptLink(index, attempt);
    for (const entry of attempt.entries) {
      const hash = linkHashSync(link, entry, prev);
      const { seq, node, choice, clock, at, thinkMs, reason } = entry;
      entries.push(reason === undefined ? { seq, node, choice, clock, at, thinkMs, prev, hash } : { seq, node, choice, clock, at, thinkMs, reason, prev, hash });
      prev = hash;
    }
    if (entries.length === 0) prev = emptyAttemptHashSync(prev, index, attempt);
    attempts.push({ from: attempt.from === null ? null : { ...attempt.from }, startedAt: attempt.startedAt, entries });
  }
  const head = headHashSync(prev, verdict);
  return verdict === undefined ? { ...headerOf(log), attempts, head } : { ...headerOf(log), attempts, head, verdict };
}

/**
 * Drops the chain fields of a sealed log, giving the open log it was sealed from. Pure.
 */
export function unsealLog(log: SealedLog): DecisionLog {
  return {
    ...headerOf(log),
    attempts: log.attempts.map((a) => ({
      from: a.from === null ? null : { ...a.from },
      startedAt: a.startedAt,
      entries: a.entries.map(({ seq, node, choice, clock, at, thinkMs, reason }) =>
        reason === undefined ? { seq, node, choice, clock, at, thinkMs } : { seq, node, choice, clock, at, thinkMs, reason }),
    })),
  };
}
