/**
 * The zod schema of a sealed decision log, format version 2 (the file a student exports), and a
 * formatter that turns zod issues into readable problems with their JSON paths. Pure.
 *
 * The parse functions never hand a whole file to zod: zod builds every issue of a list before it
 * returns (and overflows the stack spreading 100,000 of them), so a file is first bounded by
 * `scanJson`, then read part by part (the header, each attempt, each entry, each claim), and reading
 * stops after `MAX_PROBLEMS` problems.
 */
import { CLAIMS } from '../scenario/vocabulary.ts';
import { z } from 'zod';
import { LOG_FORMAT, LOG_FORMAT_VERSION, MAX_REASON_CHARS, PLAY_MODES, REASONS_MODES, REWIND_MODES, type Attempt, type DecisionLog, type LogEntry, type SealedEntry, type SealedLog } from './format.ts';
import { formatPath, MAX_LOG_ENTRIES, scanJson } from './scan.ts';

export { formatPath } from './scan.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash (64 lower-case hex digits)');
const wholeAtLeast = (min: number) => z.int().min(min);
const gameTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/, 'expected a game time like 1962-11-19T23:05Z');
const wallTime = z.iso.datetime({ offset: true, error: 'expected a date and time like 2025-03-14T09:30:00Z' });
const name = z.string().min(1);
/** A reason: plain text of one or a few lines, no other control characters. */
const reason = z
  .string()
  .min(1)
  .max(MAX_REASON_CHARS)
  // eslint-disable-next-line no-control-regex -- a reason is plain text: control characters are what this refuses
  .regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/, 'expected plain text (line breaks only, no other control characters)');

const entrySchema = z.strictObject({
  seq: wholeAtLeast(1),
  node: name,
  choice: wholeAtLeast(0),
  clock: gameTime,
  at: wallTime,
  thinkMs: wholeAtLeast(0),
  reason: reason.exactOptional(),
  prev: hash,
  hash,
});

const attemptSchema = z.strictObject({
  from: z.strictObject({ attempt: wholeAtLeast(0), seq: wholeAtLeast(0) }).nullable(),
  startedAt: wallTime,
  entries: z.array(entrySchema),
});

/** The header fields every log carries, open or sealed. */
const headerShape = {
  format: z.literal(LOG_FORMAT),
  formatVersion: z.literal(LOG_FORMAT_VERSION),
  scenario: z.strictObject({ id: name, version: wholeAtLeast(1), hash: name }),
  seed: z.int().min(0).max(0xffffffff),
  variant: name,
  student: z.strictObject({ label: name, classCode: z.string().exactOptional() }),
  createdAt: wallTime,
  rewind: z.enum(REWIND_MODES),
  reasons: z.enum(REASONS_MODES),
  play: z.enum(PLAY_MODES).exactOptional(),
};

/** A sealed log of the current format version; structure only (the chain and replay are checked apart). */
const verdictSchema = z.strictObject({
  outcome: z.string().nullable(),
  title: z.string().nullable(),
  claims: z.array(z.strictObject({ claim: z.enum(CLAIMS), stated: z.boolean(), holds: z.boolean(), text: z.string() })),
  score: z.strictObject({ points: z.int(), max: z.int() }),
});

export const sealedLogSchema: z.ZodType<SealedLog> = z.strictObject({
  ...headerShape,
  attempts: z.array(attemptSchema).min(1),
  head: hash,
  verdict: verdictSchema.exactOptional(),
});

const openAttemptSchema = attemptSchema.extend({ entries: z.array(entrySchema.omit({ prev: true, hash: true })) });

/** An open (unsealed) log, as autosave keeps it: the sealed shape without `prev`, `hash` and `head`. */
export const openLogSchema: z.ZodType<DecisionLog> = z.strictObject({
  ...headerShape,
  attempts: z.array(openAttemptSchema).min(1),
});

const ARTICLES: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};


function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'missing';
      return `expected ${ARTICLES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return issue.message;
  }
}

/** One readable line per zod issue, `path: what is wrong`; an unexpected field is named in the path. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unexpected field`);
    }
    const where = formatPath(issue.path);
    return [`${where === '' ? '(the whole file)' : where}: ${describe(issue)}`];
  });
}

/** How many structural problems are listed before the rest are left out. */
export const MAX_PROBLEMS = 20;

/** The problems found so far, stopping at `MAX_PROBLEMS`. */
class Problems {
  readonly list: string[] = [];
  private more = false;

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }

  add(lines: readonly string[]): void {
    for (const line of lines) {
      if (this.full) {
        this.more = true;
        return;
      }
      this.list.push(line);
    }
  }

  /** The issues of one part, each path put under `prefix`. */
  addIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): void {
    if (issues.length === 0) return;
    this.add(formatIssues(issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }))));
  }

  result(): string[] {
    return this.more ? [...this.list, `(more problems not listed: only the first ${MAX_PROBLEMS} are shown)`] : this.list;
  }
}

const BEFORE_ATTEMPTS = new Set<PropertyKey>([...Object.keys(headerShape), 'attempts']);

/** Zod issues of the header parse: those of the fields up to `attempts` come before the attempts' own, the rest after. */
function splitHeaderIssues(issues: readonly z.core.$ZodIssue[]): { before: z.core.$ZodIssue[]; after: z.core.$ZodIssue[] } {
  const before: z.core.$ZodIssue[] = [];
  const after: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const first = issue.path[0];
    (first !== undefined && BEFORE_ATTEMPTS.has(first) ? before : after).push(issue);
  }
  return { before, after };
}

