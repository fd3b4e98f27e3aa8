/**
 * The verifier answers everything, fast (issue 6, points 5 and 10): hostile values and texts
 * (deep, huge, wrong types, objects where text belongs, lone surrogates, prototype keys, numbers
 * as text, truncated JSON) never make verifyLog or verifyLogText throw or stall; a log whose last
 * attempt stops before an ending is reported as unfinished.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attempt, SealedLog } from '../../../src/core/log/format.ts';
import { attemptPath, replayLog } from '../../../src/core/log/replay.ts';
import { LOG_LIMITS, MAX_LOG_ENTRIES, scanJson } from '../../../src/core/log/scan.ts';
import { headHash, sealLog } from '../../../src/core/log/seal.ts';
import { MAX_LOG_CHARS, verifyLog, verifyLogText, type ScenarioRef, type VerifyResult } from '../../../src/core/log/verify.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';
import { CREATED, miniRef, played, timed } from './timed-fixtures.ts';

const ref: ScenarioRef = await miniRef();
const STATUSES = ['verified', 'scenario-changed', 'edited', 'refused'];


const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const SEALED: SealedLog = copy(await sealLog(played()));
const SEALED_TEXT = JSON.stringify(SEALED, null, 2);

/** An answer of the right shape: one of the four statuses, and problems (text) when not verified. */
function expectAnswer(r: VerifyResult): void {
  expect(STATUSES).toContain(r.status);
  if (!r.ok) {
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.length).toBeLessThanOrEqual(22);
    for (const p of r.problems) expect(typeof p).toBe('string');
  }
}

/** `depth` nested lists (or objects), built without recursion. */
function deepValue(depth: number, objects: boolean): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = objects ? { a: v } : [v];
  return v;
}

const deepText = (depth: number, objects: boolean): string =>
  objects ? `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}` : `${'['.repeat(depth)}0${']'.repeat(depth)}`;

/** A value with an own property named `key` (as JSON.parse makes for "__proto__"). */
function withOwn(key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

const LONE = ['\uD800', '\uDFFF', 'a\uDBFFb', '\uDC00\uD800'];

/** Values a hostile file puts where a field belongs. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 5_000 }).map((d) => deepValue(d, false)),
  fc.integer({ min: 0, max: 5_000 }).map((d) => deepValue(d, true)),
  fc.integer({ min: 0, max: 20_000 }).map((n) => new Array<number>(n).fill(0)),
  fc.integer({ min: 0, max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => ({ seq: `${i}`, node: {}, choice: 'x' }))),
  fc.constantFrom(...LONE).map((s) => `x${s}y`),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => withOwn(k, { polluted: true })),
  fc.integer().map(String),
  fc.constantFrom('1', '1.5', '-0', '1e999', 'NaN', ''),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 1.5),
  fc.constantFrom<unknown>(null, undefined, true, {}, [], { toString: 1 }, { length: 1e9 }),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.integer({ min: 2_001, max: 10_000 }).map((n) => 'x'.repeat(n)),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
);

type Key = string | number;

/** Every path to a value in a JSON tree (the sealed log is small). */
function paths(value: unknown, at: Key[] = []): Key[][] {
  const out: Key[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
const SEALED_PATHS = paths(SEALED);

/** The sealed log with the value at one path replaced (or, for a path into an object, a key added). */
function mutated(pathIndex: number, value: unknown, addKey: string | null): unknown {
  const root = copy(SEALED) as unknown;
  const path = SEALED_PATHS[pathIndex % SEALED_PATHS.length] ?? [];
  if (path.length === 0) return addKey === null ? value : { ...(root as object), ...withOwn(addKey, value) };
  let node = root as Record<Key, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<Key, unknown>;
  const last = path.at(-1) as Key;
  if (addKey !== null && node[last] !== null && typeof node[last] === 'object' && !Array.isArray(node[last])) {
    Object.defineProperty(node[last], addKey, { value, enumerable: true, writable: true, configurable: true });
  } else {
    node[last] = value;
  }
  return root;
}

const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(), hostileValue, fc.option(fc.constantFrom('__proto__', 'constructor', 'extra', 'toString'))).map(([p, v, k]) => mutated(p, v, k)) },
  { weight: 2, arbitrary: hostileValue },
  { weight: 1, arbitrary: hostileValue.map((v) => ({ format: 'circular938-log', formatVersion: 1, attempts: v })) },
);

