/**
 * The fast path of reading and verifying a log gives the same answers as the schema path (issue
 * "ready for a classroom", point 2): the hand-written reading of a log's structure (log/shape.ts)
 * accepts exactly what the zod schema accepts and returns the same log; the verifier with the fast
 * reading switched off (the schema reads every file) gives identical results on the fixture logs,
 * on a class's logs and on edited copies of them; and the replay of the last attempt that the
 * verifier now keeps on the way is the one `replayLog` gives.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { replayLog } from '../../../src/core/log/replay.ts';
import { scanJson } from '../../../src/core/log/scan.ts';
import { parseOpenLog, parseScannedSealedLog } from '../../../src/core/log/schema.ts';
import { unsealLog } from '../../../src/core/log/seal.ts';
import { entryHashesAreHashes, isWallTime, readOpenLog, readScannedSealedLog, readSealedLogJson } from '../../../src/core/log/shape.ts';
import { verifyLogText, type VerifyResult } from '../../../src/core/log/verify.ts';
import { classLogs } from '../../fixtures/class-logs.ts';
import { FORMAT1_FILES, currentRefs, fixtureText, keptTexts } from './format2-fixtures.ts';

const refs = await currentRefs();
const library = await keptTexts();
const CLASS = (await classLogs(40, 1989)).map((l) => l.text);
const FIXTURES = FORMAT1_FILES.map(fixtureText);
/** Real format 2 files (tests/fixtures/logs/README.md). */
const FORMAT2_FIXTURES = ['format2-mexico-v4-historical.json', 'format2-mexico-v4-counterfactual.json'].map(fixtureText);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The schema's reading of a scanned sealed log, as the fast reading must give it (null when it refuses). */
function bySchema(input: unknown): SealedLog | null {
  const r = parseScannedSealedLog(input);
  return r.ok ? r.log : null;
}

/** Every path to a value inside `value` (objects and lists), for edits. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

type Edit = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

/** `log` with one edit at `path` (the whole value replaced when the path is empty). */
function edited(log: unknown, path: (string | number)[], edit: Edit): unknown {
  const out = copy(log);
  if (path.length === 0) return edit.kind === 'set' ? edit.value : out;
  let parent = out as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (edit.kind === 'set') parent[last] = edit.value;
  else if (edit.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[edit.key] = edit.value;
  }
  return out;
}

/** Values an edit puts in: near misses of the real ones as well as anything JSON. */
const nearMiss = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '', 'x', 0, -1, 1.5, 2 ** 53, -0, null, true, '1962-11-19T23:05Z', '2026-02-29T09:30:00Z', '2024-02-29T09:30:00Z',
    '2026-12-01T09:30:00.123+05:30', '2026-12-01T24:00:00Z', '2026-12-01T09:30Z', 'a'.repeat(64), 'A'.repeat(64), '0'.repeat(63),
    'verified', 'free', 'look', 'required', 'class', 'met-in-time', 'no-such-claim', 'circular938-log', 2, 1, 'line\nbreak', 'tab\there', 'é',
  ),
);
const anEdit: fc.Arbitrary<Edit> = fc.oneof(
  nearMiss.map((value): Edit => ({ kind: 'set', value })),
  fc.constant<Edit>({ kind: 'delete' }),
  fc.tuple(fc.constantFrom('extra', 'reason', 'classCode', 'verdict', 'play', '__proto__'), nearMiss).map(([key, value]): Edit => ({ kind: 'add', key, value })),
);