const anyList = z.array(z.unknown());
const sealedHeaderSchema = z.strictObject({
  ...headerShape,
  attempts: anyList.min(1),
  head: hash,
  verdict: verdictSchema.extend({ claims: anyList }).exactOptional(),
});
const openHeaderSchema = z.strictObject({ ...headerShape, attempts: anyList.min(1) });
const attemptHeadSchema = attemptSchema.extend({ entries: anyList });
const claimSchema = verdictSchema.shape.claims.element;
const openEntrySchema = entrySchema.omit({ prev: true, hash: true });

/** Parses each item of a list with `schema`, collecting issues under `prefix`; null when any item fails. */
function parseItems<T>(items: readonly unknown[], schema: z.ZodType<T>, prefix: readonly PropertyKey[], problems: Problems): T[] | null {
  const out: T[] = [];
  let ok = true;
  for (const [i, item] of items.entries()) {
    if (problems.full) return null;
    const r = schema.safeParse(item, { reportInput: true });
    if (r.success) out.push(r.data);
    else {
      ok = false;
      problems.addIssues(r.error.issues, [...prefix, i]);
    }
  }
  return ok ? out : null;
}

/** Parses the attempts of a log, each with its entries. */
function parseAttempts<E extends LogEntry>(items: readonly unknown[], entry: z.ZodType<E>, problems: Problems): Attempt<E>[] | null {
  const out: Attempt<E>[] = [];
  let ok = true;
  for (const [a, item] of items.entries()) {
    if (problems.full) return null;
    const head = attemptHeadSchema.safeParse(item, { reportInput: true });
    if (!head.success) {
      ok = false;
      problems.addIssues(head.error.issues, ['attempts', a]);
      // Entries are still read when the list itself is a list, so every problem is listed at once.
      const raw = (item as { entries?: unknown } | null)?.entries;
      if (Array.isArray(raw)) parseItems(raw, entry, ['attempts', a, 'entries'], problems);
      continue;
    }
    const entries = parseItems(head.data.entries, entry, ['attempts', a, 'entries'], problems);
    if (entries === null) ok = false;
    else out.push({ from: head.data.from, startedAt: head.data.startedAt, entries });
  }
  return ok ? out : null;
}

type Parsed<T> = { ok: true; log: T } | { ok: false; problems: string[] };

/** The scan, then the header, the attempts and the rest, in the order the fields are written. */
function parseLog<T extends DecisionLog>(
  input: unknown,
  header: typeof sealedHeaderSchema | typeof openHeaderSchema,
  entry: z.ZodType<LogEntry>,
  finish: (header: Record<string, unknown>, attempts: Attempt[], problems: Problems) => T | null,
  scanned = false,
): Parsed<T> {
  const bounds = scanned ? null : scanJson(input);
  if (bounds !== null) return { ok: false, problems: [bounds] };
  const problems = new Problems();
  const h = header.safeParse(input, { reportInput: true });
  const { before, after } = h.success ? { before: [], after: [] } : splitHeaderIssues(h.error.issues);
  problems.addIssues(before, []);
  const raw = (input as { attempts?: unknown } | null)?.attempts;
  if (Array.isArray(raw)) {
    let total = 0;
    for (const attempt of raw) {
      const entries = (attempt as { entries?: unknown } | null)?.entries;
      if (Array.isArray(entries)) total += entries.length;
    }
    if (total > MAX_LOG_ENTRIES) {
      return { ok: false, problems: [`attempts: the log holds ${total.toLocaleString('en-US')} decisions, more than a game ever records (${MAX_LOG_ENTRIES.toLocaleString('en-US')}).`] };
    }
  }
  const attempts = Array.isArray(raw) ? parseAttempts(raw, entry, problems) : null;
  problems.addIssues(after, []);
  const log = h.success && attempts !== null ? finish(h.data as Record<string, unknown>, attempts, problems) : null;
  return log !== null && problems.list.length === 0 ? { ok: true, log } : { ok: false, problems: problems.result() };
}

/** Validates the structure of an open log. Pure; never throws. */
export function parseOpenLog(input: unknown): Parsed<DecisionLog> {
  return parseLog(input, openHeaderSchema, openEntrySchema, (h, attempts) => ({ ...(h as unknown as DecisionLog), attempts }));
}

/** Validates the structure of a sealed log. Pure; never throws. */
export function parseSealedLog(input: unknown): Parsed<SealedLog> {
  return parseSealed(input, false);
}

/** `parseSealedLog` for data `scanJson` has already bounded (the verifier scans before migrating). */
export function parseScannedSealedLog(input: unknown): Parsed<SealedLog> {
  return parseSealed(input, true);
}

function parseSealed(input: unknown, scanned: boolean): Parsed<SealedLog> {
  return parseLog(input, sealedHeaderSchema, entrySchema, (h, attempts, problems) => {
    const data = h as unknown as SealedLog & { verdict?: { claims: unknown[] } };
    const log: SealedLog = { ...data, attempts: attempts as Attempt<SealedEntry>[] };
    if (data.verdict === undefined) return log;
    const claims = parseItems(data.verdict.claims, claimSchema, ['verdict', 'claims'], problems);
    return claims === null ? null : { ...log, verdict: { ...data.verdict, claims } };
  }, scanned);
}
