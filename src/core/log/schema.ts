/**
 * The zod schema of a sealed decision log, format version 1 (the file a student exports), and a
 * formatter that turns zod issues into readable problems with their JSON paths. Pure.
 */
import { CLAIMS } from '../scenario/schema.ts';
import { z } from 'zod';
import { LOG_FORMAT, LOG_FORMAT_VERSION, type DecisionLog, type SealedLog } from './format.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash (64 lower-case hex digits)');
const wholeAtLeast = (min: number) => z.int().min(min);
const gameTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/, 'expected a game time like 1962-11-19T23:05Z');
const wallTime = z.iso.datetime({ offset: true, error: 'expected a date and time like 2025-03-14T09:30:00Z' });
const name = z.string().min(1);

const entrySchema = z.strictObject({
  seq: wholeAtLeast(1),
  node: name,
  choice: wholeAtLeast(0),
  clock: gameTime,
  at: wallTime,
  thinkMs: wholeAtLeast(0),
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

/** `attempts[0].entries[3].choice` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

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

/** Validates the structure of an open log. Pure; never throws. */
export function parseOpenLog(input: unknown): { ok: true; log: DecisionLog } | { ok: false; problems: string[] } {
  const result = openLogSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, log: result.data } : { ok: false, problems: formatIssues(result.error.issues) };
}

/** Validates the structure of a sealed log. Pure; never throws. */
export function parseSealedLog(input: unknown): { ok: true; log: SealedLog } | { ok: false; problems: string[] } {
  const result = sealedLogSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, log: result.data } : { ok: false, problems: formatIssues(result.error.issues) };
}