describe('reading a log by hand (log/shape.ts)', () => {
  it('reads every fixture and class log as the schema does, field for field and in the same order', () => {
    for (const text of [...FIXTURES, ...CLASS]) {
      const input: unknown = JSON.parse(text);
      if (scanJson(input) !== null) continue;
      const fast = readScannedSealedLog(input);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema(input)));
    }
  });

  it('accepts exactly what the schema accepts, and gives the same log, on thousands of edited logs', () => {
    const base = CLASS.slice(0, 4).map((t) => JSON.parse(t) as unknown);
    const where = base.map((b) => paths(b));
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), fc.nat(), anEdit, (b, p, edit) => {
        const list = where[b] as (string | number)[][];
        const input = edited(base[b], list[p % list.length] as (string | number)[], edit);
        if (scanJson(input) !== null) return true;
        const fast = readScannedSealedLog(input);
        const schema = bySchema(input);
        return (fast === null) === (schema === null) && JSON.stringify(fast) === JSON.stringify(schema);
      }),
      { numRuns: 4000 },
    );
  }, 60_000);

  it('reads JSON data without the scan only when the scan finds nothing, and then as the schema does (entry hashes apart)', () => {
    // Values past the scan's bounds, where the shape alone would take them: long texts, lone surrogates, long lists.
    const pastBounds = fc.constantFrom<unknown>(
      'x'.repeat(2_001), '\uD800', 'a\uDC00', `2026-12-01T09:30:00.${'0'.repeat(2_000)}Z`, '𝄞 fine', `${'é'.repeat(2_000)}`,
      Array.from({ length: 2_001 }, () => 0),
    );
    const base = CLASS.slice(0, 4).map((t) => JSON.parse(t) as unknown);
    const where = base.map((b) => paths(b));
    let read = 0;
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), fc.nat(), fc.oneof(anEdit, pastBounds.map((value): Edit => ({ kind: 'set', value }))), (b, p, edit) => {
        const list = where[b] as (string | number)[][];
        // Through JSON text, as the verifier reads a file.
        const input: unknown = JSON.parse(JSON.stringify(edited(base[b], list[p % list.length] as (string | number)[], edit)));
        const fast = readSealedLogJson(input);
        if (fast === null) return true;
        read++;
        // Each entry's prev and hash is left to the caller: when they are not hashes, the schema refuses the log.
        const schema = bySchema(input);
        if (!entryHashesAreHashes(fast)) return schema === null;
        expect(scanJson(input)).toBeNull();
        return JSON.stringify(fast) === JSON.stringify(schema);
      }),
      { numRuns: 4000 },
    );
    expect(read).toBeGreaterThan(500);
    // Every real log is read without the scan, a class game too (its `play` in the schema's place).
    const classGames = CLASS.slice(0, 5).map((t) => JSON.stringify({ ...(JSON.parse(t) as object), play: 'class' }));
    for (const text of [...CLASS, ...FORMAT2_FIXTURES, ...classGames]) {
      const fast = readSealedLogJson(JSON.parse(text));
      expect(fast).not.toBeNull();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema(JSON.parse(text))));
      expect(JSON.stringify(readScannedSealedLog(JSON.parse(text)))).toBe(JSON.stringify(fast));
    }
  }, 60_000);

  it('reads a log whose fields come in another order as the schema does, in the schema\'s order', () => {
    // Each object's fields reversed, or only some entries' and attempts': what another program may write.
    const reversed = (value: unknown, pick: (path: string) => boolean, path = ''): unknown => {
      if (Array.isArray(value)) return value.map((v, i) => reversed(v, pick, `${path}[${i}]`));
      if (value === null || typeof value !== 'object') return value;
      const fields = Object.entries(value).map(([k, v]) => [k, reversed(v, pick, `${path}.${k}`)] as const);
      return Object.fromEntries(pick(path) ? fields.reverse() : fields);
    };
    const picks: ((path: string) => boolean)[] = [() => true, (p) => /entries\[[13579]\]$/.test(p), (p) => /attempts\[0\]$/.test(p)];
    for (const text of [...CLASS.slice(0, 10), ...FORMAT2_FIXTURES]) {
      for (const pick of picks) {
        const input = reversed(JSON.parse(text), pick);
        const fast = readSealedLogJson(input);
        expect(fast).not.toBeNull();
        expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema(input)));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(readSealedLogJson(JSON.parse(text))));
      }
    }
  });

  it('reads an autosave (an open log) as the schema does, and refuses what it refuses', () => {
    const open = CLASS.slice(0, 10).map((t) => unsealLog(JSON.parse(t) as SealedLog));
    for (const log of open) {
      const schema = parseOpenLog(log);
      expect(schema.ok).toBe(true);
      expect(JSON.stringify(readOpenLog(log))).toBe(JSON.stringify(schema.ok ? schema.log : null));
    }
    const where = paths(open[0]);
    fc.assert(
      fc.property(fc.nat(), anEdit, (p, edit) => {
        const input = edited(open[0], where[p % where.length] as (string | number)[], edit);
        const schema = parseOpenLog(input);
        const fast = readOpenLog(input);
        return (fast === null) === !schema.ok && JSON.stringify(fast) === JSON.stringify(schema.ok ? schema.log : null);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it("tells a date and time as zod's iso.datetime({ offset: true }) does", () => {
    const zod = z.iso.datetime({ offset: true });
    const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9');
    const two = fc.tuple(digit, digit).map(([a, b]) => a + b);
    const stamp = fc.tuple(
      fc.constantFrom('1962', '2000', '1900', '2024', '2026', '0000', '2100', '2400'), two, two, two, two, fc.option(two), fc.constantFrom('', '.5', '.123456', '.'),
      fc.constantFrom('Z', '+05:30', '-06:00', '+24:00', '-23:59', '+1:00', '', 'z'),
    ).map(([y, mo, d, h, mi, s, frac, zone]) => `${y}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}`}${frac}${zone}`);
    fc.assert(fc.property(fc.oneof(stamp, fc.string()), (text) => isWallTime(text) === zod.safeParse(text).success), { numRuns: 20_000 });
    for (const text of ['2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2000-02-29T23:59:59.9+23:59', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z']) {
      expect(isWallTime(text)).toBe(zod.safeParse(text).success);
    }
  }, 60_000);
});

/** A result as it would be shown or exported: its JSON (the verdict, the problems, the replayed states). */
const asJson = (r: VerifyResult): string => JSON.stringify(r);

describe('the verifier with the fast reading', () => {
  it('gives the same result as with the schema reading every file: fixtures, a class, and edited copies', async () => {
    const texts = [...FIXTURES, ...CLASS];
    // Edited copies: a changed choice, a dropped entry, a field too many, a verdict changed, a cut file.
    for (const text of CLASS.slice(0, 8)) {
      const log = JSON.parse(text) as SealedLog & Record<string, unknown>;
      const first = log.attempts[0]?.entries[0];
      if (first) texts.push(JSON.stringify({ ...log, attempts: [{ ...log.attempts[0], entries: [{ ...first, choice: first.choice + 1 }, ...(log.attempts[0]?.entries.slice(1) ?? [])] }, ...log.attempts.slice(1)] }));
      texts.push(JSON.stringify({ ...log, attempts: log.attempts.map((a) => ({ ...a, entries: a.entries.slice(1) })) }));
      texts.push(JSON.stringify({ ...log, extra: 1 }));
      if (log.verdict) texts.push(JSON.stringify({ ...log, verdict: { ...log.verdict, score: { ...log.verdict.score, points: log.verdict.score.points + 1 } } }));
      texts.push(text.slice(0, Math.floor(text.length / 2)));
    }
    const fast = await Promise.all(texts.map((t) => verifyLogText(t, refs, { library })));
    vi.resetModules();
    vi.doMock('../../../src/core/log/shape.ts', async (original) => ({ ...(await original<object>()), readScannedSealedLog: () => null, readSealedLogJson: () => null }));
    try {
      const slow = await import('../../../src/core/log/verify.ts');
      const shape = await import('../../../src/core/log/shape.ts');
      expect(shape.readScannedSealedLog(JSON.parse(CLASS[0] as string))).toBeNull();
      expect(shape.readSealedLogJson(JSON.parse(CLASS[0] as string))).toBeNull();
      const bySchemaOnly = await Promise.all(texts.map((t) => slow.verifyLogText(t, refs, { library })));
      expect(fast.map(asJson)).toEqual(bySchemaOnly.map(asJson));
      expect(new Set(fast.map((r) => r.status))).toEqual(new Set(['verified', 'edited', 'refused']));
    } finally {
      vi.doUnmock('../../../src/core/log/shape.ts');
      vi.resetModules();
    }
  }, 60_000);

  it("keeps the last attempt's replay as replayLog gives it", async () => {
    for (const text of CLASS) {
      const r = await verifyLogText(text, refs);
      if (!r.ok) expect.fail(`${r.status}: ${r.problems.join(' ')}`);
      expect(r.replay).toEqual(replayLog(r.scenario.scenario, r.log));
    }
  }, 60_000);
});