/** Texts: truncated, spliced, escaped lone surrogates, deep and huge ones. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.nat({ max: SEALED_TEXT.length }).map((n) => SEALED_TEXT.slice(0, n)),
  fc.tuple(fc.nat({ max: SEALED_TEXT.length }), fc.string({ maxLength: 8 })).map(([n, s]) => SEALED_TEXT.slice(0, n) + s + SEALED_TEXT.slice(n)),
  fc.tuple(fc.nat({ max: SEALED_TEXT.length }), fc.constantFrom('\\ud800', '\\udfff', '\uD800', '"\\u0000"', '{', ']', ',', '"')).map(
    ([n, s]) => SEALED_TEXT.slice(0, n) + s + SEALED_TEXT.slice(n),
  ),
  fc.constantFrom('"__proto__"', '"constructor"', '"toString"').map((k) => SEALED_TEXT.replace('"student"', k)),
  fc.integer({ min: 1, max: 50_000 }).map((d) => deepText(d, false)),
  fc.integer({ min: 1, max: 50_000 }).map((d) => `{"format":"circular938-log","formatVersion":1,"attempts":${deepText(d, true)}}`),
  fc.integer({ min: 1, max: 50_000 }).map((n) => `{"format":"circular938-log","formatVersion":1,"attempts":[${'0,'.repeat(n)}0]}`),
  fc.string({ maxLength: 60 }),
  fc.anything({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'undefined'),
);

/**
 * The bound each answer is held to. Generous on purpose: the assertion is about nothing stalling
 * (the inputs hold 50,000-deep texts, 20,000-item lists and 10,000-character strings), and the
 * machine may be busy with a browser run; the slowest answer is printed.
 */
const BOUND_MS = 1_000;
const RUNS = 10_000;


describe('the verifier on hostile input', () => {
  it(`answers ${RUNS.toLocaleString('en-US')} hostile values and ${RUNS.toLocaleString('en-US')} hostile texts without throwing, each within ${BOUND_MS} ms`, async () => {
    const times: number[] = [];
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(hostileInput, hostileText, async (value, text) => {
        const a = await timed(() => verifyLog(value, ref));
        const b = await timed(() => verifyLogText(text, ref));
        times.push(a.wall, b.wall);
        expectAnswer(a.value);
        expectAnswer(b.value);
        expect(a.wall).toBeLessThan(BOUND_MS);
        expect(b.wall).toBeLessThan(BOUND_MS);
      }),
      { numRuns: RUNS },
    );
    const seconds = (performance.now() - started) / 1000;
    times.sort((x, y) => x - y);
    const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
    const over = times.filter((t) => t > 200).length;
    console.info(
      `hostile inputs: ${times.length} answered in ${seconds.toFixed(1)} s; p99 ${p99.toFixed(1)} ms, slowest ${(times.at(-1) ?? 0).toFixed(0)} ms, ${over} over 200 ms`,
    );
    expect(times).toHaveLength(2 * RUNS);
  }, 120_000);

  it('refuses values that are not JSON data, and ones that throw when read, without throwing', async () => {
    const throwing = { format: 'circular938-log', formatVersion: 1, get attempts(): never { throw new Error('boom'); } };
    const proxy = new Proxy({ format: 'circular938-log' }, { ownKeys: () => { throw new Error('no keys'); } });
    const cyclic: Record<string, unknown> = { format: 'circular938-log', formatVersion: 1 };
    cyclic['attempts'] = [cyclic];
    for (const input of [throwing, proxy, cyclic, { format: 'circular938-log', formatVersion: 1, seed: 10n }, new Map()]) {
      const r = await verifyLog(input, ref);
      expect(r.status).toBe('refused');
    }
    expect(await verifyLogText(42 as unknown as string, ref)).toMatchObject({ status: 'refused' });
  });
});

describe('bounds, each with a message', () => {
  const problemOf = async (p: Promise<VerifyResult>): Promise<string> => {
    const r = await p;
    return r.ok ? '' : (r.problems[0] ?? '');
  };

  it('refuses a lone surrogate, saying where', async () => {
    const inLabel = { ...SEALED, student: { label: 'An\uD800a' } };
    expect(await problemOf(verifyLog(inLabel, ref))).toBe(
      'This decision log cannot be read: student.label: the text is not valid Unicode (a lone surrogate at character 3); the file was damaged or made by hand.',
    );
    const escaped = SEALED_TEXT.replace('"node": "cable-arrives"', '"node": "cable\\udc00"');
    expect(await problemOf(verifyLogText(escaped, ref))).toMatch(/attempts\[0\]\.entries\[0\]\.node: the text is not valid Unicode \(a lone surrogate at character 6\)/);
    const inKey = `{"format":"circular938-log","formatVersion":1,"stu\\ud800dent":1}`;
    expect(await problemOf(verifyLogText(inKey, ref))).toMatch(/the whole file: a field name is not valid Unicode/);
  });

  it('refuses deep nesting, huge lists, wide objects, long texts and too many decisions before walking them', async () => {
    const base = { format: 'circular938-log', formatVersion: 1 };
    expect(await problemOf(verifyLog({ ...base, attempts: deepValue(100_000, false) }, ref))).toMatch(/nested more than 12 deep/);
    expect(await problemOf(verifyLogText(`{"format":"circular938-log","formatVersion":1,"x":${deepText(2_000_000, false)}}`, ref))).toMatch(
      /at line 1, column \d+: lists and objects are nested more than 12 deep/,
    );
    expect(await problemOf(verifyLog({ ...base, attempts: new Array(150_000).fill(0) }, ref))).toMatch(/attempts: the list has 150,000 items/);
    expect(await problemOf(verifyLog({ ...base, student: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])) }, ref))).toMatch(
      /student: the object has 500 fields/,
    );
    expect(await problemOf(verifyLog({ ...SEALED, variant: 'v'.repeat(10_000) }, ref))).toMatch(/variant: the text is 10,000 characters long/);
    const manyEntries = { ...SEALED, attempts: Array.from({ length: 10 }, () => ({ from: null, startedAt: CREATED, entries: new Array(600).fill(SEALED.attempts[0]?.entries[0]) })) };
    expect(await problemOf(verifyLog(manyEntries, ref))).toBe(
      `attempts: the log holds 6,000 decisions, more than a game ever records (${MAX_LOG_ENTRIES.toLocaleString('en-US')}).`,
    );
    expect(scanJson({ a: [1, 'x', null, { b: true }] })).toBeNull();
    expect(LOG_LIMITS.maxDepth).toBeGreaterThanOrEqual(5);
  });

  it('lists at most 20 structural problems, then says more were left out', async () => {
    const bad = { ...SEALED, attempts: [{ from: null, startedAt: CREATED, entries: Array.from({ length: 1_999 }, () => ({ seq: 'x', node: 1, choice: {} })) }] };
    const r = await verifyLog(bad, ref);
    expect(r.status).toBe('refused');
    const problems = r.ok ? [] : r.problems;
    expect(problems).toHaveLength(21);
    expect(problems[0]).toMatch(/^attempts\[0\]\.entries\[0\]\.seq: expected a/);
    expect(problems[20]).toBe('(more problems not listed: only the first 20 are shown)');
  });

  it('refuses a text over 5 MB before reading it', async () => {
    const big = ' '.repeat(MAX_LOG_CHARS + 1);
    const t = performance.now();
    expect(await problemOf(verifyLogText(big, ref))).toBe('This file is 5.0 MB, larger than any decision log (at most 5 MB are read); it is not a log from the game.');
    expect(performance.now() - t).toBeLessThan(100);
  });

  it('reads a text that starts with a byte-order mark', async () => {
    expect((await verifyLogText(`\uFEFF${SEALED_TEXT}`, ref)).status).toBe('verified');
  });
});

/** A sealed log of attempts chained to each other, built and sealed without recursion. */
async function chained(count: number, own: readonly number[], seq: number): Promise<SealedLog> {
  const first = played(own);
  const entries = first.attempts[0]?.entries ?? [];
  const attempts: Attempt[] = [{ from: null, startedAt: CREATED, entries }];
  for (let i = 1; i < count; i++) attempts.push({ from: { attempt: i - 1, seq }, startedAt: CREATED, entries: seq === 0 ? entries : [] });
  return copy(await sealLog({ ...first, attempts }));
}

describe('work the file controls', () => {
  it('replays 2,000 chained attempts without recursion, each decision once', async () => {
    const log = await chained(2_000, MINI_FAITHFUL_WALK.slice(0, 2), 0);
    const { value: r, wall, cpu } = await timed(() => verifyLog(log, ref));
    console.info(`2,000 chained attempts: verified in ${wall.toFixed(0)} ms (${cpu.toFixed(0)} ms of CPU)`);
    expect(r.status).toBe('verified');
    expect(r.ok && r.finished).toBe(false);
    expect(cpu).toBeLessThan(1_000);
  });

  it('builds the path of an attempt at the end of a 100,000-long chain without a stack overflow', () => {
    const entries = played(MINI_FAITHFUL_WALK.slice(0, 1)).attempts[0]?.entries ?? [];
    const attempts: Attempt[] = [{ from: null, startedAt: CREATED, entries }];
    for (let i = 1; i < 100_000; i++) attempts.push({ from: { attempt: i - 1, seq: i === 1 ? 1 : 0 }, startedAt: CREATED, entries: [] });
    const log = { seed: 1, variant: 'historical', attempts };
    const path = attemptPath(log, 99_999);
    expect(path.ok && path.path.map((p) => p.attempt)).toEqual([0]);
    expect(replayLog(miniScenario, log).ok).toBe(true);
  });

});

describe('an unfinished log', () => {
  it('is verified but reported unfinished, also when it was cut short and its head set to the new last hash', async () => {
    const full = await verifyLog(SEALED, ref);
    expect(full.ok && full.finished).toBe(true);
    expect(full.ok && full.notes).toEqual([]);

    const cut = copy(SEALED);
    const entries = cut.attempts[0]?.entries ?? [];
    entries.splice(5);
    cut.head = await headHash(entries.at(-1)?.hash ?? '', cut.verdict);
    const r = await verifyLog(cut, ref);
    expect(r.status).toBe('verified');
    expect(r.ok && r.finished).toBe(false);
    expect(r.ok && r.notes[0]).toMatch(/^This log is unfinished: its last attempt stops at "[a-z0-9-]+" before an ending/);
  });
});
